"""parquet-schemas.json is the source of the overlay's Parquet schemas; dtype text is read strictly."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from _parquet_schemas import COLUMNS_FILE, MODULE, check_module, dtype_from_text, load_columns, schemas_from_columns

from tradepose._client._downloads import check_schema
from tradepose._client._schemas import TRADES_SCHEMA
from tradepose._errors import ResultSchemaError

ROOT = Path(__file__).resolve().parents[2]


def test_overlay_module_matches_the_side_file() -> None:
    """The generated overlay module is what the side file produces (make check-generated's check)."""
    assert check_module(ROOT / COLUMNS_FILE, ROOT / MODULE)
    assert schemas_from_columns(load_columns(ROOT / COLUMNS_FILE))["trades"] == TRADES_SCHEMA


def test_a_dtype_edit_in_the_side_file_fails_the_download_check() -> None:
    """Retyping a column in the side file makes an old-dtype frame raise ResultSchemaError naming it."""
    columns = load_columns(ROOT / COLUMNS_FILE)
    columns["trades"]["exit_price"] = "Float32"
    with pytest.raises(ResultSchemaError) as info:
        check_schema(TRADES_SCHEMA, schemas_from_columns(columns)["trades"], what="trades")
    assert info.value.column == "exit_price"


@pytest.mark.parametrize("text", ["__import__('os')", "Int33", "pl.Int32", "Struct({1: Int64})", "Int32("])
def test_dtype_text_other_than_polars_dtypes_is_refused(text: str) -> None:
    """Only Polars dtype names, their calls, dicts and constants are accepted."""
    with pytest.raises(ValueError, match=r"dtype|struct"):
        dtype_from_text(text)


def test_nested_dtypes_read_back() -> None:
    """Struct and List text reads back as the dtype that prints it."""
    text = "List(Struct({'price': Float64, 'at': Datetime(time_unit='ms', time_zone='UTC')}))"
    assert dtype_from_text(text) == pl.List(pl.Struct({"price": pl.Float64, "at": pl.Datetime("ms", "UTC")}))
