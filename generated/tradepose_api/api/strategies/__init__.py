# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `strategies` operations: one module per operation, and `StrategiesResource` / `AsyncStrategiesResource`.

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
    from ...models.message_response import MessageResponse
    from ...models.strategy_config import StrategyConfig
    from ...models.strategy_list_response import StrategyListResponse

__all__ = (
    "AsyncStrategiesResource",
    "AsyncStrategiesResourceWithResponse",
    "StrategiesResource",
    "StrategiesResourceWithResponse",
)


def _parse_list_strategies(response: httpx.Response) -> StrategyListResponse:
    """The 2xx body of `list_strategies` as `StrategyListResponse`."""
    from ...models.strategy_list_response import StrategyListResponse

    if response.status_code == 200:
        response_200 = StrategyListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_create_strategy(response: httpx.Response) -> StrategyConfig:
    """The 2xx body of `create_strategy` as `StrategyConfig`."""
    from ...models.strategy_config import StrategyConfig

    if response.status_code == 200:
        response_200 = StrategyConfig.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_strategy(response: httpx.Response) -> StrategyConfig:
    """The 2xx body of `get_strategy` as `StrategyConfig`."""
    from ...models.strategy_config import StrategyConfig

    if response.status_code == 200:
        response_200 = StrategyConfig.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_delete_strategy(response: httpx.Response) -> MessageResponse:
    """The 2xx body of `delete_strategy` as `MessageResponse`."""
    from ...models.message_response import MessageResponse

    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class StrategiesResourceWithResponse:
    """The `strategies` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_strategies(
        self,
        *,
        archived: bool | Unset = False,
    ) -> APIResponse[StrategyListResponse]:
        """List strategies

        Strategies of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            APIResponse[StrategyListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_strategies

        kwargs = list_strategies._get_kwargs(
            archived=archived,
        )
        return self._send(kwargs, _parse_list_strategies)

    def create_strategy(
        self,
        *,
        body: StrategyConfig | Mapping[str, Any],
    ) -> APIResponse[StrategyConfig]:
        """Register a strategy

        Get-or-create by name: an existing strategy of the same name is returned unchanged.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (StrategyConfig): A complete strategy: instrument, indicators and blueprints.

        Returns:
            APIResponse[StrategyConfig]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.strategy_config import StrategyConfig
        from . import create_strategy

        kwargs = create_strategy._get_kwargs(
            body=coerce_body(StrategyConfig, body),
        )
        return self._send(kwargs, _parse_create_strategy)

    def get_strategy(
        self,
        strategy: UUID,
    ) -> APIResponse[StrategyConfig]:
        """Get a strategy

        A stored strategy **by id**.

        Args:
            strategy (UUID):

        Returns:
            APIResponse[StrategyConfig]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_strategy

        kwargs = get_strategy._get_kwargs(
            strategy=strategy,
        )
        return self._send(kwargs, _parse_get_strategy)

    def delete_strategy(
        self,
        strategy: str,
        *,
        archive: bool | Unset = True,
    ) -> APIResponse[MessageResponse]:
        """Delete a strategy

        Archives (default) or deletes a strategy **by name** (percent-encode `/`).

        Args:
            strategy (str):
            archive (bool | Unset):  Default: True.

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_strategy

        kwargs = delete_strategy._get_kwargs(
            strategy=strategy,
            archive=archive,
        )
        return self._send(kwargs, _parse_delete_strategy)


class StrategiesResource:
    """The `strategies` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = StrategiesResourceWithResponse(send)

    def list_strategies(
        self,
        *,
        archived: bool | Unset = False,
    ) -> StrategyListResponse:
        """List strategies

        Strategies of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            StrategyListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_strategies(
            archived=archived,
        ).parsed

    def create_strategy(
        self,
        *,
        body: StrategyConfig | Mapping[str, Any],
    ) -> StrategyConfig:
        """Register a strategy

        Get-or-create by name: an existing strategy of the same name is returned unchanged.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (StrategyConfig): A complete strategy: instrument, indicators and blueprints.

        Returns:
            StrategyConfig: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_strategy(
            body=body,
        ).parsed

    def get_strategy(
        self,
        strategy: UUID,
    ) -> StrategyConfig:
        """Get a strategy

        A stored strategy **by id**.

        Args:
            strategy (UUID):

        Returns:
            StrategyConfig: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_strategy(
            strategy,
        ).parsed

    def delete_strategy(
        self,
        strategy: str,
        *,
        archive: bool | Unset = True,
    ) -> MessageResponse:
        """Delete a strategy

        Archives (default) or deletes a strategy **by name** (percent-encode `/`).

        Args:
            strategy (str):
            archive (bool | Unset):  Default: True.

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.delete_strategy(
            strategy,
            archive=archive,
        ).parsed


class AsyncStrategiesResourceWithResponse:
    """The async `strategies` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_strategies(
        self,
        *,
        archived: bool | Unset = False,
    ) -> APIResponse[StrategyListResponse]:
        """List strategies

        Strategies of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            APIResponse[StrategyListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_strategies

        kwargs = list_strategies._get_kwargs(
            archived=archived,
        )
        return await self._send(kwargs, _parse_list_strategies)

    async def create_strategy(
        self,
        *,
        body: StrategyConfig | Mapping[str, Any],
    ) -> APIResponse[StrategyConfig]:
        """Register a strategy

        Get-or-create by name: an existing strategy of the same name is returned unchanged.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (StrategyConfig): A complete strategy: instrument, indicators and blueprints.

        Returns:
            APIResponse[StrategyConfig]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.strategy_config import StrategyConfig
        from . import create_strategy

        kwargs = create_strategy._get_kwargs(
            body=coerce_body(StrategyConfig, body),
        )
        return await self._send(kwargs, _parse_create_strategy)

    async def get_strategy(
        self,
        strategy: UUID,
    ) -> APIResponse[StrategyConfig]:
        """Get a strategy

        A stored strategy **by id**.

        Args:
            strategy (UUID):

        Returns:
            APIResponse[StrategyConfig]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_strategy

        kwargs = get_strategy._get_kwargs(
            strategy=strategy,
        )
        return await self._send(kwargs, _parse_get_strategy)

    async def delete_strategy(
        self,
        strategy: str,
        *,
        archive: bool | Unset = True,
    ) -> APIResponse[MessageResponse]:
        """Delete a strategy

        Archives (default) or deletes a strategy **by name** (percent-encode `/`).

        Args:
            strategy (str):
            archive (bool | Unset):  Default: True.

        Returns:
            APIResponse[MessageResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import delete_strategy

        kwargs = delete_strategy._get_kwargs(
            strategy=strategy,
            archive=archive,
        )
        return await self._send(kwargs, _parse_delete_strategy)


class AsyncStrategiesResource:
    """The async `strategies` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncStrategiesResourceWithResponse(send)

    async def list_strategies(
        self,
        *,
        archived: bool | Unset = False,
    ) -> StrategyListResponse:
        """List strategies

        Strategies of the caller.

        Args:
            archived (bool | Unset):  Default: False.

        Returns:
            StrategyListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.list_strategies(
                archived=archived,
            )
        ).parsed

    async def create_strategy(
        self,
        *,
        body: StrategyConfig | Mapping[str, Any],
    ) -> StrategyConfig:
        """Register a strategy

        Get-or-create by name: an existing strategy of the same name is returned unchanged.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (StrategyConfig): A complete strategy: instrument, indicators and blueprints.

        Returns:
            StrategyConfig: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_strategy(
                body=body,
            )
        ).parsed

    async def get_strategy(
        self,
        strategy: UUID,
    ) -> StrategyConfig:
        """Get a strategy

        A stored strategy **by id**.

        Args:
            strategy (UUID):

        Returns:
            StrategyConfig: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_strategy(
                strategy,
            )
        ).parsed

    async def delete_strategy(
        self,
        strategy: str,
        *,
        archive: bool | Unset = True,
    ) -> MessageResponse:
        """Delete a strategy

        Archives (default) or deletes a strategy **by name** (percent-encode `/`).

        Args:
            strategy (str):
            archive (bool | Unset):  Default: True.

        Returns:
            MessageResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.delete_strategy(
                strategy,
                archive=archive,
            )
        ).parsed
