"""The explorer, driven with Textual's Pilot: open, scroll, drill-in, back, filters, pickers, marks, export."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline_tui.config import Config, load_config
from timeline_tui.model import (
    Event,
    Evidence,
    Filters,
    Person,
    Source,
    SourceAnnotations,
    SourceRecord,
    Timeline,
)
from timeline_tui.pipeline import build_timeline
from timeline_tui.tui import TimelineApp
from timeline_tui.tui.screens.event import EventScreen
from timeline_tui.tui.screens.help import HelpScreen
from timeline_tui.tui.screens.picker import PickerScreen
from timeline_tui.tui.screens.quote import QuoteScreen
from timeline_tui.tui.screens.source import SourceScreen
from timeline_tui.tui.widgets.timeline_view import TimelineView
from timeline_tui.userdata import Sidecar

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)


@pytest.fixture(scope="module")
def sample() -> Timeline:
    return build_timeline([ROOT / "events"], load_config(str(ROOT / "config.yaml")), use_cache=False, jobs=1)


def app_for(tl: Timeline, tmp_path: Path, **kw: object) -> TimelineApp:
    return TimelineApp(lambda progress: tl, sidecar=Sidecar(tmp_path / "notes.yaml"), **kw)  # type: ignore[arg-type]


async def settle(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(50):
        await pilot.pause(0.02)  # type: ignore[attr-defined]
        if app.loaded or app.load_error:
            break
    await pilot.pause()  # type: ignore[attr-defined]


def view(app: TimelineApp) -> TimelineView:
    return app.query_one(TimelineView)


def current(app: TimelineApp) -> Event:
    idx = view(app).current_index()
    assert idx is not None
    return app.timeline.events[idx]


async def test_open_scroll_drill_in_back_quit(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert view(app).count == len(sample.events) == 6
        assert current(app).date == "1948"
        await pilot.press("j", "j")
        assert current(app).date == "2001"
        await pilot.press("k")
        assert current(app).date == "1979"
        await pilot.press("G")
        assert current(app).date == "2023-12-05"
        await pilot.press("g")
        assert current(app).date == "1948"
        await pilot.press("pagedown")
        assert current(app).date == "2023-12-05"
        await pilot.press("pageup")
        assert current(app).date == "1948"
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert current(app).date == "2023"
        await pilot.press("left_square_bracket")
        assert current(app).date == "2001"
        await pilot.press("enter")
        assert isinstance(app.screen, EventScreen)
        assert app.screen.event.date == "2001"
        await pilot.press("escape")
        assert not isinstance(app.screen, EventScreen)
        await pilot.press("q")
    assert app.return_code == 0 or app.return_code is None


async def test_drill_in_shows_the_right_evidence_and_opens_source_and_quote(
    sample: Timeline, tmp_path: Path
) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "k", "enter")  # the 4 Dec meeting
        screen = app.screen
        assert isinstance(screen, EventScreen) and screen.event.date == "2023-12-04"
        kinds = [k for k, _ in screen._targets.values()]
        assert kinds.count("evidence") == len(screen.event.evidence)
        assert "quote" in kinds
        sources = {obj.source[:3] for k, obj in screen._targets.values() if k == "evidence"}
        assert sources == {"000", "001", "002", "003", "004"}
        # Enter on the first passage opens the article scrolled to it
        await pilot.press("enter")
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, EventScreen)
        quote_id = next(oid for oid, (k, _) in screen._targets.items() if k == "quote")
        screen._open(quote_id)
        await pilot.pause()
        assert isinstance(app.screen, QuoteScreen)
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, EventScreen | QuoteScreen)


async def test_live_filter_narrows_the_list(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"person:Raeisi")
        await pilot.pause()
        assert {sample.events[i].date for i in app.selection} == {"2023", "2023-12-05"}
        await pilot.press("escape")
        assert view(app).count == 6
        await pilot.press("slash")
        await pilot.press(*"since:2001 until:2001")
        await pilot.pause()
        dates = [sample.events[i].date for i in app.selection]
        assert "2001" in dates and "1979" not in dates
        await pilot.press("escape")
        await pilot.press("slash")
        await pilot.press(*"meets castro")
        await pilot.pause()
        assert [sample.events[i].date for i in app.selection] == ["2001"]
        await pilot.press(*" -tehran")
        await pilot.pause()
        assert app.selection == []


async def test_person_and_outlet_pickers(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        assert isinstance(app.screen, PickerScreen)
        counts = {label: n for _v, label, n in app.screen.items}
        assert counts["Fidel Castro"] == 2  # 1979 and 2001
        await pilot.press(*"castro", "enter")
        await pilot.pause()
        assert {sample.events[i].date for i in app.selection} == {"1979", "2001"}
        await pilot.press("o")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"habana", "enter")
        await pilot.pause()
        assert app.current_filters().outlet == ["Radio Habana Cuba"]


async def test_star_survives_a_reload_and_tags_notes(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "s")
        starred = current(app).id
        await pilot.press("t")
        await pilot.press(*"check", "enter")
        await pilot.press("n")
        await pilot.press(*"ask the desk", "enter")
        await pilot.pause()
    again = app_for(sample, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        mark = again.marks[starred]
        assert mark.starred and mark.tags == ["check"] and mark.note == "ask the desk"


async def test_export_writes_the_filtered_view(
    sample: Timeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_for(sample, tmp_path, filters=Filters(person=["Castro"]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "x")
        await pilot.press("enter")  # accept the default path timeline.yaml
        await pilot.pause()
    doc = yaml.safe_load((tmp_path / "timeline.yaml").read_text(encoding="utf-8"))
    assert doc["filters"]["person"] == ["Castro"]
    assert sorted(e["date"] for e in doc["events"]) == ["1979", "2001"]
    assert doc["events"][0]["starred"] is True


async def test_help_and_palette(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press(*"pick a person", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, PickerScreen)


async def test_density_strip_filters_to_a_year(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "right", "right", "enter")  # 1948, 1979, 2001
        await pilot.pause()
        assert app.range_filters == ("2001", "2001")
        assert "2001" in [sample.events[i].date for i in app.selection]
        await pilot.press("escape")
        assert view(app).count == 6


async def test_article_markup_and_escapes_are_inert(tmp_path: Path) -> None:
    text = "Evil \x1b[2J\x1b]0;pwned\x07 [bold red]On 4 December 2023[/] the talks were held in Tehran.\x07"
    src = Source(id="evil", path="evil.txt", text=text, format="txt", encoding="utf-8")
    ev = Event(
        id="e1",
        date="2023-12-04",
        granularity="day",
        title="[bold]Talks[/] \x1b[31mred",
        corroboration=1,
        evidence=[Evidence(source="evil", start=0, end=len(text), text=text)],
    )
    tl = Timeline(
        sources=[SourceRecord(id="evil", path="evil.txt")],
        events=[ev],
        people=[Person(id="p", name="[i]Nobody[/i]")],
        docs={"evil": SourceAnnotations(source=src, sentences=[(0, len(text))])},
    )
    app = app_for(tl, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        svg = app.export_screenshot()
        assert "pwned" not in svg and "[bold red]On" in svg.replace("&#160;", " ")
    # what reaches the screen: the literal markup text, no escape characters from the article
    from timeline_tui.tui.screens.source import annotated_text
    from timeline_tui.tui.widgets.preview import event_summary

    shown = annotated_text(tl.docs["evil"], None).plain
    assert "\x1b" not in shown and "\x07" not in shown and "[bold red]" in shown
    from rich.console import Console

    console = Console(width=100, record=True, color_system=None)
    console.print(event_summary(ev, tl, None))
    out = console.export_text()
    assert "[bold]Talks[/]" in out and "\x1b" not in out and "[bold red]On 4 December 2023[/]" in out


async def test_load_error_is_shown_not_raised(tmp_path: Path) -> None:
    def broken(progress: object) -> Timeline:
        raise RuntimeError("disk on fire")

    app = TimelineApp(broken, sidecar=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.load_error and "disk on fire" in app.load_error


def test_empty_config_sample_opens(tmp_path: Path) -> None:
    tl = build_timeline([ROOT / "events"], Config(), use_cache=False, jobs=1)
    assert len(tl.events) == 6


async def test_mouse_selects_and_opens(sample: Timeline, tmp_path: Path) -> None:
    app = app_for(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # rows: 0 "1948" heading, 1 the period, 2 "1979" heading, 3 the revolution
        await pilot.click("#timeline", offset=(10, 3))
        assert current(app).date == "1979"
        await pilot.click("#timeline", offset=(10, 3), times=2)
        await pilot.pause()
        assert isinstance(app.screen, EventScreen) and app.screen.event.date == "1979"


async def test_a_date_too_long_for_its_column_is_cut_visibly(tmp_path: Path) -> None:
    # a range of months fits whole; a longer label ends in "…", never in a cut that reads as a day
    events = [
        Event(
            id="e1", date="2022-03", granularity="month", end="2023-07", title="Rates rose", corroboration=1
        ),
        Event(
            id="e2",
            date="2024-03-19",
            granularity="day",
            end="2024-03-21",
            approximate=True,
            title="Talks ran",
            corroboration=1,
        ),
    ]
    app = app_for(Timeline(events=events), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = [view(app).render_line(y).text for y in range(4)]
    assert any("Mar 2022–Jul 2023 Rates rose" in line for line in lines), lines
    assert any("c. Tue 19 Mar 20… Talks ran" in line for line in lines), lines
