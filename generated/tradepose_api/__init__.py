# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""A client library for accessing TradePose Gateway"""

from .client import AuthenticatedClient, Client

__version__ = "1.5.0"
"""The gateway API version this client was generated from (`info.version` of openapi.json)."""

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)
