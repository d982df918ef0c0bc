"""TIMEX3 date values: their granularity, the interval they cover, ordering and display.

Shared by event merging (granularity-aware compatibility), filters (``--since 2001``), the TUI
(density strip, "Mon 4 Dec 2023") and the exporters. Pure functions, no state.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "compatible",
    "format_value",
    "granularity_of",
    "parse_user_date",
    "sort_key",
    "value_interval",
]

_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: season code -> (display name, first month, number of months)
SEASONS: dict[str, tuple[str, int]] = {
    "SP": ("Spring", 3),
    "SU": ("Summer", 6),
    "FA": ("Autumn", 9),
    "WI": ("Winter", 12),
}

_RE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2}))?(?::(\d{2}))?")
_RE_DAY_PART = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI|DT)$")
_RE_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_RE_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_RE_QUARTER = re.compile(r"^(?:FY)?(\d{4})-Q([1-4])$")
_RE_HALF = re.compile(r"^(\d{4})-H([12])$")
_RE_FISCAL = re.compile(r"^FY(\d{4})$")
_RE_DECADE = re.compile(r"^(\d{3})$")
_RE_CENTURY = re.compile(r"^(\d{2})$")


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


@lru_cache(maxsize=65536)
def granularity_of(value: str) -> str:
    """The granularity of a TIMEX3 date value ("unknown" for what is not a calendar value)."""
    if _RE_TIME.match(value):
        return "time"
    if _RE_DAY.match(value) or _RE_DAY_PART.match(value):
        return "day"
    if _RE_WEEK.match(value):
        return "week"
    if _RE_MONTH.match(value):
        return "month"
    if _RE_SEASON.match(value):
        return "season"
    if _RE_QUARTER.match(value):
        return "quarter"
    if _RE_HALF.match(value):
        return "half"
    if _RE_YEAR.match(value) or _RE_FISCAL.match(value):
        return "year"
    if _RE_DECADE.match(value):
        return "decade"
    if _RE_CENTURY.match(value):
        return "century"
    return "unknown"


@lru_cache(maxsize=65536)
def value_interval(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers, or None (``PAST_REF``, ``XXXX-XX``, ...)."""
    try:
        if m := (_RE_TIME.match(value) or _RE_DAY_PART.match(value) or _RE_DAY.match(value)):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _RE_WEEK.match(value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + timedelta(days=6)
        if m := _RE_MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo)
        if m := _RE_SEASON.match(value):
            y = int(m[1])
            first_month = SEASONS[m[2]][1]
            ey, em = _add_months(y, first_month, 2)
            return date(y, first_month, 1), _month_end(ey, em)
        if m := _RE_QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := _RE_HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        if m := (_RE_YEAR.match(value) or _RE_FISCAL.match(value)):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _RE_DECADE.match(value):
            y = int(m[1]) * 10
            return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
        if m := _RE_CENTURY.match(value):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1 << 16)
def compatible(a: str, b: str) -> bool:
    """True when two date values can denote the same time: one interval contains the other
    ("2023" and "2023-06" are compatible, "2023-05" and "2023-06" are not)."""
    return intervals_compatible(value_interval(a), value_interval(b))


def intervals_compatible(ia: tuple[date, date] | None, ib: tuple[date, date] | None) -> bool:
    """``compatible`` on intervals already computed: one contains the other."""
    if ia is None or ib is None:
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


_UNKNOWN_KEY = (date.max.toordinal() + 1, 0, "")


@lru_cache(maxsize=65536)
def sort_key(value: str) -> tuple[int, int, str]:
    """Chronological order: by first day, then wider intervals first, unknown values last."""
    iv = value_interval(value)
    if iv is None:
        return _UNKNOWN_KEY[0], 0, value
    return iv[0].toordinal(), -(iv[1].toordinal() - iv[0].toordinal()), value


@lru_cache(maxsize=65536)
def format_value(value: str) -> str:
    """Human-readable, granularity-aware: "2001", "Dec 2023", "Mon 4 Dec 2023", "1990s"."""
    if m := _RE_TIME.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return f"{_WEEKDAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month]} {d.year} {m[4]}:{m[5] or '00'}"
    if m := _RE_DAY_PART.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        part = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}[m[4]]
        return f"{_WEEKDAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month]} {d.year} {part}"
    if m := _RE_DAY.match(value):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return value
        return f"{_WEEKDAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month]} {d.year}"
    if m := _RE_WEEK.match(value):
        return f"Week {int(m[2])} {m[1]}"
    if m := _RE_MONTH.match(value):
        mo = int(m[2])
        return f"{_MONTH_ABBR[mo]} {m[1]}" if 1 <= mo <= 12 else value
    if m := _RE_SEASON.match(value):
        return f"{SEASONS[m[2]][0]} {m[1]}"
    if m := _RE_QUARTER.match(value):
        return f"Q{m[2]} {m[1]}"
    if m := _RE_HALF.match(value):
        return f"H{m[2]} {m[1]}"
    if m := _RE_FISCAL.match(value):
        return f"FY {m[1]}"
    if m := _RE_YEAR.match(value):
        return m[1]
    if m := _RE_DECADE.match(value):
        return f"{m[1]}0s"
    if m := _RE_CENTURY.match(value):
        return f"{m[1]}00s"
    return value


_RE_USER = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def parse_user_date(text: str) -> tuple[date, date]:
    """Parse a ``--since``/``--until`` value of any granularity (``2001``, ``2023-12``, ``2023-12-04``)
    into the interval it covers. Raises ValueError with a message fit for the user."""
    m = _RE_USER.match(text)
    if not m:
        raise ValueError(f"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    value = m[1]
    if m[2]:
        value += f"-{int(m[2]):02d}"
        if m[3]:
            value += f"-{int(m[3]):02d}"
    iv = value_interval(value)
    if iv is None:
        raise ValueError(f"'{text}' is not a valid date")
    return iv
