"""The density strip: how many events fall in each decade, year or month of the selection. Selecting a
bar (click, or ←/→ and Enter while focused) filters the timeline to that range; z zooms."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...dates import value_interval
from ...model import Timeline

BARS = " ▁▂▃▄▅▆▇█"
ZOOMS = ("decade", "year", "month")


def bucket_keys(timeline: Timeline) -> dict[str, list[str | None]]:
    """Per event, its decade, year and month bucket (None when undated): computed once per timeline."""
    out: dict[str, list[str | None]] = {"decade": [], "year": [], "month": []}
    for ev in timeline.events:
        iv = value_interval(ev.date)
        if iv is None:
            for z in ZOOMS:
                out[z].append(None)
            continue
        d = iv[0]
        out["decade"].append(f"{d.year // 10 * 10}s")
        out["year"].append(f"{d.year}")
        out["month"].append(f"{d.year}-{d.month:02d}")
    return out


class DensityStrip(Widget, can_focus=True):
    BINDINGS = [
        Binding("left,h", "move(-1)", "Earlier", show=False, id="density.left"),
        Binding("right,l", "move(1)", "Later", show=False, id="density.right"),
        Binding("enter,space", "choose", "Filter to range", id="density.choose"),
        Binding("z", "zoom", "Zoom", id="density.zoom"),
        Binding("escape", "clear", "Clear range", show=False, id="density.clear"),
    ]

    zoom: reactive[str] = reactive("year")
    cursor: reactive[int] = reactive(-1)

    class RangeSelected(Message):
        def __init__(self, since: str | None, until: str | None) -> None:
            self.since = since
            self.until = until
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.buckets: list[tuple[str, int]] = []
        self._first = 0

    def set_data(
        self, timeline: Timeline, selection: list[int], keys: dict[str, list[str | None]] | None = None
    ) -> None:
        """Count the selection per bucket; ``keys`` (from ``bucket_keys``) saves recomputing dates."""
        if keys is None:
            keys = bucket_keys(timeline)
        col = keys[self.zoom]
        counts: Counter[str | None] = Counter(col[i] for i in selection)
        counts.pop(None, None)
        self.buckets = sorted((k, n) for k, n in counts.items() if k is not None)
        if self.cursor >= len(self.buckets):
            self.cursor = len(self.buckets) - 1
        self.refresh()

    def render(self) -> Text:
        width = max(10, self.size.width - 2)
        if not self.buckets:
            return Text(" no dated events", style="grey50")
        peak = max(n for _, n in self.buckets)
        visible = self.buckets
        start = 0
        if len(visible) > width:
            c = max(0, self.cursor)
            start = max(0, min(c - width // 2, len(visible) - width))
            visible = visible[start : start + width]
        self._first = start
        bars = Text(" ")
        for i, (_key, n) in enumerate(visible):
            level = max(1, round(n / peak * (len(BARS) - 1)))
            style = "reverse bold" if start + i == self.cursor else "green"
            bars.append(BARS[level], style=style)
        label = Text(f"\n {visible[0][0]} … {visible[-1][0]}  ({self.zoom}s, z to zoom)", style="grey50")
        if 0 <= self.cursor < len(self.buckets):
            key, n = self.buckets[self.cursor]
            label.append(f"   ▸ {key}: {n} event{'s' if n != 1 else ''}", style="bold")
        return bars + label

    def action_move(self, delta: int) -> None:
        if self.buckets:
            self.cursor = max(0, min(len(self.buckets) - 1, (self.cursor if self.cursor >= 0 else 0) + delta))
            self.refresh()

    def action_zoom(self) -> None:
        self.zoom = ZOOMS[(ZOOMS.index(self.zoom) + 1) % len(ZOOMS)]
        self.cursor = -1
        self.post_message(self.RangeSelected(None, None))

    def action_clear(self) -> None:
        self.cursor = -1
        self.refresh()
        self.post_message(self.RangeSelected(None, None))

    def action_choose(self) -> None:
        if 0 <= self.cursor < len(self.buckets):
            key = self.buckets[self.cursor][0]
            if key.endswith("s"):
                y = int(key[:-1])
                self.post_message(self.RangeSelected(str(y), str(y + 9)))
            else:
                self.post_message(self.RangeSelected(key, key))

    def on_click(self, event: object) -> None:
        x = getattr(event, "x", None)
        y = getattr(event, "y", None)
        if x is None or y != 0:
            return
        i = self._first + int(x) - 1
        if 0 <= i < len(self.buckets):
            self.cursor = i
            self.action_choose()
