# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `accounts` operations: one module per operation, and `AccountsResource` / `AsyncAccountsResource`.

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
from ...types import UNSET, Unset
from .. import APIResponse, AsyncSender, Sender, coerce_body

if TYPE_CHECKING:
    from ...models.account_create_request import AccountCreateRequest
    from ...models.account_list_response import AccountListResponse
    from ...models.account_response import AccountResponse
    from ...models.account_update_request import AccountUpdateRequest
    from ...models.message_response import MessageResponse

__all__ = (
    "AsyncAccountsResource",
    "AsyncAccountsResourceWithResponse",
    "AccountsResource",
    "AccountsResourceWithResponse",
)


def _parse_list_accounts(response: httpx.Response) -> AccountListResponse:
    """The 2xx body of `list_accounts` as `AccountListResponse`."""
    from ...models.account_list_response import AccountListResponse

    if response.status_code == 200:
        response_200 = AccountListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_create_account(response: httpx.Response) -> AccountResponse:
    """The 2xx body of `create_account` as `AccountResponse`."""
    from ...models.account_response import AccountResponse

    if response.status_code == 200:
        response_200 = AccountResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_account(response: httpx.Response) -> AccountResponse:
    """The 2xx body of `get_account` as `AccountResponse`."""
    from ...models.account_response import AccountResponse

    if response.status_code == 200:
        response_200 = AccountResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_update_account(response: httpx.Response) -> AccountResponse:
    """The 2xx body of `update_account` as `AccountResponse`."""
    from ...models.account_response import AccountResponse

    if response.status_code == 200:
        response_200 = AccountResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_delete_account(response: httpx.Response) -> MessageResponse:
    """The 2xx body of `delete_account` as `MessageResponse`."""
    from ...models.message_response import MessageResponse

    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class AccountsResourceWithResponse:
    """The `accounts` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_accounts(
        self,
        *,
        archived: bool | Unset = False,
    ) -> APIResponse[AccountListResponse]:
        """List accounts

        Broker accounts of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            APIResponse[AccountListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_accounts

        kwargs = list_accounts._get_kwargs(
            archived=archived,
        )
        return self._send(kwargs, _parse_list_accounts)

    def create_account(
        self,
        *,
        body: AccountCreateRequest | Mapping[str, Any],
    ) -> APIResponse[AccountResponse]:
        """Create an account

        Adds a broker account.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (AccountCreateRequest):

        Returns:
            APIResponse[AccountResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.account_create_request import AccountCreateRequest
        from . import create_account

        kwargs = create_account._get_kwargs(
            body=coerce_body(AccountCreateRequest, body),
        )
        return self._send(kwargs, _parse_create_account)

    def get_account(
        self,
        account_id: UUID,
    ) -> APIResponse[AccountResponse]:
        """Get an account

        A broker account by id.

        Args:
            account_id (UUID):

        Returns:
            APIResponse[AccountResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_account

        kwargs = get_account._get_kwargs(
            account_id=account_id,
        )
        return self._send(kwargs, _parse_get_account)

    def update_account(
        self,
        account_id: UUID,
        *,
        body: AccountUpdateRequest | Mapping[str, Any],
    ) -> APIResponse[AccountResponse]:
        """Update an account

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            account_id (UUID):
            body (AccountUpdateRequest): Partial update; absent fields are left unchanged.

        Returns:
            APIResponse[AccountResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.account_update_request import AccountUpdateRequest
        from . import update_account

        kwargs = update_account._get_kwargs(
            account_id=account_id,
            body=coerce_body(AccountUpdateRequest, body),
        )
        return self._send(kwargs, _parse_update_account)

    def delete_account(
        self,
        account_id: UUID,
        *,
        archive: bool | Unset = True,
    ) -> APIResponse[MessageResponse]:
        """Delete an account

        Archives (default) or deletes an account; deleting fails while bindings use it.

        Args:
            account_id (UUID):
            archive (bool | Unset):  Default: True.

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_account

        kwargs = delete_account._get_kwargs(
            account_id=account_id,
            archive=archive,
        )
        return self._send(kwargs, _parse_delete_account)


class AccountsResource:
    """The `accounts` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = AccountsResourceWithResponse(send)

    def list_accounts(
        self,
        *,
        archived: bool | Unset = False,
    ) -> AccountListResponse:
        """List accounts

        Broker accounts of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            AccountListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_accounts(
            archived=archived,
        ).parsed

    def create_account(
        self,
        *,
        body: AccountCreateRequest | Mapping[str, Any],
    ) -> AccountResponse:
        """Create an account

        Adds a broker account.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (AccountCreateRequest):

        Returns:
            AccountResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_account(
            body=body,
        ).parsed

    def get_account(
        self,
        account_id: UUID,
    ) -> AccountResponse:
        """Get an account

        A broker account by id.

        Args:
            account_id (UUID):

        Returns:
            AccountResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_account(
            account_id,
        ).parsed

    def update_account(
        self,
        account_id: UUID,
        *,
        body: AccountUpdateRequest | Mapping[str, Any],
    ) -> AccountResponse:
        """Update an account

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            account_id (UUID):
            body (AccountUpdateRequest): Partial update; absent fields are left unchanged.

        Returns:
            AccountResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.update_account(
            account_id,
            body=body,
        ).parsed

    def delete_account(
        self,
        account_id: UUID,
        *,
        archive: bool | Unset = True,
    ) -> MessageResponse:
        """Delete an account

        Archives (default) or deletes an account; deleting fails while bindings use it.

        Args:
            account_id (UUID):
            archive (bool | Unset):  Default: True.

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.delete_account(
            account_id,
            archive=archive,
        ).parsed


class AsyncAccountsResourceWithResponse:
    """The async `accounts` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_accounts(
        self,
        *,
        archived: bool | Unset = False,
    ) -> APIResponse[AccountListResponse]:
        """List accounts

        Broker accounts of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            APIResponse[AccountListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_accounts

        kwargs = list_accounts._get_kwargs(
            archived=archived,
        )
        return await self._send(kwargs, _parse_list_accounts)

    async def create_account(
        self,
        *,
        body: AccountCreateRequest | Mapping[str, Any],
    ) -> APIResponse[AccountResponse]:
        """Create an account

        Adds a broker account.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (AccountCreateRequest):

        Returns:
            APIResponse[AccountResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.account_create_request import AccountCreateRequest
        from . import create_account

        kwargs = create_account._get_kwargs(
            body=coerce_body(AccountCreateRequest, body),
        )
        return await self._send(kwargs, _parse_create_account)

    async def get_account(
        self,
        account_id: UUID,
    ) -> APIResponse[AccountResponse]:
        """Get an account

        A broker account by id.

        Args:
            account_id (UUID):

        Returns:
            APIResponse[AccountResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_account

        kwargs = get_account._get_kwargs(
            account_id=account_id,
        )
        return await self._send(kwargs, _parse_get_account)

    async def update_account(
        self,
        account_id: UUID,
        *,
        body: AccountUpdateRequest | Mapping[str, Any],
    ) -> APIResponse[AccountResponse]:
        """Update an account

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            account_id (UUID):
            body (AccountUpdateRequest): Partial update; absent fields are left unchanged.

        Returns:
            APIResponse[AccountResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.account_update_request import AccountUpdateRequest
        from . import update_account

        kwargs = update_account._get_kwargs(
            account_id=account_id,
            body=coerce_body(AccountUpdateRequest, body),
        )
        return await self._send(kwargs, _parse_update_account)

    async def delete_account(
        self,
        account_id: UUID,
        *,
        archive: bool | Unset = True,
    ) -> APIResponse[MessageResponse]:
        """Delete an account

        Archives (default) or deletes an account; deleting fails while bindings use it.

        Args:
            account_id (UUID):
            archive (bool | Unset):  Default: True.

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_account

        kwargs = delete_account._get_kwargs(
            account_id=account_id,
            archive=archive,
        )
        return await self._send(kwargs, _parse_delete_account)


class AsyncAccountsResource:
    """The async `accounts` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncAccountsResourceWithResponse(send)

    async def list_accounts(
        self,
        *,
        archived: bool | Unset = False,
    ) -> AccountListResponse:
        """List accounts

        Broker accounts of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            AccountListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.list_accounts(
                archived=archived,
            )
        ).parsed

    async def create_account(
        self,
        *,
        body: AccountCreateRequest | Mapping[str, Any],
    ) -> AccountResponse:
        """Create an account

        Adds a broker account.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (AccountCreateRequest):

        Returns:
            AccountResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_account(
                body=body,
            )
        ).parsed

    async def get_account(
        self,
        account_id: UUID,
    ) -> AccountResponse:
        """Get an account

        A broker account by id.

        Args:
            account_id (UUID):

        Returns:
            AccountResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_account(
                account_id,
            )
        ).parsed

    async def update_account(
        self,
        account_id: UUID,
        *,
        body: AccountUpdateRequest | Mapping[str, Any],
    ) -> AccountResponse:
        """Update an account

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            account_id (UUID):
            body (AccountUpdateRequest): Partial update; absent fields are left unchanged.

        Returns:
            AccountResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.update_account(
                account_id,
                body=body,
            )
        ).parsed

    async def delete_account(
        self,
        account_id: UUID,
        *,
        archive: bool | Unset = True,
    ) -> MessageResponse:
        """Delete an account

        Archives (default) or deletes an account; deleting fails while bindings use it.

        Args:
            account_id (UUID):
            archive (bool | Unset):  Default: True.

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.delete_account(
                account_id,
                archive=archive,
            )
        ).parsed
