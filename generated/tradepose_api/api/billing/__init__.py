# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `billing` operations: one module per operation, and `BillingResource` / `AsyncBillingResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx

from ... import errors
from ...types import UNSET, Unset
from .. import APIResponse, AsyncSender, Sender, coerce_body

if TYPE_CHECKING:
    from ...models.cancel_subscription_response import CancelSubscriptionResponse
    from ...models.checkout_request import CheckoutRequest
    from ...models.checkout_response import CheckoutResponse
    from ...models.plans_list_response import PlansListResponse
    from ...models.subscription_detail_response import SubscriptionDetailResponse
    from ...models.usage_history_response import UsageHistoryResponse
    from ...models.usage_stats_response import UsageStatsResponse

__all__ = (
    "AsyncBillingResource",
    "AsyncBillingResourceWithResponse",
    "BillingResource",
    "BillingResourceWithResponse",
)


def _parse_list_plans(response: httpx.Response) -> PlansListResponse:
    """The 2xx body of `list_plans` as `PlansListResponse`."""
    from ...models.plans_list_response import PlansListResponse

    if response.status_code == 200:
        response_200 = PlansListResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_create_checkout(response: httpx.Response) -> CheckoutResponse:
    """The 2xx body of `create_checkout` as `CheckoutResponse`."""
    from ...models.checkout_response import CheckoutResponse

    if response.status_code == 200:
        response_200 = CheckoutResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_subscription(response: httpx.Response) -> SubscriptionDetailResponse:
    """The 2xx body of `get_subscription` as `SubscriptionDetailResponse`."""
    from ...models.subscription_detail_response import SubscriptionDetailResponse

    if response.status_code == 200:
        response_200 = SubscriptionDetailResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_cancel_subscription(response: httpx.Response) -> CancelSubscriptionResponse:
    """The 2xx body of `cancel_subscription` as `CancelSubscriptionResponse`."""
    from ...models.cancel_subscription_response import CancelSubscriptionResponse

    if response.status_code == 200:
        response_200 = CancelSubscriptionResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_usage_stats(response: httpx.Response) -> UsageStatsResponse:
    """The 2xx body of `get_usage_stats` as `UsageStatsResponse`."""
    from ...models.usage_stats_response import UsageStatsResponse

    if response.status_code == 200:
        response_200 = UsageStatsResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_usage_history(response: httpx.Response) -> UsageHistoryResponse:
    """The 2xx body of `get_usage_history` as `UsageHistoryResponse`."""
    from ...models.usage_history_response import UsageHistoryResponse

    if response.status_code == 200:
        response_200 = UsageHistoryResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class BillingResourceWithResponse:
    """The `billing` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def list_plans(
        self,
    ) -> APIResponse[PlansListResponse]:
        """List plans

        Available plans and their limits.


        Returns:
            APIResponse[PlansListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_plans

        kwargs = list_plans._get_kwargs()
        return self._send(kwargs, _parse_list_plans)

    def create_checkout(
        self,
        *,
        body: CheckoutRequest | Mapping[str, Any],
    ) -> APIResponse[CheckoutResponse]:
        """Start a checkout

        Creates a checkout for a plan.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (CheckoutRequest):

        Returns:
            APIResponse[CheckoutResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.checkout_request import CheckoutRequest
        from . import create_checkout

        kwargs = create_checkout._get_kwargs(
            body=coerce_body(CheckoutRequest, body),
        )
        return self._send(kwargs, _parse_create_checkout)

    def get_subscription(
        self,
    ) -> APIResponse[SubscriptionDetailResponse]:
        """Get subscription

        Current subscription and plan.


        Returns:
            APIResponse[SubscriptionDetailResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_subscription

        kwargs = get_subscription._get_kwargs()
        return self._send(kwargs, _parse_get_subscription)

    def cancel_subscription(
        self,
    ) -> APIResponse[CancelSubscriptionResponse]:
        """Cancel subscription

        Cancels the subscription at the end of the current period.


        Returns:
            APIResponse[CancelSubscriptionResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import cancel_subscription

        kwargs = cancel_subscription._get_kwargs()
        return self._send(kwargs, _parse_cancel_subscription)

    def get_usage_stats(
        self,
    ) -> APIResponse[UsageStatsResponse]:
        """Get usage

        Usage of the current month against the plan.


        Returns:
            APIResponse[UsageStatsResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_usage_stats

        kwargs = get_usage_stats._get_kwargs()
        return self._send(kwargs, _parse_get_usage_stats)

    def get_usage_history(
        self,
        *,
        start_date: datetime.date | Unset = UNSET,
        end_date: datetime.date | Unset = UNSET,
    ) -> APIResponse[UsageHistoryResponse]:
        """Get usage history

        Daily usage between two dates.

        Args:
            start_date (datetime.date | Unset):
            end_date (datetime.date | Unset):

        Returns:
            APIResponse[UsageHistoryResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_usage_history

        kwargs = get_usage_history._get_kwargs(
            start_date=start_date,
            end_date=end_date,
        )
        return self._send(kwargs, _parse_get_usage_history)


class BillingResource:
    """The `billing` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = BillingResourceWithResponse(send)

    def list_plans(
        self,
    ) -> PlansListResponse:
        """List plans

        Available plans and their limits.


        Returns:
            PlansListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.list_plans().parsed

    def create_checkout(
        self,
        *,
        body: CheckoutRequest | Mapping[str, Any],
    ) -> CheckoutResponse:
        """Start a checkout

        Creates a checkout for a plan.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (CheckoutRequest):

        Returns:
            CheckoutResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.create_checkout(
            body=body,
        ).parsed

    def get_subscription(
        self,
    ) -> SubscriptionDetailResponse:
        """Get subscription

        Current subscription and plan.


        Returns:
            SubscriptionDetailResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_subscription().parsed

    def cancel_subscription(
        self,
    ) -> CancelSubscriptionResponse:
        """Cancel subscription

        Cancels the subscription at the end of the current period.


        Returns:
            CancelSubscriptionResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.cancel_subscription().parsed

    def get_usage_stats(
        self,
    ) -> UsageStatsResponse:
        """Get usage

        Usage of the current month against the plan.


        Returns:
            UsageStatsResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_usage_stats().parsed

    def get_usage_history(
        self,
        *,
        start_date: datetime.date | Unset = UNSET,
        end_date: datetime.date | Unset = UNSET,
    ) -> UsageHistoryResponse:
        """Get usage history

        Daily usage between two dates.

        Args:
            start_date (datetime.date | Unset):
            end_date (datetime.date | Unset):

        Returns:
            UsageHistoryResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_usage_history(
            start_date=start_date,
            end_date=end_date,
        ).parsed


class AsyncBillingResourceWithResponse:
    """The async `billing` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def list_plans(
        self,
    ) -> APIResponse[PlansListResponse]:
        """List plans

        Available plans and their limits.


        Returns:
            APIResponse[PlansListResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import list_plans

        kwargs = list_plans._get_kwargs()
        return await self._send(kwargs, _parse_list_plans)

    async def create_checkout(
        self,
        *,
        body: CheckoutRequest | Mapping[str, Any],
    ) -> APIResponse[CheckoutResponse]:
        """Start a checkout

        Creates a checkout for a plan.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (CheckoutRequest):

        Returns:
            APIResponse[CheckoutResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from ...models.checkout_request import CheckoutRequest
        from . import create_checkout

        kwargs = create_checkout._get_kwargs(
            body=coerce_body(CheckoutRequest, body),
        )
        return await self._send(kwargs, _parse_create_checkout)

    async def get_subscription(
        self,
    ) -> APIResponse[SubscriptionDetailResponse]:
        """Get subscription

        Current subscription and plan.


        Returns:
            APIResponse[SubscriptionDetailResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_subscription

        kwargs = get_subscription._get_kwargs()
        return await self._send(kwargs, _parse_get_subscription)

    async def cancel_subscription(
        self,
    ) -> APIResponse[CancelSubscriptionResponse]:
        """Cancel subscription

        Cancels the subscription at the end of the current period.


        Returns:
            APIResponse[CancelSubscriptionResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import cancel_subscription

        kwargs = cancel_subscription._get_kwargs()
        return await self._send(kwargs, _parse_cancel_subscription)

    async def get_usage_stats(
        self,
    ) -> APIResponse[UsageStatsResponse]:
        """Get usage

        Usage of the current month against the plan.


        Returns:
            APIResponse[UsageStatsResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_usage_stats

        kwargs = get_usage_stats._get_kwargs()
        return await self._send(kwargs, _parse_get_usage_stats)

    async def get_usage_history(
        self,
        *,
        start_date: datetime.date | Unset = UNSET,
        end_date: datetime.date | Unset = UNSET,
    ) -> APIResponse[UsageHistoryResponse]:
        """Get usage history

        Daily usage between two dates.

        Args:
            start_date (datetime.date | Unset):
            end_date (datetime.date | Unset):

        Returns:
            APIResponse[UsageHistoryResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_usage_history

        kwargs = get_usage_history._get_kwargs(
            start_date=start_date,
            end_date=end_date,
        )
        return await self._send(kwargs, _parse_get_usage_history)


class AsyncBillingResource:
    """The async `billing` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncBillingResourceWithResponse(send)

    async def list_plans(
        self,
    ) -> PlansListResponse:
        """List plans

        Available plans and their limits.


        Returns:
            PlansListResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.list_plans()).parsed

    async def create_checkout(
        self,
        *,
        body: CheckoutRequest | Mapping[str, Any],
    ) -> CheckoutResponse:
        """Start a checkout

        Creates a checkout for a plan.

        A request body may be given as the generated model or as a wire-format mapping.

        Args:
            body (CheckoutRequest):

        Returns:
            CheckoutResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.create_checkout(
                body=body,
            )
        ).parsed

    async def get_subscription(
        self,
    ) -> SubscriptionDetailResponse:
        """Get subscription

        Current subscription and plan.


        Returns:
            SubscriptionDetailResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.get_subscription()).parsed

    async def cancel_subscription(
        self,
    ) -> CancelSubscriptionResponse:
        """Cancel subscription

        Cancels the subscription at the end of the current period.


        Returns:
            CancelSubscriptionResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.cancel_subscription()).parsed

    async def get_usage_stats(
        self,
    ) -> UsageStatsResponse:
        """Get usage

        Usage of the current month against the plan.


        Returns:
            UsageStatsResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (await self.with_response.get_usage_stats()).parsed

    async def get_usage_history(
        self,
        *,
        start_date: datetime.date | Unset = UNSET,
        end_date: datetime.date | Unset = UNSET,
    ) -> UsageHistoryResponse:
        """Get usage history

        Daily usage between two dates.

        Args:
            start_date (datetime.date | Unset):
            end_date (datetime.date | Unset):

        Returns:
            UsageHistoryResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_usage_history(
                start_date=start_date,
                end_date=end_date,
            )
        ).parsed
