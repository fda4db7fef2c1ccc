"""Strategy input: load, check and normalise `StrategyConfig`s before they go on the wire.

`load_strategies` takes generated `StrategyConfig` models, wire-format dicts, JSON files, or a
mix, and returns validated models (the checks themselves are in `_validation.py`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeAlias

from tradepose_api.models import StrategyConfig

from .._client._runner import to_strategy_configs
from ._validation import StrategyError, validate_strategy_dict

__all__ = ["StrategyInput", "load_strategies", "strategy_to_wire"]

StrategyInput: TypeAlias = "StrategyConfig | Mapping[str, Any] | str | os.PathLike[str]"


def strategy_to_wire(strategy: StrategyConfig | Mapping[str, Any]) -> dict[str, Any]:
    """The wire JSON of one strategy (validated), as sent in `strategy_configs`."""
    raw = strategy.to_dict() if isinstance(strategy, StrategyConfig) else strategy
    return validate_strategy_dict(raw)


def _read_file(path: Path) -> list[tuple[object, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise StrategyError(
            f"strategy file {str(path)!r} is not UTF-8 text (saved as UTF-16?): save it as UTF-8"
        ) from None
    except ValueError:  # a NUL byte in the path
        raise StrategyError(f"strategy file name {str(path)!r} contains a NUL byte: pass a real file path") from None
    except OSError as exc:
        raise StrategyError(f"cannot read strategy file {str(path)!r}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise StrategyError(
            f"strategy file {str(path)!r} is not valid JSON ({exc}): it must hold one strategy object or a list"
        ) from None
    if isinstance(data, list):
        return [(item, f"{path.name}, item {i}") for i, item in enumerate(data)]
    return [(data, path.name)]


def _expand(items: object) -> list[tuple[object, str]]:
    if isinstance(items, StrategyConfig | Mapping | str | os.PathLike):
        items = [items]
    if not isinstance(items, Iterable):
        raise StrategyError(
            f"cannot read strategies from {type(items).__name__}: pass StrategyConfig models, dicts or JSON file paths"
        )
    out: list[tuple[object, str]] = []
    for i, item in enumerate(items):
        if isinstance(item, StrategyConfig):
            out.append((item.to_dict(), f"item {i}"))
        elif isinstance(item, str | os.PathLike):
            out.extend(_read_file(Path(item)))
        else:
            out.append((item, f"item {i}"))
    return out


def load_strategies(items: StrategyInput | Iterable[StrategyInput]) -> list[StrategyConfig]:
    """Validate strategies and return them as generated `StrategyConfig` models, in order.

    `items` is one input or an iterable of them: a `StrategyConfig`, a wire-format dict, or a
    path to a JSON file holding one strategy object or a list of them. Raises `StrategyError`
    for an empty input, duplicate names, names that cannot be file names, missing required
    fields and bad enum or parameter values, naming the strategy and the field.
    """
    entries = _expand(items)
    if not entries:
        raise StrategyError("no strategies given: pass at least one StrategyConfig, dict or JSON file")
    configs: list[StrategyConfig] = []
    seen: dict[str, str] = {}
    for raw, origin in entries:
        wire = validate_strategy_dict(raw, origin)
        name = wire["name"]
        if name in seen:
            raise StrategyError(
                f"strategy name {name!r} is used twice ({seen[name]} and {origin}): "
                f"names identify results, so rename one of them"
            )
        seen[name] = origin
        configs.extend(to_strategy_configs(wire))  # the clients' conversion: one path, StrategyError on failure
    return configs
