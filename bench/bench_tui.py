#!/usr/bin/env python3
"""The explorer with 100,000 events: first paint after the data is ready, a filter keystroke, a scroll
key — measured through Textual's Pilot on a headless 120x40 screen, printed in milliseconds.

    .venv/bin/python bench/bench_tui.py [--events 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time

from timeline_tui.model import Event, Evidence, Person, SourceRecord, Timeline
from timeline_tui.tui import TimelineApp

WORDS = [
    "meeting",
    "talks",
    "visit",
    "agreement",
    "summit",
    "election",
    "protest",
    "ceremony",
    "strike",
    "verdict",
    "launch",
    "treaty",
    "sanctions",
    "cooperation",
    "alliance",
    "crisis",
]
PLACES = ["Tehran", "Havana", "Caracas", "Nairobi", "Lisbon", "Hanoi", "Lima", "Oslo"]


def make_timeline(n: int, seed: int = 3) -> Timeline:
    rng = random.Random(seed)
    people = [Person(id=f"person-{i}", name=f"Person{i} Surname{i}") for i in range(400)]
    outlets = [f"Outlet {i}" for i in range(60)]
    sources = [SourceRecord(id=f"s{i}", path=f"s{i}.txt", outlet=outlets[i % 60]) for i in range(2000)]
    events = []
    for i in range(n):
        y = rng.randint(1950, 2024)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        date = rng.choice([f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{d:02d}"])
        ppl = rng.sample(people, 2)
        w = rng.choice(WORDS)
        text = f"{ppl[0].name} and {ppl[1].name} held {w} in {rng.choice(PLACES)} on that day."
        events.append(
            Event(
                id=f"ev{i}",
                date=date,
                granularity="day",
                title=f"{ppl[0].name.split()[-1]} {w} {rng.choice(PLACES)}",
                people=[p.id for p in ppl],
                outlets=rng.sample(outlets, 2),
                corroboration=rng.randint(1, 9),
                evidence=[Evidence(source=f"s{rng.randrange(2000)}", start=0, end=len(text), text=text)],
            )
        )
    from timeline_tui.dates import sort_key

    events.sort(key=lambda e: (sort_key(e.date), -e.corroboration))
    return Timeline(sources=sources, people=people, events=events)


def paint(app: TimelineApp) -> None:
    """Render what the screen shows: every visible line of the list, the density strip, the preview."""
    from timeline_tui.tui.widgets.density import DensityStrip
    from timeline_tui.tui.widgets.preview import EventPreview
    from timeline_tui.tui.widgets.timeline_view import TimelineView

    view = app.query_one(TimelineView)
    for y in range(max(1, view.size.height)):
        view.render_line(y)
    app.query_one(DensityStrip).render()
    app.query_one(EventPreview).render()


async def run(n: int) -> None:
    from timeline_tui.timeline import TimelineIndex, parse_query
    from timeline_tui.tui.widgets.density import bucket_keys
    from timeline_tui.tui.widgets.timeline_view import TimelineView

    t0 = time.perf_counter()
    tl = make_timeline(n)
    print(f"generated {n} events in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    TimelineIndex(tl)
    bucket_keys(tl)
    print(
        f"index build (in the background worker, part of loading): {(time.perf_counter() - t0) * 1000:.0f} ms"
    )

    app = TimelineApp(lambda progress: tl, sidecar=None)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loaded:
            await asyncio.sleep(0.005)
        await pilot.pause()
        # first paint once the data is ready: selection, rows, strip, preview and the visible lines
        t = time.perf_counter()
        app.apply()
        paint(app)
        first_paint = time.perf_counter() - t
        # filter keystrokes, one character at a time, as the live filter line runs them
        key_times = []
        typed = ""
        for ch in "surname1":
            typed += ch
            t = time.perf_counter()
            previous = app.query_filters
            app.query_filters = parse_query(typed)
            app.apply(narrow=previous.search is not None)
            paint(app)
            key_times.append(time.perf_counter() - t)
        matched = len(app.selection)
        t = time.perf_counter()
        app.query_filters = parse_query("person:Person7 since:1990 until:2000")
        app.apply()
        paint(app)
        person_t = time.perf_counter() - t
        app.query_filters = parse_query("")
        app.apply()
        view = app.query_one(TimelineView)
        scroll_times = []
        for action in ["cursor(1)"] * 20 + ["page(1)"] * 10 + ["year(1)"] * 5 + ["last", "first"]:
            t = time.perf_counter()
            name, _, arg = action.partition("(")
            fn = getattr(view, f"action_{name}")
            fn(int(arg.rstrip(")"))) if arg else fn()
            app._update_preview()
            paint(app)
            scroll_times.append(time.perf_counter() - t)
        # the same through Pilot, including Textual's event loop and frame scheduling
        pilot_times = []
        for key in ["j"] * 10:
            t = time.perf_counter()
            await pilot.press(key)
            pilot_times.append(time.perf_counter() - t)
    print(f"first paint after the data is ready: {first_paint * 1000:.0f} ms")
    print(
        f"filter keystroke: median {statistics.median(key_times) * 1000:.0f} ms, worst {max(key_times) * 1000:.0f} ms "
        f"('surname1' typed a key at a time: {matched} events match)"
    )
    print(f"person + date filter: {person_t * 1000:.0f} ms")
    print(
        f"scroll key (down, page, year, end/home): median {statistics.median(scroll_times) * 1000:.1f} ms, "
        f"worst {max(scroll_times) * 1000:.1f} ms"
    )
    print(
        f"scroll key through Pilot (includes Textual's own key handling and frame pacing): "
        f"median {statistics.median(pilot_times) * 1000:.0f} ms"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args()
    asyncio.run(run(args.events))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
