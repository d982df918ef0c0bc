"""The preview pane: the highlighted event at a glance (dates, people, outlets, first passages)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from ...dates import format_value
from ...model import Event, Timeline, UserMark
from ..text import literal


def event_summary(
    ev: Event, timeline: Timeline, mark: UserMark | None, *, passages: int = 3
) -> RenderableType:
    names = {p.id: p.name for p in timeline.people}
    head = Text()
    head.append(format_value(ev.date), style="bold cyan")
    if ev.end:
        head.append(f" – {format_value(ev.end)}", style="bold cyan")
    head.append(f"  ({ev.granularity}{', approximate' if ev.approximate else ''})", style="grey50")
    parts: list[RenderableType] = [head, literal(ev.title, "bold")]
    meta = Text()
    if ev.people:
        meta.append("People: ", style="grey62")
        meta.append_text(literal(", ".join(names.get(p, p) for p in ev.people)))
        meta.append("\n")
    meta.append("Outlets: ", style="grey62")
    meta.append_text(literal(", ".join(ev.outlets) or "unknown"))
    meta.append(
        f"\nCorroboration: {ev.corroboration} source{'s' if ev.corroboration != 1 else ''}", style="grey62"
    )
    if ev.conflicts:
        meta.append(
            "\nConflicting dates: " + "; ".join(f"{c.date} ({', '.join(c.sources)})" for c in ev.conflicts),
            style="red",
        )
    if mark and (mark.starred or mark.tags or mark.note):
        meta.append("\n")
        if mark.starred:
            meta.append("★ starred  ", style="gold1")
        if mark.tags:
            meta.append("tags: ", style="grey62")
            meta.append_text(literal(", ".join(mark.tags)))
        if mark.note:
            meta.append("\nnote: ", style="grey62")
            meta.append_text(literal(mark.note))
    parts.append(meta)
    for e in ev.evidence[:passages]:
        t = Text("\n")
        t.append(f"{e.source}: ", style="grey50")
        t.append_text(literal(e.text[:400] + ("…" if len(e.text) > 400 else "")))
        if e.time:
            t.append("\n  ↳ ", style="grey50")
            t.append_text(literal(e.time.explanation, "italic grey62"))
        parts.append(t)
    if len(ev.evidence) > passages:
        parts.append(
            Text(f"\n… {len(ev.evidence) - passages} more passage(s) — Enter to open", style="grey50")
        )
    return Group(*parts)


class EventPreview(Static):
    def show(self, ev: Event | None, timeline: Timeline, mark: UserMark | None) -> None:
        if ev is None:
            self.update(Text("No event selected.", style="grey50"))
        else:
            self.update(event_summary(ev, timeline, mark))
