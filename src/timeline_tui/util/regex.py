"""Regular-expression building helpers."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

#: what ``(?i:x)`` matches for each ASCII letter x, as a case-sensitive class: the letter in both
#: cases, and the three letters Unicode case folding joins to others (İ ı for i, the Kelvin sign for
#: k, the long s for s); a unit test checks this against ``re`` over every code point
_IGNORECASE_CLASS = {
    c: "[" + c + c.upper() + {"i": "İı", "k": "\u212a", "s": "ſ"}.get(c, "") + "]"
    for c in "abcdefghijklmnopqrstuvwxyz"
}


def word_alternation(
    words: Iterable[str],
    *,
    suffix: str | Callable[[str], str] = "",
    atoms: dict[str, str] | None = None,
    ignore_case: bool = False,
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
    particular characters (the space is ``\\s+`` unless given); ``ignore_case``: the words are lower
    case and match as ``(?i:...)`` would, each letter written as a class of what that matches. Then
    ``re`` can skip a branch on its first character, which it cannot do for case-insensitive
    literals: a case-insensitive list of titles is tried much faster at each position.

    The trie is only equivalent when no two branches can match the same character and a space is
    never followed by another: no white space but single spaces between words' letters, no letter
    in two cases, no character that another character's atom also matches. Word lists that break
    this (none of the rule tables do) get the plain longest-first alternation."""
    table = {" ": r"\s+", **(_IGNORECASE_CLASS if ignore_case else {}), **(atoms or {})}
    unique = set(words)
    if ignore_case and any(c.isalpha() and not (c.isascii() and c.islower()) for w in unique for c in w):
        raise ValueError("ignore_case needs lower-case ASCII words")
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


def char_class(chars: Iterable[str]) -> str:
    """A character class matching exactly ``chars``, written as ranges of consecutive code points."""
    codes = sorted({ord(c) for c in chars})
    if not codes:
        return "(?!)"
    parts: list[str] = []
    lo = prev = codes[0]
    for c in [*codes[1:], -2]:
        if c == prev + 1:
            prev = c
            continue
        parts.append(re.escape(chr(lo)) if lo == prev else f"{re.escape(chr(lo))}-{re.escape(chr(prev))}")
        lo = prev = c
    return "[" + "".join(parts) + "]"


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


#: every byte but a-z made a line break (lower_word_lines)
_LOWER_WORD_BYTES = bytes(c if 97 <= c <= 122 else 10 for c in range(256))


def lower_word_lines(lowered: str) -> tuple[list[bytes], list[int]]:
    """The runs of ASCII letters a-z of a lower-case text, each as bytes with a line break after it
    (b"march\\n"), between pieces b"\\n" for the other characters; and where each piece starts (one
    more entry than pieces). What ``split_runs(re.compile("([a-z]+)"), lowered)`` finds, at a third
    of its cost: the text is read as bytes (one per character, "?" for a character beyond ASCII, so
    offsets hold), every other character is made a line break and ``bytes.splitlines`` cuts there;
    a piece's length counts the break after it, so its start is the sum of the lengths before it.
    Look the pieces up in tables whose keys carry the break too."""
    pieces = (lowered.encode("ascii", "replace").translate(_LOWER_WORD_BYTES) + b"\n").splitlines(True)
    return pieces, list(itertools.accumulate(map(len, pieces), initial=0))


# ------------------------------------------------------------------ the tokens a pattern can start with
try:  # the parser behind re.compile (Python 3.11+), read-only, to look at a pattern's first items
    from re import _constants as _sre_c
    from re import _parser as _sre_p
except ImportError:  # pragma: no cover - internals moved: start_tokens answers None, callers scan as before
    _sre_c = _sre_p = None  # type: ignore[assignment]

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGIT = "#"  # a symbol for "any digit" (\d, or a digit literal) in the prefixes below
_LIMIT = 4000


class _Unknown(Exception):
    """The pattern's start cannot be told from its parse."""


@dataclass(frozen=True, slots=True)
class StartTokens:
    """How a pattern's matches can start: with a run of ASCII letters beginning with one of
    ``letters`` (lower case, at most ``k`` letters each) or equal to one of ``words`` (shorter
    words the pattern reads whole: "a" in "a year", not "and"), with a digit, or with one of
    ``other``."""

    letters: tuple[str, ...]
    digit: bool
    other: frozenset[str]
    words: tuple[str, ...] = ()


def start_tokens(pat: re.Pattern[str], k: int = 3) -> StartTokens | None:
    """Where ``pat`` can start a non-empty match, read from its parse: the letters it can begin with
    (up to ``k``; a word of the text must begin with one of them, or be one of the shorter words it
    reads whole), whether it can begin with a digit,
    and which other characters it can begin with. Every non-empty match of ``pat`` starts at such a
    token; for a case-insensitive pattern the letters are those of the lower-cased text. None when
    that cannot be told: the pattern can match the empty string, starts with a class such as ``\\w``
    or ``.``, sets flags inside, or the prefixes are too many."""
    if _sre_p is None:
        return None
    try:
        parsed = _sre_p.parse(pat.pattern, pat.flags & ~re.DEBUG)
        prefixes = _seq_prefixes(list(parsed), k, bool(pat.flags & re.IGNORECASE))
    except (_Unknown, re.error, RecursionError):
        return None
    letters: set[str] = set()
    words: set[str] = set()
    other: set[str] = set()
    digit = False
    for p in prefixes:
        if not p:
            return None  # an empty match
        if p[0] == _DIGIT:
            digit = True
        elif p[0] in _ASCII_LETTERS:
            n = 0
            while n < len(p) and p[n] in _ASCII_LETTERS:
                n += 1
            # a symbol that is no letter after them: the word is exactly these letters; else the
            # word begins with them (k letters, or the whole match)
            (words if n < len(p) else letters).add(p[:n])
        elif p[0].isspace() or p[0].isalnum():
            return None  # white space, or a letter outside ASCII: not tokens we find
        else:
            other.add(p[0])
    # a prefix that another one starts with adds nothing
    kept = tuple(sorted(w for w in letters if not any(w != v and w.startswith(v) for v in letters)))
    whole = tuple(sorted(w for w in words if not w.startswith(kept)))
    return StartTokens(kept, digit, frozenset(other), whole)


def _done(p: str, k: int) -> bool:
    return len(p) >= k or (bool(p) and p[-1] not in _ASCII_LETTERS)


def _seq_prefixes(items: list[Any], k: int, fold: bool) -> set[str]:
    """Prefixes of the matches of a sequence of parsed items, each ``k`` symbols long, or ending at
    the first symbol that is not a letter, or a whole match."""
    out = {""}
    for op, av in items:
        if all(_done(p, k) for p in out):
            break
        grown: set[str] = set()
        for p in out:
            if _done(p, k):
                grown.add(p)
                continue
            for q in _item_prefixes(op, av, k - len(p), fold):
                grown.add(p + q)
        if len(grown) > _LIMIT:
            raise _Unknown
        out = grown
    return out


def _symbol(ch: str, fold: bool) -> str:
    if ch.isdigit():
        return _DIGIT
    if fold and ch.lower() in _ASCII_LETTERS:
        return ch.lower()
    if ch.isalpha() and ch not in _ASCII_LETTERS:
        raise _Unknown  # a letter outside ASCII (or upper case, compared with lower-cased words)
    return ch


def _item_prefixes(op: Any, av: Any, k: int, fold: bool) -> set[str]:
    c = _sre_c
    if op is c.LITERAL:
        return {_symbol(chr(av), fold)}
    if op is c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is c.LITERAL:
                out.add(_symbol(chr(iav), fold))
            elif iop is c.RANGE and iav[1] - iav[0] < 64:
                out.update(_symbol(chr(x), fold) for x in range(iav[0], iav[1] + 1))
            elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                out.add(_DIGIT)
            elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                out.add(" ")
            else:
                raise _Unknown  # negated, wide or general classes
        return out
    if op is c.BRANCH:
        return set().union(*(_seq_prefixes(list(alt), k, fold) for alt in av[1]))
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _seq_prefixes(list(sub), k, fold)
    if op is c.ATOMIC_GROUP:
        return _seq_prefixes(list(av), k, fold)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        one = _seq_prefixes(list(sub), k, fold)
        out = {""} if low == 0 else set()
        cur = {""}
        for j in range(1, min(high, max(low, k + 1)) + 1):
            cur = {p if _done(p, k) else p + q for p in cur for q in (("",) if _done(p, k) else one)}
            if len(cur) > _LIMIT:
                raise _Unknown
            if j >= low:
                out |= cur
        if high > max(low, k + 1):
            out |= cur  # more repetitions only extend prefixes that are already done or empty-grown
        return out
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    raise _Unknown  # any character, back-references, conditionals ...


# ---------------------------------------------------------------- patterns anchored at a line's start
@functools.lru_cache(maxsize=256)
def _opens_at_line_start(pat: re.Pattern[str]) -> bool:
    """Whether every match of ``pat`` starts at a line's start: a multi-line pattern whose first item,
    at the top level (no alternative around it), is ``^``."""
    if _sre_p is None or not pat.flags & re.MULTILINE:
        return False
    try:
        items = list(_sre_p.parse(pat.pattern, pat.flags & ~re.DEBUG))
    except re.error:  # pragma: no cover - it compiled
        return False
    # the parser writes ^ as AT_BEGINNING; the compiler reads it as a line's start under re.M
    return bool(items) and items[0] == (_sre_c.AT, _sre_c.AT_BEGINNING)


def line_start_matches(pat: re.Pattern[str], text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """``pat.finditer(text, pos)``, tried only at the start of each line when ``pat`` can only match
    there (``(?m)^`` first): ``re`` itself would try the pattern at every position of the text."""
    if not _opens_at_line_start(pat):
        yield from pat.finditer(text, pos)
        return
    i = _line_start_from(text, pos)
    while i >= 0:
        m = pat.match(text, i)
        if m is None:
            i = _line_start_from(text, i + 1)
        else:
            yield m
            i = _line_start_from(text, max(m.end(), i + 1))


def _line_start_from(text: str, k: int) -> int:
    """The first line start at or after ``k`` (the text's end counts when a line break ends it), or
    -1."""
    if k == 0 or (k <= len(text) and text[k - 1] == "\n"):
        return k
    nl = text.find("\n", k)
    return nl + 1 if nl >= 0 else -1
