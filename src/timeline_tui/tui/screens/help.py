"""The keys, as the README lists them."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, str]] = [
    ("↑/↓, j/k", "move in the timeline"),
    ("PgUp/PgDn, g/G", "page up/down, first/last event"),
    ("[ / ]", "previous / next year"),
    ("Enter", "open the event (then Enter on a passage: the article; on a quote: the comparison)"),
    ("Esc", "back (or clear the filter line)"),
    ("/", "live filter: words, -word, person:NAME, outlet:NAME, since:2001, until:2023-12, min:2"),
    ("p / o", "pick a person / an outlet"),
    ("d", "density strip: ←/→ choose a period, Enter filters to it, z zooms, Esc clears"),
    ("s / t / n", "star / tag / note the event (saved in the notes sidecar)"),
    ("x", "export the current view as YAML"),
    ("Ctrl+P", "command palette: every action"),
    ("?", "this help"),
    ("q", "quit"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        table = Table(title="timeline-tui keys", show_header=False, expand=True)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for k, v in KEYS:
            table.add_row(k, v)
        with VerticalScroll(id="help"):
            yield Static(table)
