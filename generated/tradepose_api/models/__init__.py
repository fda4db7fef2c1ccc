# Generated from openapi.json by openapi-python-client - do not edit; run `make generate`.
"""Contains all the data models used in inputs/outputs.

Imported lazily (PEP 562): `tradepose_api.models.X` imports the one module defining `X` on first access,
so importing this package costs nothing; type checkers and editors see every name through the
`TYPE_CHECKING` imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .account_create_request import AccountCreateRequest
    from .account_list_response import AccountListResponse
    from .account_response import AccountResponse
    from .account_source import AccountSource
    from .account_status import AccountStatus
    from .account_update_request import AccountUpdateRequest
    from .adx_indicator import ADXIndicator
    from .api_key_create import APIKeyCreate
    from .api_key_create_response import APIKeyCreateResponse
    from .api_key_list_response import APIKeyListResponse
    from .api_key_response import APIKeyResponse
    from .atr_indicator import ATRIndicator
    from .atr_quantile_indicator import ATRQuantileIndicator
    from .binding_create_request import BindingCreateRequest
    from .binding_list_response import BindingListResponse
    from .binding_response import BindingResponse
    from .blueprint import Blueprint
    from .blueprint_ref import BlueprintRef
    from .blueprint_selection import BlueprintSelection
    from .bollinger_bands_indicator import BollingerBandsIndicator
    from .broker_credentials import BrokerCredentials
    from .broker_credentials_update import BrokerCredentialsUpdate
    from .broker_type import BrokerType
    from .cancel_subscription_response import CancelSubscriptionResponse
    from .cci_indicator import CCIIndicator
    from .checkout_request import CheckoutRequest
    from .checkout_response import CheckoutResponse
    from .current_usage_response import CurrentUsageResponse
    from .detailed_usage_response import DetailedUsageResponse
    from .ema_indicator import EMAIndicator
    from .error_response import ErrorResponse
    from .execution_mode import ExecutionMode
    from .export_request import ExportRequest
    from .export_response import ExportResponse
    from .export_type import ExportType
    from .freq import Freq
    from .health_response import HealthResponse
    from .http_validation_error import HTTPValidationError
    from .indicator_spec import IndicatorSpec
    from .instrument_list_response import InstrumentListResponse
    from .instrument_response import InstrumentResponse
    from .latest_trade import LatestTrade
    from .latest_trades_result import LatestTradesResult
    from .macd_indicator import MACDIndicator
    from .market_profile_anchor_config import MarketProfileAnchorConfig
    from .market_profile_indicator import MarketProfileIndicator
    from .market_profile_shape_config import MarketProfileShapeConfig
    from .market_type import MarketType
    from .message_response import MessageResponse
    from .operation_type import OperationType
    from .order_strategy import OrderStrategy
    from .persist_mode import PersistMode
    from .plan_limits_response import PlanLimitsResponse
    from .plan_response import PlanResponse
    from .plans_list_response import PlansListResponse
    from .polars_expr import PolarsExpr
    from .portfolio_create_instrument_mapping import PortfolioCreateInstrumentMapping
    from .portfolio_create_request import PortfolioCreateRequest
    from .portfolio_instrument_mapping import PortfolioInstrumentMapping
    from .portfolio_list_response import PortfolioListResponse
    from .portfolio_response import PortfolioResponse
    from .portfolio_update_instrument_mapping import PortfolioUpdateInstrumentMapping
    from .portfolio_update_request import PortfolioUpdateRequest
    from .raw_ohlcv_indicator import RawOhlcvIndicator
    from .result_type import ResultType
    from .rsi_indicator import RSIIndicator
    from .slot_bind_request import SlotBindRequest
    from .slot_list_response import SlotListResponse
    from .slot_response import SlotResponse
    from .sma_indicator import SMAIndicator
    from .smma_indicator import SMMAIndicator
    from .stochastic_indicator import StochasticIndicator
    from .strategy_config import StrategyConfig
    from .strategy_list_item import StrategyListItem
    from .strategy_list_response import StrategyListResponse
    from .strategy_validation_error import StrategyValidationError
    from .subscription_detail_response import SubscriptionDetailResponse
    from .subscription_response import SubscriptionResponse
    from .super_trend_indicator import SuperTrendIndicator
    from .task_metadata_response import TaskMetadataResponse
    from .task_status import TaskStatus
    from .trade_direction import TradeDirection
    from .trade_response import TradeResponse
    from .trades_list_response import TradesListResponse
    from .trend_type import TrendType
    from .trigger import Trigger
    from .usage_day_response import UsageDayResponse
    from .usage_history_response import UsageHistoryResponse
    from .usage_stats_response import UsageStatsResponse
    from .usage_window_response import UsageWindowResponse
    from .validation_error import ValidationError
    from .validation_result import ValidationResult
    from .wma_indicator import WMAIndicator

__all__ = (
    "AccountCreateRequest",
    "AccountListResponse",
    "AccountResponse",
    "AccountSource",
    "AccountStatus",
    "AccountUpdateRequest",
    "ADXIndicator",
    "APIKeyCreate",
    "APIKeyCreateResponse",
    "APIKeyListResponse",
    "APIKeyResponse",
    "ATRIndicator",
    "ATRQuantileIndicator",
    "BindingCreateRequest",
    "BindingListResponse",
    "BindingResponse",
    "Blueprint",
    "BlueprintRef",
    "BlueprintSelection",
    "BollingerBandsIndicator",
    "BrokerCredentials",
    "BrokerCredentialsUpdate",
    "BrokerType",
    "CancelSubscriptionResponse",
    "CCIIndicator",
    "CheckoutRequest",
    "CheckoutResponse",
    "CurrentUsageResponse",
    "DetailedUsageResponse",
    "EMAIndicator",
    "ErrorResponse",
    "ExecutionMode",
    "ExportRequest",
    "ExportResponse",
    "ExportType",
    "Freq",
    "HealthResponse",
    "HTTPValidationError",
    "IndicatorSpec",
    "InstrumentListResponse",
    "InstrumentResponse",
    "LatestTrade",
    "LatestTradesResult",
    "MACDIndicator",
    "MarketProfileAnchorConfig",
    "MarketProfileIndicator",
    "MarketProfileShapeConfig",
    "MarketType",
    "MessageResponse",
    "OperationType",
    "OrderStrategy",
    "PersistMode",
    "PlanLimitsResponse",
    "PlanResponse",
    "PlansListResponse",
    "PolarsExpr",
    "PortfolioCreateInstrumentMapping",
    "PortfolioCreateRequest",
    "PortfolioInstrumentMapping",
    "PortfolioListResponse",
    "PortfolioResponse",
    "PortfolioUpdateInstrumentMapping",
    "PortfolioUpdateRequest",
    "RawOhlcvIndicator",
    "ResultType",
    "RSIIndicator",
    "SlotBindRequest",
    "SlotListResponse",
    "SlotResponse",
    "SMAIndicator",
    "SMMAIndicator",
    "StochasticIndicator",
    "StrategyConfig",
    "StrategyListItem",
    "StrategyListResponse",
    "StrategyValidationError",
    "SubscriptionDetailResponse",
    "SubscriptionResponse",
    "SuperTrendIndicator",
    "TaskMetadataResponse",
    "TaskStatus",
    "TradeDirection",
    "TradeResponse",
    "TradesListResponse",
    "TrendType",
    "Trigger",
    "UsageDayResponse",
    "UsageHistoryResponse",
    "UsageStatsResponse",
    "UsageWindowResponse",
    "ValidationError",
    "ValidationResult",
    "WMAIndicator",
)

# Public name -> the submodule defining it.
_MODULES = {
    "AccountCreateRequest": ".account_create_request",
    "AccountListResponse": ".account_list_response",
    "AccountResponse": ".account_response",
    "AccountSource": ".account_source",
    "AccountStatus": ".account_status",
    "AccountUpdateRequest": ".account_update_request",
    "ADXIndicator": ".adx_indicator",
    "APIKeyCreate": ".api_key_create",
    "APIKeyCreateResponse": ".api_key_create_response",
    "APIKeyListResponse": ".api_key_list_response",
    "APIKeyResponse": ".api_key_response",
    "ATRIndicator": ".atr_indicator",
    "ATRQuantileIndicator": ".atr_quantile_indicator",
    "BindingCreateRequest": ".binding_create_request",
    "BindingListResponse": ".binding_list_response",
    "BindingResponse": ".binding_response",
    "Blueprint": ".blueprint",
    "BlueprintRef": ".blueprint_ref",
    "BlueprintSelection": ".blueprint_selection",
    "BollingerBandsIndicator": ".bollinger_bands_indicator",
    "BrokerCredentials": ".broker_credentials",
    "BrokerCredentialsUpdate": ".broker_credentials_update",
    "BrokerType": ".broker_type",
    "CancelSubscriptionResponse": ".cancel_subscription_response",
    "CCIIndicator": ".cci_indicator",
    "CheckoutRequest": ".checkout_request",
    "CheckoutResponse": ".checkout_response",
    "CurrentUsageResponse": ".current_usage_response",
    "DetailedUsageResponse": ".detailed_usage_response",
    "EMAIndicator": ".ema_indicator",
    "ErrorResponse": ".error_response",
    "ExecutionMode": ".execution_mode",
    "ExportRequest": ".export_request",
    "ExportResponse": ".export_response",
    "ExportType": ".export_type",
    "Freq": ".freq",
    "HealthResponse": ".health_response",
    "HTTPValidationError": ".http_validation_error",
    "IndicatorSpec": ".indicator_spec",
    "InstrumentListResponse": ".instrument_list_response",
    "InstrumentResponse": ".instrument_response",
    "LatestTrade": ".latest_trade",
    "LatestTradesResult": ".latest_trades_result",
    "MACDIndicator": ".macd_indicator",
    "MarketProfileAnchorConfig": ".market_profile_anchor_config",
    "MarketProfileIndicator": ".market_profile_indicator",
    "MarketProfileShapeConfig": ".market_profile_shape_config",
    "MarketType": ".market_type",
    "MessageResponse": ".message_response",
    "OperationType": ".operation_type",
    "OrderStrategy": ".order_strategy",
    "PersistMode": ".persist_mode",
    "PlanLimitsResponse": ".plan_limits_response",
    "PlanResponse": ".plan_response",
    "PlansListResponse": ".plans_list_response",
    "PolarsExpr": ".polars_expr",
    "PortfolioCreateInstrumentMapping": ".portfolio_create_instrument_mapping",
    "PortfolioCreateRequest": ".portfolio_create_request",
    "PortfolioInstrumentMapping": ".portfolio_instrument_mapping",
    "PortfolioListResponse": ".portfolio_list_response",
    "PortfolioResponse": ".portfolio_response",
    "PortfolioUpdateInstrumentMapping": ".portfolio_update_instrument_mapping",
    "PortfolioUpdateRequest": ".portfolio_update_request",
    "RawOhlcvIndicator": ".raw_ohlcv_indicator",
    "ResultType": ".result_type",
    "RSIIndicator": ".rsi_indicator",
    "SlotBindRequest": ".slot_bind_request",
    "SlotListResponse": ".slot_list_response",
    "SlotResponse": ".slot_response",
    "SMAIndicator": ".sma_indicator",
    "SMMAIndicator": ".smma_indicator",
    "StochasticIndicator": ".stochastic_indicator",
    "StrategyConfig": ".strategy_config",
    "StrategyListItem": ".strategy_list_item",
    "StrategyListResponse": ".strategy_list_response",
    "StrategyValidationError": ".strategy_validation_error",
    "SubscriptionDetailResponse": ".subscription_detail_response",
    "SubscriptionResponse": ".subscription_response",
    "SuperTrendIndicator": ".super_trend_indicator",
    "TaskMetadataResponse": ".task_metadata_response",
    "TaskStatus": ".task_status",
    "TradeDirection": ".trade_direction",
    "TradeResponse": ".trade_response",
    "TradesListResponse": ".trades_list_response",
    "TrendType": ".trend_type",
    "Trigger": ".trigger",
    "UsageDayResponse": ".usage_day_response",
    "UsageHistoryResponse": ".usage_history_response",
    "UsageStatsResponse": ".usage_stats_response",
    "UsageWindowResponse": ".usage_window_response",
    "ValidationError": ".validation_error",
    "ValidationResult": ".validation_result",
    "WMAIndicator": ".wma_indicator",
}

# Hidden from type checkers, which would otherwise accept any name as a model.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        try:
            module = _MODULES[name]
        except KeyError:
            raise AttributeError(
                f"module {__name__!r} has no attribute {name!r}"
            ) from None
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
