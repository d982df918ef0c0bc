"""The timeline: a Line-API virtual list (``ScrollView.render_line``) of year headings and events, so a
100,000-event timeline scrolls and filters at once — only the visible lines are ever rendered."""

from __future__ import annotations

import bisect

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...dates import format_value, value_interval
from ...model import Event, Timeline, UserMark
from ..text import one_line


class TimelineView(ScrollView, can_focus=True):
    """Rows of the current selection; the cursor is on an event row (headings are skipped)."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="timeline.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="timeline.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="timeline.page_down"),
        Binding("g,home", "first", "First", show=False, id="timeline.first"),
        Binding("G,end", "last", "Last", show=False, id="timeline.last"),
        Binding("left_square_bracket", "year(-1)", "[ Prev year", id="timeline.prev_year"),
        Binding("right_square_bracket", "year(1)", "] Next year", id="timeline.next_year"),
        Binding("enter", "open", "Open", id="timeline.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, index: int | None) -> None:
            self.index = index
            super().__init__()

    class Opened(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = Timeline()
        self.rows: list[int] = []
        self._labels: list[str] = []
        self._event_rows: list[int] = []  # row numbers of event rows, ascending
        self._year_rows: list[int] = []
        self.marks: dict[str, UserMark] = {}
        self._names: dict[str, str] = {}
        self._line_cache: dict[int, tuple[str, ...]] = {}

    # ------------------------------------------------------------------------------------- data
    def set_data(
        self,
        timeline: Timeline,
        selection: list[int],
        marks: dict[str, UserMark],
        years: list[str] | None = None,
    ) -> None:
        """Show ``selection`` (indices into timeline.events, chronological) keeping the cursor on the
        same event when it is still there."""
        current = self.current_index()
        self.timeline = timeline
        self.marks = marks
        self._names = {p.id: p.name for p in timeline.people}
        # rows as plain ints (an event index, or -1 - n for the n-th year heading): 100k rows in ms
        rows: list[int] = []
        event_rows: list[int] = []
        year_rows: list[int] = []
        labels: list[str] = []
        last_year = None
        events = timeline.events
        if years is None:
            years = [_year_of(e) for e in events]
        append_row = rows.append
        append_event = event_rows.append
        for i in selection:
            year = years[i]
            if year != last_year:
                year_rows.append(len(rows))
                append_row(-1 - len(labels))
                labels.append(year or "Undated")
                last_year = year
            append_event(len(rows))
            append_row(i)
        self._labels = labels
        self.rows = rows
        self._event_rows = event_rows
        self._year_rows = year_rows
        self._line_cache.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        target = 0
        if current is not None and event_rows:
            pos = bisect.bisect_left(selection, current)
            target = min(pos, len(event_rows) - 1)
        self.cursor = target if event_rows else 0
        self.refresh()

    def refresh_marks(self, marks: dict[str, UserMark]) -> None:
        self.marks = marks
        self._line_cache.clear()
        self.refresh()

    def current_index(self) -> int | None:
        if not self._event_rows or not self.rows:
            return None
        c = min(self.cursor, len(self._event_rows) - 1)
        return self.rows[self._event_rows[c]]

    @property
    def count(self) -> int:
        return len(self._event_rows)

    # ----------------------------------------------------------------------------------- render
    def render_line(self, y: int) -> Strip:
        row_no = self.scroll_offset.y + y
        width = self.size.width
        if row_no >= len(self.rows):
            return Strip.blank(width)
        row = self.rows[row_no]
        if row < 0:
            text = f" {self._labels[-1 - row]} "
            return Strip(
                [
                    Segment(text, Style(bold=True, color="yellow")),
                    Segment("─" * max(0, width - len(text)), Style(color="grey37")),
                ]
            ).crop(0, width)
        ev = self.timeline.events[row]
        selected = (
            self._event_rows and row_no == self._event_rows[min(self.cursor, len(self._event_rows) - 1)]
        )
        mark = self.marks.get(ev.id)
        star = "★" if mark and mark.starred else ("•" if mark and (mark.tags or mark.note) else " ")
        date = _date_label(ev)
        if len(date) > _DATE_W:
            date = date[: _DATE_W - 1] + "…"  # a cut label says so: "Jul 20" would read as a day
        people = ", ".join(_short(self._names.get(p, p)) for p in ev.people[:3])
        pw = max(10, min(22, width // 6))  # the people column gives way to titles on narrow screens
        if len(people) > pw and ev.people:
            more = f" +{len(ev.people) - 1}"
            first = _short(self._names.get(ev.people[0], ev.people[0]))
            if len(first) + len(more) > pw:
                first = first[: pw - len(more) - 1] + "…"
            people = first + more
        n = ev.corroboration
        k = len(ev.outlets)
        right = f"{people:<{pw}.{pw}} {k:>2} out/{n:>2} src"
        title_w = max(10, width - 2 - (_DATE_W + 1) - len(right) - 2)
        title = one_line(ev.title)
        if len(title) > title_w:
            title = title[: title_w - 1] + "…"
        base = (
            Style(bgcolor="grey23", bold=True)
            if selected and self.has_focus
            else Style(bgcolor="grey19")
            if selected
            else Style()
        )
        segs = [
            Segment(f"{star} ", base + Style(color="gold1")),
            Segment(f"{date:<{_DATE_W}} ", base + Style(color="cyan")),
            Segment(f"{title:<{title_w}}", base),
            Segment("  ", base),
            Segment(right, base + Style(color="grey62")),
        ]
        strip = Strip(segs).crop(0, width)
        pad = width - strip.cell_length
        if pad > 0:
            strip = Strip([*strip, Segment(" " * pad, base)])
        return strip

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._event_rows:
            self.post_message(self.Highlighted(None))
            self.refresh()
            return
        new = max(0, min(new, len(self._event_rows) - 1))
        if new != self.cursor:
            self.cursor = new
            return
        row_no = self._event_rows[new]
        top = self.scroll_offset.y
        height = max(1, self.size.height)
        if row_no - 1 < top:
            # keep the year heading above the first event of a year in view
            self.scroll_to(y=max(0, row_no - 1), animate=False)
        elif row_no >= top + height:
            self.scroll_to(y=row_no - height + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self.rows[row_no]))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ---------------------------------------------------------------------------------- actions
    def action_cursor(self, delta: int) -> None:
        self.cursor = self.cursor + delta

    def action_page(self, direction: int) -> None:
        self.cursor = self.cursor + direction * max(1, self.size.height - 2)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self._event_rows) - 1)

    def action_year(self, direction: int) -> None:
        if not self._event_rows:
            return
        row_no = self._event_rows[self.cursor]
        if direction > 0:
            i = bisect.bisect_right(self._year_rows, row_no)
            if i < len(self._year_rows):
                self.cursor = bisect.bisect_left(self._event_rows, self._year_rows[i])
        else:
            i = bisect.bisect_right(self._year_rows, row_no) - 1  # this year's heading
            if i >= 1:
                self.cursor = bisect.bisect_left(self._event_rows, self._year_rows[i - 1])
            else:
                self.cursor = 0

    def action_open(self) -> None:
        idx = self.current_index()
        if idx is not None:
            self.post_message(self.Opened(idx))

    def on_click(self, event: object) -> None:
        y = getattr(event, "y", None)
        if y is None:
            return
        row_no = self.scroll_offset.y + int(y)
        if 0 <= row_no < len(self.rows):
            i = bisect.bisect_left(self._event_rows, row_no)
            if i < len(self._event_rows):
                if self.cursor == i and getattr(event, "chain", 1) >= 2:
                    self.action_open()
                self.cursor = i


def _year_of(ev: Event) -> str:
    iv = value_interval(ev.date)
    return str(iv[0].year) if iv else "Undated"


#: the date column: a day with its weekday ("Tue 19 Mar 2024") and a range of months ("Mar 2022–Jul
#: 2023") fit whole
_DATE_W = 17


def _date_label(ev: Event) -> str:
    label = format_value(ev.date)
    if ev.end:
        label = f"{label}–{format_value(ev.end)}"
    if ev.approximate:
        label = "c. " + label
    return label


def _short(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name
