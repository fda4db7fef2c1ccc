import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.trades_list_response import TradesListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
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
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["strategy_name"] = strategy_name

    params["blueprint_name"] = blueprint_name

    params["portfolio_name"] = portfolio_name

    json_start_time: str | Unset = UNSET
    if not isinstance(start_time, Unset):
        json_start_time = start_time.isoformat()
    params["start_time"] = json_start_time

    json_end_time: str | Unset = UNSET
    if not isinstance(end_time, Unset):
        json_end_time = end_time.isoformat()
    params["end_time"] = json_end_time

    params["has_entry_signal"] = has_entry_signal

    params["has_exit_signal"] = has_exit_signal

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/trades",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | TradesListResponse | None:
    if response.status_code == 200:
        response_200 = TradesListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | TradesListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    strategy_name: str | Unset = UNSET,
    blueprint_name: str | Unset = UNSET,
    portfolio_name: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    has_entry_signal: bool | Unset = UNSET,
    has_exit_signal: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | HTTPValidationError | TradesListResponse]:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | TradesListResponse]
    """

    kwargs = _get_kwargs(
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

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    strategy_name: str | Unset = UNSET,
    blueprint_name: str | Unset = UNSET,
    portfolio_name: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    has_entry_signal: bool | Unset = UNSET,
    has_exit_signal: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> ErrorResponse | HTTPValidationError | TradesListResponse | None:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | TradesListResponse
    """

    return sync_detailed(
        client=client,
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


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    strategy_name: str | Unset = UNSET,
    blueprint_name: str | Unset = UNSET,
    portfolio_name: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    has_entry_signal: bool | Unset = UNSET,
    has_exit_signal: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | HTTPValidationError | TradesListResponse]:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | TradesListResponse]
    """

    kwargs = _get_kwargs(
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

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    strategy_name: str | Unset = UNSET,
    blueprint_name: str | Unset = UNSET,
    portfolio_name: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    has_entry_signal: bool | Unset = UNSET,
    has_exit_signal: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> ErrorResponse | HTTPValidationError | TradesListResponse | None:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | TradesListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
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
