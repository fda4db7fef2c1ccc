from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.message_response import MessageResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    strategy: str,
    *,
    archive: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["archive"] = archive

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/strategies/{strategy}".format(
            strategy=quote(str(strategy), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | MessageResponse | None:
    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | HTTPValidationError | MessageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    strategy: str,
    *,
    client: AuthenticatedClient | Client,
    archive: bool | Unset = True,
) -> Response[ErrorResponse | HTTPValidationError | MessageResponse]:
    """Delete a strategy

     Archives (default) or deletes a strategy **by name** (percent-encode `/`).

    Args:
        strategy (str):
        archive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | MessageResponse]
    """

    kwargs = _get_kwargs(
        strategy=strategy,
        archive=archive,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    strategy: str,
    *,
    client: AuthenticatedClient | Client,
    archive: bool | Unset = True,
) -> ErrorResponse | HTTPValidationError | MessageResponse | None:
    """Delete a strategy

     Archives (default) or deletes a strategy **by name** (percent-encode `/`).

    Args:
        strategy (str):
        archive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | MessageResponse
    """

    return sync_detailed(
        strategy=strategy,
        client=client,
        archive=archive,
    ).parsed


async def asyncio_detailed(
    strategy: str,
    *,
    client: AuthenticatedClient | Client,
    archive: bool | Unset = True,
) -> Response[ErrorResponse | HTTPValidationError | MessageResponse]:
    """Delete a strategy

     Archives (default) or deletes a strategy **by name** (percent-encode `/`).

    Args:
        strategy (str):
        archive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | MessageResponse]
    """

    kwargs = _get_kwargs(
        strategy=strategy,
        archive=archive,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    strategy: str,
    *,
    client: AuthenticatedClient | Client,
    archive: bool | Unset = True,
) -> ErrorResponse | HTTPValidationError | MessageResponse | None:
    """Delete a strategy

     Archives (default) or deletes a strategy **by name** (percent-encode `/`).

    Args:
        strategy (str):
        archive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | MessageResponse
    """

    return (
        await asyncio_detailed(
            strategy=strategy,
            client=client,
            archive=archive,
        )
    ).parsed
