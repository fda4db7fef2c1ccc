# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `slots` operations: one module per operation, and `SlotsResource` / `AsyncSlotsResource`.

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
    from ...models.slot_bind_request import SlotBindRequest
    from ...models.slot_list_response import SlotListResponse
    from ...models.slot_response import SlotResponse

__all__ = (
    "AsyncSlotsResource",
    "AsyncSlotsResourceWithResponse",
    "SlotsResource",
    "SlotsResourceWithResponse",
)


def _parse_list_slots(response: httpx.Response) -> SlotListResponse:
    """The 2xx body of `list_slots` as `SlotListResponse`."""
    from ...models.slot_list_response import SlotListResponse

    if response.status_code == 200:
        response_200 = SlotListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_slot(response: httpx.Response) -> SlotResponse:
    """The 2xx body of `get_slot` as `SlotResponse`."""
    from ...models.slot_response import SlotResponse

    if response.status_code == 200:
        response_200 = SlotResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_bind_slot(response: httpx.Response) -> SlotResponse:
    """The 2xx body of `bind_slot` as `SlotResponse`."""
    from ...models.slot_response import SlotResponse

    if response.status_code == 200:
        response_200 = SlotResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_unbind_slot(response: httpx.Response) -> SlotResponse:
    """The 2xx body of `unbind_slot` as `SlotResponse`."""
    from ...models.slot_response import SlotResponse

    if response.status_code == 200:
        response_200 = SlotResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class SlotsResourceWithResponse:
    """The `slots` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_slots(
        self,
    ) -> APIResponse[SlotListResponse]:
        """List slots

        Trader slots of the caller.


        Returns:
            APIResponse[SlotListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_slots

        kwargs = list_slots._get_kwargs()
        return self._send(kwargs, _parse_list_slots)

    def get_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> APIResponse[SlotResponse]:
        """Get a slot

        One trader slot.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            APIResponse[SlotResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_slot

        kwargs = get_slot._get_kwargs(
            node_seq=node_seq,
            slot_idx=slot_idx,
        )
        return self._send(kwargs, _parse_get_slot)

    def bind_slot(
        self,
        node_seq: int,
        slot_idx: int,
        *,
        body: SlotBindRequest | Mapping[str, Any],
    ) -> APIResponse[SlotResponse]:
        """Bind an account to a slot

        Binds an account to a slot, creating the slot if needed.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            node_seq (int):
            slot_idx (int):
            body (SlotBindRequest):

        Returns:
            APIResponse[SlotResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.slot_bind_request import SlotBindRequest
        from . import bind_slot

        kwargs = bind_slot._get_kwargs(
            node_seq=node_seq,
            slot_idx=slot_idx,
            body=coerce_body(SlotBindRequest, body),
        )
        return self._send(kwargs, _parse_bind_slot)

    def unbind_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> APIResponse[SlotResponse]:
        """Unbind a slot

        Clears the slot's account.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            APIResponse[SlotResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import unbind_slot

        kwargs = unbind_slot._get_kwargs(
            node_seq=node_seq,
            slot_idx=slot_idx,
        )
        return self._send(kwargs, _parse_unbind_slot)


class SlotsResource:
    """The `slots` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = SlotsResourceWithResponse(send)

    def list_slots(
        self,
    ) -> SlotListResponse:
        """List slots

        Trader slots of the caller.


        Returns:
            SlotListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_slots().parsed

    def get_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> SlotResponse:
        """Get a slot

        One trader slot.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            SlotResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_slot(
            node_seq,
            slot_idx,
        ).parsed

    def bind_slot(
        self,
        node_seq: int,
        slot_idx: int,
        *,
        body: SlotBindRequest | Mapping[str, Any],
    ) -> SlotResponse:
        """Bind an account to a slot

        Binds an account to a slot, creating the slot if needed.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            node_seq (int):
            slot_idx (int):
            body (SlotBindRequest):

        Returns:
            SlotResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.bind_slot(
            node_seq,
            slot_idx,
            body=body,
        ).parsed

    def unbind_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> SlotResponse:
        """Unbind a slot

        Clears the slot's account.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            SlotResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.unbind_slot(
            node_seq,
            slot_idx,
        ).parsed


class AsyncSlotsResourceWithResponse:
    """The async `slots` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_slots(
        self,
    ) -> APIResponse[SlotListResponse]:
        """List slots

        Trader slots of the caller.


        Returns:
            APIResponse[SlotListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_slots

        kwargs = list_slots._get_kwargs()
        return await self._send(kwargs, _parse_list_slots)

    async def get_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> APIResponse[SlotResponse]:
        """Get a slot

        One trader slot.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            APIResponse[SlotResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_slot

        kwargs = get_slot._get_kwargs(
            node_seq=node_seq,
            slot_idx=slot_idx,
        )
        return await self._send(kwargs, _parse_get_slot)

    async def bind_slot(
        self,
        node_seq: int,
        slot_idx: int,
        *,
        body: SlotBindRequest | Mapping[str, Any],
    ) -> APIResponse[SlotResponse]:
        """Bind an account to a slot

        Binds an account to a slot, creating the slot if needed.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            node_seq (int):
            slot_idx (int):
            body (SlotBindRequest):

        Returns:
            APIResponse[SlotResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.slot_bind_request import SlotBindRequest
        from . import bind_slot

        kwargs = bind_slot._get_kwargs(
            node_seq=node_seq,
            slot_idx=slot_idx,
            body=coerce_body(SlotBindRequest, body),
        )
        return await self._send(kwargs, _parse_bind_slot)

    async def unbind_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> APIResponse[SlotResponse]:
        """Unbind a slot

        Clears the slot's account.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            APIResponse[SlotResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import unbind_slot

        kwargs = unbind_slot._get_kwargs(
            node_seq=node_seq,
            slot_idx=slot_idx,
        )
        return await self._send(kwargs, _parse_unbind_slot)


class AsyncSlotsResource:
    """The async `slots` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncSlotsResourceWithResponse(send)

    async def list_slots(
        self,
    ) -> SlotListResponse:
        """List slots

        Trader slots of the caller.


        Returns:
            SlotListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.list_slots()).parsed

    async def get_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> SlotResponse:
        """Get a slot

        One trader slot.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            SlotResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_slot(
                node_seq,
                slot_idx,
            )
        ).parsed

    async def bind_slot(
        self,
        node_seq: int,
        slot_idx: int,
        *,
        body: SlotBindRequest | Mapping[str, Any],
    ) -> SlotResponse:
        """Bind an account to a slot

        Binds an account to a slot, creating the slot if needed.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            node_seq (int):
            slot_idx (int):
            body (SlotBindRequest):

        Returns:
            SlotResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.bind_slot(
                node_seq,
                slot_idx,
                body=body,
            )
        ).parsed

    async def unbind_slot(
        self,
        node_seq: int,
        slot_idx: int,
    ) -> SlotResponse:
        """Unbind a slot

        Clears the slot's account.

        Args:
            node_seq (int):
            slot_idx (int):

        Returns:
            SlotResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.unbind_slot(
                node_seq,
                slot_idx,
            )
        ).parsed
