# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `keys` operations: one module per operation, and `KeysResource` / `AsyncKeysResource`.

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
    from ...models.api_key_create import APIKeyCreate
    from ...models.api_key_create_response import APIKeyCreateResponse
    from ...models.api_key_list_response import APIKeyListResponse

__all__ = (
    "AsyncKeysResource",
    "AsyncKeysResourceWithResponse",
    "KeysResource",
    "KeysResourceWithResponse",
)


def _parse_list_api_keys(response: httpx.Response) -> APIKeyListResponse:
    """The 2xx body of `list_api_keys` as `APIKeyListResponse`."""
    from ...models.api_key_list_response import APIKeyListResponse

    if response.status_code == 200:
        response_200 = APIKeyListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_create_api_key(response: httpx.Response) -> APIKeyCreateResponse:
    """The 2xx body of `create_api_key` as `APIKeyCreateResponse`."""
    from ...models.api_key_create_response import APIKeyCreateResponse

    if response.status_code == 200:
        response_200 = APIKeyCreateResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_revoke_api_key(response: httpx.Response) -> None:
    """The 2xx body of `revoke_api_key` as `None`."""

    if response.status_code == 204:
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)


class KeysResourceWithResponse:
    """The `keys` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_api_keys(
        self,
    ) -> APIResponse[APIKeyListResponse]:
        """List API keys

        API keys of the caller, without their secrets.


        Returns:
            APIResponse[APIKeyListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_api_keys

        kwargs = list_api_keys._get_kwargs()
        return self._send(kwargs, _parse_list_api_keys)

    def create_api_key(
        self,
        *,
        body: APIKeyCreate | Mapping[str, Any],
    ) -> APIResponse[APIKeyCreateResponse]:
        """Create an API key

        Creates an API key; the plaintext key is returned only here. Needs a JWT (bearer) credential.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (APIKeyCreate):

        Returns:
            APIResponse[APIKeyCreateResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.api_key_create import APIKeyCreate
        from . import create_api_key

        kwargs = create_api_key._get_kwargs(
            body=coerce_body(APIKeyCreate, body),
        )
        return self._send(kwargs, _parse_create_api_key)

    def revoke_api_key(
        self,
        key_id: UUID,
    ) -> APIResponse[None]:
        """Revoke an API key

        Revokes an API key.

        Args:
            key_id (UUID):

        Returns:
            APIResponse[None]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import revoke_api_key

        kwargs = revoke_api_key._get_kwargs(
            key_id=key_id,
        )
        return self._send(kwargs, _parse_revoke_api_key)


class KeysResource:
    """The `keys` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = KeysResourceWithResponse(send)

    def list_api_keys(
        self,
    ) -> APIKeyListResponse:
        """List API keys

        API keys of the caller, without their secrets.


        Returns:
            APIKeyListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_api_keys().parsed

    def create_api_key(
        self,
        *,
        body: APIKeyCreate | Mapping[str, Any],
    ) -> APIKeyCreateResponse:
        """Create an API key

        Creates an API key; the plaintext key is returned only here. Needs a JWT (bearer) credential.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (APIKeyCreate):

        Returns:
            APIKeyCreateResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_api_key(
            body=body,
        ).parsed

    def revoke_api_key(
        self,
        key_id: UUID,
    ) -> None:
        """Revoke an API key

        Revokes an API key.

        Args:
            key_id (UUID):

        Returns:
            None: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.revoke_api_key(
            key_id,
        ).parsed


class AsyncKeysResourceWithResponse:
    """The async `keys` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_api_keys(
        self,
    ) -> APIResponse[APIKeyListResponse]:
        """List API keys

        API keys of the caller, without their secrets.


        Returns:
            APIResponse[APIKeyListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_api_keys

        kwargs = list_api_keys._get_kwargs()
        return await self._send(kwargs, _parse_list_api_keys)

    async def create_api_key(
        self,
        *,
        body: APIKeyCreate | Mapping[str, Any],
    ) -> APIResponse[APIKeyCreateResponse]:
        """Create an API key

        Creates an API key; the plaintext key is returned only here. Needs a JWT (bearer) credential.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (APIKeyCreate):

        Returns:
            APIResponse[APIKeyCreateResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.api_key_create import APIKeyCreate
        from . import create_api_key

        kwargs = create_api_key._get_kwargs(
            body=coerce_body(APIKeyCreate, body),
        )
        return await self._send(kwargs, _parse_create_api_key)

    async def revoke_api_key(
        self,
        key_id: UUID,
    ) -> APIResponse[None]:
        """Revoke an API key

        Revokes an API key.

        Args:
            key_id (UUID):

        Returns:
            APIResponse[None]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import revoke_api_key

        kwargs = revoke_api_key._get_kwargs(
            key_id=key_id,
        )
        return await self._send(kwargs, _parse_revoke_api_key)


class AsyncKeysResource:
    """The async `keys` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncKeysResourceWithResponse(send)

    async def list_api_keys(
        self,
    ) -> APIKeyListResponse:
        """List API keys

        API keys of the caller, without their secrets.


        Returns:
            APIKeyListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.list_api_keys()).parsed

    async def create_api_key(
        self,
        *,
        body: APIKeyCreate | Mapping[str, Any],
    ) -> APIKeyCreateResponse:
        """Create an API key

        Creates an API key; the plaintext key is returned only here. Needs a JWT (bearer) credential.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (APIKeyCreate):

        Returns:
            APIKeyCreateResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_api_key(
                body=body,
            )
        ).parsed

    async def revoke_api_key(
        self,
        key_id: UUID,
    ) -> None:
        """Revoke an API key

        Revokes an API key.

        Args:
            key_id (UUID):

        Returns:
            None: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.revoke_api_key(
                key_id,
            )
        ).parsed
