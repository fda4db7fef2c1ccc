# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `portfolios` operations: one module per operation, and `PortfoliosResource` / `AsyncPortfoliosResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx

from ... import errors
from ...types import UNSET, Unset
from .. import APIResponse, AsyncSender, Sender, coerce_body

if TYPE_CHECKING:
    from ...models.message_response import MessageResponse
    from ...models.portfolio_create_request import PortfolioCreateRequest
    from ...models.portfolio_list_response import PortfolioListResponse
    from ...models.portfolio_response import PortfolioResponse
    from ...models.portfolio_update_request import PortfolioUpdateRequest

__all__ = (
    "AsyncPortfoliosResource",
    "AsyncPortfoliosResourceWithResponse",
    "PortfoliosResource",
    "PortfoliosResourceWithResponse",
)


def _parse_list_portfolios(response: httpx.Response) -> PortfolioListResponse:
    """The 2xx body of `list_portfolios` as `PortfolioListResponse`."""
    from ...models.portfolio_list_response import PortfolioListResponse

    if response.status_code == 200:
        response_200 = PortfolioListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_create_portfolio(response: httpx.Response) -> PortfolioResponse:
    """The 2xx body of `create_portfolio` as `PortfolioResponse`."""
    from ...models.portfolio_response import PortfolioResponse

    if response.status_code == 200:
        response_200 = PortfolioResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_portfolio(response: httpx.Response) -> PortfolioResponse:
    """The 2xx body of `get_portfolio` as `PortfolioResponse`."""
    from ...models.portfolio_response import PortfolioResponse

    if response.status_code == 200:
        response_200 = PortfolioResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_update_portfolio(response: httpx.Response) -> PortfolioResponse:
    """The 2xx body of `update_portfolio` as `PortfolioResponse`."""
    from ...models.portfolio_response import PortfolioResponse

    if response.status_code == 200:
        response_200 = PortfolioResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_delete_portfolio(response: httpx.Response) -> MessageResponse:
    """The 2xx body of `delete_portfolio` as `MessageResponse`."""
    from ...models.message_response import MessageResponse

    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class PortfoliosResourceWithResponse:
    """The `portfolios` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_portfolios(
        self,
        *,
        archived: bool | Unset = False,
    ) -> APIResponse[PortfolioListResponse]:
        """List portfolios

        Portfolios of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            APIResponse[PortfolioListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_portfolios

        kwargs = list_portfolios._get_kwargs(
            archived=archived,
        )
        return self._send(kwargs, _parse_list_portfolios)

    def create_portfolio(
        self,
        *,
        body: PortfolioCreateRequest | Mapping[str, Any],
    ) -> APIResponse[PortfolioResponse]:
        """Create a portfolio

        Creates a portfolio of blueprint selections.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (PortfolioCreateRequest):

        Returns:
            APIResponse[PortfolioResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.portfolio_create_request import PortfolioCreateRequest
        from . import create_portfolio

        kwargs = create_portfolio._get_kwargs(
            body=coerce_body(PortfolioCreateRequest, body),
        )
        return self._send(kwargs, _parse_create_portfolio)

    def get_portfolio(
        self,
        name: str,
    ) -> APIResponse[PortfolioResponse]:
        """Get a portfolio

        A portfolio by name.

        Args:
            name (str):

        Returns:
            APIResponse[PortfolioResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_portfolio

        kwargs = get_portfolio._get_kwargs(
            name=name,
        )
        return self._send(kwargs, _parse_get_portfolio)

    def update_portfolio(
        self,
        name: str,
        *,
        body: PortfolioUpdateRequest | Mapping[str, Any],
    ) -> APIResponse[PortfolioResponse]:
        """Update a portfolio

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            name (str):
            body (PortfolioUpdateRequest): Partial update; `selections` replaces all selections.

        Returns:
            APIResponse[PortfolioResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.portfolio_update_request import PortfolioUpdateRequest
        from . import update_portfolio

        kwargs = update_portfolio._get_kwargs(
            name=name,
            body=coerce_body(PortfolioUpdateRequest, body),
        )
        return self._send(kwargs, _parse_update_portfolio)

    def delete_portfolio(
        self,
        name: str,
        *,
        archive: bool | Unset = True,
    ) -> APIResponse[MessageResponse]:
        """Delete a portfolio

        Archives (default) or deletes a portfolio.

        Args:
            name (str):
            archive (bool | Unset):  Default: True.

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_portfolio

        kwargs = delete_portfolio._get_kwargs(
            name=name,
            archive=archive,
        )
        return self._send(kwargs, _parse_delete_portfolio)


class PortfoliosResource:
    """The `portfolios` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = PortfoliosResourceWithResponse(send)

    def list_portfolios(
        self,
        *,
        archived: bool | Unset = False,
    ) -> PortfolioListResponse:
        """List portfolios

        Portfolios of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            PortfolioListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_portfolios(
            archived=archived,
        ).parsed

    def create_portfolio(
        self,
        *,
        body: PortfolioCreateRequest | Mapping[str, Any],
    ) -> PortfolioResponse:
        """Create a portfolio

        Creates a portfolio of blueprint selections.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (PortfolioCreateRequest):

        Returns:
            PortfolioResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_portfolio(
            body=body,
        ).parsed

    def get_portfolio(
        self,
        name: str,
    ) -> PortfolioResponse:
        """Get a portfolio

        A portfolio by name.

        Args:
            name (str):

        Returns:
            PortfolioResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_portfolio(
            name,
        ).parsed

    def update_portfolio(
        self,
        name: str,
        *,
        body: PortfolioUpdateRequest | Mapping[str, Any],
    ) -> PortfolioResponse:
        """Update a portfolio

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            name (str):
            body (PortfolioUpdateRequest): Partial update; `selections` replaces all selections.

        Returns:
            PortfolioResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.update_portfolio(
            name,
            body=body,
        ).parsed

    def delete_portfolio(
        self,
        name: str,
        *,
        archive: bool | Unset = True,
    ) -> MessageResponse:
        """Delete a portfolio

        Archives (default) or deletes a portfolio.

        Args:
            name (str):
            archive (bool | Unset):  Default: True.

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.delete_portfolio(
            name,
            archive=archive,
        ).parsed


class AsyncPortfoliosResourceWithResponse:
    """The async `portfolios` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_portfolios(
        self,
        *,
        archived: bool | Unset = False,
    ) -> APIResponse[PortfolioListResponse]:
        """List portfolios

        Portfolios of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            APIResponse[PortfolioListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_portfolios

        kwargs = list_portfolios._get_kwargs(
            archived=archived,
        )
        return await self._send(kwargs, _parse_list_portfolios)

    async def create_portfolio(
        self,
        *,
        body: PortfolioCreateRequest | Mapping[str, Any],
    ) -> APIResponse[PortfolioResponse]:
        """Create a portfolio

        Creates a portfolio of blueprint selections.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (PortfolioCreateRequest):

        Returns:
            APIResponse[PortfolioResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.portfolio_create_request import PortfolioCreateRequest
        from . import create_portfolio

        kwargs = create_portfolio._get_kwargs(
            body=coerce_body(PortfolioCreateRequest, body),
        )
        return await self._send(kwargs, _parse_create_portfolio)

    async def get_portfolio(
        self,
        name: str,
    ) -> APIResponse[PortfolioResponse]:
        """Get a portfolio

        A portfolio by name.

        Args:
            name (str):

        Returns:
            APIResponse[PortfolioResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_portfolio

        kwargs = get_portfolio._get_kwargs(
            name=name,
        )
        return await self._send(kwargs, _parse_get_portfolio)

    async def update_portfolio(
        self,
        name: str,
        *,
        body: PortfolioUpdateRequest | Mapping[str, Any],
    ) -> APIResponse[PortfolioResponse]:
        """Update a portfolio

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            name (str):
            body (PortfolioUpdateRequest): Partial update; `selections` replaces all selections.

        Returns:
            APIResponse[PortfolioResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.portfolio_update_request import PortfolioUpdateRequest
        from . import update_portfolio

        kwargs = update_portfolio._get_kwargs(
            name=name,
            body=coerce_body(PortfolioUpdateRequest, body),
        )
        return await self._send(kwargs, _parse_update_portfolio)

    async def delete_portfolio(
        self,
        name: str,
        *,
        archive: bool | Unset = True,
    ) -> APIResponse[MessageResponse]:
        """Delete a portfolio

        Archives (default) or deletes a portfolio.

        Args:
            name (str):
            archive (bool | Unset):  Default: True.

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_portfolio

        kwargs = delete_portfolio._get_kwargs(
            name=name,
            archive=archive,
        )
        return await self._send(kwargs, _parse_delete_portfolio)


class AsyncPortfoliosResource:
    """The async `portfolios` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncPortfoliosResourceWithResponse(send)

    async def list_portfolios(
        self,
        *,
        archived: bool | Unset = False,
    ) -> PortfolioListResponse:
        """List portfolios

        Portfolios of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            PortfolioListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.list_portfolios(
                archived=archived,
            )
        ).parsed

    async def create_portfolio(
        self,
        *,
        body: PortfolioCreateRequest | Mapping[str, Any],
    ) -> PortfolioResponse:
        """Create a portfolio

        Creates a portfolio of blueprint selections.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (PortfolioCreateRequest):

        Returns:
            PortfolioResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_portfolio(
                body=body,
            )
        ).parsed

    async def get_portfolio(
        self,
        name: str,
    ) -> PortfolioResponse:
        """Get a portfolio

        A portfolio by name.

        Args:
            name (str):

        Returns:
            PortfolioResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_portfolio(
                name,
            )
        ).parsed

    async def update_portfolio(
        self,
        name: str,
        *,
        body: PortfolioUpdateRequest | Mapping[str, Any],
    ) -> PortfolioResponse:
        """Update a portfolio

        Changes the given fields.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            name (str):
            body (PortfolioUpdateRequest): Partial update; `selections` replaces all selections.

        Returns:
            PortfolioResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.update_portfolio(
                name,
                body=body,
            )
        ).parsed

    async def delete_portfolio(
        self,
        name: str,
        *,
        archive: bool | Unset = True,
    ) -> MessageResponse:
        """Delete a portfolio

        Archives (default) or deletes a portfolio.

        Args:
            name (str):
            archive (bool | Unset):  Default: True.

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.delete_portfolio(
                name,
                archive=archive,
            )
        ).parsed
