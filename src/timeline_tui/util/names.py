"""Name folding for matching people and outlets: case-, accent- and punctuation-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: anything but letters and digits (of any script) separates words
_NON_ALNUM = re.compile(r"[\W_]+")
#: combining marks left by NFKD decomposition (the accents of "Díaz")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
#: letters NFKD does not decompose into a base letter and a mark
_SPECIAL = {"ß": "ss", "ø": "o", "æ": "ae", "ı": "i", "đ": "d", "ł": "l", "œ": "oe"}


def _specials(text: str) -> str:
    for k, v in _SPECIAL.items():
        if k in text:
            text = text.replace(k, v)
    return text


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'Díaz-Canel' -> 'diaz canel'; 'Ayatollah  KHAMENEI' -> 'ayatollah khamenei'."""
    return fold_uncached(text)


def fold_uncached(text: str) -> str:
    """``fold`` without the cache, for long one-off strings (search haystacks)."""
    text = text.lower()
    if text.isascii():
        # the same as the regex below, several times faster on the ASCII text most news is
        return " ".join(text.translate(_ASCII_SEPARATORS).split())
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", _specials(text)))
    return _NON_ALNUM.sub(" ", text).strip()


_ASCII_SEPARATORS = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def fold_accents(text: str) -> str:
    """Lower-case and strip accents but keep punctuation and spacing (cheap; for search haystacks:
    search terms are split with ``search_terms`` so that both sides agree)."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", _specials(text)))


def search_terms(text: str) -> list[str]:
    """The folded word parts of a search term ('Díaz-Canel' -> ['diaz', 'canel'])."""
    return fold(text).split()


def slugify(text: str) -> str:
    """A stable id from a name: 'Miguel Díaz-Canel' -> 'miguel-diaz-canel'."""
    return fold(text).replace(" ", "-") or "x"
