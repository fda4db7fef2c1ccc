# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `health` operations: one module per operation, and `HealthResource` / `AsyncHealthResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import httpx

from ... import errors
from .. import APIResponse, AsyncSender, Sender

if TYPE_CHECKING:
    from ...models.health_response import HealthResponse

__all__ = (
    "AsyncHealthResource",
    "AsyncHealthResourceWithResponse",
    "HealthResource",
    "HealthResourceWithResponse",
)


def _parse_get_health(response: httpx.Response) -> HealthResponse:
    """The 2xx body of `get_health` as `HealthResponse`."""
    from ...models.health_response import HealthResponse

    if response.status_code == 200:
        response_200 = HealthResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class HealthResourceWithResponse:
    """The `health` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def get_health(
        self,
    ) -> APIResponse[HealthResponse]:
        """Health check

        Liveness probe; needs no credential.


        Returns:
            APIResponse[HealthResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_health

        kwargs = get_health._get_kwargs()
        return self._send(kwargs, _parse_get_health)


class HealthResource:
    """The `health` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = HealthResourceWithResponse(send)

    def get_health(
        self,
    ) -> HealthResponse:
        """Health check

        Liveness probe; needs no credential.


        Returns:
            HealthResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_health().parsed


class AsyncHealthResourceWithResponse:
    """The async `health` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def get_health(
        self,
    ) -> APIResponse[HealthResponse]:
        """Health check

        Liveness probe; needs no credential.


        Returns:
            APIResponse[HealthResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_health

        kwargs = get_health._get_kwargs()
        return await self._send(kwargs, _parse_get_health)


class AsyncHealthResource:
    """The async `health` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncHealthResourceWithResponse(send)

    async def get_health(
        self,
    ) -> HealthResponse:
        """Health check

        Liveness probe; needs no credential.


        Returns:
            HealthResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.get_health()).parsed
