"""Every tunable in one place; each is overridable per client (and, where it makes sense, per call)."""

from __future__ import annotations

DEFAULT_SERVER_URL = "https://api.tradepose.com"

# HTTP: one explicit timeout for connect/read/write/pool, as the gateway's own client used (30 s).
DEFAULT_TIMEOUT = 30.0
HEALTH_CHECK_TIMEOUT = 5.0
# `timeout` bounds each read; these bound a whole request (connect, headers, every byte of the body, retries
# included), so a server dripping a body a few bytes at a time cannot hold a call forever.
DEFAULT_REQUEST_DEADLINE = 120.0
# Downloads (Parquet, ZIP) may be large: their whole-request deadline is longer.
DEFAULT_DOWNLOAD_DEADLINE = 1800.0
REQUEST_DEADLINE_RANGE = (1.0, 86400.0)
# A JSON answer larger than this once decoded (a gzip bomb, a runaway server) is refused.
MAX_JSON_BODY_BYTES = 64 * 1024 * 1024

# Retries (transport level). A truncated download is fetched again up to the same `max_retries` times.
DEFAULT_MAX_RETRIES = 3
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# Jitter removes up to this fraction of the backoff, so clients that failed together spread out.
RETRY_JITTER = 0.25
# A server asking us to wait longer than this is not worth blocking on: stop and raise RateLimitError.
MAX_RETRY_AFTER = 60.0
# All retries of one request (sleeps included) must fit in this many seconds.
DEFAULT_RETRY_BUDGET = 120.0
# Every 5xx (Cloudflare's 520–524 and 599 included) on an idempotent request, plus 408 and 429.
RETRYABLE_STATUS_CODES = frozenset({408, 429, *range(500, 600)})

# Polling.
FIRST_POLL_INTERVAL = 0.25
DEFAULT_POLL_INTERVAL = 2.0
POLL_BACKOFF_FACTOR = 1.5
DEFAULT_POLL_TIMEOUT = 300.0

# Downloads.
# None: write each piece as the socket delivers it (64 KiB). Re-chunking into 1 MiB pieces copies every
# byte into a fresh buffer first; in a fresh process that made a 213 MB download 2.4x slower (bench case 1).
DOWNLOAD_CHUNK_SIZE: int | None = None

# Config ranges (the gateway client's documented ranges, §1.3).
TIMEOUT_RANGE = (1.0, 600.0)
MAX_RETRIES_RANGE = (0, 10)
POLL_INTERVAL_RANGE = (0.05, 60.0)
POLL_TIMEOUT_RANGE = (1.0, 86400.0)

ENV_PREFIX = "TRADEPOSE_"
