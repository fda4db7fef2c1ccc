"""Period: parsing, calendar constructors, the inclusive end, the wire form and the key."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradepose._authoring._period import Period, PeriodError, TimeLike
from tradepose._errors import ConfigError

END_OF_DAY = (23, 59, 59, 999999)


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        (Period.Q1(2024), date(2024, 1, 1), date(2024, 3, 31)),
        (Period.Q2(2024), date(2024, 4, 1), date(2024, 6, 30)),
        (Period.Q3(2024), date(2024, 7, 1), date(2024, 9, 30)),
        (Period.Q4(2024), date(2024, 10, 1), date(2024, 12, 31)),
        (Period.from_year(2024), date(2024, 1, 1), date(2024, 12, 31)),
        (Period.from_year(2024, 3), date(2024, 1, 1), date(2026, 12, 31)),
        (Period.from_year(2024, -2), date(2023, 1, 1), date(2024, 12, 31)),
        (Period.from_month(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
        (Period.from_month(2023, 2), date(2023, 2, 1), date(2023, 2, 28)),
        (Period.from_month(1900, 2), date(1900, 2, 1), date(1900, 2, 28)),
        (Period.from_month(2000, 2), date(2000, 2, 1), date(2000, 2, 29)),
        (Period.from_month(2024, 11, 3), date(2024, 11, 1), date(2025, 1, 31)),
        (Period.from_month(2024, 3, -3), date(2024, 1, 1), date(2024, 3, 31)),
        (Period.from_month(2024, 1, -1), date(2024, 1, 1), date(2024, 1, 31)),
        (Period.from_month(2024, 1, -2), date(2023, 12, 1), date(2024, 1, 31)),
        (Period.from_month(2024, 3, 1, 1), date(2024, 3, 1), date(2025, 3, 31)),
        (Period.from_month(2024, 3, 0, 1), date(2024, 3, 1), date(2025, 2, 28)),
        (Period.from_month(2024, 3, 0, -1), date(2023, 4, 1), date(2024, 3, 31)),
    ],
)
def test_calendar_constructors(period: Period, first: date, last: date) -> None:
    """Quarter, year and month constructors cover whole days, month ends and leap years included."""
    assert (period.start_date, period.end_date) == (first, last)
    assert period.start == datetime(first.year, first.month, first.day)
    assert period.end == datetime(last.year, last.month, last.day, *END_OF_DAY)


def test_wire_form_includes_the_last_day() -> None:
    """Q1 2024 goes on the wire ending 23:59:59 on 31 March, not at its midnight (§8.1 #12)."""
    assert Period.Q1(2024).to_wire() == ("2024-01-01T00:00:00", "2024-03-31T23:59:59")


@pytest.mark.parametrize(
    ("start", "end", "wire"),
    [
        ("2024-01-01", "2024-03-31", ("2024-01-01T00:00:00", "2024-03-31T23:59:59")),
        (date(2024, 1, 1), date(2024, 1, 1), ("2024-01-01T00:00:00", "2024-01-01T23:59:59")),
        ("2024-01-01T09:30:00", "2024-01-01T16:00:00", ("2024-01-01T09:30:00", "2024-01-01T16:00:00")),
        (datetime(2024, 1, 1), datetime(2024, 4, 1), ("2024-01-01T00:00:00", "2024-04-01T00:00:00")),
        (
            "2024-01-01T00:00:00Z",
            "2024-01-02T00:00:00+00:00",
            ("2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00"),
        ),
        (" 2024-01-01 ", "2024-01-31", ("2024-01-01T00:00:00", "2024-01-31T23:59:59")),
    ],
)
def test_to_wire(start: TimeLike, end: TimeLike, wire: tuple[str, str]) -> None:
    """Date ends run to the end of their day; datetime ends are exact; offsets are kept."""
    assert Period(start, end).to_wire() == wire


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024Q1", Period.Q1(2024)),
        ("2024q4", Period.Q4(2024)),
        ("2024-Q2", Period.Q2(2024)),
        ("2024-03", Period.from_month(2024, 3)),
        ("2024", Period.from_year(2024)),
        ("2024-03-15", Period("2024-03-15", "2024-03-15")),
        (date(2024, 3, 15), Period("2024-03-15", "2024-03-15")),
        ("2024-01-01/2024-03-31", Period.Q1(2024)),
        ("2024-01-01_2024-03-31", Period.Q1(2024)),
        (("2024-01-01", "2024-03-31"), Period.Q1(2024)),
        ((date(2024, 1, 1), datetime(2024, 3, 31, *END_OF_DAY)), Period.Q1(2024)),
        (["2024-01-01", "2024-03-31"], Period.Q1(2024)),
        (Period.Q3(2020), Period.Q3(2020)),
    ],
)
def test_parse_accepted_forms(value: object, expected: Period) -> None:
    """Every documented input form parses to the expected period."""
    assert Period.parse(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: Period("2024-05-01", "2024-03-31"), "period start 2024-05-01 is after its end 2024-03-31: swap them"),
        (lambda: Period("2024-01-01T10:00:00", "2024-01-01T10:00:00"), "same instant"),
        (lambda: Period("2024-01-01", "2024-02-01T00:00:00+00:00"), "give both a timezone or neither"),
        (lambda: Period("2024-01-01", "31/03/2024"), "is not an ISO date or datetime"),
        (lambda: Period(20240101, "2024-03-31"), "has type int"),  # type: ignore[arg-type]
        (lambda: Period.parse("next quarter"), "not in a known format; accepted forms"),
        (lambda: Period.parse("2024-13"), "month 13 is out of range"),
        (lambda: Period.parse("2024Q5"), "not in a known format"),
        (lambda: Period.parse(("2024-01-01",)), "cannot read a period"),  # type: ignore[arg-type]
        (lambda: Period.parse(42), "cannot read a period"),  # type: ignore[arg-type]
        (lambda: Period.from_month(2024, 0), "month 0 is out of range: use 1 (January) to 12 (December)"),
        (lambda: Period.from_month(2024, 3, 0), "spans zero months"),
        (lambda: Period.from_month(2024, 3, 12, -1), "spans zero months"),
        (lambda: Period.from_month(9999, 12, 2), "between 1 and 9999"),
        (lambda: Period.from_year(2024, 0), "n_years 0 must be a non-zero integer"),
        (lambda: Period.from_year(0), "between 1 and 9999"),
        (lambda: Period.quarter(2024, 5), "quarter 5 is not 1, 2, 3 or 4"),
        (lambda: Period.Q1(True), "is not an integer"),
    ],
)
def test_invalid_periods_raise_period_error(call: object, fragment: str) -> None:
    """Bad input raises PeriodError naming the problem and the fix."""
    with pytest.raises(PeriodError, match=None) as info:
        call()  # type: ignore[operator]
    assert fragment in str(info.value)


def test_period_error_is_value_error_and_config_error() -> None:
    """PeriodError can be caught as ValueError and as the SDK's ConfigError."""
    assert issubclass(PeriodError, ValueError)
    assert issubclass(PeriodError, ConfigError)


def test_str_is_the_label() -> None:
    """str() and label are 2024Q1 / 2024-03 / 2024 / one day / `start..end`; repr shows the bounds."""
    cases = {
        Period.Q1(2024): "2024Q1",
        Period.from_month(2024, 3): "2024-03",
        Period.from_year(2024): "2024",
        Period("2024-03-15", "2024-03-15"): "2024-03-15",
        Period.from_year(2024, 2): "2024-01-01..2025-12-31",
        Period("2024-01-01", "2024-03-30"): "2024-01-01..2024-03-30",
        Period("2024-01-02T09:30:00", "2024-01-02T16:00:00"): "2024-01-02T093000..2024-01-02T160000",
        Period("2024-01-02T09:30:00+01:00", "2024-01-02T16:00:00.25+00:00"): (
            "2024-01-02T093000+0100..2024-01-02T160000.250000Z"
        ),
    }
    for period, label in cases.items():
        assert period.label == str(period) == label
        assert Period.parse(label) == period
    assert repr(Period.Q1(2024)) == "Period('2024-01-01', '2024-03-31')"


def test_label_survives_as_a_file_name_and_a_partition_value() -> None:
    """A label has only letters, digits, `-`, `+` and `.`, never ends in a dot and is no Windows device name."""
    for period in (
        Period.Q3(2024),
        Period("2024-01-01", "2024-01-09"),
        Period("2024-01-01T09:00Z", "2024-01-01T10:00Z"),
    ):
        label = period.label
        assert set(label) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-+.")
        assert not label.endswith((".", " ")) and not label.startswith(".")


def test_key_is_a_safe_unique_name() -> None:
    """The key has no path separators or colons, and differs for periods with the same dates."""
    whole = Period("2024-01-01", "2024-01-02")
    morning = Period("2024-01-01T09:00:00", "2024-01-02T12:00:00")
    aware = Period("2024-01-01T09:00:00+08:00", "2024-01-02T12:00:00+08:00")
    assert whole.key == "2024-01-01_2024-01-02"
    assert morning.key == "2024-01-01T090000_2024-01-02T120000"
    assert aware.key == "2024-01-01T090000+0800_2024-01-02T120000+0800"
    for period in (whole, morning, aware):
        assert not set(period.key) & set('/\\:*?"<>| ')
    assert len({whole.key, morning.key, aware.key}) == 3


def test_immutable_hashable_ordered_picklable() -> None:
    """Periods are frozen, usable as dict keys and sort by start then end."""
    q1 = Period.Q1(2024)
    with pytest.raises(AttributeError):
        q1.start = datetime(2020, 1, 1)  # type: ignore[misc]
    assert {q1: 1}[Period("2024-01-01", "2024-03-31")] == 1
    assert sorted([Period.Q2(2024), Period.from_month(2024, 1), q1]) == [
        Period.from_month(2024, 1),
        q1,
        Period.Q2(2024),
    ]
    assert pickle.loads(pickle.dumps(q1)) == q1
    assert copy.deepcopy(q1) == q1
    assert q1 != "2024Q1"


naive_moments = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1))
offsets = st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))])


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Any valid period: whole days, naive instants or aware instants."""
    kind = draw(st.sampled_from(["days", "naive", "aware"]))
    if kind == "days":
        first = draw(st.dates(min_value=date(1971, 1, 1), max_value=date(2100, 1, 1)))
        return Period(first, first + timedelta(days=draw(st.integers(0, 4000))))
    start = draw(naive_moments)
    end = start + timedelta(microseconds=draw(st.integers(1, 10**14)))
    if kind == "aware":
        tz = draw(offsets)
        return Period(start.replace(tzinfo=tz), end.replace(tzinfo=tz))
    return Period(start, end)


@given(periods())
def test_parse_round_trips_key_str_and_repr_bounds(period: Period) -> None:
    """parse(key) and parse(str(p)) give back the same period, for every kind of period."""
    assert Period.parse(period.key) == period
    assert Period.parse(str(period)) == period
    assert Period.parse((period.start, period.end)) == period


calendar_units = st.one_of(
    st.builds(Period.quarter, st.integers(1, 9999), st.integers(1, 4)),
    st.builds(Period.from_month, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(Period.from_year, st.integers(1, 9999)),
)
zones = st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"])


@st.composite
def zoned_periods(draw: st.DrawFn) -> Period:
    """Periods in named time zones (DST offsets and half-hour offsets included)."""
    tz = ZoneInfo(draw(zones))
    start = draw(naive_moments).replace(tzinfo=tz)
    return Period(start, start + timedelta(seconds=draw(st.integers(1, 10**8))))


@given(st.one_of(calendar_units, periods(), zoned_periods()))
def test_parse_round_trips_the_label(period: Period) -> None:
    """parse(label) is the same period for calendar units, day ranges, intraday and tz-aware periods."""
    assert Period.parse(period.label) == period
    assert Period.parse(period.label).label == period.label
    assert not set(period.label) & set('/\\:*?"<>| _')


@given(calendar_units)
def test_calendar_units_have_their_short_labels(period: Period) -> None:
    """A calendar quarter, month or year is labelled `YYYYQn`, `YYYY-MM` or `YYYY`, never as a range."""
    assert ".." not in period.label
    assert len(period.label) in (4, 6, 7)


@given(periods())
def test_wire_form_is_ordered_second_precision(period: Period) -> None:
    """The wire strings parse as datetimes, keep the order and drop only sub-second parts."""
    start, end = (datetime.fromisoformat(s) for s in period.to_wire())
    assert start <= end
    assert period.start - start < timedelta(seconds=1)
    assert period.end - end < timedelta(seconds=1)


@given(
    st.integers(1971, 2100),
    st.integers(1, 12),
    st.integers(-40, 40),
    st.integers(-3, 3),
)
def test_from_month_spans_whole_months(year: int, month: int, n_months: int, n_years: int) -> None:
    """from_month covers exactly |n_months + 12 n_years| whole months, anchored on `month`."""
    total = n_months + 12 * n_years
    if total == 0:
        with pytest.raises(PeriodError):
            Period.from_month(year, month, n_months, n_years)
        return
    period = Period.from_month(year, month, n_months, n_years)
    first, last = period.start_date, period.end_date
    assert first.day == 1
    assert (last + timedelta(days=1)).day == 1
    assert (last.year - first.year) * 12 + last.month - first.month + 1 == abs(total)
    anchor = (first.year, first.month) if total > 0 else (last.year, last.month)
    assert anchor == (year, month)
