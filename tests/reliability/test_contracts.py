"""Contract fuzzing: every `components/schemas` entry round-trips through its generated model, and response
bodies with unknown fields, unknown enum values and nulls never crash the overlay.

Round-trip normalisations (the only differences `from_dict → to_dict` may introduce, both lossless):

* `date-time` strings are re-serialised by `datetime.isoformat()` (`Z` becomes `+00:00`, fractions are
  written with 6 digits or dropped when zero); they are compared as (instant, UTC offset).
* `uuid` strings are re-serialised by `str(UUID(...))` (lower case); they are compared as UUIDs.

hypothesis-jsonschema 0.23.1 does not know the `uuid` format (it would draw arbitrary text, which the spec
forbids), so it gets a `custom_formats` strategy drawing UUIDs in both cases. `PolarsExpr` (free-form JSON)
is drawn as small flat objects inside other schemas, so the strategy schemas generate in bounded time; its
own round trip uses the free-form schema. Examples are few and derandomized to keep `make test` bounded.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import random
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import tradepose_api.models as models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from tradepose_api.models.result_type import ResultType

from tests.overlay._overlay_support import API_KEY, BASE_URL, TASK_ID, FakeClock, generated_operations, task_json
from tests.reliability._support import STRATEGIES
from tradepose import AsyncTradePoseClient, BatchTester, ResponseDecodeError, TradePoseClient
from tradepose.testing import FaultConfig, LocalGateway

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi.json").read_text())
COMPONENTS: dict[str, Any] = SPEC["components"]["schemas"]
FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run of `make test`
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.large_base_example],
)  # fmt: skip
# Generation only: a small PolarsExpr inside other schemas (a subset of what the spec allows).
GENERATION = {**COMPONENTS, "PolarsExpr": {"type": "object", "maxProperties": 2,
                                           "additionalProperties": {"type": ["string", "integer", "boolean", "null"]}}}  # fmt: skip
HEAVY = {"StrategyConfig", "Blueprint", "ExportRequest", "StrategyListResponse"}
FORMATS = {"uuid": st.uuids().flatmap(lambda u: st.sampled_from([str(u), str(u).upper()]))}


def _rooted(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with the spec's components beside it, so `#/components/schemas/...` refs resolve."""
    return {**schema, "components": {"schemas": COMPONENTS}}


def _strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    return from_schema({**schema, "components": {"schemas": GENERATION}}, custom_formats=FORMATS)


def _normalise(value: Any) -> Any:
    """Apply the documented round-trip normalisations (date-times, UUIDs) to a JSON value."""
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, str):
        if len(value) == 36 and value.count("-") == 4:
            try:
                return uuid.UUID(value)
            except ValueError:
                pass
        if len(value) >= 19 and value[10:11] in ("T", "t"):
            try:
                parsed = dt.datetime.fromisoformat(value)
            except ValueError:
                return value
            return ("date-time", parsed, parsed.utcoffset())
    return value


@pytest.mark.parametrize("name", sorted(COMPONENTS))
def test_schema_instances_round_trip_through_the_generated_model(name: str) -> None:
    """Spec-valid instances of the schema survive from_dict → to_dict (enums: value → member → value)."""
    model = getattr(models, name)

    @settings(FUZZ, max_examples=6 if name in HEAVY else 25)
    @given(_strategy(COMPONENTS[name]))
    def round_trip(instance: Any) -> None:
        if isinstance(model, type) and issubclass(model, enum.Enum):
            assert model(instance).value == instance
            return
        assert _normalise(model.from_dict(instance).to_dict()) == _normalise(instance)

    round_trip()


# -- hostile but plausible response bodies, through the overlay clients ----------------------------------------


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def _valid(instance: Any, schema: dict[str, Any]) -> bool:
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = jsonschema.Draft202012Validator(_rooted(schema))
    return validator.is_valid(instance)


def _branch(instance: Any, schema: dict[str, Any]) -> dict[str, Any] | None:
    """The anyOf/oneOf branch `instance` matches, or the schema itself when it has no branches."""
    branches = schema.get("anyOf") or schema.get("oneOf")
    if not branches:
        return schema
    return next((_resolve(b) for b in branches if _valid(instance, b)), None)


def _nullable(schema: dict[str, Any]) -> bool:
    return any(b.get("type") == "null" for b in schema.get("anyOf", []))


def mutate(instance: Any, schema: dict[str, Any], rng: random.Random, *, fields: bool, nulls: bool,
           enums: bool) -> Any:  # fmt: skip
    """A copy of `instance` with unknown fields added, nullable fields set to null and enum values replaced."""
    schema = _resolve(schema)
    matched = _branch(instance, schema)
    if matched is None:
        return instance
    schema = matched
    if enums and "enum" in schema and rng.random() < 0.7:
        return 9 if schema.get("type") == "integer" else "SOME_NEW_VALUE"
    if isinstance(instance, list):
        items = schema.get("items", {})
        return [mutate(v, items, rng, fields=fields, nulls=nulls, enums=enums) for v in instance]
    if not isinstance(instance, dict) or "properties" not in schema:
        return instance
    out: dict[str, Any] = {}
    for key, value in instance.items():
        sub = schema["properties"].get(key)
        out[key] = value if sub is None else mutate(value, sub, rng, fields=fields, nulls=nulls, enums=enums)
    if nulls:
        for key, sub in schema["properties"].items():
            if _nullable(sub) and rng.random() < 0.7:
                out[key] = None
    if fields:
        out[f"x_new_field_{rng.randrange(1000)}"] = rng.choice([1, "text", None, [1, "a"], {"nested": {"n": 1.5}}])
    return out


def minimal(schema: dict[str, Any]) -> Any:
    """The smallest spec-valid instance: required fields only, first enum value, first branch."""
    schema = _resolve(schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        return minimal(branches[0])
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: minimal(props.get(k, {"type": "string"})) for k in schema.get("required", [])}
    if kind == "array":
        return [minimal(schema.get("items", {})) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        fmt = schema.get("format")
        text = {"uuid": TASK_ID, "date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01"}.get(fmt, "x")
        return text.ljust(schema.get("minLength", 0), "x")
    if kind in ("integer", "number"):
        return schema.get("minimum", 1 if "exclusiveMinimum" in schema else 0)
    return {"boolean": False, "null": None}[kind]


def _operations() -> list[tuple[str, str, dict[str, Any], dict[str, Any] | None]]:
    """(tag, operation, 2xx JSON response schema, request body schema) of every JSON-returning operation."""
    by_id: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    for item in SPEC["paths"].values():
        for op in item.values():
            ok = next(op["responses"][c] for c in op["responses"] if c.startswith("2"))
            content = ok.get("content", {}).get("application/json")
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if content is not None:
                by_id[op["operationId"]] = (content["schema"], body)
    return [
        (tag, name, *by_id[name])
        for tag, ops in sorted(generated_operations().items())
        for name in sorted(ops)
        if name in by_id
    ]


OPERATIONS = _operations()


def _arguments(tag: str, name: str, body: Any) -> dict[str, Any]:
    """Placeholder values for an operation's required parameters (the mock ignores them)."""
    module = generated_operations()[tag][name]
    placeholders = {uuid.UUID: uuid.UUID(TASK_ID), int: 1, str: "x", ResultType: next(iter(ResultType))}
    args: dict[str, Any] = {}
    for param in inspect.signature(module._get_kwargs).parameters.values():
        if param.default is not inspect.Parameter.empty:
            continue
        args[param.name] = body if param.name == "body" else placeholders[param.annotation]
    return args


@pytest.mark.parametrize(("tag", "name", "response_schema", "body_schema"), OPERATIONS,
                         ids=[f"{t}.{n}" for t, n, _, _ in OPERATIONS])  # fmt: skip
def test_hostile_response_bodies_parse_or_raise_response_decode_error(
    tag: str, name: str, response_schema: dict[str, Any], body_schema: dict[str, Any] | None
) -> None:
    """Unknown fields and spec-allowed nulls parse (extras kept); unknown enum values parse or give ResponseDecodeError."""
    served: list[Any] = []
    handler = lambda request: httpx.Response(200, json=served[-1])  # noqa: E731
    body = None
    if body_schema is not None:
        instance = minimal(body_schema)
        assert _valid(instance, body_schema)
        body = getattr(models, body_schema["$ref"].rsplit("/", 1)[-1]).from_dict(instance)
    heavy = response_schema.get("$ref", "").rsplit("/", 1)[-1] in HEAVY
    with TradePoseClient(api_key=API_KEY, server_url=BASE_URL, env_file=None, max_retries=0,
                         transport=httpx.MockTransport(handler)) as client:  # fmt: skip
        operation = getattr(getattr(client, tag), name)

        @settings(FUZZ, max_examples=3 if heavy else 8)
        @given(_strategy(response_schema), st.sampled_from(["fields", "nulls", "enums", "all"]),
               st.randoms(use_true_random=False))  # fmt: skip
        def call(instance: Any, mode: str, rng: random.Random) -> None:
            hostile = mutate(instance, response_schema, rng, fields=mode in ("fields", "all"),
                             nulls=mode in ("nulls", "all"), enums=mode in ("enums", "all"))  # fmt: skip
            served.append(hostile)
            args = _arguments(tag, name, body)
            if mode in ("fields", "nulls"):
                assert _valid(hostile, response_schema), "the mutation must stay within the spec"
                parsed = operation(**args)  # spec-valid: must parse
                extras = {k for k in hostile if k.startswith("x_new_field_")} if isinstance(hostile, dict) else set()
                assert extras <= set(getattr(parsed, "additional_properties", {}))
                return
            outcome: object
            try:
                outcome = operation(**args)
            except ResponseDecodeError as exc:  # the only failure allowed: typed, naming the mismatch
                outcome = exc
            assert not isinstance(outcome, Exception) or "does not match the API schema" in str(outcome)

        call()


@pytest.mark.anyio
@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_unknown_task_status_is_polled_as_running(mode: str, clock: FakeClock) -> None:
    """A status of 9 (a newer gateway's state), with unknown fields and nulls, is treated as still running."""
    bodies = [task_json(9, x_new=1, worker_id=None, started_at=None), task_json(9), task_json(2, x_other=[1])]
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=bodies[min(len(seen), len(bodies)) - 1])

    settings_: dict[str, Any] = {"api_key": API_KEY, "server_url": BASE_URL, "env_file": None, "clock": clock,
                                 "transport": httpx.MockTransport(handler)}  # fmt: skip
    if mode == "sync":
        with TradePoseClient(**settings_) as client:
            meta = client.poll_until_complete(TASK_ID, timeout=60)
    else:
        async with AsyncTradePoseClient(**settings_) as aclient:
            meta = await aclient.poll_until_complete(TASK_ID, timeout=60)
    assert meta.status == 2 and meta.additional_properties == {"x_other": [1]}
    assert len(seen) == 3 and len(clock.sleeps) == 2


@pytest.mark.e2e
def test_batch_rides_out_unknown_task_statuses(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """A gateway reporting an unknown status for every unfinished task still gives a complete batch."""
    # Tasks last 0.5-1.5 s, so some polls find them unfinished; every such poll reports status 4.
    gw = gateway_factory(time_scale=0.5, faults=FaultConfig(seed=3, unknown_status_rate=1.0))
    with BatchTester(api_key=gw.api_key, server_url=gw.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES[:1], ["2024-01", "2024-02"], workdir=tmp_path / "b")
        assert batch.wait(timeout=60, progress=False).status["completed"] == 2
    assert gw.stats.faults.get("unknown_status", 0) > 0
