# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `bindings` operations: one module per operation, and `BindingsResource` / `AsyncBindingsResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

import httpx

from ... import errors
from .. import APIResponse, AsyncSender, Sender, coerce_body

if TYPE_CHECKING:
    from ...models.binding_create_request import BindingCreateRequest
    from ...models.binding_list_response import BindingListResponse
    from ...models.binding_response import BindingResponse
    from ...models.message_response import MessageResponse

__all__ = (
    "AsyncBindingsResource",
    "AsyncBindingsResourceWithResponse",
    "BindingsResource",
    "BindingsResourceWithResponse",
)


def _parse_list_bindings(response: httpx.Response) -> BindingListResponse:
    """The 2xx body of `list_bindings` as `BindingListResponse`."""
    from ...models.binding_list_response import BindingListResponse

    if response.status_code == 200:
        response_200 = BindingListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_create_binding(response: httpx.Response) -> BindingResponse:
    """The 2xx body of `create_binding` as `BindingResponse`."""
    from ...models.binding_response import BindingResponse

    if response.status_code == 200:
        response_200 = BindingResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_delete_binding(response: httpx.Response) -> MessageResponse:
    """The 2xx body of `delete_binding` as `MessageResponse`."""
    from ...models.message_response import MessageResponse

    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class BindingsResourceWithResponse:
    """The `bindings` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_bindings(
        self,
    ) -> APIResponse[BindingListResponse]:
        """List bindings

        Account-portfolio bindings of the caller.


        Returns:
            APIResponse[BindingListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_bindings

        kwargs = list_bindings._get_kwargs()
        return self._send(kwargs, _parse_list_bindings)

    def create_binding(
        self,
        *,
        body: BindingCreateRequest | Mapping[str, Any],
    ) -> APIResponse[BindingResponse]:
        """Bind an account to a portfolio

        Binds an account to a portfolio; the portfolio's platform must match the account's broker.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (BindingCreateRequest):

        Returns:
            APIResponse[BindingResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.binding_create_request import BindingCreateRequest
        from . import create_binding

        kwargs = create_binding._get_kwargs(
            body=coerce_body(BindingCreateRequest, body),
        )
        return self._send(kwargs, _parse_create_binding)

    def delete_binding(
        self,
        binding_id: UUID,
    ) -> APIResponse[MessageResponse]:
        """Delete a binding

        Removes a binding.

        Args:
            binding_id (UUID):

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_binding

        kwargs = delete_binding._get_kwargs(
            binding_id=binding_id,
        )
        return self._send(kwargs, _parse_delete_binding)


class BindingsResource:
    """The `bindings` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = BindingsResourceWithResponse(send)

    def list_bindings(
        self,
    ) -> BindingListResponse:
        """List bindings

        Account-portfolio bindings of the caller.


        Returns:
            BindingListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_bindings().parsed

    def create_binding(
        self,
        *,
        body: BindingCreateRequest | Mapping[str, Any],
    ) -> BindingResponse:
        """Bind an account to a portfolio

        Binds an account to a portfolio; the portfolio's platform must match the account's broker.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (BindingCreateRequest):

        Returns:
            BindingResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_binding(
            body=body,
        ).parsed

    def delete_binding(
        self,
        binding_id: UUID,
    ) -> MessageResponse:
        """Delete a binding

        Removes a binding.

        Args:
            binding_id (UUID):

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.delete_binding(
            binding_id,
        ).parsed


class AsyncBindingsResourceWithResponse:
    """The async `bindings` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_bindings(
        self,
    ) -> APIResponse[BindingListResponse]:
        """List bindings

        Account-portfolio bindings of the caller.


        Returns:
            APIResponse[BindingListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_bindings

        kwargs = list_bindings._get_kwargs()
        return await self._send(kwargs, _parse_list_bindings)

    async def create_binding(
        self,
        *,
        body: BindingCreateRequest | Mapping[str, Any],
    ) -> APIResponse[BindingResponse]:
        """Bind an account to a portfolio

        Binds an account to a portfolio; the portfolio's platform must match the account's broker.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (BindingCreateRequest):

        Returns:
            APIResponse[BindingResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.binding_create_request import BindingCreateRequest
        from . import create_binding

        kwargs = create_binding._get_kwargs(
            body=coerce_body(BindingCreateRequest, body),
        )
        return await self._send(kwargs, _parse_create_binding)

    async def delete_binding(
        self,
        binding_id: UUID,
    ) -> APIResponse[MessageResponse]:
        """Delete a binding

        Removes a binding.

        Args:
            binding_id (UUID):

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_binding

        kwargs = delete_binding._get_kwargs(
            binding_id=binding_id,
        )
        return await self._send(kwargs, _parse_delete_binding)


class AsyncBindingsResource:
    """The async `bindings` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncBindingsResourceWithResponse(send)

    async def list_bindings(
        self,
    ) -> BindingListResponse:
        """List bindings

        Account-portfolio bindings of the caller.


        Returns:
            BindingListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.list_bindings()).parsed

    async def create_binding(
        self,
        *,
        body: BindingCreateRequest | Mapping[str, Any],
    ) -> BindingResponse:
        """Bind an account to a portfolio

        Binds an account to a portfolio; the portfolio's platform must match the account's broker.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (BindingCreateRequest):

        Returns:
            BindingResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_binding(
                body=body,
            )
        ).parsed

    async def delete_binding(
        self,
        binding_id: UUID,
    ) -> MessageResponse:
        """Delete a binding

        Removes a binding.

        Args:
            binding_id (UUID):

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.delete_binding(
                binding_id,
            )
        ).parsed
