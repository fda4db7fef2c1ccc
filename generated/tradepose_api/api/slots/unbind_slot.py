from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.slot_response import SlotResponse
from ...types import Response


def _get_kwargs(
    node_seq: int,
    slot_idx: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/slots/{node_seq}/{slot_idx}/unbind".format(
            node_seq=quote(str(node_seq), safe=""),
            slot_idx=quote(str(slot_idx), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | SlotResponse | None:
    if response.status_code == 200:
        response_200 = SlotResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | SlotResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    node_seq: int,
    slot_idx: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | HTTPValidationError | SlotResponse]:
    """Unbind a slot

     Clears the slot's account.

    Args:
        node_seq (int):
        slot_idx (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | SlotResponse]
    """

    kwargs = _get_kwargs(
        node_seq=node_seq,
        slot_idx=slot_idx,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    node_seq: int,
    slot_idx: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | HTTPValidationError | SlotResponse | None:
    """Unbind a slot

     Clears the slot's account.

    Args:
        node_seq (int):
        slot_idx (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | SlotResponse
    """

    return sync_detailed(
        node_seq=node_seq,
        slot_idx=slot_idx,
        client=client,
    ).parsed


async def asyncio_detailed(
    node_seq: int,
    slot_idx: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | HTTPValidationError | SlotResponse]:
    """Unbind a slot

     Clears the slot's account.

    Args:
        node_seq (int):
        slot_idx (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | SlotResponse]
    """

    kwargs = _get_kwargs(
        node_seq=node_seq,
        slot_idx=slot_idx,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    node_seq: int,
    slot_idx: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | HTTPValidationError | SlotResponse | None:
    """Unbind a slot

     Clears the slot's account.

    Args:
        node_seq (int):
        slot_idx (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | SlotResponse
    """

    return (
        await asyncio_detailed(
            node_seq=node_seq,
            slot_idx=slot_idx,
            client=client,
        )
    ).parsed
