"""Schemathesis runs the checked-in openapi.json against LocalGateway with all default checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tradepose.testing import LocalGateway

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.json"
MAX_EXAMPLES = 8

schema = schemathesis.openapi.from_path(SPEC_PATH)
schema.config.generation.update(max_examples=MAX_EXAMPLES)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def conformance_gateway() -> Iterator[LocalGateway]:
    """A gateway with a rate limit schemathesis cannot reach and near-instant tasks."""
    with LocalGateway(time_scale=0.001, requests_per_minute=1_000_000) as gateway:
        yield gateway


@schema.parametrize()
# Example generation for the big ExportRequest/StrategyConfig bodies is slow on 2 cores; that is not
# a property of the gateway.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_gateway_conforms_to_spec(case: schemathesis.Case, conformance_gateway: LocalGateway) -> None:
    """Every operation answers generated requests the way openapi.json says it does."""
    if case.operation.path == "/api/v1/keys" and case.method == "POST":
        auth = {"Authorization": f"Bearer {conformance_gateway.jwt}"}
    else:
        auth = {"X-API-Key": conformance_gateway.api_key}
    case.call_and_validate(base_url=conformance_gateway.url, headers=auth)
