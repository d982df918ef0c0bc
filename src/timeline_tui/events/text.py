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
    # a word (between white space) of three characters or more, not a number, not a stop word (the
    # test runs over the text's words: ``set -= stopwords`` would walk all the stop words each time)
    stop = tables()["stopwords_set"]
    return frozenset({w for w in folded.split() if len(w) >= 3 and w not in stop and not w.isdecimal()})


def words(text: str) -> list[str]:
    return _WORD.findall(text)
