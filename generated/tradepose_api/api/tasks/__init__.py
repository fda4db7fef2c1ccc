# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The `tasks` operations: one module per operation, and `TasksResource` / `AsyncTasksResource`.

A resource method builds its request with the operation module's `_get_kwargs`, hands it to the sender
with a parser for the 2xx body, and returns the parsed model; its `with_response` twin returns the
`APIResponse`. The operation modules are imported on first call.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING, cast
from uuid import UUID

import httpx

from ... import errors
from ...types import File
from .. import APIResponse, AsyncSender, Sender

if TYPE_CHECKING:
    from ...models.latest_trades_result import LatestTradesResult
    from ...models.result_type import ResultType
    from ...models.task_metadata_response import TaskMetadataResponse
    from ...models.validation_result import ValidationResult

__all__ = (
    "AsyncTasksResource",
    "AsyncTasksResourceWithResponse",
    "TasksResource",
    "TasksResourceWithResponse",
)


def _parse_get_task_status(response: httpx.Response) -> TaskMetadataResponse:
    """The 2xx body of `get_task_status` as `TaskMetadataResponse`."""
    from ...models.task_metadata_response import TaskMetadataResponse

    if response.status_code == 200:
        response_200 = TaskMetadataResponse.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_download_backtest_result(response: httpx.Response) -> File:
    """The 2xx body of `download_backtest_result` as `File`."""

    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_download_enhanced_ohlcv(response: httpx.Response) -> File:
    """The 2xx body of `download_enhanced_ohlcv` as `File`."""

    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_download_on_demand_ohlcv(response: httpx.Response) -> File:
    """The 2xx body of `download_on_demand_ohlcv` as `File`."""

    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_latest_trades(response: httpx.Response) -> LatestTradesResult:
    """The 2xx body of `get_latest_trades` as `LatestTradesResult`."""
    from ...models.latest_trades_result import LatestTradesResult

    if response.status_code == 200:
        response_200 = LatestTradesResult.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_get_validation_result(response: httpx.Response) -> ValidationResult:
    """The 2xx body of `get_validation_result` as `ValidationResult`."""
    from ...models.validation_result import ValidationResult

    if response.status_code == 200:
        response_200 = ValidationResult.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


def _parse_download_task_result(response: httpx.Response) -> File:
    """The 2xx body of `download_task_result` as `File`."""

    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


class TasksResourceWithResponse:
    """The `tasks` operations, each returning an `APIResponse` (parsed body, status, headers, retries)."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    def get_task_status(
        self,
        task_id: UUID,
    ) -> APIResponse[TaskMetadataResponse]:
        """Get task status

        Metadata and status of an export task. Poll until `status` is 2 (completed) or 3 (failed).

        Args:
            task_id (UUID):

        Returns:
            APIResponse[TaskMetadataResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_task_status

        kwargs = get_task_status._get_kwargs(
            task_id=task_id,
        )
        return self._send(kwargs, _parse_get_task_status)

    def download_backtest_result(
        self,
        task_id: UUID,
    ) -> APIResponse[File]:
        """Download backtest result as ZIP

        ZIP archive with `trades.parquet` and `performance.parquet` of a completed backtest task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_backtest_result

        kwargs = download_backtest_result._get_kwargs(
            task_id=task_id,
        )
        return self._send(kwargs, _parse_download_backtest_result)

    def download_enhanced_ohlcv(
        self,
        task_id: UUID,
    ) -> APIResponse[File]:
        """Download enhanced OHLCV

        Enhanced OHLCV Parquet of a completed enhanced-OHLCV task: bars, signals, positions and indicator
        columns.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_enhanced_ohlcv

        kwargs = download_enhanced_ohlcv._get_kwargs(
            task_id=task_id,
        )
        return self._send(kwargs, _parse_download_enhanced_ohlcv)

    def download_on_demand_ohlcv(
        self,
        task_id: UUID,
    ) -> APIResponse[File]:
        """Download on-demand OHLCV

        OHLCV plus the requested indicator columns of a completed on-demand OHLCV task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_on_demand_ohlcv

        kwargs = download_on_demand_ohlcv._get_kwargs(
            task_id=task_id,
        )
        return self._send(kwargs, _parse_download_on_demand_ohlcv)

    def get_latest_trades(
        self,
        task_id: UUID,
    ) -> APIResponse[LatestTradesResult]:
        """Get latest trades

        Most recent trades per (strategy, blueprint) of a completed latest-trades task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[LatestTradesResult]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_latest_trades

        kwargs = get_latest_trades._get_kwargs(
            task_id=task_id,
        )
        return self._send(kwargs, _parse_get_latest_trades)

    def get_validation_result(
        self,
        task_id: UUID,
    ) -> APIResponse[ValidationResult]:
        """Get validation result

        Outcome of a completed validate-strategy task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[ValidationResult]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_validation_result

        kwargs = get_validation_result._get_kwargs(
            task_id=task_id,
        )
        return self._send(kwargs, _parse_get_validation_result)

    def download_task_result(
        self,
        task_id: UUID,
        result_type: ResultType,
    ) -> APIResponse[File]:
        """Download a Parquet result

        One Parquet result of a completed task: `trades` and `performance` for backtests.

        Args:
            task_id (UUID):
            result_type (ResultType): A Parquet result of a completed task.

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_task_result

        kwargs = download_task_result._get_kwargs(
            task_id=task_id,
            result_type=result_type,
        )
        return self._send(kwargs, _parse_download_task_result)


class TasksResource:
    """The `tasks` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: Sender) -> None:
        self.with_response = TasksResourceWithResponse(send)

    def get_task_status(
        self,
        task_id: UUID,
    ) -> TaskMetadataResponse:
        """Get task status

        Metadata and status of an export task. Poll until `status` is 2 (completed) or 3 (failed).

        Args:
            task_id (UUID):

        Returns:
            TaskMetadataResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_task_status(
            task_id,
        ).parsed

    def download_backtest_result(
        self,
        task_id: UUID,
    ) -> File:
        """Download backtest result as ZIP

        ZIP archive with `trades.parquet` and `performance.parquet` of a completed backtest task.

        Args:
            task_id (UUID):

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.download_backtest_result(
            task_id,
        ).parsed

    def download_enhanced_ohlcv(
        self,
        task_id: UUID,
    ) -> File:
        """Download enhanced OHLCV

        Enhanced OHLCV Parquet of a completed enhanced-OHLCV task: bars, signals, positions and indicator
        columns.

        Args:
            task_id (UUID):

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.download_enhanced_ohlcv(
            task_id,
        ).parsed

    def download_on_demand_ohlcv(
        self,
        task_id: UUID,
    ) -> File:
        """Download on-demand OHLCV

        OHLCV plus the requested indicator columns of a completed on-demand OHLCV task.

        Args:
            task_id (UUID):

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.download_on_demand_ohlcv(
            task_id,
        ).parsed

    def get_latest_trades(
        self,
        task_id: UUID,
    ) -> LatestTradesResult:
        """Get latest trades

        Most recent trades per (strategy, blueprint) of a completed latest-trades task.

        Args:
            task_id (UUID):

        Returns:
            LatestTradesResult: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_latest_trades(
            task_id,
        ).parsed

    def get_validation_result(
        self,
        task_id: UUID,
    ) -> ValidationResult:
        """Get validation result

        Outcome of a completed validate-strategy task.

        Args:
            task_id (UUID):

        Returns:
            ValidationResult: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.get_validation_result(
            task_id,
        ).parsed

    def download_task_result(
        self,
        task_id: UUID,
        result_type: ResultType,
    ) -> File:
        """Download a Parquet result

        One Parquet result of a completed task: `trades` and `performance` for backtests.

        Args:
            task_id (UUID):
            result_type (ResultType): A Parquet result of a completed task.

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return self.with_response.download_task_result(
            task_id,
            result_type,
        ).parsed


class AsyncTasksResourceWithResponse:
    """The async `tasks` operations, each returning an `APIResponse`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    async def get_task_status(
        self,
        task_id: UUID,
    ) -> APIResponse[TaskMetadataResponse]:
        """Get task status

        Metadata and status of an export task. Poll until `status` is 2 (completed) or 3 (failed).

        Args:
            task_id (UUID):

        Returns:
            APIResponse[TaskMetadataResponse]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_task_status

        kwargs = get_task_status._get_kwargs(
            task_id=task_id,
        )
        return await self._send(kwargs, _parse_get_task_status)

    async def download_backtest_result(
        self,
        task_id: UUID,
    ) -> APIResponse[File]:
        """Download backtest result as ZIP

        ZIP archive with `trades.parquet` and `performance.parquet` of a completed backtest task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_backtest_result

        kwargs = download_backtest_result._get_kwargs(
            task_id=task_id,
        )
        return await self._send(kwargs, _parse_download_backtest_result)

    async def download_enhanced_ohlcv(
        self,
        task_id: UUID,
    ) -> APIResponse[File]:
        """Download enhanced OHLCV

        Enhanced OHLCV Parquet of a completed enhanced-OHLCV task: bars, signals, positions and indicator
        columns.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_enhanced_ohlcv

        kwargs = download_enhanced_ohlcv._get_kwargs(
            task_id=task_id,
        )
        return await self._send(kwargs, _parse_download_enhanced_ohlcv)

    async def download_on_demand_ohlcv(
        self,
        task_id: UUID,
    ) -> APIResponse[File]:
        """Download on-demand OHLCV

        OHLCV plus the requested indicator columns of a completed on-demand OHLCV task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_on_demand_ohlcv

        kwargs = download_on_demand_ohlcv._get_kwargs(
            task_id=task_id,
        )
        return await self._send(kwargs, _parse_download_on_demand_ohlcv)

    async def get_latest_trades(
        self,
        task_id: UUID,
    ) -> APIResponse[LatestTradesResult]:
        """Get latest trades

        Most recent trades per (strategy, blueprint) of a completed latest-trades task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[LatestTradesResult]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_latest_trades

        kwargs = get_latest_trades._get_kwargs(
            task_id=task_id,
        )
        return await self._send(kwargs, _parse_get_latest_trades)

    async def get_validation_result(
        self,
        task_id: UUID,
    ) -> APIResponse[ValidationResult]:
        """Get validation result

        Outcome of a completed validate-strategy task.

        Args:
            task_id (UUID):

        Returns:
            APIResponse[ValidationResult]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import get_validation_result

        kwargs = get_validation_result._get_kwargs(
            task_id=task_id,
        )
        return await self._send(kwargs, _parse_get_validation_result)

    async def download_task_result(
        self,
        task_id: UUID,
        result_type: ResultType,
    ) -> APIResponse[File]:
        """Download a Parquet result

        One Parquet result of a completed task: `trades` and `performance` for backtests.

        Args:
            task_id (UUID):
            result_type (ResultType): A Parquet result of a completed task.

        Returns:
            APIResponse[File]: the parsed 2xx body with its status code, headers, request
            id and the number of retries taken.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        from . import download_task_result

        kwargs = download_task_result._get_kwargs(
            task_id=task_id,
            result_type=result_type,
        )
        return await self._send(kwargs, _parse_download_task_result)


class AsyncTasksResource:
    """The async `tasks` operations, each returning its parsed 2xx body; `.with_response` has the full responses."""

    def __init__(self, send: AsyncSender) -> None:
        self.with_response = AsyncTasksResourceWithResponse(send)

    async def get_task_status(
        self,
        task_id: UUID,
    ) -> TaskMetadataResponse:
        """Get task status

        Metadata and status of an export task. Poll until `status` is 2 (completed) or 3 (failed).

        Args:
            task_id (UUID):

        Returns:
            TaskMetadataResponse: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_task_status(
                task_id,
            )
        ).parsed

    async def download_backtest_result(
        self,
        task_id: UUID,
    ) -> File:
        """Download backtest result as ZIP

        ZIP archive with `trades.parquet` and `performance.parquet` of a completed backtest task.

        Args:
            task_id (UUID):

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.download_backtest_result(
                task_id,
            )
        ).parsed

    async def download_enhanced_ohlcv(
        self,
        task_id: UUID,
    ) -> File:
        """Download enhanced OHLCV

        Enhanced OHLCV Parquet of a completed enhanced-OHLCV task: bars, signals, positions and indicator
        columns.

        Args:
            task_id (UUID):

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.download_enhanced_ohlcv(
                task_id,
            )
        ).parsed

    async def download_on_demand_ohlcv(
        self,
        task_id: UUID,
    ) -> File:
        """Download on-demand OHLCV

        OHLCV plus the requested indicator columns of a completed on-demand OHLCV task.

        Args:
            task_id (UUID):

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.download_on_demand_ohlcv(
                task_id,
            )
        ).parsed

    async def get_latest_trades(
        self,
        task_id: UUID,
    ) -> LatestTradesResult:
        """Get latest trades

        Most recent trades per (strategy, blueprint) of a completed latest-trades task.

        Args:
            task_id (UUID):

        Returns:
            LatestTradesResult: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_latest_trades(
                task_id,
            )
        ).parsed

    async def get_validation_result(
        self,
        task_id: UUID,
    ) -> ValidationResult:
        """Get validation result

        Outcome of a completed validate-strategy task.

        Args:
            task_id (UUID):

        Returns:
            ValidationResult: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.get_validation_result(
                task_id,
            )
        ).parsed

    async def download_task_result(
        self,
        task_id: UUID,
        result_type: ResultType,
    ) -> File:
        """Download a Parquet result

        One Parquet result of a completed task: `trades` and `performance` for backtests.

        Args:
            task_id (UUID):
            result_type (ResultType): A Parquet result of a completed task.

        Returns:
            File: the parsed 2xx body.

        Raises:
            tradepose.APIStatusError: a non-2xx response, as its subclass (NotFoundError, RateLimitError, ...).
            tradepose.APIConnectionError: no response (APITimeoutError on a timeout), after the retries.
            tradepose.ResponseDecodeError: a 2xx response whose body does not match the schema.
        """

        return (
            await self.with_response.download_task_result(
                task_id,
                result_type,
            )
        ).parsed
