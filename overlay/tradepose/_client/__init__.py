"""The clients: `AsyncTradePoseClient` (hand-written) and its generated sync twin, operation binding,
streamed downloads, polling, the export runner and the gateway's Parquet schemas."""
