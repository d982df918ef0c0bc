"""Making article text safe to show and to export: text from articles is data, never markup."""

from __future__ import annotations

import re

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other ESC sequences,
# and the 8-bit C1 forms (U+009B CSI, U+009D OSC).
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]          # CSI
  | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?  # OSC ... BEL/ST
  | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?    # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                          # other ESC sequences (and a lone ESC)
    """,
    re.VERBOSE,
)
# C0 and C1 control characters other than tab and newline; also DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str, keep_newlines: bool = True) -> str:
    """Remove terminal escape sequences and control characters (tab/newline kept unless told)."""
    if _CONTROLS.search(text) is not None:  # every escape sequence starts with a control character
        text = _ESCAPES.sub("", text)
        text = _CONTROLS.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    return text


def safe_for_terminal(text: str, keep_newlines: bool = True) -> str:
    """Text ready to be shown literally: escapes and controls removed. Callers building Rich
    ``Text`` must still use ``Text(s)`` / ``Text.append(s)`` (never markup parsing) for article text."""
    return strip_controls(text, keep_newlines=keep_newlines)


def same_length_clean(text: str) -> str:
    """Replace escape sequences and control characters by spaces, one for one, so that every offset
    into the text stays valid (for highlighting spans in the article)."""
    text = _ESCAPES.sub(lambda m: " " * len(m.group()), text)
    return _CONTROLS.sub(" ", text)


def in_lower_case(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` in lower case, as a whole word (not inside a hyphenated one):
    a capitalised word that is also so written is a common word ("Business", "Resign"), not a name.
    (``str.find`` rather than a regex per word: no pattern compiled for each word asked about.)"""
    low = word.lower()
    if not low:
        return False
    n = len(text)
    i = text.find(low)
    while i >= 0:
        e = i + len(low)
        if (i == 0 or not _word_char(text[i - 1])) and (e == n or not _word_char(text[e])):
            return True
        i = text.find(low, i + 1)
    return False


def _word_char(c: str) -> bool:
    """What ``[\\w-]`` matches: a letter, digit or underscore, or a hyphen."""
    return c.isalnum() or c in "_-"
