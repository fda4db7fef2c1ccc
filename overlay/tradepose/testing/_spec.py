"""The checked-in openapi.json as the local gateway's single source of truth.

Requests are validated against the spec's own JSON Schemas (jsonschema, Draft 2020-12, with a
registry over the whole document), and failures are reported the way FastAPI does:
`{"detail": [{"type", "loc", "msg", "input"}, ...]}` with status 422.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import jsonschema  # type: ignore[import-untyped]
import referencing
import referencing.jsonschema

__all__ = ["Operation", "RequestInvalid", "Spec", "find_spec_path"]

_SPEC_URI: Final = "urn:tradepose:openapi"
_SPEC_ENV: Final = "TRADEPOSE_OPENAPI_PATH"
_HTTP_METHODS: Final = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})
_INTEGER: Final = re.compile(r"[+-]?\d+")
_REQUIRED: Final = re.compile(r"^'(.*)' is a required property$", re.DOTALL)
_TYPE_NAMES: Final = {
    "string": "string_type",
    "integer": "int_type",
    "number": "float_type",
    "boolean": "bool_type",
    "object": "dict_type",
    "array": "list_type",
    "null": "none_required",
}
_KEYWORD_TYPES: Final = {
    "enum": "enum",
    "const": "literal_error",
    "minLength": "string_too_short",
    "maxLength": "string_too_long",
    "minimum": "greater_than_equal",
    "exclusiveMinimum": "greater_than",
    "maximum": "less_than_equal",
    "exclusiveMaximum": "less_than",
    "pattern": "string_pattern_mismatch",
    "anyOf": "union_error",
    "oneOf": "union_tag_invalid",
}
_FORMAT_TYPES: Final = {"uuid": "uuid_parsing", "date-time": "datetime_parsing", "date": "date_parsing"}


def find_spec_path() -> Path:
    """Where openapi.json is: `$TRADEPOSE_OPENAPI_PATH`, package data, or the source checkout."""
    override = os.environ.get(_SPEC_ENV)
    if override:
        return Path(override)
    here = Path(__file__).resolve()
    candidates = [here.parent / "openapi.json", *(parent / "openapi.json" for parent in here.parents[1:5])]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"openapi.json not found (set {_SPEC_ENV}); looked in {candidates}")


class RequestInvalid(Exception):
    """A request failed validation; `errors` are FastAPI-shaped error items."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s)")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Parameter:
    """One path or query parameter of an operation."""

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]


@dataclass(slots=True)
class Operation:
    """One operation of the spec, with what is needed to validate its requests."""

    method: str
    path: str
    operation_id: str
    parameters: list[Parameter]
    body_schema: Mapping[str, Any] | None
    body_required: bool
    jwt_only: bool
    public: bool
    _validators: dict[str, jsonschema.protocols.Validator] = field(default_factory=dict)


class Spec:
    """The parsed openapi.json with request validators over its `components/schemas`."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.document: dict[str, Any] = json.loads(raw)
        resource = referencing.jsonschema.DRAFT202012.create_resource(self.document)
        self._registry: referencing.Registry[Any] = referencing.Registry().with_resource(_SPEC_URI, resource)
        self._format_checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
        self.operations: list[Operation] = []
        default_security = self.document.get("security", [])
        for path, item in self.document["paths"].items():
            for method, op in item.items():
                if method not in _HTTP_METHODS:
                    continue
                security = op.get("security", default_security)
                schemes = {name for requirement in security for name in requirement}
                body = op.get("requestBody")
                body_schema = None
                if body is not None:
                    body_schema = self._absolute(body["content"]["application/json"]["schema"])
                self.operations.append(
                    Operation(
                        method=method.upper(),
                        path=path,
                        operation_id=op["operationId"],
                        parameters=[
                            Parameter(p["name"], p["in"], bool(p.get("required")), self._absolute(p["schema"]))
                            for p in op.get("parameters", [])
                        ],
                        body_schema=body_schema,
                        body_required=bool(body and body.get("required")),
                        jwt_only=schemes == {"HTTPBearer"},
                        public=not security,
                    )
                )

    @classmethod
    def load(cls, path: Path | None = None) -> Spec:
        """Read the spec from `path` (default: `find_spec_path()`)."""
        return cls((path or find_spec_path()).read_bytes())

    def _absolute(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        """Rewrite local `$ref`s so the schema resolves against the registry."""
        text = json.dumps(schema).replace('"#/components/', f'"{_SPEC_URI}#/components/')
        result: dict[str, Any] = json.loads(text)
        return result

    def _validator(self, op: Operation, key: str, schema: Mapping[str, Any]) -> jsonschema.protocols.Validator:
        validator = op._validators.get(key)
        if validator is None:
            validator = jsonschema.Draft202012Validator(
                schema, registry=self._registry, format_checker=self._format_checker
            )
            op._validators[key] = validator
        return validator

    def validate(
        self,
        op: Operation,
        path_params: Mapping[str, str],
        query: Mapping[str, str],
        body: bytes,
    ) -> tuple[dict[str, Any], Any]:
        """Convert and check parameters and body; returns (params, body) or raises RequestInvalid.

        Query and path values are converted by their declared type (booleans accept only
        `true`/`false`); absent optional parameters take their schema default.
        """
        errors: list[dict[str, Any]] = []
        params: dict[str, Any] = {}
        for param in op.parameters:
            source = path_params if param.location == "path" else query
            raw = source.get(param.name)
            loc: list[str | int] = [param.location, param.name]
            if raw is None:
                if param.required:
                    errors.append({"type": "missing", "loc": loc, "msg": "Field required", "input": None})
                else:
                    params[param.name] = param.schema.get("default")
                continue
            value = self._convert(param.schema, raw, loc, errors)
            if value is None:
                continue
            validator = self._validator(op, f"{param.location}:{param.name}", param.schema)
            found = [_error_item(error, loc) for error in validator.iter_errors(value)]
            errors.extend(item for items in found for item in items)
            params[param.name] = value
        payload: Any = None
        if op.body_schema is not None:
            payload = self._body(op, body, errors)
        if errors:
            raise RequestInvalid(errors)
        return params, payload

    def _convert(self, schema: Mapping[str, Any], raw: str, loc: list[str | int], errors: list[dict[str, Any]]) -> Any:
        kind = schema.get("type")
        if kind == "boolean":
            if raw in ("true", "false"):
                return raw == "true"
            errors.append(
                {
                    "type": "bool_parsing",
                    "loc": loc,
                    "msg": "Input should be a valid boolean, unable to interpret input",
                    "input": raw,
                }
            )
            return None
        if kind == "integer":
            if _INTEGER.fullmatch(raw):
                return int(raw)
            errors.append(
                {
                    "type": "int_parsing",
                    "loc": loc,
                    "msg": "Input should be a valid integer, unable to parse string as an integer",
                    "input": raw,
                }
            )
            return None
        return raw

    def _body(self, op: Operation, body: bytes, errors: list[dict[str, Any]]) -> Any:
        assert op.body_schema is not None
        if not body.strip():
            if op.body_required:
                errors.append({"type": "missing", "loc": ["body"], "msg": "Field required", "input": None})
            return None
        try:
            payload = json.loads(body, parse_constant=_reject_constant)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            position = getattr(error, "pos", getattr(error, "start", 0))
            errors.append(
                {
                    "type": "json_invalid",
                    "loc": ["body", position],
                    "msg": "JSON decode error",
                    "input": {},
                    "ctx": {"error": str(error)},
                }
            )
            return None
        validator = self._validator(op, "body", op.body_schema)
        for problem in validator.iter_errors(payload):
            errors.extend(_error_item(problem, ["body"]))
        return payload


def _error_item(problem: jsonschema.ValidationError, prefix: list[str | int]) -> list[dict[str, Any]]:
    loc = [*prefix, *problem.absolute_path]
    instance = problem.instance
    if problem.validator == "required" and isinstance(instance, dict):
        match = _REQUIRED.match(problem.message)
        name = match.group(1) if match else str(problem.validator_value)
        return [{"type": "missing", "loc": [*loc, name], "msg": "Field required", "input": instance}]
    if problem.validator == "type":
        expected = problem.validator_value
        kind = _TYPE_NAMES.get(expected if isinstance(expected, str) else "", "type_error")
    elif problem.validator == "format":
        kind = _FORMAT_TYPES.get(str(problem.validator_value), "value_error")
    else:
        kind = _KEYWORD_TYPES.get(str(problem.validator), "value_error")
    return [{"type": kind, "loc": loc, "msg": problem.message, "input": _jsonable(instance)}]


def _reject_constant(name: str) -> Any:
    """`NaN` and `Infinity` are not JSON; Python's parser would accept them."""
    raise json.JSONDecodeError(f"{name} is not valid JSON", name, 0)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value
