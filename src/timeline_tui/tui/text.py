"""Rendering article text literally: escapes and controls stripped, never parsed as markup."""

from __future__ import annotations

from rich.text import Text

from ..util.text import safe_for_terminal


def literal(text: str | None, style: str = "", *, newlines: bool = False) -> Text:
    """A Rich Text holding ``text`` exactly as data (no markup, no escape sequences)."""
    return Text(safe_for_terminal(text or "", keep_newlines=newlines), style=style)


def one_line(text: str | None) -> str:
    return " ".join(safe_for_terminal(text or "", keep_newlines=False).split())
