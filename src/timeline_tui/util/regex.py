"""Regular-expression building helpers."""

from __future__ import annotations

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
    particular characters (the space is ``\\s+`` unless given)."""
    table = {" ": r"\s+", **(atoms or {})}
    root: dict[str | None, Any] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(table.get(ch) or re.escape(ch), {})
        node[None] = suffix(word) if callable(suffix) else suffix

    def emit(node: dict[str | None, Any]) -> str:
        branches = [atom + emit(node[atom]) for atom in sorted(k for k in node if k is not None)]
        if None in node:
            branches.append(node[None])  # the word ending here, after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return "(?:" + emit(root) + ")" if root else "(?!)"
