"""Sentence boundaries (offsets into the source text).

A sentence ends at . ! ? (optionally followed by closing quotes/brackets/markup) before whitespace and
an opening capital/quote/digit, unless the word before the period is a known abbreviation or an
initial; blank lines and markdown headings always end a sentence.
"""

from __future__ import annotations

import re

from ..rules import load_rules

_RULES = load_rules("sentences")
_ABBREVIATIONS: frozenset[str] = frozenset(str(a).lower().rstrip(".") for a in _RULES["abbreviations"])

#: each alternative opens with one of the characters of the first class, so that ``re`` can skip to
#: the next of them in C instead of trying the alternatives at every position (5x faster)
_BOUNDARY = re.compile(
    r"""
    [.!?\n]
    (?:
      (?P<end>(?<=[.!?])[.!?]*[\"'”’)\]*_]*)  # the rest of the terminal punctuation, closers
      (?=\s+(?:``[ \t]*)?[\"'“‘(\[*_]*[A-Z0-9À-Ý])  # whitespace, then an opener and a capital or digit
    | (?P<para>(?<=\n)[ \t]*\n)               # blank line
    | (?P<line>(?<=\n)(?=[ \t]*(?:\#|[-*+]\s|\d+\.\s)))  # a markdown heading / list item starts a new line
    )
    """,
    re.VERBOSE,
)
_LETTERS_AND_DOT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."
#: letters enough before a period to make a word longer than every abbreviation
_PAST_ABBREVIATION = max(map(len, _ABBREVIATIONS), default=0) + 1


def _word_before(text: str, period: int) -> str:
    """The word (letters and dots, from a letter, within 40 characters) that ends at the period at
    ``period``, lower case, without its dots at the end: "U.S." -> "u.s", "Gen." -> "gen",
    "Huamán." -> "huamán"; "" if none. (``str.rstrip`` finds where an ASCII run starts without trying
    a regex at each position; a letter beyond ASCII before it is followed on letter by letter.)"""
    segment = text[max(0, period - 40) : period]
    i = len(segment.rstrip(_LETTERS_AND_DOT))
    if i and not segment[i - 1].isascii():
        # a letter beyond ASCII: the word goes on ("Huamán." is no initial "n.")
        while i and (segment[i - 1].isalpha() or segment[i - 1] == "."):
            i -= 1
    return segment[i:].lstrip(".").rstrip(".").lower()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, whitespace-trimmed, covering every non-blank character of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.lastgroup == "end":
            p = m.start()
            tail = text[p - _PAST_ABBREVIATION : p] if p >= _PAST_ABBREVIATION else ""
            # after more ASCII letters than an abbreviation has ("said."), a period ends a sentence
            if text[p] == "." and not (tail.isascii() and tail.isalpha()):
                word = _word_before(text, p)
                # one letter is an initial ("J. Smith"), not a number's ending ("the 1990s.", "$5m.")
                initial = len(word) == 1 and word.isalpha() and not text[p - 2 : p - 1].isdigit()
                if word and (word in _ABBREVIATIONS or initial):
                    continue
            end = m.end("end")
        else:
            end = m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
