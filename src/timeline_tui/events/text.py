"""Shared helpers for the events stage: content words and the rule tables."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..rules import load_rules
from ..util.names import fold
from ..util.text import strip_controls

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@cache
def tables() -> dict[str, Any]:
    t = load_rules("events")
    t["stopwords_set"] = frozenset(str(w) for w in t["stopwords"])
    return t


def content_words(text: str) -> frozenset[str]:
    return folded_content_words(fold(text))


class _ContentWord(dict[str, bool]):
    """Whether a folded word is a content word: three characters or more, not a number, not a stop
    word; filled in as words are first met, so that testing a text's words runs in C (news repeats
    its vocabulary: after a few articles nearly every word has been seen)."""

    def __init__(self, stop: frozenset[str]) -> None:
        super().__init__()
        self.stop = stop

    def __missing__(self, word: str) -> bool:
        keep = len(word) >= 3 and word not in self.stop and not word.isdecimal()
        if len(self) < _MAX_WORDS:
            self[word] = keep
        return keep


#: words remembered by ``_ContentWord`` (a vocabulary this large is remembered no further)
_MAX_WORDS = 1 << 20


@cache
def _content_word() -> _ContentWord:
    return _ContentWord(tables()["stopwords_set"])


def folded_content_words(folded: str) -> frozenset[str]:
    """``content_words`` of a text already folded: its words (between white space) of three
    characters or more, not numbers, not stop words."""
    return frozenset(filter(_content_word().__getitem__, folded.split()))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case, the rest as written ("a quake in Erzincan" ->
    "A quake in Erzincan"; ``str.capitalize`` would lower "Erzincan")."""
    return text[:1].upper() + text[1:]


def clean_passage(text: str) -> str:
    """Passage or quotation text for the timeline: control characters and markdown emphasis markers
    ("**", "_") removed, white space normalised."""
    text = strip_controls(text)
    if "*" in text or "_" in text:
        text = re.sub(r"[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}", "", text)
    return " ".join(text.split())
