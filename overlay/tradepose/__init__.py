"""TradePose SDK: the hand-written overlay over the generated `tradepose_api` client."""

__all__: list[str] = []
