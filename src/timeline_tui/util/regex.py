"""Regular-expression building helpers."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any


def word_alternation(
    words: Iterable[str], *, suffix: str | Callable[[str], str] = "", atoms: dict[str, str] | None = None
) -> str:
    """A group matching any of ``words`` (a space in a word matches any white space, other characters
    literally), each followed by ``suffix``, written as a trie: "pr(?:esident|ime\\s+minister)" rather
    than "president|prime\\s+minister".

    It matches what the plain alternation with the longest words first matches, in the same order
    of preference (at each letter the longer continuations are tried before the word ending there),
    but ``re`` then tries a handful of branches per character instead of every word: with
    case-insensitive matching, where a branch cannot be skipped on its first letter, a list of a
    hundred titles costs a fifth as much.

    ``suffix``: a pattern after each word, or a function giving it per word; ``atoms``: patterns for
    particular characters (the space is ``\\s+`` unless given).

    The trie is only equivalent when no two branches can match the same character and a space is
    never followed by another: no white space but single spaces between words' letters, no letter
    in two cases, no character that another character's atom also matches. Word lists that break
    this (none of the rule tables do) get the plain longest-first alternation."""
    table = {" ": r"\s+", **(atoms or {})}
    unique = set(words)
    suffix_of = suffix if callable(suffix) else (lambda _w: suffix)
    if not _trie_safe(unique, table):
        ordered = sorted(unique, key=lambda w: (-len(w), w))
        return (
            "(?:"
            + "|".join("".join(table.get(ch) or re.escape(ch) for ch in w) + suffix_of(w) for w in ordered)
            + ")"
            if ordered
            else "(?!)"
        )
    root: dict[str | None, Any] = {}
    for word in unique:
        node = root
        for ch in word:
            node = node.setdefault(table.get(ch) or re.escape(ch), {})
        node[None] = suffix_of(word)

    def emit(node: dict[str | None, Any]) -> str:
        branches = [atom + emit(node[atom]) for atom in sorted(k for k in node if k is not None)]
        if None in node:
            branches.append(node[None])  # the word ending here, after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return "(?:" + emit(root) + ")" if root else "(?!)"


def _trie_safe(words: set[str], table: dict[str, str]) -> bool:
    """Whether a trie of ``words`` matches exactly what their longest-first alternation matches."""
    if any(w != " ".join(w.split()) or any(c.isspace() and c != " " for c in w) for w in words):
        return False
    chars = set("".join(words))
    by_fold: dict[str, str] = {}
    for c in chars:
        if by_fold.setdefault(c.casefold(), c) != c:
            return False  # "S" and "s": one branch each, and re.I lets both match
    return not any(
        other != c and re.fullmatch(pattern, other)
        for c, pattern in table.items()
        if c in chars
        for other in chars
    )


def lowered_in_place(text: str) -> str:
    """``text`` lower-cased when that keeps every offset (the scripts news is written in), else
    ``text`` itself: case-sensitive patterns for lower-case text then match at the same offsets as
    case-insensitive ones on the original, and much faster."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text


def split_runs(
    pattern: re.Pattern[str], text: str, offset: int = 0
) -> tuple[list[str], list[int], list[int]]:
    """The runs ``pattern`` captures in ``text`` (one capturing group), with their start and end
    offsets (plus ``offset``): one ``split``, the runs and the gaps between them, and their lengths
    summed, which costs a third of a match object per run. ``starts`` may hold one more entry than
    there are runs; zip them."""
    parts = pattern.split(text)
    ends = list(itertools.accumulate(map(len, parts), initial=offset))[1:]
    return parts[1::2], ends[0::2], ends[1::2]
