"""The generated typed resources (`tradepose_api.api.<tag>.<Tag>Resource`) over a minimal test sender."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import httpx
import pytest
import tradepose_api.api
from tradepose_api import errors
from tradepose_api.api import APIResponse, AsyncResources, Resources
from tradepose_api.models import MessageResponse, StrategyConfig, TaskMetadataResponse, TaskStatus
from tradepose_api.types import File

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
SPEC = json.loads((ROOT / "openapi.json").read_text())
TASK_ID = UUID("6f1c7a6e-5d55-4b0c-9d8e-3f2a1b0c9d8e")
TASK = {
    "task_id": str(TASK_ID),
    "user_id": "0b6f7e80-1c1e-4a5e-8d3c-2f9a4b7c6d5e",
    "status": 2,
    "export_type": 0,
    "created_at": "2024-05-01T12:00:00Z",
}
STRATEGY = {
    "name": "s",
    "base_instrument": "BTCUSDT",
    "base_freq": "1h",
    "note": "",
    "volatility_indicators": [],
    "base_blueprint": {
        "name": "b",
        "direction": "Long",
        "trend_type": "Trend",
        "entry_first": True,
        "note": "",
        "entry_triggers": [],
        "exit_triggers": [],
    },
    "advanced_blueprints": [],
}


class Recorder:
    """A sender over `httpx.MockTransport`: records each request and serves one canned response."""

    def __init__(self, status: int = 200, **content: Any) -> None:
        self.requests: list[httpx.Request] = []
        self._status, self._content = status, content

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self._status, **self._content)

    def _wrap(self, response: httpx.Response, parse: Callable[[httpx.Response], T]) -> APIResponse[T]:
        return APIResponse(
            parsed=parse(response),
            status_code=response.status_code,
            headers=response.headers,
            request_id=response.headers.get("x-request-id"),
            retries_taken=0,
            http_response=response,
        )

    def __call__(self, kwargs: dict[str, Any], parse: Callable[[httpx.Response], T], /) -> APIResponse[T]:
        with httpx.Client(base_url="http://gateway.test", transport=httpx.MockTransport(self._handle)) as http:
            return self._wrap(http.request(**kwargs), parse)

    async def asend(self, kwargs: dict[str, Any], parse: Callable[[httpx.Response], T], /) -> APIResponse[T]:
        transport = httpx.MockTransport(self._handle)
        async with httpx.AsyncClient(base_url="http://gateway.test", transport=transport) as http:
            return self._wrap(await http.request(**kwargs), parse)


def _spec_operations() -> list[tuple[str, str]]:
    return sorted(
        (op["tags"][0], op["operationId"]) for item in SPEC["paths"].values() for op in item.values()
    )


@pytest.mark.parametrize(("tag", "operation"), _spec_operations())
def test_every_operation_has_sync_and_async_methods_with_the_generated_parameters(tag: str, operation: str) -> None:
    """Each operation is a method of both resources, with `_get_kwargs`'s parameter names, kinds and defaults."""
    package = importlib.import_module(f"tradepose_api.api.{tag}")
    module = importlib.import_module(f"{package.__name__}.{operation}")
    expected = list(inspect.signature(module._get_kwargs).parameters.values())
    name = tag.title().replace("_", "")
    for cls in (getattr(package, f"{name}Resource"), getattr(package, f"Async{name}ResourceWithResponse")):
        method = getattr(cls, operation)
        params = list(inspect.signature(method).parameters.values())[1:]
        assert [(p.name, p.kind, p.default) for p in params] == [(p.name, p.kind, p.default) for p in expected]
        for p, generated in zip(params, expected, strict=True):
            if p.name != "body":
                # The resource's annotations are postponed: resolve them where the operation's are defined.
                assert eval(p.annotation, vars(module)) == generated.annotation
        assert inspect.iscoroutinefunction(method) == cls.__name__.startswith("Async")
        assert "Raises:" in (method.__doc__ or "") and "tradepose.APIStatusError" in (method.__doc__ or "")


def test_sync_call_sends_the_generated_request_and_returns_the_model() -> None:
    """`get_task_status` sends GET /api/v1/tasks/{id} and returns the parsed TaskMetadataResponse."""
    sender = Recorder(json=TASK, headers={"x-request-id": "req-1"})
    result = Resources(sender).tasks.get_task_status(TASK_ID)
    assert isinstance(result, TaskMetadataResponse) and result.status is TaskStatus.COMPLETED
    assert sender.requests[0].method == "GET"
    assert sender.requests[0].url.path == f"/api/v1/tasks/{TASK_ID}"


def test_with_response_returns_the_http_facts() -> None:
    """The `with_response` twin returns an APIResponse carrying the parsed body and the headers."""
    sender = Recorder(json=TASK, headers={"x-request-id": "req-1"})
    response = Resources(sender).tasks.with_response.get_task_status(task_id=TASK_ID)
    assert isinstance(response.parsed, TaskMetadataResponse)
    assert (response.status_code, response.request_id) == (200, "req-1")


def test_async_call_returns_the_model() -> None:
    """The async resource awaits the sender and returns the same model."""
    sender = Recorder(json=TASK)
    result = asyncio.run(AsyncResources(sender.asend).tasks.get_task_status(TASK_ID))
    assert isinstance(result, TaskMetadataResponse) and result.task_id == TASK_ID


def test_a_mapping_body_is_parsed_into_the_model_and_sent_as_wire_json() -> None:
    """A wire-format dict body is parsed into StrategyConfig and sent unchanged; a model works too."""
    sender = Recorder(json=STRATEGY)
    strategies = Resources(sender).strategies
    assert isinstance(strategies.create_strategy(body=STRATEGY), StrategyConfig)
    strategies.create_strategy(body=StrategyConfig.from_dict(STRATEGY))
    assert [json.loads(r.content) for r in sender.requests] == [STRATEGY, STRATEGY]


def test_an_invalid_mapping_body_is_a_value_error_naming_the_model() -> None:
    """A dict that is not a StrategyConfig raises ValueError before anything is sent."""
    sender = Recorder(json=STRATEGY)
    with pytest.raises(ValueError, match="body is not a valid StrategyConfig"):
        Resources(sender).strategies.create_strategy(body={"name": "s"})
    assert sender.requests == []


def test_query_parameters_and_their_defaults_are_sent() -> None:
    """`delete_strategy` sends its path parameter quoted and the `archive` default as a query parameter."""
    sender = Recorder(json={"message": "deleted"})
    result = Resources(sender).strategies.delete_strategy(TASK_ID)
    assert isinstance(result, MessageResponse)
    assert sender.requests[0].url.params["archive"] == "true"


def test_no_content_returns_none() -> None:
    """A 204 operation (`revoke_api_key`) returns None."""
    assert Resources(Recorder(204)).keys.revoke_api_key(TASK_ID) is None


def test_binary_result_is_a_file() -> None:
    """A binary (Parquet) result comes back as the generated File with the raw bytes."""
    result = Resources(Recorder(content=b"PAR1")).tasks.download_task_result(TASK_ID, "trades")  # type: ignore[arg-type]
    assert isinstance(result, File) and result.payload.read() == b"PAR1"


def test_an_undocumented_2xx_status_is_not_parsed() -> None:
    """A 201 where only 200 is documented raises UnexpectedStatus from the parser (the sender maps it)."""
    with pytest.raises(errors.UnexpectedStatus):
        Resources(Recorder(201, json=TASK)).tasks.get_task_status(TASK_ID)


def test_resources_bind_every_tag_and_import_it_on_first_use() -> None:
    """`Resources` has one attribute per tag; a tag's modules and models load only when it is touched."""
    tags = sorted({tag for tag, _ in _spec_operations()})
    assert tags == sorted(n for n in vars(Resources) if not n.startswith("_"))
    assert tags == sorted(n for n in vars(AsyncResources) if not n.startswith("_"))
    script = (
        "import sys; from tradepose_api.api import Resources; r = Resources(print)\n"
        "assert 'tradepose_api.api.tasks' not in sys.modules\n"
        "r.tasks\n"
        "assert 'tradepose_api.api.tasks' in sys.modules and 'tradepose_api.api.strategies' not in sys.modules\n"
        "assert 'tradepose_api.models.task_metadata_response' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert tradepose_api.api.Resources is Resources


def test_models_package_is_lazy_but_complete() -> None:
    """`import tradepose_api.models` imports no model; every name in `__all__` resolves; unknown names fail."""
    script = (
        "import sys, tradepose_api.models as m\n"
        "loaded = [n for n in sys.modules if n.startswith('tradepose_api.models.')]\n"
        "assert loaded == [], loaded\n"
        "assert m.TaskStatus.COMPLETED == 2 and 'tradepose_api.models.task_status' in sys.modules\n"
        "assert all(getattr(m, n).__name__ == n for n in m.__all__)\n"
        "assert set(m.__all__) <= set(dir(m))\n"
        "try:\n    m.NoSuchModel\nexcept AttributeError as e:\n    assert 'NoSuchModel' in str(e)\n"
        "else:\n    raise SystemExit('no AttributeError')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
