"""The public surface: one sorted `__all__` in `tradepose`, equal to the names it exports."""

from __future__ import annotations

import tradepose


def test_all_is_sorted_and_unique() -> None:
    """`__all__` is sorted and has no duplicates."""
    assert tradepose.__all__ == sorted(set(tradepose.__all__))


def test_all_equals_the_public_names() -> None:
    """Every public module attribute is in `__all__`, and every name in `__all__` exists."""
    public = {
        name
        for name, value in vars(tradepose).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("tradepose.")
    }
    assert public <= set(tradepose.__all__)
    assert all(hasattr(tradepose, name) for name in tradepose.__all__)


def test_public_names_live_in_private_modules() -> None:
    """Every exported name is defined in a private overlay module, or is a generated type re-exported."""
    for name in tradepose.__all__:
        module = getattr(getattr(tradepose, name), "__module__", "tradepose._version")
        top, sub = module.split(".")[:2]
        assert (top == "tradepose" and sub.startswith("_")) or top == "tradepose_api", (name, module)


def test_errors_share_one_root() -> None:
    """Every exported exception derives from TradePoseError."""
    errors = [v for n in tradepose.__all__ if isinstance(v := getattr(tradepose, n), type) and issubclass(v, Exception)]
    assert len(errors) >= 18
    assert all(issubclass(e, tradepose.TradePoseError) for e in errors)
