"""`Period`: a validated, inclusive backtest date range and its wire form.

The end is inclusive. A period whose end is given as a *date* (a `date` object or a
`"YYYY-MM-DD"` string) runs through the whole of that day, i.e. up to 23:59:59.999999;
an end given as a *datetime* is that exact instant. `to_wire()` makes this explicit:
Q1 2024 goes out as `("2024-01-01T00:00:00", "2024-03-31T23:59:59")`. (The reference
client sends `2024-03-31T00:00:00` and so drops the last day.)

Every period has one label, `Period.label` (= `str(period)`), used in frames, saved partitions, reprs and
the command line: `2024Q1`, `2024-03`, `2024` for calendar quarters, months and years, `2024-03-15` for
one day, `2024-01-01..2024-03-31` for other whole-day ranges, and for intraday or timezone-aware bounds
the bound as `2024-01-02T093000`, `...T093000.250000`, `...T093000Z` or `...T093000+0100` (no `:`, so
it is a valid file name on Windows too). `Period.parse(label)` reads each back to an equal period.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Final, TypeAlias

from .._errors import ConfigError

__all__ = ["Period", "PeriodError", "PeriodLike", "TimeLike"]

TimeLike: TypeAlias = date | datetime | str
PeriodLike: TypeAlias = "Period | str | date | tuple[TimeLike, TimeLike]"


class PeriodError(ConfigError, ValueError):
    """A period that cannot be read, is empty or reversed, or mixes timezone-aware and naive times."""


_END_OF_DAY: Final = time(23, 59, 59, 999999)
_QUARTER_RE: Final = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MONTH_RE: Final = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_RE: Final = re.compile(r"^(\d{4})$")
_FORMS: Final = (
    "accepted forms: '2024Q1' (a quarter), '2024-03' (a month), '2024' (a year), "
    "'2024-03-15' (a day), '2024-01-01..2024-03-31', '2024-01-01/2024-03-31' or '2024-01-01_2024-03-31' "
    "(a range), "
    "a (start, end) tuple, or a Period"
)


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise PeriodError(f"year {year!r} is not an integer between 1 and 9999: pass a year such as 2024")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    shifted_year, shifted_month = divmod(index, 12)
    _check_year(shifted_year)
    return shifted_year, shifted_month + 1


def _to_datetime(value: TimeLike, *, which: str, is_end: bool) -> datetime:
    """Turn one bound into a datetime; a date-only end becomes the last instant of that day."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, _END_OF_DAY if is_end else time.min)
    if isinstance(value, str):
        text = value.strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return datetime.combine(day, _END_OF_DAY if is_end else time.min)
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise PeriodError(
                f"period {which} {value!r} is not an ISO date or datetime: "
                f"write it as '2024-03-31' or '2024-03-31T16:00:00'"
            ) from None
    raise PeriodError(
        f"period {which} {value!r} has type {type(value).__name__}: "
        f"pass a datetime.date, a datetime.datetime or an ISO string"
    )


def _key_part(moment: datetime, *, is_end: bool) -> str:
    """A file-name-safe rendering of one bound that `Period.parse` reads back to the same bound."""
    whole_day = moment.time() == (_END_OF_DAY if is_end else time.min)
    if moment.tzinfo is None and whole_day:
        return moment.date().isoformat()
    text = moment.strftime("%Y-%m-%dT%H%M%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    offset = moment.utcoffset()
    if offset is not None:
        text += "Z" if not offset else moment.strftime("%z")
    return text


@functools.total_ordering
class Period:
    """An inclusive time range for one backtest task.

    `Period(start, end)` takes `date`, `datetime` or ISO strings. A date (or date-only string)
    as `end` includes that whole day; a datetime `end` is the exact last instant included.
    Both bounds must be timezone-aware or both naive. Periods are immutable, hashable and
    ordered by (start, end). Invalid input raises `PeriodError` (also a `ValueError`).
    """

    __slots__ = ("_end", "_start")

    _start: datetime
    _end: datetime

    def __init__(self, start: TimeLike, end: TimeLike) -> None:
        start_dt = _to_datetime(start, which="start", is_end=False)
        end_dt = _to_datetime(end, which="end", is_end=True)
        if (start_dt.tzinfo is None) != (end_dt.tzinfo is None):
            raise PeriodError(
                f"period start {start_dt.isoformat()} and end {end_dt.isoformat()} mix a "
                f"timezone-aware and a naive time: give both a timezone or neither"
            )
        if start_dt > end_dt:
            raise PeriodError(
                f"period start {_shown(start_dt, is_end=False)} is after its end "
                f"{_shown(end_dt, is_end=True)}: swap them"
            )
        if start_dt == end_dt:
            raise PeriodError(
                f"period start and end are the same instant {start_dt.isoformat()}: "
                f"give an end after the start (a date-only end includes that whole day)"
            )
        object.__setattr__(self, "_start", start_dt)
        object.__setattr__(self, "_end", end_dt)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Period is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Period is immutable; cannot delete {name!r}")

    # -- constructors -------------------------------------------------------------------

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter `quarter` (1-4) of `year`, first day to last day inclusive."""
        _check_year(year)
        if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
            raise PeriodError(f"quarter {quarter!r} is not 1, 2, 3 or 4: pick one of those")
        first_month = 3 * (quarter - 1) + 1
        return cls(date(year, first_month, 1), _month_end(year, first_month + 2))

    @classmethod
    def Q1(cls, year: int) -> Period:
        """1 January to 31 March of `year`."""
        return cls.quarter(year, 1)

    @classmethod
    def Q2(cls, year: int) -> Period:
        """1 April to 30 June of `year`."""
        return cls.quarter(year, 2)

    @classmethod
    def Q3(cls, year: int) -> Period:
        """1 July to 30 September of `year`."""
        return cls.quarter(year, 3)

    @classmethod
    def Q4(cls, year: int) -> Period:
        """1 October to 31 December of `year`."""
        return cls.quarter(year, 4)

    @classmethod
    def from_year(cls, year: int, n_years: int = 1) -> Period:
        """Whole calendar years: `n_years` > 0 counts forward from `year`, < 0 counts back to it.

        `from_year(2024, 2)` is 2024-01-01..2025-12-31; `from_year(2024, -2)` is
        2023-01-01..2024-12-31. `n_years == 0` is an error.
        """
        _check_year(year)
        if isinstance(n_years, bool) or not isinstance(n_years, int) or n_years == 0:
            raise PeriodError(f"n_years {n_years!r} must be a non-zero integer: use 1 for one year")
        first, last = (year, year + n_years - 1) if n_years > 0 else (year + n_years + 1, year)
        _check_year(first)
        _check_year(last)
        return cls(date(first, 1, 1), date(last, 12, 31))

    @classmethod
    def from_month(cls, year: int, month: int, n_months: int = 1, n_years: int = 0) -> Period:
        """Whole calendar months, leap years included.

        The span is `n_months + 12 * n_years` months. Positive spans start on the 1st of
        `month` and run forward; negative spans end on the last day of `month` and run back.
        `from_month(2024, 2)` is 2024-02-01..2024-02-29. A zero span is an error.
        """
        _check_year(year)
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise PeriodError(f"month {month!r} is out of range: use 1 (January) to 12 (December)")
        for label, count in (("n_months", n_months), ("n_years", n_years)):
            if isinstance(count, bool) or not isinstance(count, int):
                raise PeriodError(f"{label} {count!r} is not an integer: pass a whole number")
        total = n_months + 12 * n_years
        if total == 0:
            raise PeriodError(
                f"n_months={n_months} with n_years={n_years} spans zero months: "
                f"use n_months=1 for one month (negative counts go back in time)"
            )
        if total > 0:
            end_year, end_month = _shift_month(year, month, total - 1)
            return cls(date(year, month, 1), _month_end(end_year, end_month))
        start_year, start_month = _shift_month(year, month, total + 1)
        return cls(date(start_year, start_month, 1), _month_end(year, month))

    @classmethod
    def parse(cls, value: PeriodLike) -> Period:
        """Read a period from any accepted form.

        `"2024Q1"`, `"2024-03"` (a month), `"2024"` (a year), `"2024-03-15"` (one day),
        `"2024-01-01..2024-03-31"` (the `label` form), `"2024-01-01/2024-03-31"` or the `key` form
        `"2024-01-01_2024-03-31"`, a date (that day), a `(start, end)` tuple, or a `Period` (returned
        as is). `parse(p.label) == p` for every period.
        """
        if isinstance(value, Period):
            return value
        if isinstance(value, str):
            return cls._parse_text(value)
        if isinstance(value, date):
            return cls(value, value)
        if isinstance(value, Sequence) and len(value) == 2:  # a tuple, or a list from JSON
            return cls(value[0], value[1])
        raise PeriodError(f"cannot read a period from {value!r}; {_FORMS}")

    @classmethod
    def _parse_text(cls, value: str) -> Period:
        text = value.strip()
        if match := _QUARTER_RE.match(text):
            return cls.quarter(int(match[1]), int(match[2]))
        if match := _MONTH_RE.match(text):
            return cls.from_month(int(match[1]), int(match[2]))
        if match := _YEAR_RE.match(text):
            return cls.from_year(int(match[1]))
        for separator in ("..", "/", "_"):
            if text.count(separator) == 1:
                start, end = text.split(separator)
                return cls(start, end)
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise PeriodError(f"period {value!r} is not in a known format; {_FORMS}") from None
        return cls(day, day)

    # -- views --------------------------------------------------------------------------

    @property
    def start(self) -> datetime:
        """The first instant included."""
        return self._start

    @property
    def end(self) -> datetime:
        """The last instant included (23:59:59.999999 when the end was given as a date)."""
        return self._end

    @property
    def start_date(self) -> date:
        """The calendar day of `start`."""
        return self._start.date()

    @property
    def end_date(self) -> date:
        """The calendar day of `end` (the last day included)."""
        return self._end.date()

    @property
    def is_whole_days(self) -> bool:
        """True when the period is naive and runs from a midnight to the end of a day."""
        return self._start.tzinfo is None and self._start.time() == time.min and self._end.time() == _END_OF_DAY

    @property
    def label(self) -> str:
        """The one user-facing name: `2024Q1`, `2024-03`, `2024`, `2024-03-15` or `2024-01-01..2024-03-31`.

        Unique per period, file-name safe on every OS (hive partitions are `period=<label>`), and
        `Period.parse(label)` reads it back. Intraday and timezone-aware bounds are written as in
        the module docstring, e.g. `2024-01-02T093000..2024-01-02T160000+0100`.
        """
        calendar_label = self._calendar_label()
        if calendar_label is not None:
            return calendar_label
        first, last = _key_part(self._start, is_end=False), _key_part(self._end, is_end=True)
        if self.is_whole_days and first == last:
            return first
        return f"{first}..{last}"

    @property
    def key(self) -> str:
        """The journal's storage id, e.g. `2024-01-01_2024-03-31` (stable across SDK versions).

        It names rows and result directories inside a batch workdir; everything shown to users uses
        `label`. `parse(key)` reads it back.
        """
        return f"{_key_part(self._start, is_end=False)}_{_key_part(self._end, is_end=True)}"

    def to_wire(self) -> tuple[str, str]:
        """`(start_date, end_date)` as the gateway's export request expects them.

        Second precision, with the UTC offset when the period is timezone-aware:
        Q1 2024 is `("2024-01-01T00:00:00", "2024-03-31T23:59:59")`. Sub-second parts
        are dropped, so a date-only end covers every bar stamped up to 23:59:59.
        """
        return (self._start.isoformat(timespec="seconds"), self._end.isoformat(timespec="seconds"))

    def _calendar_label(self) -> str | None:
        if not self.is_whole_days:
            return None
        first, last = self.start_date, self.end_date
        if first.day != 1 or last != _month_end(last.year, last.month):
            return None
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months == 1:
            return f"{first.year:04d}-{first.month:02d}"
        if months == 3 and first.month % 3 == 1:
            return f"{first.year:04d}Q{first.month // 3 + 1}"
        if months == 12 and first.month == 1:
            return f"{first.year:04d}"
        return None

    def __str__(self) -> str:
        """The period's `label`."""
        return self.label

    def __repr__(self) -> str:
        return f"Period({_shown(self._start, is_end=False)!r}, {_shown(self._end, is_end=True)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self._start, self._end) == (other._start, other._end)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self._start, self._end) < (other._start, other._end)

    def __hash__(self) -> int:
        return hash((self._start, self._end))

    def __reduce__(self) -> tuple[type[Period], tuple[datetime, datetime]]:
        return (Period, (self._start, self._end))


def _shown(moment: datetime, *, is_end: bool) -> str:
    """A bound as the user most likely wrote it: a bare date for whole-day bounds."""
    whole_day = moment.time() == (_END_OF_DAY if is_end else time.min)
    if moment.tzinfo is None and whole_day:
        return moment.date().isoformat()
    return moment.isoformat()
