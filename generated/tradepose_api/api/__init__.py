# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""The endpoint modules (one subpackage per tag) and the typed resources over them.

Each tag's subpackage holds one module per operation (`_get_kwargs`, `sync`, `asyncio`, ...) and two
resource classes, e.g. `tasks.TasksResource` / `tasks.AsyncTasksResource`, with one method per operation.
A resource sends through a `Sender` (or `AsyncSender`): a callable that takes the operation's
`_get_kwargs(...)` dict and a parser for its 2xx body, sends the request, raises for any other status, and
returns an `APIResponse`. `Resources` / `AsyncResources` bind every tag to one sender.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import httpx

if TYPE_CHECKING:
    from .accounts import AccountsResource, AsyncAccountsResource
    from .billing import AsyncBillingResource, BillingResource
    from .bindings import AsyncBindingsResource, BindingsResource
    from .export import AsyncExportResource, ExportResource
    from .health import AsyncHealthResource, HealthResource
    from .instruments import AsyncInstrumentsResource, InstrumentsResource
    from .keys import AsyncKeysResource, KeysResource
    from .portfolios import AsyncPortfoliosResource, PortfoliosResource
    from .slots import AsyncSlotsResource, SlotsResource
    from .strategies import AsyncStrategiesResource, StrategiesResource
    from .tasks import AsyncTasksResource, TasksResource
    from .trades import AsyncTradesResource, TradesResource
    from .usage import AsyncUsageResource, UsageResource

__all__ = (
    "APIResponse",
    "AsyncResources",
    "AsyncSender",
    "Resources",
    "Sender",
    "coerce_body",
)

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
M = TypeVar("M", bound="_FromDict")


@dataclass(frozen=True, slots=True)
class APIResponse(Generic[T_co]):
    """A parsed 2xx result together with the HTTP facts around it."""

    parsed: T_co
    status_code: int
    headers: httpx.Headers
    request_id: str | None
    retries_taken: int
    http_response: httpx.Response


class Sender(Protocol):
    """Send one operation: `send(kwargs, parse)` -> `APIResponse[T]`, raising for any non-2xx status.

    `kwargs` is the operation module's `_get_kwargs(...)` dict; `parse` turns a 2xx response into `T`.
    """

    def __call__(
        self, kwargs: dict[str, Any], parse: Callable[[httpx.Response], T], /
    ) -> APIResponse[T]: ...


class AsyncSender(Protocol):
    """The async `Sender`: `await send(kwargs, parse)` -> `APIResponse[T]`."""

    async def __call__(
        self, kwargs: dict[str, Any], parse: Callable[[httpx.Response], T], /
    ) -> APIResponse[T]: ...


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls: type[M], src_dict: Mapping[str, Any]) -> M: ...


def coerce_body(model: type[M], body: M | Mapping[str, Any]) -> M:
    """`body` as `model`: a model passes through, a wire-format mapping is parsed (`ValueError` if invalid)."""
    if isinstance(body, model):
        return body
    if not isinstance(body, Mapping):
        raise TypeError(
            f"body must be a {model.__name__} or a mapping, not {type(body).__name__}"
        )
    try:
        return model.from_dict(body)
    except (KeyError, ValueError, TypeError) as exc:
        raise ValueError(
            f"body is not a valid {model.__name__}: {type(exc).__name__}: {exc}"
        ) from None


class Resources:
    """Every tag's operations over one `Sender`: `resources.<tag>.<operation>(...)`."""

    def __init__(self, send: Sender) -> None:
        self._send = send

    @functools.cached_property
    def accounts(self) -> AccountsResource:
        """The `accounts` operations."""
        from .accounts import AccountsResource

        return AccountsResource(self._send)

    @functools.cached_property
    def billing(self) -> BillingResource:
        """The `billing` operations."""
        from .billing import BillingResource

        return BillingResource(self._send)

    @functools.cached_property
    def bindings(self) -> BindingsResource:
        """The `bindings` operations."""
        from .bindings import BindingsResource

        return BindingsResource(self._send)

    @functools.cached_property
    def export(self) -> ExportResource:
        """The `export` operations."""
        from .export import ExportResource

        return ExportResource(self._send)

    @functools.cached_property
    def health(self) -> HealthResource:
        """The `health` operations."""
        from .health import HealthResource

        return HealthResource(self._send)

    @functools.cached_property
    def instruments(self) -> InstrumentsResource:
        """The `instruments` operations."""
        from .instruments import InstrumentsResource

        return InstrumentsResource(self._send)

    @functools.cached_property
    def keys(self) -> KeysResource:
        """The `keys` operations."""
        from .keys import KeysResource

        return KeysResource(self._send)

    @functools.cached_property
    def portfolios(self) -> PortfoliosResource:
        """The `portfolios` operations."""
        from .portfolios import PortfoliosResource

        return PortfoliosResource(self._send)

    @functools.cached_property
    def slots(self) -> SlotsResource:
        """The `slots` operations."""
        from .slots import SlotsResource

        return SlotsResource(self._send)

    @functools.cached_property
    def strategies(self) -> StrategiesResource:
        """The `strategies` operations."""
        from .strategies import StrategiesResource

        return StrategiesResource(self._send)

    @functools.cached_property
    def tasks(self) -> TasksResource:
        """The `tasks` operations."""
        from .tasks import TasksResource

        return TasksResource(self._send)

    @functools.cached_property
    def trades(self) -> TradesResource:
        """The `trades` operations."""
        from .trades import TradesResource

        return TradesResource(self._send)

    @functools.cached_property
    def usage(self) -> UsageResource:
        """The `usage` operations."""
        from .usage import UsageResource

        return UsageResource(self._send)


class AsyncResources:
    """Every tag's operations over one `AsyncSender`: `await resources.<tag>.<operation>(...)`."""

    def __init__(self, send: AsyncSender) -> None:
        self._send = send

    @functools.cached_property
    def accounts(self) -> AsyncAccountsResource:
        """The `accounts` operations."""
        from .accounts import AsyncAccountsResource

        return AsyncAccountsResource(self._send)

    @functools.cached_property
    def billing(self) -> AsyncBillingResource:
        """The `billing` operations."""
        from .billing import AsyncBillingResource

        return AsyncBillingResource(self._send)

    @functools.cached_property
    def bindings(self) -> AsyncBindingsResource:
        """The `bindings` operations."""
        from .bindings import AsyncBindingsResource

        return AsyncBindingsResource(self._send)

    @functools.cached_property
    def export(self) -> AsyncExportResource:
        """The `export` operations."""
        from .export import AsyncExportResource

        return AsyncExportResource(self._send)

    @functools.cached_property
    def health(self) -> AsyncHealthResource:
        """The `health` operations."""
        from .health import AsyncHealthResource

        return AsyncHealthResource(self._send)

    @functools.cached_property
    def instruments(self) -> AsyncInstrumentsResource:
        """The `instruments` operations."""
        from .instruments import AsyncInstrumentsResource

        return AsyncInstrumentsResource(self._send)

    @functools.cached_property
    def keys(self) -> AsyncKeysResource:
        """The `keys` operations."""
        from .keys import AsyncKeysResource

        return AsyncKeysResource(self._send)

    @functools.cached_property
    def portfolios(self) -> AsyncPortfoliosResource:
        """The `portfolios` operations."""
        from .portfolios import AsyncPortfoliosResource

        return AsyncPortfoliosResource(self._send)

    @functools.cached_property
    def slots(self) -> AsyncSlotsResource:
        """The `slots` operations."""
        from .slots import AsyncSlotsResource

        return AsyncSlotsResource(self._send)

    @functools.cached_property
    def strategies(self) -> AsyncStrategiesResource:
        """The `strategies` operations."""
        from .strategies import AsyncStrategiesResource

        return AsyncStrategiesResource(self._send)

    @functools.cached_property
    def tasks(self) -> AsyncTasksResource:
        """The `tasks` operations."""
        from .tasks import AsyncTasksResource

        return AsyncTasksResource(self._send)

    @functools.cached_property
    def trades(self) -> AsyncTradesResource:
        """The `trades` operations."""
        from .trades import AsyncTradesResource

        return AsyncTradesResource(self._send)

    @functools.cached_property
    def usage(self) -> AsyncUsageResource:
        """The `usage` operations."""
        from .usage import AsyncUsageResource

        return AsyncUsageResource(self._send)
