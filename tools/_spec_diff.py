"""Classify the differences between two OpenAPI documents as breaking or compatible for SDK users.

`diff_specs(old, new)` returns one `Change` per difference. The rules, from a user's point of view
(someone calling the generated client or the overlay built on it):

- operation removed, moved (other `operationId` or tag: the generated module moves) -> breaking;
  operation added -> compatible
- parameter removed, added as required, became required, retyped, enum value removed -> breaking;
  optional parameter added, parameter became optional, enum value added -> compatible
- request body removed, added as required, became required, media type removed, schema retyped -> breaking
- response status removed, response media type changed, response schema retyped -> breaking;
  response status added -> compatible
- model removed, property removed (a rename is a removal plus an addition), property retyped, property
  became required or optional (the generated attribute's type changes), required property added,
  enum value removed (narrowed), constraint tightened -> breaking;
  model added, optional property added, enum value added, constraint loosened -> compatible
- Parquet result columns (the `x-parquet-schemas` extension of `components`, result name -> ordered
  column -> dtype): result or column removed, dtype changed -> breaking; column or result added -> compatible
- anything else in an operation or model (descriptions, titles, examples) -> compatible, "documentation"
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = ["PARQUET_EXTENSION", "Change", "diff_specs", "operations"]

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PARQUET_EXTENSION = "x-parquet-schemas"
# Lower bounds: a higher new value narrows. Upper bounds: a lower new value narrows.
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
# Keys that say nothing about what goes over the wire.
_DOC_KEYS = frozenset({"title", "description", "summary", "examples", "example", "default", "deprecated"})


@dataclass(frozen=True, order=True)
class Change:
    """One difference: `subject` ("operation get_task_status", "model TaskMetadataResponse") and what happened."""

    subject: str
    action: str  # "added" | "removed" | "changed"
    detail: str
    breaking: bool

    def line(self) -> str:
        mark = {"added": "+", "removed": "-", "changed": "~"}[self.action]
        return f"{mark} {self.subject}: {self.detail}" if self.detail else f"{mark} {self.subject}"


def operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`METHOD path` -> operation object (a move to another operationId is a change of that key's operation)."""
    ops: dict[str, dict[str, Any]] = {}
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                op = dict(item[method])
                op["parameters"] = [*shared, *op.get("parameters", [])]
                ops[f"{method.upper()} {path}"] = op
    return ops


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every difference between `old` and `new` that a user of the SDK could notice, classified."""
    changes: list[Change] = []
    old_version, new_version = old.get("info", {}).get("version"), new.get("info", {}).get("version")
    if old_version != new_version:
        changes.append(Change("spec", "changed", f"info.version {old_version} -> {new_version}", False))
    changes += _diff_operations(old, new)
    changes += _diff_models(old, new)
    changes += _diff_parquet(old.get("components", {}), new.get("components", {}))
    return sorted(changes, key=lambda c: (not c.breaking, c.subject, c.action, c.detail))


def _diff_operations(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = operations(old), operations(new)
    out: list[Change] = []
    for key in sorted(after.keys() - before.keys()):
        out.append(Change(f"operation {_op_name(key, after[key])}", "added", key, False))
    for key in sorted(before.keys() - after.keys()):
        out.append(Change(f"operation {_op_name(key, before[key])}", "removed", key, True))
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        if a == b:
            continue
        subject = f"operation {_op_name(key, a)}"
        found = _diff_operation(subject, a, b)
        out += found or [Change(subject, "changed", "documentation or metadata", False)]
    return out


def _op_name(key: str, op: dict[str, Any]) -> str:
    return str(op.get("operationId") or key)


def _diff_operation(subject: str, a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    out: list[Change] = []
    if a.get("operationId") != b.get("operationId"):
        out.append(Change(subject, "changed", f"operationId -> {b.get('operationId')}", True))
    if a.get("tags", [])[:1] != b.get("tags", [])[:1]:
        out.append(Change(subject, "changed", f"tag {a.get('tags', [])[:1]} -> {b.get('tags', [])[:1]}", True))
    out += _diff_parameters(subject, a.get("parameters", []), b.get("parameters", []))
    out += _diff_request_body(subject, a.get("requestBody"), b.get("requestBody"))
    out += _diff_responses(subject, a.get("responses", {}), b.get("responses", {}))
    return out


def _diff_parameters(subject: str, a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[Change]:
    before = {(p.get("in"), p.get("name")): p for p in a}
    after = {(p.get("in"), p.get("name")): p for p in b}
    out: list[Change] = []
    for where, name in sorted(after.keys() - before.keys()):
        required = bool(after[where, name].get("required"))
        kind = "required" if required else "optional"
        out.append(Change(subject, "added", f"{kind} {where} parameter {name!r}", required))
    for where, name in sorted(before.keys() - after.keys()):
        out.append(Change(subject, "removed", f"{where} parameter {name!r}", True))
    for where, name in sorted(before.keys() & after.keys()):
        p, q = before[where, name], after[where, name]
        label = f"{where} parameter {name!r}"
        if bool(p.get("required")) != bool(q.get("required")):
            now = "required" if q.get("required") else "optional"
            out.append(Change(subject, "changed", f"{label} became {now}", bool(q.get("required"))))
        out += _diff_schema(subject, label, p.get("schema", {}), q.get("schema", {}))
    return out


def _diff_request_body(subject: str, a: dict[str, Any] | None, b: dict[str, Any] | None) -> list[Change]:
    if a is None and b is None:
        return []
    if a is None:
        required = bool(b and b.get("required"))
        return [Change(subject, "added", f"{'required' if required else 'optional'} request body", required)]
    if b is None:
        return [Change(subject, "removed", "request body", True)]
    out: list[Change] = []
    if bool(a.get("required")) != bool(b.get("required")):
        now = "required" if b.get("required") else "optional"
        out.append(Change(subject, "changed", f"request body became {now}", bool(b.get("required"))))
    before, after = a.get("content", {}), b.get("content", {})
    for media in sorted(after.keys() - before.keys()):
        out.append(Change(subject, "added", f"request body media type {media}", False))
    for media in sorted(before.keys() - after.keys()):
        out.append(Change(subject, "removed", f"request body media type {media}", True))
    for media in sorted(before.keys() & after.keys()):
        sa, sb = before[media].get("schema", {}), after[media].get("schema", {})
        out += _diff_schema(subject, f"request body ({media})", sa, sb)
    return out


def _diff_responses(subject: str, a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    out: list[Change] = []
    for status in sorted(b.keys() - a.keys()):
        out.append(Change(subject, "added", f"response {status}", False))
    for status in sorted(a.keys() - b.keys()):
        out.append(Change(subject, "removed", f"response {status}", True))
    for status in sorted(a.keys() & b.keys()):
        before, after = a[status].get("content", {}), b[status].get("content", {})
        if before.keys() != after.keys():
            old_types, new_types = sorted(before) or ["none"], sorted(after) or ["none"]
            # A media type added beside the old ones is an alternative; one taken away is a change.
            breaking = not before.keys() <= after.keys()
            detail = f"response {status} media type {', '.join(old_types)} -> {', '.join(new_types)}"
            out.append(Change(subject, "changed", detail, breaking))
        for media in sorted(before.keys() & after.keys()):
            sa, sb = before[media].get("schema", {}), after[media].get("schema", {})
            out += _diff_schema(subject, f"response {status} ({media})", sa, sb)
    return out


def _diff_models(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before = old.get("components", {}).get("schemas", {})
    after = new.get("components", {}).get("schemas", {})
    out = [Change(f"model {name}", "added", "", False) for name in sorted(after.keys() - before.keys())]
    out += [Change(f"model {name}", "removed", "", True) for name in sorted(before.keys() - after.keys())]
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        if a == b:
            continue
        subject = f"model {name}"
        found = _diff_object(subject, a, b) + _diff_schema(subject, "", _shallow(a), _shallow(b))
        out += found or [Change(subject, "changed", "documentation or metadata", False)]
    return out


def _shallow(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without what `_diff_object` compares property by property."""
    return {k: v for k, v in schema.items() if k not in ("properties", "required")}


def _diff_object(subject: str, a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    props_a, props_b = a.get("properties", {}), b.get("properties", {})
    req_a, req_b = set(a.get("required", [])), set(b.get("required", []))
    out: list[Change] = []
    for prop in sorted(props_b.keys() - props_a.keys()):
        required = prop in req_b
        out.append(Change(subject, "added", f"{'required' if required else 'optional'} field {prop!r}", required))
    for prop in sorted(props_a.keys() - props_b.keys()):
        out.append(Change(subject, "removed", f"field {prop!r}", True))
    for prop in sorted(props_a.keys() & props_b.keys()):
        if (prop in req_a) != (prop in req_b):
            # Either way the generated attribute's type changes (`T` <-> `T | Unset`).
            now = "required" if prop in req_b else "optional"
            out.append(Change(subject, "changed", f"field {prop!r} became {now}", True))
        out += _diff_schema(subject, f"field {prop!r}", props_a[prop], props_b[prop])
    return out


def _diff_schema(subject: str, label: str, a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    """Type, enum and constraint changes of one schema (a field, a parameter, a body, a model itself)."""
    where = f"{label} " if label else ""
    if _type_signature(a) != _type_signature(b):
        detail = f"{where}retyped {_type_signature(a)} -> {_type_signature(b)}"
        return [Change(subject, "changed", detail, True)]
    out: list[Change] = []
    old_enum, new_enum = _enum_values(a), _enum_values(b)
    if old_enum is not None and new_enum is not None:
        if removed := [v for v in old_enum if v not in new_enum]:
            out.append(Change(subject, "changed", f"{where}enum narrowed: removed {_show(removed)}", True))
        if added := [v for v in new_enum if v not in old_enum]:
            out.append(Change(subject, "changed", f"{where}enum widened: added {_show(added)}", False))
    for key in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "pattern"):
        if a.get(key) == b.get(key):
            continue
        old, new = a.get(key), b.get(key)
        if key == "pattern" or old is None or new is None:
            narrowed = new is not None
        else:
            narrowed = new > old if key in _LOWER_BOUNDS else new < old
        out.append(Change(subject, "changed", f"{where}{key} {old} -> {new}", narrowed))
    return out


def _type_signature(schema: dict[str, Any]) -> str:
    """What values a schema admits, ignoring documentation, enums and constraints (compared on their own)."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            members = sorted(_type_signature(member) for member in schema[combinator])
            return f"{combinator}[{' | '.join(members)}]"
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = "|".join(sorted(kind))
    if kind is None:
        return "const" if "const" in schema else ("enum" if "enum" in schema else "any")
    text = str(kind) + (f"({schema['format']})" if "format" in schema else "")
    if kind == "array":
        text += f"[{_type_signature(schema.get('items', {}))}]"
    if kind == "object" and "additionalProperties" in schema and isinstance(schema["additionalProperties"], dict):
        text += f"{{str: {_type_signature(schema['additionalProperties'])}}}"
    return text


def _enum_values(schema: dict[str, Any]) -> list[Any] | None:
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    return None


def _show(values: list[Any]) -> str:
    return ", ".join(json.dumps(v) for v in values)


def _diff_parquet(a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    before, after = a.get(PARQUET_EXTENSION, {}), b.get(PARQUET_EXTENSION, {})
    out = [Change(f"parquet {name}", "added", "", False) for name in sorted(after.keys() - before.keys())]
    out += [Change(f"parquet {name}", "removed", "", True) for name in sorted(before.keys() - after.keys())]
    for name in sorted(before.keys() & after.keys()):
        subject, cols_a, cols_b = f"parquet {name}", before[name], after[name]
        out += [Change(subject, "added", f"column {c!r} ({cols_b[c]})", False) for c in cols_b if c not in cols_a]
        out += [Change(subject, "removed", f"column {c!r}", True) for c in cols_a if c not in cols_b]
        for column in (c for c in cols_a if c in cols_b and cols_a[c] != cols_b[c]):
            detail = f"column {column!r} dtype {cols_a[column]} -> {cols_b[column]}"
            out.append(Change(subject, "changed", detail, True))
    return out
