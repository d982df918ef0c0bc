"""The query layer: person/outlet/date/search filters and the TUI's filter line."""

from __future__ import annotations

import pytest

from timeline_tui.errors import UsageError
from timeline_tui.model import Event, Evidence, Filters, Person, SourceRecord, Timeline
from timeline_tui.timeline import (
    TimelineIndex,
    apply_filters,
    filter_sources,
    match_people,
    parse_query,
    validate_filters,
)

PEOPLE = [
    Person(
        id="ali-khamenei",
        name="Ali Khamenei",
        aliases=["Ayatollah Khamenei", "Leader of the Islamic Revolution"],
        titles=["the Leader"],
    ),
    Person(id="miguel-diaz-canel", name="Miguel Díaz-Canel", aliases=["Díaz-Canel"]),
    Person(id="ebrahim-raisi", name="Ebrahim Raisi", aliases=["Raisi"]),
    Person(id="fidel-castro", name="Fidel Castro"),
]


def ev(
    id: str, date: str, people: list[str], outlets: list[str], n: int, text: str, end: str | None = None
) -> Event:
    return Event(
        id=id,
        date=date,
        granularity="day",
        end=end,
        title=text[:30],
        people=people,
        outlets=outlets,
        corroboration=n,
        evidence=[Evidence(source="s1", start=0, end=len(text), text=text)],
    )


@pytest.fixture
def timeline() -> Timeline:
    events = [
        ev("revolution", "1979", [], ["Iran Press"], 2, "the 1979 Islamic Revolution"),
        ev(
            "castro",
            "2001",
            ["fidel-castro", "ali-khamenei"],
            ["Radio Habana Cuba", "Iran Press"],
            5,
            "Fidel Castro visited Tehran 22 years ago",
        ),
        ev(
            "period",
            "1948",
            [],
            ["Afghan Voice Agency"],
            1,
            "in the past 75 years Palestinians suffered",
            end="2023",
        ),
        ev("raisi", "2023", ["ebrahim-raisi"], ["Iran Press"], 2, "Raisi visited Havana earlier this year"),
        ev(
            "meeting",
            "2023-12-04",
            ["ali-khamenei", "miguel-diaz-canel"],
            ["Radio Habana Cuba", "Iran Press", "Afghan Voice Agency"],
            5,
            "the Leader received Díaz-Canel",
        ),
    ]
    sources = [
        SourceRecord(id="s1", path="a.txt", outlet="Radio Habana Cuba", published="2023-12-05"),
        SourceRecord(id="s2", path="b.txt", outlet="Iran Press", published=None),
        SourceRecord(
            id="s3",
            path="c.txt",
            outlet="Afghan Voice Agency",
            origin="Tasnim News Agency",
            published="2023-12-05T15:26",
        ),
    ]
    return Timeline(sources=sources, people=PEOPLE, events=events)


def ids(tl: Timeline, **kw: object) -> list[str]:
    return [
        e.id for e in apply_filters(tl, Filters(**kw), {"Radio Habana Cuba": ["RHC", "radiohc.cu"]}).events
    ]


@pytest.mark.parametrize("query", ["Raisi", "Raeisi", "raisi", "Ebrahim Raisi", "Ebrahim Raeisi"])
def test_person_spellings_select_the_same_person(query: str) -> None:
    assert match_people(query, PEOPLE) == {"ebrahim-raisi"}


@pytest.mark.parametrize(
    "query", ["Díaz-Canel", "Diaz-Canel", "diaz canel", "Miguel Diaz-Canel", "DIAZ-CANEL"]
)
def test_accents_and_case_do_not_matter(query: str) -> None:
    assert match_people(query, PEOPLE) == {"miguel-diaz-canel"}


def test_configured_alias_and_title_select_the_person() -> None:
    assert match_people("Leader of the Islamic Revolution", PEOPLE) == {"ali-khamenei"}
    assert match_people("the Leader", PEOPLE) == {"ali-khamenei"}
    assert match_people("Nobody Atall", PEOPLE) == set()


def test_person_filter(timeline: Timeline) -> None:
    assert ids(timeline, person=["Khamenei"]) == ["castro", "meeting"]
    assert ids(timeline, person=["Raeisi"]) == ["raisi"]
    assert ids(timeline, person=["Castro", "Raisi"]) == ["castro", "raisi"]


def test_outlet_filter_by_name_abbreviation_or_domain(timeline: Timeline) -> None:
    assert ids(timeline, outlet=["RHC"]) == ["castro", "meeting"]
    assert ids(timeline, outlet=["radiohc.cu"]) == ["castro", "meeting"]
    assert ids(timeline, outlet=["afghan voice"]) == ["period", "meeting"]


def test_dates_are_granularity_aware(timeline: Timeline) -> None:
    # a range keeps the events that overlap it: periods included ("the past 75 years" covers 2001)
    assert ids(timeline, since="2001", until="2001") == ["castro", "period"]
    assert ids(timeline, since="2001", until="2001", search="-palestinians") == ["castro"]
    assert ids(timeline, since="2023-12") == ["period", "raisi", "meeting"]  # the period runs to 2023
    assert ids(timeline, until="1979-06") == ["revolution", "period"]
    assert ids(timeline, since="2023-12-04", until="2023-12-04") == ["period", "raisi", "meeting"]


def test_search_words_and_exclusions(timeline: Timeline) -> None:
    assert ids(timeline, search="visited") == ["castro", "raisi"]
    assert ids(timeline, search="visited -havana") == ["castro"]
    assert ids(timeline, search="diaz") == ["meeting"]  # accent-insensitive


def test_min_outlets(timeline: Timeline) -> None:
    assert ids(timeline, min_outlets=5) == ["castro", "meeting"]


def test_filters_are_recorded_in_the_view(timeline: Timeline) -> None:
    view = apply_filters(timeline, Filters(person=["Raisi"]))
    assert view.filters.person == ["Raisi"] and len(view.sources) == 3


def test_select_within_narrows_a_previous_selection(timeline: Timeline) -> None:
    index = TimelineIndex(timeline)
    first = index.select(Filters(search="visited"))
    assert index.select(Filters(search="visited tehran"), within=first) == [1]


def test_filter_sources(timeline: Timeline) -> None:
    assert [s.id for s in filter_sources(timeline, Filters(outlet=["Tasnim"]))] == ["s3"]
    assert [s.id for s in filter_sources(timeline, Filters(since="2023-12-05"))] == ["s1", "s3"]


@pytest.mark.parametrize(
    "bad", [Filters(since="yesterday-ish"), Filters(until="2023-13"), Filters(min_outlets=-1)]
)
def test_bad_filter_values_are_usage_errors(bad: Filters) -> None:
    with pytest.raises(UsageError):
        validate_filters(bad)


def test_parse_query() -> None:
    f = parse_query('alliance -castro person:Raisi outlet:RHC since:2001 until:2023-12 min:2 "two words"')
    assert f.person == ["Raisi"] and f.outlet == ["RHC"]
    assert (f.since, f.until, f.min_outlets) == ("2001", "2023-12", 2)
    assert f.search == 'alliance -castro "two words"'
    with pytest.raises(UsageError):
        parse_query("min:lots")
