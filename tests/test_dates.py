from datetime import date

import pytest

from timeline_tui.dates import (
    compatible,
    format_value,
    granularity_of,
    parse_user_date,
    sort_key,
    value_interval,
)


@pytest.mark.parametrize(
    ("value", "granularity", "first", "last"),
    [
        ("2023-12-04", "day", date(2023, 12, 4), date(2023, 12, 4)),
        ("2023-12-04T15:26", "time", date(2023, 12, 4), date(2023, 12, 4)),
        ("2023-12-04TEV", "day", date(2023, 12, 4), date(2023, 12, 4)),
        ("2023-12", "month", date(2023, 12, 1), date(2023, 12, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
        ("199", "decade", date(1990, 1, 1), date(1999, 12, 31)),
        ("19", "century", date(1900, 1, 1), date(1999, 12, 31)),
        ("2013-W11", "week", date(2013, 3, 11), date(2013, 3, 17)),
        ("2013-SU", "season", date(2013, 6, 1), date(2013, 8, 31)),
        ("2013-WI", "season", date(2013, 12, 1), date(2014, 2, 28)),
        ("2013-Q1", "quarter", date(2013, 1, 1), date(2013, 3, 31)),
        ("2013-H2", "half", date(2013, 7, 1), date(2013, 12, 31)),
        ("FY2013", "year", date(2013, 1, 1), date(2013, 12, 31)),
    ],
)
def test_value_interval_and_granularity(value: str, granularity: str, first: date, last: date) -> None:
    assert granularity_of(value) == granularity
    assert value_interval(value) == (first, last)


@pytest.mark.parametrize(
    "value", ["PAST_REF", "XXXX-XX-XX", "XXXX-WXX-1", "P75Y", "2023-13", "2023-02-30", ""]
)
def test_values_without_interval(value: str) -> None:
    assert value_interval(value) is None


def test_compatible_is_granularity_aware() -> None:
    assert compatible("2023", "2023-06")
    assert compatible("2023-12-04", "2023-W49")
    assert compatible("200", "2001")
    assert not compatible("2023-05", "2023-06")
    assert not compatible("2001", "2023")
    assert not compatible("PAST_REF", "2023")


def test_format_value_is_granularity_aware() -> None:
    assert format_value("2001") == "2001"
    assert format_value("2023-12") == "Dec 2023"
    assert format_value("2023-12-04") == "Mon 4 Dec 2023"
    assert format_value("2023-12-05T15:26") == "Tue 5 Dec 2023 15:26"
    assert format_value("2023-12-04TEV") == "Mon 4 Dec 2023 evening"
    assert format_value("199") == "1990s"
    assert format_value("2013-SU") == "Summer 2013"
    assert format_value("PAST_REF") == "PAST_REF"


def test_sort_key_orders_chronologically_wider_first_unknown_last() -> None:
    values = ["2023-12-04", "PAST_REF", "2001", "2023", "1979", "2023-12"]
    assert sorted(values, key=sort_key) == ["1979", "2001", "2023", "2023-12", "2023-12-04", "PAST_REF"]


def test_parse_user_date() -> None:
    assert parse_user_date("2001") == (date(2001, 1, 1), date(2001, 12, 31))
    assert parse_user_date("2023-12") == (date(2023, 12, 1), date(2023, 12, 31))
    assert parse_user_date("2023-12-04") == (date(2023, 12, 4), date(2023, 12, 4))
    for bad in ("yesterday-ish", "2023-13", "2023-02-30", "12/04/2023"):
        with pytest.raises(ValueError):
            parse_user_date(bad)
