"""Snapshots (pytest-textual-snapshot) of the four main screens at 120x40 on the sample corpus.
Update after an intended change with: .venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update"""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path

from timeline_tui.config import load_config
from timeline_tui.model import Timeline
from timeline_tui.pipeline import build_timeline
from timeline_tui.tui import TimelineApp
from timeline_tui.tui.screens.quote import QuoteScreen

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)


@cache
def sample() -> Timeline:
    # relative paths, as a user in the repository root sees them: the same image in every checkout
    with contextlib.chdir(ROOT):
        return build_timeline([Path("events")], load_config("config.yaml"), use_cache=False, jobs=1)


def app() -> TimelineApp:
    tl = sample()
    return TimelineApp(lambda progress: tl, sidecar=None, title="events/")


async def loaded(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(100):
        await pilot.pause(0.02)
        if pilot.app.loaded:
            break
    await pilot.pause()


def test_timeline_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=SIZE, run_before=loaded, press=["j", "j"])


def test_event_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=SIZE, run_before=loaded, press=["G", "k", "enter"])


def test_source_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=SIZE, run_before=loaded, press=["G", "k", "enter", "enter"])


def test_quote_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_quote(pilot) -> None:  # type: ignore[no-untyped-def]
        await loaded(pilot)
        tl = pilot.app.timeline
        group = next(q for q in tl.quotes if any("capacities should be used" in v.text for v in q.variants))
        await pilot.app.push_screen(QuoteScreen(group, tl))
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZE, run_before=open_quote)
