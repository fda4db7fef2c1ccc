"""The operations of openapi.json, one async handler each, keyed by operationId in `HANDLERS`."""

from tradepose.testing._handlers._billing import HANDLERS, PARQUET, Ctx, error_response, json_response

__all__ = ["HANDLERS", "PARQUET", "Ctx", "error_response", "json_response"]
