"""TIMEX3 time expressions: ``tag(text, dct)`` and ``tag_source(source, sentences)``.

Spans come from our own patterns (patterns.py, built from the tables in rules/calendar.yaml and
rules/time.yaml); values are resolved by the engine (engine.py) against the publication date, the
narrative time or another event, each with an explanation. ``dateparser`` is never used to find spans.
"""

from __future__ import annotations

from functools import cache

from ...model import Source, Timex
from ..sentences import split_sentences
from .engine import Tagger

__all__ = ["tag", "tag_source"]


@cache
def _tagger() -> Tagger:
    return Tagger()


def tag(
    text: str,
    dct: str | None,
    *,
    dct_description: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
    start_at: int = 0,
) -> list[Timex]:
    """Time expressions of ``text`` in order. ``dct`` is the publication date ("YYYY-MM-DD", a datetime,
    or None when unknown); ``dct_description`` how explanations name it ("a source published
    2023-12-05" by default); ``start_at`` skips a metadata header (front matter)."""
    if sentences is None:
        sentences = split_sentences(text)
    return _tagger().tag(text, dct, dct_description, sentences, start_at=start_at)


def tag_source(source: Source, sentences: list[tuple[int, int]]) -> list[Timex]:
    return tag(source.text, source.meta.published.value, sentences=sentences, start_at=source.body_start)
