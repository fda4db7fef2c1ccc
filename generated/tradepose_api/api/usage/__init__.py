# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `usage` operations: one module per operation, and `UsageResource` / `AsyncUsageResource`.

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
    from ...models.detailed_usage_response import DetailedUsageResponse

__all__ = (
    "AsyncUsageResource",
    "AsyncUsageResourceWithResponse",
    "UsageResource",
    "UsageResourceWithResponse",
)


def _parse_get_current_usage(response: httpx.Response) -> DetailedUsageResponse:
    """The 2xx body of `get_current_usage` as `DetailedUsageResponse`."""
    from ...models.detailed_usage_response import DetailedUsageResponse

    if response.status_code == 200:
        response_200 = DetailedUsageResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class UsageResourceWithResponse:
    """The `usage` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def get_current_usage(
        self,
    ) -> APIResponse[DetailedUsageResponse]:
        """Get detailed usage

        Request and task counts over the last minute, hour, day and billing period.


        Returns:
            APIResponse[DetailedUsageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_current_usage

        kwargs = get_current_usage._get_kwargs()
        return self._send(kwargs, _parse_get_current_usage)


class UsageResource:
    """The `usage` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = UsageResourceWithResponse(send)

    def get_current_usage(
        self,
    ) -> DetailedUsageResponse:
        """Get detailed usage

        Request and task counts over the last minute, hour, day and billing period.


        Returns:
            DetailedUsageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_current_usage().parsed


class AsyncUsageResourceWithResponse:
    """The async `usage` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def get_current_usage(
        self,
    ) -> APIResponse[DetailedUsageResponse]:
        """Get detailed usage

        Request and task counts over the last minute, hour, day and billing period.


        Returns:
            APIResponse[DetailedUsageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_current_usage

        kwargs = get_current_usage._get_kwargs()
        return await self._send(kwargs, _parse_get_current_usage)


class AsyncUsageResource:
    """The async `usage` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncUsageResourceWithResponse(send)

    async def get_current_usage(
        self,
    ) -> DetailedUsageResponse:
        """Get detailed usage

        Request and task counts over the last minute, hour, day and billing period.


        Returns:
            DetailedUsageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.get_current_usage()).parsed
