"""Shared helpers for the events stage: content words and the rule tables."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..rules import load_rules
from ..util.names import fold

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@cache
def tables() -> dict[str, Any]:
    t = load_rules("events")
    t["stopwords_set"] = frozenset(str(w) for w in t["stopwords"])
    return t


def content_words(text: str) -> frozenset[str]:
    return folded_content_words(fold(text))


def folded_content_words(folded: str) -> frozenset[str]:
    """``content_words`` of a text already folded."""
    words = set(_CONTENT_WORD.findall(folded))
    words -= tables()["stopwords_set"]
    return frozenset(words)


#: a folded word of three characters or more that is not a number
_CONTENT_WORD = re.compile(r"(?<!\S)(?!\d+(?!\S))\S{3,}")


def words(text: str) -> list[str]:
    return _WORD.findall(text)
