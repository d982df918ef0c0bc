"""The explorer: the timeline screen with its header, density strip, Line-API list, preview and filter
line; parsing runs in a worker with a progress bar while the UI is already usable."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from ..errors import UserError
from ..model import Filters, Timeline, UserMark
from ..timeline import TimelineIndex, apply_filters, match_people, parse_query
from ..userdata import Sidecar
from .commands import ActionsProvider
from .text import one_line
from .widgets.density import DensityStrip, bucket_keys
from .widgets.preview import EventPreview
from .widgets.timeline_view import TimelineView

Progress = Callable[[int, int, str], None]
Loader = Callable[[Progress], Timeline]


class TimelineApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "timeline-tui"
    COMMANDS = App.COMMANDS | {ActionsProvider}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("slash", "filter", "Filter", id="app.filter"),
        Binding("p", "pick_person", "Person", id="app.person"),
        Binding("o", "pick_outlet", "Outlet", id="app.outlet"),
        Binding("d", "focus_density", "Density", id="app.density"),
        Binding("s", "toggle_star", "Star", id="app.star"),
        Binding("t", "tag", "Tag", id="app.tag"),
        Binding("n", "note", "Note", id="app.note"),
        Binding("x", "export", "Export", id="app.export"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="app.clear"),
    ]

    def __init__(
        self,
        load: Loader,
        *,
        filters: Filters | None = None,
        sidecar: Sidecar | None = None,
        outlet_aliases: dict[str, list[str]] | None = None,
        title: str = "",
    ) -> None:
        super().__init__()
        self.loader = load
        self.base_filters = filters or Filters()
        self.sidecar = sidecar
        self.outlet_aliases = outlet_aliases or {}
        self.source_title = title
        self.timeline = Timeline()
        self.index: TimelineIndex | None = None
        self.marks: dict[str, UserMark] = {}
        self.query_filters = Filters()
        self.range_filters: tuple[str | None, str | None] = (None, None)
        self.selection: list[int] = []
        self.bucket_keys: dict[str, list[str | None]] = {"decade": [], "year": [], "month": []}
        self.load_error: str | None = None
        self.loaded = False

    # ------------------------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(Text(" timeline-tui — loading …", style="bold"), id="header")
        yield ProgressBar(id="progress", show_eta=False)
        yield DensityStrip(id="density")
        with Horizontal(id="main"):
            yield TimelineView(id="timeline")
            yield EventPreview(id="preview")
        with Vertical(id="filterbar"):
            yield Input(
                placeholder="filter: words -word person:NAME outlet:NAME since:2001 until:2023-12 min:2",
                id="filter",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filterbar").display = False
        self.query_one(TimelineView).focus()
        if self.sidecar is not None:
            self.marks = self.sidecar.load()
            if self.sidecar.problem:
                self.notify(one_line(self.sidecar.problem), severity="warning")
        self.load_timeline()

    # ---------------------------------------------------------------------------------- loading
    @work(thread=True, exclusive=True, group="load")
    def load_timeline(self) -> None:
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int, label: str) -> None:
            now = time.monotonic()
            if now - last[0] < 0.05 and done < total:
                return
            last[0] = now
            if not worker.is_cancelled:
                self.call_from_thread(self._progress, done, total, label)

        try:
            timeline = self.loader(progress)
        except UserError as e:
            self.call_from_thread(self._failed, str(e))
            return
        except Exception as e:  # shown on screen, never a traceback over the UI
            self.call_from_thread(self._failed, f"{type(e).__name__}: {e}")
            return
        index = TimelineIndex(timeline, self.outlet_aliases)
        keys = bucket_keys(timeline)
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, timeline, index, keys)

    def _progress(self, done: int, total: int, label: str) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#header", Static).update(
            Text(f" timeline-tui — parsing {done}/{total} {one_line(label)[-60:]}", style="bold")
        )

    def _failed(self, message: str) -> None:
        self.load_error = message
        self.query_one(ProgressBar).display = False
        self.query_one("#header", Static).update(
            Text(f" timeline-tui — {one_line(message)}", style="bold red")
        )

    def _loaded(
        self, timeline: Timeline, index: TimelineIndex, keys: dict[str, list[str | None]] | None = None
    ) -> None:
        self.timeline = timeline
        self.index = index
        self.bucket_keys = keys or bucket_keys(timeline)
        self.loaded = True
        self.query_one(ProgressBar).display = False
        self.apply()

    # ---------------------------------------------------------------------------------- filters
    def current_filters(self) -> Filters:
        b, q = self.base_filters, self.query_filters
        since = self.range_filters[0] or q.since or b.since
        until = self.range_filters[1] or q.until or b.until
        search = " ".join(s for s in (b.search, q.search) if s) or None
        return Filters(
            person=[*b.person, *q.person],
            outlet=[*b.outlet, *q.outlet],
            since=since,
            until=until,
            search=search,
            min_outlets=q.min_outlets or b.min_outlets,
        )

    def apply(self, *, narrow: bool = False) -> None:
        if self.index is None:
            return
        filters = self.current_filters()
        try:
            self.selection = self.index.select(filters, within=self.selection if narrow else None)
        except UserError as e:
            self.notify(one_line(str(e)), severity="error")
            return
        view = self.query_one(TimelineView)
        view.set_data(self.timeline, self.selection, self.marks, years=self.bucket_keys["year"])
        no_range = replace(
            filters,
            since=self.query_filters.since or self.base_filters.since,
            until=self.query_filters.until or self.base_filters.until,
        )
        try:
            strip_sel = self.index.select(no_range) if self.range_filters != (None, None) else self.selection
        except UserError:
            strip_sel = self.selection
        self.query_one(DensityStrip).set_data(self.timeline, strip_sel, self.bucket_keys)
        self._update_header(filters)
        self._update_preview()

    def _update_header(self, filters: Filters) -> None:
        total = len(self.timeline.events)
        t = Text()
        t.append(" timeline-tui ", style="bold reverse")
        t.append(
            f" {len(self.selection)} of {total} events · {len(self.timeline.sources)} sources · "
            f"{len(self.timeline.people)} people · {len(self.timeline.quotes)} quote groups",
            style="bold",
        )
        if self.source_title:
            t.append(f"  {one_line(self.source_title)[:40]}", style="grey50")
        active = [f"person:{p}" for p in filters.person] + [f"outlet:{o}" for o in filters.outlet]
        if filters.since:
            active.append(f"since:{filters.since}")
        if filters.until:
            active.append(f"until:{filters.until}")
        if filters.search:
            active.append(filters.search)
        if filters.min_outlets:
            active.append(f"min:{filters.min_outlets}")
        if active:
            t.append("\n filters: ", style="grey62")
            t.append(one_line(" ".join(active)), style="yellow")
        elif not total and self.loaded:
            t.append("\n no dated events found in these sources", style="grey50")
        self.query_one("#header", Static).update(t)

    def _update_preview(self) -> None:
        idx = self.query_one(TimelineView).current_index()
        ev = self.timeline.events[idx] if idx is not None else None
        self.query_one(EventPreview).show(ev, self.timeline, self.marks.get(ev.id) if ev else None)

    def on_timeline_view_highlighted(self, message: TimelineView.Highlighted) -> None:
        self._update_preview()

    def on_timeline_view_opened(self, message: TimelineView.Opened) -> None:
        from .screens.event import EventScreen

        ev = self.timeline.events[message.index]
        self.push_screen(EventScreen(ev, self.timeline, self.marks.get(ev.id)))

    def on_density_strip_range_selected(self, message: DensityStrip.RangeSelected) -> None:
        self.range_filters = (message.since, message.until)
        self.apply()

    def action_filter(self) -> None:
        bar = self.query_one("#filterbar")
        bar.display = True
        self.query_one("#filter", Input).focus()

    def on_input_changed(self, message: Input.Changed) -> None:
        if message.input.id != "filter":
            return
        previous = self.query_filters
        try:
            self.query_filters = parse_query(message.value)
        except UserError as e:
            self.notify(one_line(str(e)), severity="warning", timeout=2)
            return
        # a keystroke that only adds search words narrows the current selection
        narrow = (
            previous.search is not None
            and self.query_filters.search is not None
            and self.query_filters.search.startswith(previous.search)
            and "-" not in self.query_filters.search
            and replace(self.query_filters, search=None) == replace(previous, search=None)
        )
        self.apply(narrow=narrow)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if message.input.id == "filter":
            self.query_one(TimelineView).focus()

    def action_clear_filter(self) -> None:
        inp = self.query_one("#filter", Input)
        if inp.value or self.range_filters != (None, None):
            inp.value = ""
            self.query_filters = Filters()
            self.range_filters = (None, None)
            self.apply()
        self.query_one("#filterbar").display = False
        self.query_one(TimelineView).focus()

    def action_focus_density(self) -> None:
        self.query_one(DensityStrip).focus()

    # ----------------------------------------------------------------------------------- pickers
    def _counts(self, key: str) -> Counter[str]:
        """Counts over the events that pass every filter except the one being picked."""
        if self.index is None:
            return Counter()
        f = self.current_filters()
        f = replace(f, person=[]) if key == "person" else replace(f, outlet=[])
        counts: Counter[str] = Counter()
        for i in self.index.select(f):
            counts.update(getattr(self.timeline.events[i], "people" if key == "person" else "outlets"))
        return counts

    def action_pick_person(self) -> None:
        from .screens.picker import PickerScreen

        counts = self._counts("person")
        items = [(p.id, p.name, counts.get(p.id, 0)) for p in self.timeline.people]
        items.sort(key=lambda it: (-it[2], it[1]))

        def chosen(pid: str | None) -> None:
            if pid:
                name = next((p.name for p in self.timeline.people if p.id == pid), pid)
                self.base_filters = replace(self.base_filters, person=[name])
                self.apply()

        self.push_screen(PickerScreen("Person", items), chosen)

    def action_pick_outlet(self) -> None:
        from .screens.picker import PickerScreen

        counts = self._counts("outlet")
        outlets = sorted({o for e in self.timeline.events for o in e.outlets})
        items = sorted(((o, o, counts.get(o, 0)) for o in outlets), key=lambda it: (-it[2], it[1]))

        def chosen(name: str | None) -> None:
            if name:
                self.base_filters = replace(self.base_filters, outlet=[name])
                self.apply()

        self.push_screen(PickerScreen("Outlet", items), chosen)

    # ------------------------------------------------------------------------------ user marks
    def _current_event_id(self) -> str | None:
        screen = self.screen
        ev = getattr(screen, "event", None)
        if ev is not None:
            return ev.id
        idx = self.query_one(TimelineView).current_index()
        return self.timeline.events[idx].id if idx is not None else None

    def _save_mark(self, event_id: str, mark: UserMark) -> None:
        if self.sidecar is not None:
            try:
                self.marks = self.sidecar.update(event_id, mark)
            except OSError as e:
                self.notify(f"could not save notes: {e}", severity="error")
                return
        elif mark.starred or mark.tags or mark.note:
            self.marks[event_id] = mark
        else:
            self.marks.pop(event_id, None)
        self.timeline.user = dict(self.marks)
        self.query_one(TimelineView).refresh_marks(self.marks)
        self._update_preview()

    def action_toggle_star(self) -> None:
        eid = self._current_event_id()
        if eid is None:
            return
        mark = self.marks.get(eid, UserMark())
        self._save_mark(eid, UserMark(starred=not mark.starred, tags=list(mark.tags), note=mark.note))
        self.notify("starred" if not mark.starred else "star removed", timeout=1.5)

    def _edit_mark(self, question: str, current: str, change: Callable[[UserMark, str], UserMark]) -> None:
        """Ask for a value and save the event's mark changed by ``change(mark, answer)``."""
        from .screens.prompt import PromptScreen

        eid = self._current_event_id()
        if eid is None:
            return
        mark = self.marks.get(eid, UserMark())

        def done(value: str | None) -> None:
            if value is not None:
                self._save_mark(eid, change(mark, value))

        self.push_screen(PromptScreen(question, current), done)

    def action_tag(self) -> None:
        eid = self._current_event_id()
        mark = self.marks.get(eid or "", UserMark())
        self._edit_mark(
            "Tags (comma-separated):",
            ", ".join(mark.tags),
            lambda m, v: UserMark(
                starred=m.starred, tags=[t.strip() for t in v.split(",") if t.strip()], note=m.note
            ),
        )

    def action_note(self) -> None:
        eid = self._current_event_id()
        mark = self.marks.get(eid or "", UserMark())
        self._edit_mark(
            "Note:",
            mark.note or "",
            lambda m, v: UserMark(starred=m.starred, tags=list(m.tags), note=v or None),
        )

    # ------------------------------------------------------------------------------------ export
    def filtered_view(self) -> Timeline:
        tl = replace(self.timeline, user=dict(self.marks))
        return apply_filters(tl, self.current_filters(), self.outlet_aliases)

    def action_export(self) -> None:
        from .screens.prompt import PromptScreen

        def done(value: str | None) -> None:
            if not value:
                return
            from ..export import write_export

            path = Path(value).expanduser()
            fmt = {".json": "json", ".csv": "csv", ".md": "md"}.get(path.suffix.lower(), "yaml")
            try:
                view = self.filtered_view()
                write_export(view, path, fmt)
            except (UserError, OSError) as e:
                self.notify(one_line(str(e)), severity="error")
                return
            self.notify(f"exported {len(view.events)} events to {one_line(str(path))}")

        self.push_screen(PromptScreen("Export the current view to (YAML):", "timeline.yaml"), done)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def person_ids(self, query: str) -> set[str]:
        return match_people(query, self.timeline.people)
