# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""A client library for accessing TradePose Gateway"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
