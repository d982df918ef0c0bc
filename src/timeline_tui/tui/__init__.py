"""The Textual explorer. ``run_tui`` opens it; ``TimelineApp`` is the App (for tests)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Filters, Timeline
from ..userdata import Sidecar
from .app import TimelineApp

__all__ = ["TimelineApp", "run_tui"]


def run_tui(
    load: Callable[[Callable[[int, int, str], None]], Timeline],
    *,
    filters: Filters,
    sidecar: Sidecar | None,
    outlet_aliases: dict[str, list[str]],
    title: str,
) -> None:
    TimelineApp(load, filters=filters, sidecar=sidecar, outlet_aliases=outlet_aliases, title=title).run()
