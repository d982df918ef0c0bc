"""Exporters and the loader of exported timelines, on a hand-built timeline (no parsing involved)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_tui.errors import UserError
from timeline_tui.export import (
    FORMATS,
    load_timeline,
    render,
    timeline_from_dict,
    timeline_to_dict,
    write_export,
)
from timeline_tui.model import (
    Conflict,
    Event,
    Evidence,
    Filters,
    Person,
    QuoteGroup,
    QuoteVariant,
    SourceRecord,
    Timeline,
    TimeRef,
    UserMark,
)


def sample_timeline() -> Timeline:
    sources = [
        SourceRecord(
            id="001_rhc",
            path="events/001_rhc.txt",
            title="Leader receives Cuban president",
            outlet="Radio Habana Cuba",
            published="2023-12-05",
            url="https://www.radiohc.cu/en/noticias/1",
            basis={"published": "dateline 'Tehran, December 5 (RHC)--'", "outlet": "dateline agency RHC"},
        ),
        SourceRecord(id="002_ip", path="events/002_ip.txt", title="Iran, Cuba", outlet="Iran Press"),
    ]
    people = [
        Person(id="ali-khamenei", name="Ali Khamenei", aliases=["Ayatollah Khamenei", "the Leader"]),
        Person(id="miguel-diaz-canel", name="Miguel Díaz-Canel", aliases=["Diaz-Canel"]),
    ]
    meeting = Event(
        id="ev-meeting",
        date="2023-12-04",
        granularity="day",
        title="Khamenei receives Díaz-Canel in Tehran",
        people=["ali-khamenei", "miguel-diaz-canel"],
        outlets=["Radio Habana Cuba", "Iran Press"],
        corroboration=2,
        conflicts=[Conflict(date="2023-12-03", sources=["002_ip"])],
        evidence=[
            Evidence(
                source="001_rhc",
                start=10,
                end=80,
                text="The Leader met the Cuban president on Monday.",
                time=TimeRef(
                    text="on Monday",
                    start=60,
                    end=69,
                    value="2023-12-04",
                    explanation="'on Monday' (past tense) before 2023-12-05 → Mon 4 Dec 2023",
                ),
            ),
            Evidence(source="002_ip", start=0, end=30, text="He met Díaz-Canel.", time=None),
        ],
        quotes=["q1"],
    )
    visit = Event(
        id="ev-castro",
        date="2001",
        granularity="year",
        title="Castro visits Tehran",
        people=[],
        outlets=["Radio Habana Cuba"],
        corroboration=1,
        evidence=[Evidence(source="001_rhc", start=100, end=140, text="22 years ago Castro visited.")],
    )
    period = Event(
        id="ev-period",
        date="1948",
        granularity="year",
        end="2023",
        title="75 years of Palestinian suffering",
        corroboration=1,
        evidence=[Evidence(source="002_ip", start=40, end=90, text="in the past 75 years")],
    )
    quotes = [
        QuoteGroup(
            id="q1",
            speaker="ali-khamenei",
            event="ev-meeting",
            variants=[
                QuoteVariant(source="001_rhc", start=5, end=50, text="“form an alliance”"),
                QuoteVariant(source="002_ip", start=5, end=50, text="“set up an alliance”"),
            ],
        )
    ]
    return Timeline(
        sources=sources,
        people=people,
        events=[period, visit, meeting],
        quotes=quotes,
        user={"ev-meeting": UserMark(starred=True, tags=["check"], note="verify: the date")},
    )


def test_yaml_export_follows_the_spec_schema() -> None:
    text = render(sample_timeline(), "yaml")
    doc = yaml.safe_load(text)
    assert doc["format"] == "timeline-tui/1"
    assert set(doc["filters"]) == {"person", "outlet", "since", "until", "search", "min_outlets"}
    src = doc["sources"][0]
    assert {"id", "path", "title", "outlet", "published", "basis", "url"} <= set(src)
    assert src["published"] == "2023-12-05"  # a string, not a YAML date
    assert doc["sources"][1]["outlet"] == "Iran Press" and doc["sources"][1]["published"] is None
    assert doc["people"][0] == {
        "id": "ali-khamenei",
        "name": "Ali Khamenei",
        "aliases": ["Ayatollah Khamenei", "the Leader"],
    }
    ev = doc["events"][2]
    required = {
        "id",
        "date",
        "granularity",
        "end",
        "approximate",
        "title",
        "people",
        "outlets",
        "corroboration",
        "conflicts",
        "evidence",
        "quotes",
    }
    assert required <= set(ev)
    assert ev["date"] == "2023-12-04" and isinstance(ev["date"], str)
    assert ev["evidence"][0]["time"]["value"] == "2023-12-04"
    assert ev["evidence"][1]["time"] is None
    assert ev["conflicts"] == [{"date": "2023-12-03", "sources": ["002_ip"]}]
    assert ev["starred"] is True and ev["tags"] == ["check"]
    assert doc["events"][0]["end"] == "2023" and doc["events"][1]["date"] == "2001"
    q = doc["quotes"][0]
    assert q["speaker"] == "ali-khamenei" and q["event"] == "ev-meeting" and len(q["variants"]) == 2


def test_yaml_round_trip_is_exact() -> None:
    tl = sample_timeline()
    text = render(tl, "yaml")
    again = timeline_from_dict(yaml.safe_load(text))
    assert render(again, "yaml") == text
    assert again.user["ev-meeting"].note == "verify: the date"


def test_a_mark_that_is_only_control_characters_is_no_mark() -> None:
    tl = sample_timeline()
    tl.user["ev-meeting"] = UserMark(starred=False, tags=["\x07"], note="\x1f")
    text = render(tl, "yaml")
    assert "note:" not in text and "starred:" not in text
    assert render(timeline_from_dict(yaml.safe_load(text)), "yaml") == text


def test_json_mirrors_yaml() -> None:
    tl = sample_timeline()
    assert json.loads(render(tl, "json")) == yaml.safe_load(render(tl, "yaml"))


def test_csv_has_one_row_per_event() -> None:
    rows = list(csv.DictReader(io.StringIO(render(sample_timeline(), "csv"))))
    assert [r["date"] for r in rows] == ["1948", "2001", "2023-12-04"]
    assert rows[2]["people"] == "Ali Khamenei; Miguel Díaz-Canel"
    assert rows[2]["sources"] == "001_rhc; 002_ip"
    assert rows[2]["starred"] == "yes"
    assert rows[0]["end"] == "2023"


def test_markdown_report_is_readable_and_escaped() -> None:
    tl = sample_timeline()
    tl.events[2].title = "A *bold* [link](x) <script>"
    md = render(tl, "md")
    assert "## 2023" in md and "## 2001" in md
    assert "Mon 4 Dec 2023" in md
    assert "\\*bold\\*" in md and "<script>" not in md
    assert "Quote by Ali Khamenei" in md


def test_timelinejs_shape() -> None:
    doc = json.loads(render(sample_timeline(), "timelinejs"))
    ev = {e["unique_id"]: e for e in doc["events"]}
    assert ev["ev-meeting"]["start_date"]["year"] == 2023
    assert ev["ev-meeting"]["start_date"]["month"] == 12 and ev["ev-meeting"]["start_date"]["day"] == 4
    assert "month" not in ev["ev-castro"]["start_date"]
    assert ev["ev-period"]["end_date"]["year"] == 2023
    assert ev["ev-meeting"]["text"]["headline"].startswith("Khamenei receives")
    assert ev["ev-meeting"]["group"] == "Ali Khamenei"


def test_every_format_renders() -> None:
    for fmt in FORMATS:
        assert render(sample_timeline(), fmt)
    with pytest.raises(UserError):
        render(sample_timeline(), "xml")


def test_escape_sequences_never_reach_an_export() -> None:
    tl = sample_timeline()
    tl.events[2].evidence[0].text = "evil \x1b[2J\x1b]0;title\x07 text\x07 [bold red]x[/]"
    tl.events[2].title = "\x1b[31mred\x1b[0m"
    for fmt in FORMATS:
        out = render(tl, fmt)
        assert "\x1b" not in out and "\x07" not in out, fmt
    # Rich markup is just text: kept literally
    assert "[bold red]x[/]" in render(tl, "yaml")


def test_failed_export_leaves_the_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "timeline.yaml"
    target.write_text("precious\n")
    import timeline_tui.export as export

    def boom(_tl: Timeline) -> str:
        raise RuntimeError("renderer failed")

    monkeypatch.setitem(export.FORMATS, "yaml", boom)
    with pytest.raises(RuntimeError):
        write_export(sample_timeline(), target, "yaml")
    assert target.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.yaml"]


def test_write_export_then_load(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    write_export(sample_timeline(), target)
    tl = load_timeline(target)
    assert [e.id for e in tl.events] == ["ev-period", "ev-castro", "ev-meeting"]
    assert tl.docs == {}
    if os.name == "posix":
        assert not list(tmp_path.glob(".out.yaml.*"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("format: other/1\n", "format"),
        ("[1, 2", "malformed YAML"),
        ("format: timeline-tui/1\nevents: 3\n", "events: expected a list"),
        ("format: timeline-tui/1\nevents:\n  - {date: '2001'}\n", "events[0].id: missing"),
        ("format: timeline-tui/1\nevents:\n  - {id: a, corroboration: many}\n", "corroboration"),
    ],
)
def test_bad_timeline_files_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(content)
    with pytest.raises(UserError) as info:
        load_timeline(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_hand_written_yaml_with_bare_dates_loads(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "format: timeline-tui/1\nsources:\n  - {id: a, path: a.txt, published: 2023-12-05}\n"
        "events:\n  - {id: e, date: 2023-12-04, granularity: day}\n"
    )
    tl = load_timeline(path)
    assert tl.sources[0].published == "2023-12-05" and tl.events[0].date == "2023-12-04"


# ------------------------------------------------------------------------------------ property test

_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=40,
)
_tricky = st.sampled_from(
    [
        "a: b",
        "- dash",
        "#hash",
        "'quote'",
        '"dq"',
        "yes",
        "null",
        "2023-12-04",
        "1979",
        "",
        " sp ",
        "multi\nline",
        "tab\there",
        "ü Díaz-Canel",
        "{x}",
        "[y]",
        "*ref",
        "&anchor",
        "!tag",
        "%pct",
        "@at",
        "`bt`",
        "\x1b[2J",
        "\u2028",
        "\ufeffbom",
        "\r\n",
    ]
)
_str = st.one_of(_text, _tricky)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    sources = [
        SourceRecord(
            id=f"s{i}",
            path=draw(_str),
            title=draw(st.one_of(st.none(), _str)),
            outlet=draw(st.one_of(st.none(), _str)),
            published=draw(st.one_of(st.none(), st.sampled_from(["2023-12-05", "2023-12-05T15:26"]))),
            url=draw(st.one_of(st.none(), _str)),
            basis={"outlet": draw(_str)},
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    events = []
    user = {}
    for i in range(draw(st.integers(0, 4))):
        ev = Event(
            id=f"e{i}",
            date=draw(st.sampled_from(["2023-12-04", "2001", "199", "2013-W11", "XXXX-XX-XX"])),
            granularity="day",
            title=draw(_str),
            people=draw(st.lists(_str, max_size=2)),
            outlets=draw(st.lists(_str, max_size=2)),
            corroboration=draw(st.integers(0, 9)),
            evidence=[
                Evidence(
                    source="s0",
                    start=draw(st.integers(0, 10**6)),
                    end=draw(st.integers(0, 10**6)),
                    text=draw(_str),
                    time=draw(
                        st.one_of(
                            st.none(),
                            st.builds(
                                TimeRef,
                                text=_str,
                                start=st.integers(0, 99),
                                end=st.integers(0, 99),
                                value=st.sampled_from(["2001", "P75Y"]),
                                explanation=_str,
                            ),
                        )
                    ),
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
        )
        events.append(ev)
        if draw(st.booleans()):
            user[ev.id] = UserMark(
                starred=draw(st.booleans()),
                tags=draw(st.lists(_str, max_size=2)),
                note=draw(st.one_of(st.none(), _str)),
            )
    filters = Filters(person=draw(st.lists(_str, max_size=2)), search=draw(st.one_of(st.none(), _str)))
    return Timeline(sources=sources, events=events, filters=filters, user=user)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines())
def test_export_load_export_is_stable(tl: Timeline) -> None:
    """export -> load -> export gives the same document, whatever the strings hold."""
    first = render(tl, "yaml")
    assert "\x1b" not in first
    loaded = timeline_from_dict(yaml.safe_load(first))
    assert render(loaded, "yaml") == first
    assert timeline_to_dict(loaded) == yaml.safe_load(first)
    # JSON round trip too
    assert timeline_to_dict(timeline_from_dict(json.loads(render(tl, "json")))) == json.loads(
        render(tl, "json")
    )


class _ReferenceDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """What the YAML export was written with before it emitted events directly: yaml.dump with
    literal blocks for multi-line strings and no aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_ReferenceDumper.add_representer(
    str,
    lambda d, s: d.represent_scalar(
        "tag:yaml.org,2002:str", s, style="|" if "\n" in s and s == s.strip("\n ") and "\r" not in s else None
    ),
)


def _reference_yaml(data: object) -> str:
    return yaml.dump(
        data,
        Dumper=_ReferenceDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.text(max_size=30),
    st.sampled_from(
        [
            "yes",
            "No",
            "null",
            "~",
            "1979",
            "2023-12-04",
            "0x1F",
            "1e3",
            ".inf",
            "- a",
            "a: b",
            "#x",
            "'q'",
            '"Death to America"',
            "line one\nline two",
            " lead",
            "trail ",
            "",
            "@x",
            "!tag",
            "=",
            "<<",
        ]
    ),
)
_trees = st.recursive(
    _scalars,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(max_size=8), _trees, max_size=5))
def test_yaml_events_write_what_yaml_dump_writes(data: object) -> None:
    from timeline_tui.export import _Dumper, _yaml_stream

    ours = yaml.emit(_yaml_stream(data), Dumper=_Dumper, allow_unicode=True, width=100)
    assert ours == _reference_yaml(data)
    assert yaml.safe_load(ours) == data


def test_yaml_export_is_what_yaml_dump_writes() -> None:
    tl = sample_timeline()
    assert render(tl, "yaml") == _reference_yaml(timeline_to_dict(tl))
