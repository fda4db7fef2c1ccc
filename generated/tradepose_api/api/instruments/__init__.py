# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `instruments` operations: one module per operation, and `InstrumentsResource` / `AsyncInstrumentsResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import httpx

from ... import errors
from ...types import UNSET, Unset
from .. import APIResponse, AsyncSender, Sender

if TYPE_CHECKING:
    from ...models.instrument_list_response import InstrumentListResponse
    from ...models.instrument_response import InstrumentResponse

__all__ = (
    "AsyncInstrumentsResource",
    "AsyncInstrumentsResourceWithResponse",
    "InstrumentsResource",
    "InstrumentsResourceWithResponse",
)


def _parse_list_instruments(response: httpx.Response) -> InstrumentListResponse:
    """The 2xx body of `list_instruments` as `InstrumentListResponse`."""
    from ...models.instrument_list_response import InstrumentListResponse

    if response.status_code == 200:
        response_200 = InstrumentListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_instrument(response: httpx.Response) -> InstrumentResponse:
    """The 2xx body of `get_instrument` as `InstrumentResponse`."""
    from ...models.instrument_response import InstrumentResponse

    if response.status_code == 200:
        response_200 = InstrumentResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class InstrumentsResourceWithResponse:
    """The `instruments` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_instruments(
        self,
        *,
        symbol: str | Unset = UNSET,
        account_source: str | Unset = UNSET,
        broker_type: str | Unset = UNSET,
        market_type: str | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> APIResponse[InstrumentListResponse]:
        """List instruments

        Tradable instruments, paged.

        Args:
            symbol (str | Unset):
            account_source (str | Unset):
            broker_type (str | Unset):
            market_type (str | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            APIResponse[InstrumentListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_instruments

        kwargs = list_instruments._get_kwargs(
            symbol=symbol,
            account_source=account_source,
            broker_type=broker_type,
            market_type=market_type,
            limit=limit,
            offset=offset,
        )
        return self._send(kwargs, _parse_list_instruments)

    def get_instrument(
        self,
        instrument_id: int,
    ) -> APIResponse[InstrumentResponse]:
        """Get an instrument

        An instrument by id.

        Args:
            instrument_id (int):

        Returns:
            APIResponse[InstrumentResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_instrument

        kwargs = get_instrument._get_kwargs(
            instrument_id=instrument_id,
        )
        return self._send(kwargs, _parse_get_instrument)


class InstrumentsResource:
    """The `instruments` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = InstrumentsResourceWithResponse(send)

    def list_instruments(
        self,
        *,
        symbol: str | Unset = UNSET,
        account_source: str | Unset = UNSET,
        broker_type: str | Unset = UNSET,
        market_type: str | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> InstrumentListResponse:
        """List instruments

        Tradable instruments, paged.

        Args:
            symbol (str | Unset):
            account_source (str | Unset):
            broker_type (str | Unset):
            market_type (str | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            InstrumentListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_instruments(
            symbol=symbol,
            account_source=account_source,
            broker_type=broker_type,
            market_type=market_type,
            limit=limit,
            offset=offset,
        ).parsed

    def get_instrument(
        self,
        instrument_id: int,
    ) -> InstrumentResponse:
        """Get an instrument

        An instrument by id.

        Args:
            instrument_id (int):

        Returns:
            InstrumentResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_instrument(
            instrument_id,
        ).parsed


class AsyncInstrumentsResourceWithResponse:
    """The async `instruments` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_instruments(
        self,
        *,
        symbol: str | Unset = UNSET,
        account_source: str | Unset = UNSET,
        broker_type: str | Unset = UNSET,
        market_type: str | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> APIResponse[InstrumentListResponse]:
        """List instruments

        Tradable instruments, paged.

        Args:
            symbol (str | Unset):
            account_source (str | Unset):
            broker_type (str | Unset):
            market_type (str | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            APIResponse[InstrumentListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_instruments

        kwargs = list_instruments._get_kwargs(
            symbol=symbol,
            account_source=account_source,
            broker_type=broker_type,
            market_type=market_type,
            limit=limit,
            offset=offset,
        )
        return await self._send(kwargs, _parse_list_instruments)

    async def get_instrument(
        self,
        instrument_id: int,
    ) -> APIResponse[InstrumentResponse]:
        """Get an instrument

        An instrument by id.

        Args:
            instrument_id (int):

        Returns:
            APIResponse[InstrumentResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_instrument

        kwargs = get_instrument._get_kwargs(
            instrument_id=instrument_id,
        )
        return await self._send(kwargs, _parse_get_instrument)


class AsyncInstrumentsResource:
    """The async `instruments` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncInstrumentsResourceWithResponse(send)

    async def list_instruments(
        self,
        *,
        symbol: str | Unset = UNSET,
        account_source: str | Unset = UNSET,
        broker_type: str | Unset = UNSET,
        market_type: str | Unset = UNSET,
        limit: int | Unset = 100,
        offset: int | Unset = 0,
    ) -> InstrumentListResponse:
        """List instruments

        Tradable instruments, paged.

        Args:
            symbol (str | Unset):
            account_source (str | Unset):
            broker_type (str | Unset):
            market_type (str | Unset):
            limit (int | Unset):  Default: 100.
            offset (int | Unset):  Default: 0.

        Returns:
            InstrumentListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.list_instruments(
                symbol=symbol,
                account_source=account_source,
                broker_type=broker_type,
                market_type=market_type,
                limit=limit,
                offset=offset,
            )
        ).parsed

    async def get_instrument(
        self,
        instrument_id: int,
    ) -> InstrumentResponse:
        """Get an instrument

        An instrument by id.

        Args:
            instrument_id (int):

        Returns:
            InstrumentResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_instrument(
                instrument_id,
            )
        ).parsed
