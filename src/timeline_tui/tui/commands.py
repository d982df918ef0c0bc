"""The command palette (Ctrl+P): every action of the explorer, by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ACTIONS: list[tuple[str, str, str]] = [
    ("Filter the timeline", "filter", "words, -word, person:, outlet:, since:, until:, min:"),
    ("Clear filters", "clear_filter", "show every event again"),
    ("Pick a person", "pick_person", "filter by a person"),
    ("Pick an outlet", "pick_outlet", "filter by an outlet"),
    ("Density strip", "focus_density", "choose a period to filter to"),
    ("Star / unstar the event", "toggle_star", "saved in the notes sidecar"),
    ("Tag the event", "tag", "comma-separated tags"),
    ("Add a note to the event", "note", "free text"),
    ("Export the current view", "export", "YAML, JSON, CSV or Markdown by file name"),
    ("Help: keys", "help", "every key"),
    ("Quit", "quit", "leave timeline-tui"),
]


class ActionsProvider(Provider):
    async def discover(self) -> Hits:
        for name, action, help_text in ACTIONS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text
                )
