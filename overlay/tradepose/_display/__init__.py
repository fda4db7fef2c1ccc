"""Looking at results: HTML summaries for notebooks, Altair charts, the self-contained HTML report.

Everything here takes plain data (Polars frames, counts, labels) and knows nothing of the clients or
the batch engine, so every layer above can show itself with it (`BacktestResult` in `_client/` too).
"""
