"""Name folding for matching people and outlets: case-, accent- and punctuation-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'Díaz-Canel' -> 'diaz canel'; 'Ayatollah  KHAMENEI' -> 'ayatollah khamenei'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ı", "i")
    return _NON_ALNUM.sub(" ", stripped.lower()).strip()


def slugify(text: str) -> str:
    """A stable id from a name: 'Miguel Díaz-Canel' -> 'miguel-diaz-canel'."""
    return fold(text).replace(" ", "-") or "x"
