# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `export` operations: one module per operation, and `ExportResource` / `AsyncExportResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx

from ... import errors
from .. import APIResponse, AsyncSender, Sender, coerce_body

if TYPE_CHECKING:
    from ...models.export_request import ExportRequest
    from ...models.export_response import ExportResponse

__all__ = (
    "AsyncExportResource",
    "AsyncExportResourceWithResponse",
    "ExportResource",
    "ExportResourceWithResponse",
)


def _parse_create_export(response: httpx.Response) -> ExportResponse:
    """The 2xx body of `create_export` as `ExportResponse`."""
    from ...models.export_response import ExportResponse

    if response.status_code == 200:
        response_200 = ExportResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class ExportResourceWithResponse:
    """The `export` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def create_export(
        self,
        *,
        body: ExportRequest | Mapping[str, Any],
    ) -> APIResponse[ExportResponse]:
        """Start an export task

        Starts an asynchronous export (backtest, latest trades, enhanced or on-demand OHLCV, validation) and
        returns its task id. Not idempotent: every call starts a new task.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (ExportRequest): Starts an asynchronous export task.

        Returns:
            APIResponse[ExportResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.export_request import ExportRequest
        from . import create_export

        kwargs = create_export._get_kwargs(
            body=coerce_body(ExportRequest, body),
        )
        return self._send(kwargs, _parse_create_export)


class ExportResource:
    """The `export` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = ExportResourceWithResponse(send)

    def create_export(
        self,
        *,
        body: ExportRequest | Mapping[str, Any],
    ) -> ExportResponse:
        """Start an export task

        Starts an asynchronous export (backtest, latest trades, enhanced or on-demand OHLCV, validation) and
        returns its task id. Not idempotent: every call starts a new task.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (ExportRequest): Starts an asynchronous export task.

        Returns:
            ExportResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_export(
            body=body,
        ).parsed


class AsyncExportResourceWithResponse:
    """The async `export` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def create_export(
        self,
        *,
        body: ExportRequest | Mapping[str, Any],
    ) -> APIResponse[ExportResponse]:
        """Start an export task

        Starts an asynchronous export (backtest, latest trades, enhanced or on-demand OHLCV, validation) and
        returns its task id. Not idempotent: every call starts a new task.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (ExportRequest): Starts an asynchronous export task.

        Returns:
            APIResponse[ExportResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.export_request import ExportRequest
        from . import create_export

        kwargs = create_export._get_kwargs(
            body=coerce_body(ExportRequest, body),
        )
        return await self._send(kwargs, _parse_create_export)


class AsyncExportResource:
    """The async `export` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncExportResourceWithResponse(send)

    async def create_export(
        self,
        *,
        body: ExportRequest | Mapping[str, Any],
    ) -> ExportResponse:
        """Start an export task

        Starts an asynchronous export (backtest, latest trades, enhanced or on-demand OHLCV, validation) and
        returns its task id. Not idempotent: every call starts a new task.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (ExportRequest): Starts an asynchronous export task.

        Returns:
            ExportResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_export(
                body=body,
            )
        ).parsed
