# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `trades` operations: one module per operation, and `TradesResource` / `AsyncTradesResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

import httpx

from ... import errors
from ...types import UNSET, Unset
from .. import APIResponse, AsyncSender, Sender

if TYPE_CHECKING:
    from ...models.trades_list_response import TradesListResponse

__all__ = (
    "AsyncTradesResource",
    "AsyncTradesResourceWithResponse",
    "TradesResource",
    "TradesResourceWithResponse",
)


def _parse_list_trades(response: httpx.Response) -> TradesListResponse:
    """The 2xx body of `list_trades` as `TradesListResponse`."""
    from ...models.trades_list_response import TradesListResponse

    if response.status_code == 200:
        response_200 = TradesListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class TradesResourceWithResponse:
    """The `trades` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_trades(
        self,
        *,
        strategy_name: str | Unset = UNSET,
        blueprint_name: str | Unset = UNSET,
        portfolio_name: str | Unset = UNSET,
        start_time: datetime.datetime | Unset = UNSET,
        end_time: datetime.datetime | Unset = UNSET,
        has_entry_signal: bool | Unset = UNSET,
        has_exit_signal: bool | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> APIResponse[TradesListResponse]:
        """Query trades

        Persisted trades (from exports with persist_mode 1), paged.

        Args:
            strategy_name (str | Unset):
            blueprint_name (str | Unset):
            portfolio_name (str | Unset):
            start_time (datetime.datetime | Unset):
            end_time (datetime.datetime | Unset):
            has_entry_signal (bool | Unset):
            has_exit_signal (bool | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            APIResponse[TradesListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_trades

        kwargs = list_trades._get_kwargs(
            strategy_name=strategy_name,
            blueprint_name=blueprint_name,
            portfolio_name=portfolio_name,
            start_time=start_time,
            end_time=end_time,
            has_entry_signal=has_entry_signal,
            has_exit_signal=has_exit_signal,
            limit=limit,
            offset=offset,
        )
        return self._send(kwargs, _parse_list_trades)


class TradesResource:
    """The `trades` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = TradesResourceWithResponse(send)

    def list_trades(
        self,
        *,
        strategy_name: str | Unset = UNSET,
        blueprint_name: str | Unset = UNSET,
        portfolio_name: str | Unset = UNSET,
        start_time: datetime.datetime | Unset = UNSET,
        end_time: datetime.datetime | Unset = UNSET,
        has_entry_signal: bool | Unset = UNSET,
        has_exit_signal: bool | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> TradesListResponse:
        """Query trades

        Persisted trades (from exports with persist_mode 1), paged.

        Args:
            strategy_name (str | Unset):
            blueprint_name (str | Unset):
            portfolio_name (str | Unset):
            start_time (datetime.datetime | Unset):
            end_time (datetime.datetime | Unset):
            has_entry_signal (bool | Unset):
            has_exit_signal (bool | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            TradesListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_trades(
            strategy_name=strategy_name,
            blueprint_name=blueprint_name,
            portfolio_name=portfolio_name,
            start_time=start_time,
            end_time=end_time,
            has_entry_signal=has_entry_signal,
            has_exit_signal=has_exit_signal,
            limit=limit,
            offset=offset,
        ).parsed


class AsyncTradesResourceWithResponse:
    """The async `trades` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_trades(
        self,
        *,
        strategy_name: str | Unset = UNSET,
        blueprint_name: str | Unset = UNSET,
        portfolio_name: str | Unset = UNSET,
        start_time: datetime.datetime | Unset = UNSET,
        end_time: datetime.datetime | Unset = UNSET,
        has_entry_signal: bool | Unset = UNSET,
        has_exit_signal: bool | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> APIResponse[TradesListResponse]:
        """Query trades

        Persisted trades (from exports with persist_mode 1), paged.

        Args:
            strategy_name (str | Unset):
            blueprint_name (str | Unset):
            portfolio_name (str | Unset):
            start_time (datetime.datetime | Unset):
            end_time (datetime.datetime | Unset):
            has_entry_signal (bool | Unset):
            has_exit_signal (bool | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            APIResponse[TradesListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_trades

        kwargs = list_trades._get_kwargs(
            strategy_name=strategy_name,
            blueprint_name=blueprint_name,
            portfolio_name=portfolio_name,
            start_time=start_time,
            end_time=end_time,
            has_entry_signal=has_entry_signal,
            has_exit_signal=has_exit_signal,
            limit=limit,
            offset=offset,
        )
        return await self._send(kwargs, _parse_list_trades)


class AsyncTradesResource:
    """The async `trades` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncTradesResourceWithResponse(send)

    async def list_trades(
        self,
        *,
        strategy_name: str | Unset = UNSET,
        blueprint_name: str | Unset = UNSET,
        portfolio_name: str | Unset = UNSET,
        start_time: datetime.datetime | Unset = UNSET,
        end_time: datetime.datetime | Unset = UNSET,
        has_entry_signal: bool | Unset = UNSET,
        has_exit_signal: bool | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> TradesListResponse:
        """Query trades

        Persisted trades (from exports with persist_mode 1), paged.

        Args:
            strategy_name (str | Unset):
            blueprint_name (str | Unset):
            portfolio_name (str | Unset):
            start_time (datetime.datetime | Unset):
            end_time (datetime.datetime | Unset):
            has_entry_signal (bool | Unset):
            has_exit_signal (bool | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            TradesListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.list_trades(
                strategy_name=strategy_name,
                blueprint_name=blueprint_name,
                portfolio_name=portfolio_name,
                start_time=start_time,
                end_time=end_time,
                has_entry_signal=has_entry_signal,
                has_exit_signal=has_exit_signal,
                limit=limit,
                offset=offset,
            )
        ).parsed
