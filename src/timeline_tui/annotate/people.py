"""People: mentions in one source (``find_mentions``) and clusters across sources (``resolve_people``).

No statistical model: a name is a person when a title or honorific introduces it ("Cuban President
Miguel Díaz-Canel", "Ayatollah Khamenei"), when an apposition describes it ("Fidel Castro, the late
leader of Cuba"), when a reporting verb follows it ("Jane Doe said"), or when the configuration names
it. Later bare surnames, role phrases ("the Leader", "the Cuban president") and the pronouns he/she
are resolved to those people in context. Across sources, names are clustered by accent-folded
surname with rapidfuzz for transliterations (Raisi/Raeisi), blocked so the work stays near-linear.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from ..config import Config
from ..model import Person, PersonMention, Source, SourceAnnotations
from ..rules import load_rules
from ..util import regex_store
from ..util.names import fold, slugify
from ..util.regex import char_class, lowered_in_place, split_runs, word_alternation
from ..util.text import in_lower_case

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_TOK = rf"[{_UP}][{_LOW}{_UP}'’]*(?:-[{_UP}{_LOW}][{_LOW}'’]*)*"
#: ``(?<![\w-])`` + _TOK, with the boundary checked after the first letter (on the two characters
#: ending there): a pattern that opens with a character class lets ``re`` skip to the next capital
#: in C, where one opening with a look-behind is tried at every position
_TOK_AT_WORD = rf"[{_UP}](?<![\w-].)[{_LOW}{_UP}'’]*(?:-[{_UP}{_LOW}][{_LOW}'’]*)*"
#: "said", "says", "added" after a word boundary, in the same way (the boundary after the first
#: letter)
_SAID_ADDED = r"(?:s(?<!\w.)(?:aid|ays)|a(?<!\w.)dded)"
#: those, or "told" with a word between it and the name ("told me how JD Hill …"): who is told is
#: no speaker, and often an outlet or a show ("Schiff told Capital Download"); a person told
#: something is found by their given name
_TOLD = r"t(?<!\w.)old(?=\s+[a-z0-9])"
#: a middle initial between a name's words: "George W. Bush", "Charles B. Rangel"
_INITIAL = rf"(?:[{_UP}]\.\s+)?"
#: the Arabic article joined to a surname in lower case: "Bashar al-Assad", "Abdel Fattah el-Sisi"
_ARTICLE = r"(?:al|el|ad|ash|ul)-"
_ARTICLE_WORD = re.compile(rf"{_ARTICLE}[{_UP}]")


def _alt(words: list[str], *, dot: bool = False) -> str:
    """Any of ``words`` (longest first; a space matches any white space), each optionally followed by
    a dot when ``dot``."""
    return word_alternation(words, suffix=r"\.?" if dot else "")


@dataclass(frozen=True, slots=True)
class _Rules:
    honorifics: frozenset[str]
    roles: frozenset[str]
    not_names: frozenset[str]
    title_qualifiers: frozenset[str]
    place_heads: frozenset[str]
    leading_titles: frozenset[str]
    #: words that end no name: a title or a qualifier after it ("Tony Hayward Former BP chief")
    trailing_titles: frozenset[str]
    byline_roles: frozenset[str]
    #: never-names that are such only in capitals ("UN", "US")
    capital_not_names: frozenset[str]
    #: honorifics that, with one word after them, name a place ("St. Louis")
    place_honorifics: frozenset[str]
    inner_honorifics: frozenset[str]
    not_name_edges: frozenset[str]
    #: a word after a bare surname -> the roles of whom the surname names ("the Obama administration")
    roles_by_next_word: dict[str, tuple[str, ...]]
    pronouns: frozenset[str]
    #: lower-case words inside a name ("bin", "von", "ten")
    particles: frozenset[str]
    #: qualifiers that make another role of the role after them ("vice", "deputy")
    other_role_qualifiers: frozenset[str]
    titled: re.Pattern[str]
    #: a title, then a full name between commas ("The Prime Minister, Keir Starmer, said")
    titled_apposition: re.Pattern[str]
    apposition: re.Pattern[str]
    #: a full name before a reporting verb ("Jane Doe said"), and after one ("said Jane Doe"): the
    #: two alternatives of one scan (_finditer_either), each opening with a character class
    said: tuple[re.Pattern[str], re.Pattern[str]]
    #: a name with a middle initial in apposition before a reporting verb ("Another critic, Laurence
    #: H. Tribe, likened"): the comma after it, which ``said`` reads as the opening of an apposition
    apposed_said: re.Pattern[str]
    #: the same for a single capitalised word ("Trump said", "said Trump")
    solo: tuple[re.Pattern[str], re.Pattern[str]]
    role_mention: re.Pattern[str]
    pronoun: re.Pattern[str]
    role_phrase: re.Pattern[str]
    object_before: re.Pattern[str]


@cache
def rules() -> _Rules:
    r = load_rules("people")
    hon = [str(h).lower() for h in r["honorifics"]]
    roles = [str(x).lower() for x in r["roles"]]
    not_names = frozenset(
        str(x).lower() for x in [*r["not_names"], *r.get("places", []), *r.get("demonyms", [])]
    )
    # matched as (?i:...) would, written as classes so that re skips branches by first letter
    hon_alt = word_alternation(hon, suffix=r"\.?", ignore_case=True)
    role_alt = word_alternation(roles, suffix=r"\.?", ignore_case=True)
    multi_role_alt = word_alternation([x for x in roles if " " in x], ignore_case=True)
    of_part = rf"(?:\s+of\s+(?:the\s+)?[{_UP}][\w’'-]*(?:\s+[{_UP}][\w’'-]*){{0,3}})"
    title_unit = rf"(?:(?:[{_UP}][\w.]*[ \t]+){{0,2}}{role_alt}{of_part}?|{hon_alt})"
    # "von der", "ten": at most two particles before a name's next word
    particles = rf"(?:{word_alternation([str(p) for p in r['name_particles']])}\s+){{0,2}}"
    name = rf"{_TOK}(?:\s+{_INITIAL}{particles}(?:{_ARTICLE})?{_TOK}){{0,3}}"
    verbs = load_rules("quotes")["verbs"]
    verb_alt = _alt([str(v) for v in verbs if " " not in str(v)])
    return _Rules(
        honorifics=frozenset(h.rstrip(".") for h in hon),
        roles=frozenset(roles),
        not_names=not_names,
        title_qualifiers=frozenset(str(q).lower() for q in r["title_qualifiers"]),
        place_heads=frozenset(str(w).lower() for w in r["place_heads"]),
        leading_titles=frozenset(str(w).lower() for w in r["leading_titles"]),
        capital_not_names=frozenset(str(w).lower() for w in r["capital_not_names"]),
        place_honorifics=frozenset(str(w).lower() for w in r["place_honorifics"]),
        inner_honorifics=frozenset(str(w).lower() for w in r["inner_honorifics"]),
        not_name_edges=frozenset(str(w).lower() for w in r["not_name_edges"]),
        roles_by_next_word={
            str(w).lower(): tuple(str(x).lower() for x in v) for w, v in r["roles_by_next_word"].items()
        },
        trailing_titles=frozenset(
            str(w).lower()
            for w in [*r["leading_titles"], *r["title_qualifiers"]]
            if w not in r["title_surnames"]
        ),
        pronouns=frozenset(str(p).lower() for p in r["pronouns"]),
        particles=frozenset(str(p).lower() for p in r["name_particles"]),
        other_role_qualifiers=frozenset(str(q).lower() for q in r["other_role_qualifiers"]),
        byline_roles=frozenset(str(w).lower() for w in r["byline_roles"]),
        # a title and its name: spaces or one line break between them, never a blank line ("Health
        # Reporter\n\nKinshasa — …" is a byline, then a dateline)
        titled=regex_store.compile(
            rf"(?<![\w-])(?P<title>(?:{title_unit}(?:[ \t]+|[ \t]*\n[ \t]*))+)(?P<name>{name})"
        ),
        titled_apposition=regex_store.compile(
            rf"(?<![\w-])(?P<title>{title_unit}(?:\s+{title_unit})*),\s+"
            rf"(?P<name>{_TOK}(?:\s+{_INITIAL}{particles}{_TOK}){{1,3}}),"
        ),
        apposition=regex_store.compile(
            rf"(?<![\w-])(?P<name>{_TOK}(?:\s+{particles}{_TOK}){{1,3}}),\s+(?P<role>the\s+(?:[\w-]+\s+){{0,5}}?"
            rf"{role_alt}{of_part}?)(?=[\s,.;])"
        ),
        said=(
            regex_store.compile(
                rf"(?P<name>{_TOK_AT_WORD}\s+{_INITIAL}{particles}{_TOK})(?:,\s+[^,\n]{{3,60}},)?\s+(?:{verb_alt})\b"
            ),
            regex_store.compile(
                rf"(?:{_SAID_ADDED}|{_TOLD})\s+(?:(?!(?:in|on|at|of|for|from|to|by|with|after|before|during|that|the|a|an|this|last|next)\s)[a-z0-9][\w/’'-]*\s+){{0,3}}?"
                rf"(?P<name>{_TOK}\s+{_INITIAL}{particles}{_TOK})\b"
            ),
        ),
        apposed_said=regex_store.compile(
            rf",\s+(?P<name>{_TOK}\s+[{_UP}]\.\s+{particles}{_TOK}),\s+(?:also\s+)?(?:{verb_alt})\b"
        ),
        solo=(
            regex_store.compile(rf"(?P<name>{_TOK_AT_WORD})(?:['’]s)?\s+(?:also\s+)?(?:{verb_alt})\b"),
            regex_store.compile(rf"{_SAID_ADDED}\s+(?P<name>{_TOK})\b"),
        ),
        role_mention=regex_store.compile(
            rf"(?<![\w-])(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<q>(?:(?:then|late|former|new|[{_UP}][\w.]*)\s+){{0,2}})"
            rf"(?P<role>{role_alt}){of_part}?(?![\w-])"
        ),
        # "he", "she" as words; the boundary before them checked after their first letter (see
        # _TOK_AT_WORD): 4x faster than opening with the look-behind
        pronoun=regex_store.compile(r"(?P<p>[HhSs](?<![\w-].)(?:(?<=[Hh])e|(?<=[Ss])he))(?![\w-])"),
        # a role of several words is read whole before a qualifier is ("Chief Executive Officer" is
        # not "Chief" and "Executive Officer"; "Vice President" is no president), "Deputy Prime
        # Minister" has one
        role_phrase=regex_store.compile(
            rf"(?:{multi_role_alt}|(?:(?P<q>[{_UP}][\w.]*)\s+)?(?P<role>{role_alt})){of_part}?(?![\w-])"
        ),
        object_before=regex_store.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in r["object_markers"]) + r")\b(?:\s+[\w.’'-]+){0,3}\s*$",
            re.I,
        ),
    )


# ------------------------------------------------------------------------------------- one source

#: a word (a letter, then letters, digits, apostrophes, dots, hyphens), captured for ``split``
_WORDSPLIT = re.compile(r"([^\W\d_][\w'’.-]*)")
#: the characters after a word's first one, besides letters and digits
_WORD_INNER = "_'’.-"


@cache
def _wordsplit_below(width: int) -> re.Pattern[str]:
    """``_WORDSPLIT`` for a text whose characters all lie below ``width`` (256: Latin-1), its two
    classes spelled out as the characters below ``width`` that they match. ``re`` checks such a
    class with a table lookup, where ``\\w`` costs a Unicode category lookup per character: the
    split runs a third faster, with the same result on such a text (a unit test checks every
    character). (Spelling out the Basic Multilingual Plane as well costs some 60 ms to compile,
    more than it saves on a few thousand articles.)"""
    chars = [chr(c) for c in range(width)]
    # \w is what str.isalnum() accepts, and "_"; \d is str.isdecimal()
    first = [c for c in chars if c.isalnum() and not c.isdecimal()]
    rest = [c for c in chars if c.isalnum() or c in _WORD_INNER]
    return re.compile(f"({char_class(first)}{char_class(rest)}*)")


def _wordsplit_for(text: str) -> re.Pattern[str]:
    """The fastest form of ``_WORDSPLIT`` that splits ``text`` as ``_WORDSPLIT`` does."""
    if text.isascii():
        return _wordsplit_below(256)
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return _WORDSPLIT
    return _wordsplit_below(256)


#: a headline's words: runs of Latin letters; those capitalised, or one of the small words title case
#: leaves in lower case, make a title-case line
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_TITLE_SMALL_WORDS = frozenset(("of", "the", "and", "in", "to", "for", "a", "on"))


@dataclass(frozen=True, slots=True)
class _Tokens:
    """The words of a text as three lists, one entry per word: where each starts and ends, and its
    lower-case form without trailing dots (no tuple per word: a text has thousands)."""

    starts: list[int]
    ends: list[int]
    lows: list[str]


def _tokenize(text: str, start_at: int) -> _Tokens:
    """The words of ``text[start_at:]``, found with one ``split`` (the words and the gaps between
    them) and their offsets summed: a third of the cost of a match object per word. The split runs
    on the lower-cased text when lower-casing keeps every offset (the words then come out lower
    case, and the word characters are the same in either case)."""
    body = text[start_at:]
    lowered = lowered_in_place(body)
    words, starts, ends = split_runs(_wordsplit_for(lowered), lowered, start_at)
    if lowered is body:
        words = list(map(str.lower, words))
    del starts[len(ends) :]  # split_runs may give one start more than there are words
    return _Tokens(starts, ends, list(map(str.rstrip, words, itertools.repeat("."))))


@cache
def _triggers() -> tuple[frozenset[str], frozenset[str]]:
    """Words near which the name patterns can match: role/honorific words, and reporting verbs."""
    r = rules()
    # the words of each role, and its hyphenated words whole (a token: "director-general")
    role_words = {w for phrase in r.roles | r.honorifics for w in re.findall(r"[a-z]+", phrase)}
    role_words |= {w.rstrip(".") for phrase in r.roles | r.honorifics for w in phrase.split() if "-" in w}
    verbs = {w for v in load_rules("quotes")["verbs"] for w in re.findall(r"[a-z]+", str(v).lower())}
    return frozenset(role_words - {"the", "of"}), frozenset(verbs - {"that", "to", "in", "a", "out"})


@cache
def _role_prefixes() -> tuple[frozenset[str], int]:
    """The beginnings of the roles (lower case), all of one length: their first three letters, or
    the whole role when a role is shorter; and that length."""
    size = min(3, *(len(role) for role in rules().roles))
    return frozenset(role[:size] for role in rules().roles), size


def _positions(keys: list[str], words: frozenset[str] | set[str]) -> list[int]:
    """The token positions, in text order, of the tokens (``keys``: lower case) in ``words``: one
    membership test per token, counted in C."""
    return list(itertools.compress(itertools.count(), map(words.__contains__, keys)))


#: the determiners a role mention opens with ("the Cuban president", "his spokesman")
_DETERMINERS = ("the", "his", "her", "their")


@cache
def _static_classes() -> dict[str, int]:
    """Lower-case word -> the bits of the fixed word lists it is in: role or honorific words (1),
    reporting verbs (2), given names (4), determiners (8); one lookup per word finds all four."""
    role_words, verb_words = _triggers()
    out: dict[str, int] = {}
    for bit, words in ((1, role_words), (2, verb_words), (4, _given_names()), (8, _DETERMINERS)):
        for w in words:
            out[w] = out.get(w, 0) | bit
    return out


def _static_positions(lows: list[str]) -> tuple[list[int], list[int], list[int], list[int]]:
    """The token positions of role words, reporting verbs, given names and determiners (what
    ``_positions`` gives for each list), from one pass over the words."""
    classes = list(map(_static_classes().get, lows, itertools.repeat(0)))
    out: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    for i in itertools.compress(itertools.count(), classes):
        c = classes[i]
        if c & 1:
            out[0].append(i)
        if c & 2:
            out[1].append(i)
        if c & 4:
            out[2].append(i)
        if c & 8:
            out[3].append(i)
    return out


def _windows(tokens: _Tokens, at: list[int], before: int, after: int, n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    starts, ends = tokens.starts, tokens.ends
    for i in at:
        ws, we = max(0, starts[i] - before), min(n, ends[i] + after)
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], we)
        else:
            out.append((ws, we))
    return out


def _match_at(
    pat: re.Pattern[str],
    text: str,
    starts: list[int],
    at: list[int],
    start_at: int,
    back: int,
) -> list[re.Match[str]]:
    """Matches of ``pat`` anchored at a trigger word (token positions ``at``) or up to ``back``
    capitalised words before it (the earliest start wins), without scanning the rest of the text."""
    out: list[re.Match[str]] = []
    last_end = -1
    for i in at:
        s0 = starts[i]
        if s0 < last_end:
            continue
        m = None
        for k in range(min(back, i), -1, -1):
            st = starts[i - k]
            if st < last_end or st < start_at or (k and not text[st].isupper()):
                continue
            m = pat.match(text, st)
            if m:
                break
        if m:
            out.append(m)
            last_end = m.end()
    return out


def _finditer(
    pat: re.Pattern[str], text: str, windows: list[tuple[int, int]], start_at: int
) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    last_end = -1
    for ws, we in windows:
        for m in pat.finditer(text, max(ws, start_at), we):
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
    return out


def _object_marker_before(text: str, pos: int) -> bool:
    """Whether a word that makes what follows an object ("with", "met", "of" ...: rules/people.yaml)
    stands up to three words before ``pos`` on its line (within 60 characters): "met with Fidel
    Castro", "the fatal shooting of Keith Lamont Scott".

    The pattern ends at ``pos`` and its marker ends one of the last four white-space-separated
    chunks before it, so the search starts at the fourth-last chunk instead of 60 characters back."""
    ls = max(text.rfind("\n", 0, pos) + 1, pos - 60)
    parts = text[ls:pos].rsplit(None, 4)
    lo = ls + len(parts[0]) if len(parts) == 5 else ls
    return rules().object_before.search(text, lo, pos) is not None


def _finditer_either(
    pats: tuple[re.Pattern[str], re.Pattern[str]], text: str, windows: list[tuple[int, int]], start_at: int
) -> list[re.Match[str]]:
    """What ``_finditer`` finds with the alternation of two patterns ``A|B``: at each position A's
    match, else B's, the earliest one winning and the scan going on after it. Each alternative is
    searched on its own, which lets ``re`` skip ahead by each one's first characters."""
    first, second = pats
    out: list[re.Match[str]] = []
    last_end = -1
    for ws, we in windows:
        pos = max(ws, start_at)
        a = first.search(text, pos, we)
        b = second.search(text, pos, we)
        while a is not None or b is not None:
            m = a if b is None or (a is not None and a.start() <= b.start()) else b
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
            pos = max(m.end(), m.start() + 1)
            if a is not None and a.start() < pos:
                a = first.search(text, pos, we)
            if b is not None and b.start() < pos:
                b = second.search(text, pos, we)
    return out


#: where ``_described`` can match: its comma, then an age, "a"/"an" or "of" and a capital
_DESCRIBED_CUE = re.compile(r",\s+(?:\d{1,3},|an?\s|of\s+[A-Z])")
#: white space within a name: spaces, and at most one line break (a blank line ends a paragraph,
#: and a headline's last word is no given name: "A Museum Opens\n\nQuina Jones, 25, said")
_NAME_SPACE = r"[ \t]*(?:\r?\n)?[ \t]*(?<=\s)"


@cache
def _described() -> re.Pattern[str]:
    """A name followed by an age, a description or a home town in apposition: "Quina Jones, 25,",
    "Tim Hess, a real estate developer", "Johnnie Wilson, of Springfield, Va.,"."""
    nouns = _alt([str(x) for x in load_rules("people")["describing_nouns"]])
    return re.compile(
        rf"(?<![\w’'-])(?P<name>{_TOK}(?:{_NAME_SPACE}(?:[{_UP}]\.\s+)?{_TOK}){{1,2}}),\s+"
        rf"(?:\d{{1,3}},|(?:a|an)\s+(?:[a-z][\w-]*\s+){{0,5}}?(?:{nouns})\b"
        rf"|of\s+{_TOK}(?:[ \t]+{_TOK})?,(?:[ \t]+[{_UP}][\w.]*,)?)"
    )


@cache
def _unnamed_speaker() -> re.Pattern[str]:
    """An unnamed speaker and its reporting verb, up to three words apart ("spokesperson said", "a
    government source told", "officials familiar with the talks said")."""
    nouns = _alt([str(x) for x in load_rules("people")["unnamed_speakers"]])
    verbs = _alt([str(v) for v in load_rules("quotes")["verbs"] if " " not in str(v)])
    return re.compile(rf"\b(?:{nouns})\s+(?:[a-z][\w'’-]*\s+){{0,3}}?(?:{verbs})\b")


@cache
def _given_names() -> frozenset[str]:
    r = load_rules("given_names")
    return frozenset(str(n).lower() for key in ("female", "male", "either") for n in r[key])


@cache
def _genders() -> dict[str, str]:
    """Given name -> "f" or "m", for the names news most often calls "she" or "he"."""
    r = load_rules("given_names")
    return {
        **{str(n).lower(): "m" for n in [*r["male"], *r["male_titles"]]},
        **{str(n).lower(): "f" for n in [*r["female"], *r["female_titles"]]},
    }


def _full_name(name: str | None, r: _Rules) -> bool:
    """Two words or more, none of them a word that is never part of a name."""
    return bool(name) and len(name.split()) >= 2 and not any(t.lower() in r.not_names for t in name.split())


_POSSESSIVE = re.compile(r"['’]s$")


def _bare(word: str) -> str:
    """A word without a possessive ending and the dots and quote marks after it: "Sound's" ->
    "Sound", "Now''" (a show's title closing) -> "Now"."""
    return _POSSESSIVE.sub("", word).rstrip(".'’")


def _names_a_role(text: str, tokens: _Tokens, k: int, r: _Rules) -> bool:
    """Whether token ``k``, capitalised, is the first word of a role in lower case after it ("Business
    editor", "Environment correspondent", as bylines run them into a name): the role follows after
    one space, and is a byline's, or the text writes the word in lower case too (a common word, not
    a surname: "George W. Bush spokesman" keeps Bush)."""
    if k + 1 >= len(tokens.lows):
        return False
    e, low = tokens.ends[k], tokens.lows[k]
    ns, after = tokens.starts[k + 1], tokens.lows[k + 1]
    if text[e:ns] != " " or not text[ns].islower():
        return False
    if after in r.byline_roles:
        return True
    return after in r.roles and in_lower_case(low, text)


@cache
def _body_head_before() -> re.Pattern[str]:
    """A body's head and "for"/"of"/"on" ending a text ("The Office for ", "the Commission on "):
    people.yaml body_heads."""
    heads = word_alternation([str(w) for w in load_rules("people")["body_heads"]], ignore_case=True)
    return re.compile(rf"\b(?:{heads})[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?$")


def _after_body_head(text: str, pos: int) -> bool:
    """Whether the capitalised words at ``pos`` follow a body's head ("Office for Budget
    Responsibility", "Ministry of Foreign Affairs", "Commission on Presidential Debates") and so
    name the body."""
    before = text[max(0, pos - 30) : pos]
    m = _body_head_before().search(before)
    return m is not None and before[m.start()].isupper()


#: a name's next word right after a word (one space)
_NAME_GOES_ON = re.compile(r" (?=[^\W\d_])")


def _not_name(word: str, r: _Rules) -> bool:
    """Whether a word is one that starts or ends no name; those written in capitals only when they
    are ("UN", "US": "Kim Jong Un" ends with a name)."""
    low = word.lower()
    return low in r.not_names and (low not in r.capital_not_names or word.isupper())


#: an all-capitals word of two letters or more that no name ends with (not a numeral: "John Paul II")
#: letters in capitals that are no roman numeral ("Benedict XVI", "Henry VIII") nor a suffix ("JR")
_ACRONYM = re.compile(r"(?!(?=[XVI]+\b)X{0,3}(?:IX|IV|V?I{0,3})\b|(?:JR|SR)\b)[A-Z][A-Z&]+")


_OPENING_QUOTES = frozenset(('"', "“", "‘", "'", "`"))
_CLOSING_QUOTES = frozenset(('"', "”", "’", "'"))

#: an article right before a word, or before an acronym or a year before it ("the US Second Fleet",
#: "the 1989 Exxon Valdez spill", "A Deepwater Horizon rig worker has told the BBC"); a ship's prefix
#: ("the aircraft carrier , USS Carl Vinson")
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w.-])(?:(?:[Tt]he|[Aa]n?)[ \t]+(?:[A-Z]{2,}[ \t]+|\d{4}[ \t]+)?|(?:USS|HMS|RMS|MV)[ \t]+)$"
)


def _given_name_before(word: str, text: str) -> bool:
    """Whether ``text`` writes a given name right before ``word`` ("John Kerry"). (``str.find``: no
    pattern compiled for each word asked about, one pass over a long text.)"""
    given = _given_names()
    i = text.find(word)
    while i > 0:
        before = text[max(0, i - 30) : i]
        if before[-1:] in (" ", "\t"):
            words = before.split()
            if words and words[-1].lower() in given and words[-1][:1].isupper():
                return True
        i = text.find(word, i + 1)
    return False


def _names_no_one(title: re.Match[str], name: str, text: str, r: _Rules) -> bool:
    """Whether the one word after a title names no person: after a role in lower case ("the
    scientist Apart from …", "author of Consumer Boycotts"), in a place's name ("St. Louis"), as the
    last word of a body's name after a title with "of" ("Associate Director of World Vision", "the
    Chairman of the Caribbean Community"; unless the source gives it a first name: "Secretary of
    State Kerry" … "John Kerry"), or in quote marks, a nickname (“Miss Piggy”)."""
    phrase = title["title"]
    return (
        not _capital_title(phrase)
        or phrase.split()[-1].lower().rstrip(".") in r.place_honorifics
        or (" of " in phrase and not _given_name_before(name, text))
        or (
            text[title.start() - 1 : title.start()] in _OPENING_QUOTES
            and text[title.end() : title.end() + 1] in _CLOSING_QUOTES
        )
    )


#: a day of the month right before a word ("14 Jan")
_DAY_BEFORE = re.compile(r"(?<!\d)(?:[12]?\d|3[01])(?:st|nd|rd|th)?[ \t]+$")


@cache
def _month_words() -> frozenset[str]:
    """Month names and their abbreviations, lower case (rules/calendar.yaml), some of them given
    names too ("Jan", "May", "June")."""
    return frozenset(str(w) for w in load_rules("calendar")["months"])


@lru_cache(maxsize=1 << 16)
def _clean_name(raw: str) -> str | None:
    """Drop honorifics and non-name words at the edges; None when nothing name-like remains (cached:
    a corpus spells the same names again and again)."""
    r = rules()
    toks = raw.split()
    if len(toks) == 2 and toks[0].lower().rstrip(".") in r.place_honorifics:
        return None  # "St. Louis", "St. Petersburg": a place's name
    while toks and (
        toks[0].lower().rstrip(".") in r.honorifics
        or _not_name(toks[0], r)
        or toks[0].lower() in r.not_name_edges
        or toks[0].lower().rstrip(".") in r.leading_titles
        or (len(toks) >= 3 and _POSSESSIVE.search(toks[0]) is not None)  # "NBC’s Lester Holt"
    ):
        toks.pop(0)
    # "Anon Prof Ershaghi", "Washington Dr Jane Doe" (run-in captions): the name starts after an
    # honorific inside it
    inner = next(
        (i for i in range(len(toks) - 2, 0, -1) if toks[i].lower().rstrip(".") in r.inner_honorifics), 0
    )
    if inner:
        del toks[: inner + 1]
    # "Mr. Trump's RT appearance", "Hillary Clinton's Health Issues": a possessive ends the name
    cut = next((i for i, t in enumerate(toks[:-1]) if _POSSESSIVE.search(t)), None)
    if cut is not None:
        del toks[cut + 1 :]
    if len(toks) >= 3 and toks[0].lower() in r.title_qualifiers:
        # "Former President Bill Clinton": the qualifier, then one-word titles, while two words stay
        toks.pop(0)
        while len(toks) >= 3 and (toks[0].lower() in r.roles or toks[0].lower().rstrip(".") in r.honorifics):
            toks.pop(0)
    while toks and (_not_name(_bare(toks[-1]), r) or _bare(toks[-1]).lower() in r.not_name_edges):
        toks.pop()
    while len(toks) >= 2 and len(toks[-1].rstrip(".")) == 1:
        toks.pop()  # "said George W": a name does not end with an initial
    while len(toks) >= 3 and len(toks[0]) >= 3 and _ACRONYM.fullmatch(toks[0]) and not toks[1].isupper():
        toks.pop(0)  # "FRANK Frank Thorp": a word in capitals before a name (not initials: "JP Morgan")
    # an outlet or a body after a name, as bylines and captions run them in: "Andy Gallacher BBC",
    # "Bob Dudley BP", "Thad Allen US Coast Guard"
    cut = next(
        (i for i in range(2, len(toks)) if _ACRONYM.fullmatch(toks[i]) and not toks[i - 1].isupper()), None
    )
    if cut is not None:
        del toks[cut:]
    if len(toks) == 2 and _ACRONYM.fullmatch(toks[1]) and not toks[0].isupper():
        return None  # "Management BP", "Initially BP": one word and a company's letters name no one
    before = len(toks)
    while len(toks) >= 2 and toks[-1].lower().rstrip(".") in r.trailing_titles:
        toks.pop()  # "Tony Hayward Former BP chief", "said BP Chief Executive …": no part of a name
    if len(toks) == 1 < before:
        return None  # "Operations Officer", "Interior Secretary": one word and a title is no name
    if toks and _bare(toks[-1].lower()) in r.place_heads:
        return None  # "Prince William Sound", "Coast Guard Adm": a place's (or a body's) name
    if not toks or (len(toks) == 1 and toks[0].lower().rstrip(".") in r.roles):
        return None  # "former United Nations Deputy Secretary-General": a role, no name
    if len(toks[-1]) > 2:
        toks[-1] = toks[-1].rstrip(".'’")  # "Bernie Sanders." at a sentence's end, "Trump''" in quote marks
    name = " ".join(toks)
    name = _POSSESSIVE.sub("", name)
    if len(name) < 3 or not any(c.islower() for c in name):
        return None
    return name


@lru_cache(maxsize=1 << 12)
def _capital_title(title: str) -> bool:
    """Whether the title before a name holds a capitalised role or an honorific ("President",
    "Adm", "Ayatollah"): a role noun in lower case ("environmental scientist") describes whoever
    the next words name, and one capitalised word after it may well start the next sentence
    (cached: titles repeat)."""
    r = rules()
    for w in re.findall(r"[\w-]+", title):
        low = w.lower()
        if w[0].isupper() and (low in r.roles or low in r.honorifics or low in r.leading_titles):
            return True
    return False


def _name_span(name: str, raw: str, raw_start: int) -> tuple[int, int]:
    """Where ``name`` (``_clean_name`` of ``raw``, found at ``raw_start``) lies in the text: from its
    first word to the end of its last, whatever white space the text has between them ("Ali
    Khamenei" wrapped across a line, or with two spaces)."""
    pos = 0
    start = -1
    for word in name.split():
        i = raw.find(word, pos)
        if i < 0:  # not a cleaned form of raw: its first word and its own length
            first = raw.find(name.split()[0])
            return raw_start + first, raw_start + first + len(name)
        if start < 0:
            start = i
        pos = i + len(word)
    return raw_start + start, raw_start + pos


#: a role's complement that names something ("of State", "of the Islamic Revolution"), not "of a unit"
_OF_PROPER = re.compile(r"(?:the\s+)?[A-Z]")
#: "of" and the complement's first words right after a role mention
_OF_AFTER = re.compile(r"\s+of\s+((?:the\s+)?\S+)")
_PAST_HOLDER = re.compile(r"\b(?:late|former|then|ex)\b", re.I)
#: a qualifier of one who no longer holds the role ("then" is not: "the then president" held it then)
_NO_LONGER = re.compile(r"\b(?:late|former|ex)\b", re.I)
#: the same right before a title ("former President Bill Clinton", "ex-Governor")
_NO_LONGER_BEFORE = re.compile(r"\b(?:late|former|ex)[\s-]+$", re.I)
_NATIONALITY = re.compile(
    r"^[A-Z][a-z]+(?:an|ese|ish|i|ch)$|^(?:Parliament|Foreign|Prime|Vice|Supreme|Defen[cs]e|Interior|Deputy)$"
)


@cache
def _honorific_split(honorifics: frozenset[str]) -> re.Pattern[str]:
    return re.compile(
        r"\s+(?i:" + "|".join(sorted((re.escape(h) for h in honorifics), key=len, reverse=True)) + r")\b"
    )


@lru_cache(maxsize=1 << 14)
def _title_roles(title: str) -> tuple[str, ...]:
    """Role keys from the title before a name: "Leader of the Islamic Revolution Ayatollah Seyyed" ->
    "leader of the islamic revolution", "leader"; "Cuban President" -> "cuban president", "president"
    (cached: titles repeat)."""
    r = rules()
    keys: list[str] = []
    for m in r.role_phrase.finditer(title):
        phrase = m.group()
        if m["q"] and not _NATIONALITY.match(m["q"]) and m["q"].lower() not in r.roles:
            phrase = phrase[len(m["q"]) :].strip()
        phrase = _honorific_split(r.honorifics).split(phrase)[0]
        for k in _role_keys(phrase, r.roles, r.other_role_qualifiers):
            if k not in keys:
                keys.append(k)
    return tuple(keys)


def _role_key(phrase: str) -> str:
    words = fold(phrase).split()
    while words and words[0] in ("the", "his", "her", "their", "then", "late", "former", "new", "a", "an"):
        words.pop(0)
    return " ".join(words)


def _role_keys(phrase: str, roles: frozenset[str], other_qualifiers: frozenset[str]) -> list[str]:
    """Keys a role phrase can be looked up by, most specific first: "leader of the islamic
    revolution", then the roles it ends with ("cuban president" -> also "president"), unless a
    qualifier makes another role of them ("vice president" is no "president")."""
    key = _role_key(phrase)
    keys = [key] if key else []
    words = key.split()
    if " of " not in f" {key} " and len(words) > 1:
        for n in (2, 1):
            tail = " ".join(words[-n:])
            if tail in roles and tail not in keys and words[-n - 1] not in other_qualifiers:
                keys.append(tail)
    return keys


def _surname(name: str) -> str:
    """The folded family name of ``name``."""
    return fold(family_name(name))


@cache
def _name_suffixes() -> frozenset[str]:
    """Generational suffixes after a family name (people.yaml name_suffixes)."""
    return frozenset(str(w).lower() for w in load_rules("people")["name_suffixes"])


@cache
def _family_first() -> tuple[frozenset[str], frozenset[str]]:
    r = load_rules("people")
    return (
        frozenset(str(w).lower() for w in r["family_name_first"]),
        frozenset(str(w).lower() for w in r["family_name_first_if_hyphen"]),
    )


@lru_cache(maxsize=1 << 14)
def family_name(name: str) -> str:
    """The word a person is called by alone: the last of the name ("Díaz-Canel"), or the first
    where the family name is written first ("Xi Jinping" -> "Xi", "Kim Jong Un" -> "Kim"; people.yaml
    family_name_first)."""
    words = name.split()
    # "Joseph R. Biden Jr", "Charles Robin III": the family name comes before the suffix
    while len(words) > 2 and words[-1].lower().rstrip(".,") in _name_suffixes():
        words.pop()
    if not words:
        return ""
    if 2 <= len(words) <= 3:
        first = words[0].lower()
        always, hyphen = _family_first()
        if first in always or (first in hyphen and (len(words) == 3 or "-" in words[-1])):
            return words[0]
    return words[-1]


def _titled_within(spans: list[tuple[int, int]], starts: list[int], text: str, s: int, e: int) -> bool:
    """Whether the words ``text[s:e]`` are a titled name found already (sorted ``spans``, their
    ``starts``) with title words before it: "Judge Rowan Wilson" when "Rowan Wilson" was read with the
    title "Judge". Not "Hillary Clinton" around a "Clinton" read as titled: "Hillary" is no title."""
    k = bisect.bisect_left(starts, e) - 1
    if k < 0 or spans[k][1] <= s or spans[k][0] < s:
        return False
    role_words = _triggers()[0]
    return all(w in role_words for w in re.findall(r"[a-z]+", text[s : spans[k][0]].lower()))


#: the word right after a name (_next_word)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _next_word(text: str, pos: int) -> str:
    """The word right after ``pos`` across spaces, lower case ("" when none)."""
    m = _NEXT_WORD.match(text, pos)
    return m[1].lower() if m else ""


def find_mentions(
    source: Source,
    sentences: list[tuple[int, int]],
    config: Config,
    quote_ranges: list[tuple[int, int]] | None = None,
) -> list[PersonMention]:
    """The people a source names or refers to. ``quote_ranges`` are its quotations
    (``quotes.quote_spans``), when the caller has them already."""
    from .quotes import quote_spans

    r = rules()
    text = source.text
    start_at = source.body_start
    found: list[PersonMention] = []
    roles_of: dict[str, set[str]] = defaultdict(set)
    #: name -> role nouns as written before/after it ("Leader", "leader"): capitalisation tells "the
    #: Leader" (a title) from "the leader of Cuba"
    heads_of: dict[str, set[str]] = defaultdict(set)

    def learn_heads(name: str, phrase: str) -> None:
        for w in re.findall(r"[\w-]+", phrase):
            if w.lower() in r.roles:
                heads_of[name].add(w)

    # configured people: their names and aliases are names wherever they appear
    for p in config.people:
        roles_of[p.name].update(k for t in p.titles for k in _role_keys(t, r.roles, r.other_role_qualifiers))
        for alias in p.aliases:
            if alias.lower().startswith(("the ", "leader", "supreme")) or " of " in alias:
                roles_of[p.name].update(_role_keys(alias, r.roles, r.other_role_qualifiers))

    #: the names titled as no longer holding their role ("former President Bill Clinton"): "the former
    #: president" is one of them, never whoever the story titles "President"
    past_holders: set[str] = set()
    headlines: dict[int, bool] = {}

    def headline(pos: int) -> bool:
        """A title-case line ("Leader ... Urges Formation of Global Alliance") is no place to find names."""
        ls = text.rfind("\n", 0, pos) + 1
        if ls not in headlines:
            headlines[ls] = _headline_at(ls)
        return headlines[ls]

    def _headline_at(ls: int) -> bool:
        le = text.find("\n", ls)
        line = text[ls : le if le != -1 else len(text)]
        words = _LATIN_WORD.findall(line)
        if len(words) < 5:
            return False
        # capitalised words, and the small words title case leaves in lower case; a line that ends
        # with a period is a sentence unless all its words are ("Sir Keir Starmer met President
        # Emmanuel Macron in Paris on Friday." names people; "… Refusal to Say 'Islamic Terrorism.'"
        # is a headline)
        caps = sum(map(str.isupper, map(operator.itemgetter(0), words))) + sum(
            map(_TITLE_SMALL_WORDS.__contains__, words)
        )
        sentence = line.rstrip(" \t\r*_\"”’'").endswith(".")
        return caps >= (0.95 if sentence else 0.85) * len(words)

    # the words, and their lower-case forms: the passes below visit only the tokens they look for
    tokens = _tokenize(text, start_at)
    starts, ends, lows = tokens.starts, tokens.ends, tokens.lows
    n_tokens = len(lows)
    at_role, at_verb, at_given, at_det = _static_positions(lows)
    n = len(text)
    verb_win = _windows(tokens, at_verb, 90, 60, n)

    # 1. titled names, appositions, "X said"
    titled = _match_at(r.titled, text, starts, at_role, start_at, 2)
    # "The Prime Minister, Keir Starmer, said": a title and a full name in apposition after it
    titled_at = [m.start() for m in titled]
    for m in _match_at(r.titled_apposition, text, starts, at_role, start_at, 2):
        k = bisect.bisect_right(titled_at, m.start()) - 1
        if (k < 0 or titled[k].end() <= m.start()) and (
            k + 1 >= len(titled) or titled[k + 1].start() >= m.end()
        ):
            titled.append(m)
    titled.sort(key=lambda m: m.start())
    for m in titled:
        name = _clean_name(m["name"])
        if not name or headline(m.start("name")):
            continue
        if m["name"].split()[0].lower() in r.not_names:
            continue  # "Major League Baseball": the title's words run into a body's name
        if " " not in name and _names_no_one(m, name, text, r):
            continue
        roles = _title_roles(" ".join(m["title"].split()))
        learn_heads(name, m["title"])
        s, e = _name_span(name, m["name"], m.start("name"))
        found.append(
            PersonMention(start=s, end=e, text=text[s:e], kind="name", name=name, roles=sorted(set(roles)))
        )
        roles_of[name].update(roles)
        if _NO_LONGER.search(m["title"]) or _NO_LONGER_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            past_holders.add(name)
    comma_win = [
        (max(0, m.start() - 80), min(n, m.end() + 100)) for m in re.finditer(r",\s+the\s", text, re.I)
    ]
    for m in _finditer(r.apposition, text, comma_win, start_at):
        name = _clean_name(m["name"])
        if not name or len(name.split()) < 2:
            continue
        s, e = _name_span(name, m["name"], m.start("name"))
        keys = _role_keys(m["role"], r.roles, r.other_role_qualifiers)
        if not _PAST_HOLDER.search(m["role"]):
            # "Fidel Castro, the late leader of Cuba" does not make him "the leader" of the story
            learn_heads(name, m["role"])
        found.append(PersonMention(start=s, end=e, text=text[s:e], kind="name", name=name, roles=keys))
        roles_of[name].update(keys)
        if _NO_LONGER.search(m["role"]):
            past_holders.add(name)
    # "Quina Jones, 25, said", "Tim Hess, a real estate developer, …": a name with an age or a
    # description in apposition is a person's
    described_win = [
        (max(0, c.start() - 120), min(n, c.end() + 300)) for c in _DESCRIBED_CUE.finditer(text, start_at)
    ]
    for m in _finditer(_described(), text, described_win, start_at):
        name = _clean_name(m["name"])
        if not _full_name(name, r):
            continue
        s, e = _name_span(name, m["name"], m.start("name"))
        found.append(PersonMention(start=s, end=e, text=text[s:e], kind="name", name=name))
        roles_of.setdefault(name, set())
    # a titled name is read with its title: "Chief Judge Rowan Wilson said" is Rowan Wilson, a judge,
    # not "Judge Rowan Wilson" ("Judge" may begin a name, so "X said" alone would keep it)
    titled_spans = sorted((mt.start, mt.end) for mt in found)
    titled_starts = [a for a, _ in titled_spans]
    said = _finditer_either(r.said, text, verb_win, start_at)
    said += _finditer(r.apposed_said, text, verb_win, start_at)
    for m in said:
        raw = m["name"]
        name = _clean_name(raw)
        if not _full_name(name, r):
            continue
        s, e = _name_span(name, raw, m.start("name"))
        if _titled_within(titled_spans, titled_starts, text, s, e):
            continue  # the titled reading of these words stands
        found.append(PersonMention(start=s, end=e, text=text[s:e], kind="name", name=name))
        roles_of.setdefault(name, set())

    # a single capitalised word that reports ("Trump said") is a surname when the source also spells it
    # out with a first name ("Donald Trump")
    solos: set[str] = set()
    for m in _finditer_either(r.solo, text, verb_win, start_at):
        tok = m["name"]
        if tok and tok.lower() not in r.not_names and len(tok) >= 3 and not tok.endswith("s"):
            solos.add(tok)
    if solos:
        # "Donald Trump": one or two capitalised words right before the reporting word's surname
        done: set[str] = set()
        at_solos = _positions(lows, {t.lower().rstrip(".") for t in solos})
        # the surnames the source writes somewhere right after a given name ("Barack Obama"): a word
        # that is none before them elsewhere is no part of the name ("Washington Obama", a caption
        # run into the text)
        given = _given_names()
        given_before = {
            text[starts[i] : ends[i]]
            for i in at_solos
            if i and lows[i - 1] in given and text[ends[i - 1] : starts[i]] == " "
        }
        for i in at_solos:
            s0, e0 = starts[i], ends[i]
            tok = text[s0:e0]
            if tok not in solos or tok in done or i == 0:
                continue
            first = i
            while (
                first > max(0, i - 2)
                and text[starts[first - 1]].isupper()
                and text[ends[first - 1] : starts[first]] == " "
                # "said Lula. Donald Trump met him": a sentence's end (not an initial: "George W. Bush")
                and not (text[ends[first - 1] - 1] == "." and ends[first - 1] - starts[first - 1] > 2)
                # "Hold Melania Trump to her husband's standards" (a headline): a word the source also
                # writes in lower case is a common word, unless it is a given name ("Will Smith")
                and (
                    lows[first - 1] in _given_names()
                    or not in_lower_case(text[starts[first - 1] : ends[first - 1]], text)
                )
                # "Meet Chris Caddell", "Guardian John Vidal" (run-in captions): only a given name
                # goes before a given name
                and not (first < i and lows[first] in given and lows[first - 1] not in given)
                and not (tok in given_before and lows[first - 1] not in given)
                # "Expecting Obama to know what to do is …": a verb in -ing opening the sentence
                and not (lows[first - 1].endswith("ing") and lows[first - 1] not in given)
            ):
                first -= 1
            if first == i:
                continue
            # "Luiz Inácio Lula da Silva": where the name goes on after the word, it ends further on
            last = i
            while (
                last + 1 < min(n_tokens, i + 4)
                and _NAME_GOES_ON.match(text, ends[last])
                and starts[last + 1] == ends[last] + 1
                and text[ends[last] - 1] not in ".,;:"
                and (
                    (lows[last + 1] in r.particles and last + 2 < n_tokens)
                    or (
                        text[starts[last + 1]].isupper()
                        and not _not_name(text[starts[last + 1] : ends[last + 1]], r)
                    )
                )
            ):
                last += 1
            while last > i and lows[last] in r.particles:
                last -= 1
            raw = text[starts[first] : ends[last]]
            name = _clean_name(raw)
            if last > i and (
                name is None or not _full_name(name, r) or not name.endswith(text[starts[last] : ends[last]])
            ):
                # the words after are no part of the name ("Prince William Sound" is a place): as before
                raw = text[starts[first] : e0]
                name = _clean_name(raw)
            else:
                e0 = ends[last]
            if _titled_within(titled_spans, titled_starts, text, starts[first], e0):
                continue  # "Federal Judge Rowan Wilson ruled": the titled reading stands
            if _full_name(name, r) and not headline(starts[first]):
                s1, e1 = _name_span(name, raw, starts[first])
                found.append(PersonMention(start=s1, end=e1, text=text[s1:e1], kind="name", name=name))
                roles_of.setdefault(name, set())
                done.add(tok)

    # a given name and one to three capitalised words: "Howard Dean", "Lawrence B. Cummings"
    taken = sorted((m.start, m.end) for m in found)
    taken_starts = [t[0] for t in taken]
    next_i = 0
    for i in at_given:
        if i < next_i:
            continue
        s0, e0 = starts[i], ends[i]
        if not text[s0].isupper() or text[s0:e0].isupper():
            continue
        if lows[i] in _month_words() and _DAY_BEFORE.search(text, max(0, s0 - 6), s0):
            continue  # "14 Jan Live coverage", "on 1 May Labour won": a month, no given name
        if i and lows[i - 1] in r.place_honorifics and text[ends[i - 1] : s0] == " ":
            continue  # "the San Francisco Chronicle", "Santa Maria": a place's name
        j = i
        while j + 1 < n_tokens and j - i < 3:
            word = text[starts[j] : ends[j]]
            if word.endswith(".") and len(word) > 2:
                break  # "Donald J. Trump. Many …": the sentence ends (an initial does not end it)
            # "Erik ten Hag", "Ursula von der Leyen": particles, then the name's next capitalised word
            p = j + 1
            while p < n_tokens and p - j <= 2 and lows[p] in r.particles and text[starts[p]].islower():
                p += 1
            if p > j + 1 and (p >= n_tokens or not text[starts[p]].isupper()):
                p = j + 1  # no capitalised word after at most two particles: they are no name's
            if p > j + 1 and any(text[ends[q] : starts[q + 1]] != " " for q in range(j, p)):
                p = j + 1
            ns, ne = starts[p], ends[p]
            gap = text[ends[p - 1] : ns]
            following = text[ns:ne]
            if (
                gap.strip(" \t\xa0")
                or not gap
                or not (following[0].isupper() or _ARTICLE_WORD.match(following))
                or _not_name(following.rstrip("."), r)
            ):
                break
            if "." in following.rstrip(".'’"):
                break  # "Clinton's N.Y.U. speech": an abbreviation, no name
            if j > i and _names_a_role(text, tokens, p, r):
                break  # "Robert Peston Business editor": "Business" is the role's
            j = p
        while j > i and len(text[starts[j] : ends[j]].rstrip(".")) <= 1:
            j -= 1  # a name does not end with an initial
        if j == i:
            continue
        if (
            j + 1 < n_tokens
            and text[ends[j] : starts[j + 1]] == " "
            and text[starts[j + 1]].isupper()
            and _bare(lows[j + 1]) in r.place_heads
        ):
            # "the George W. Bush Presidential Center", "Prince William Sound Science Center": the
            # words name a place or a body, whose head lies past the name's longest reach
            next_i = j + 2
            continue
        raw = text[s0 : ends[j]].rstrip(".'’-")
        name = _clean_name(raw)
        k = bisect.bisect_right(taken_starts, s0) - 1
        overlapping = (k >= 0 and taken[k][1] > s0) or (k + 1 < len(taken) and taken[k + 1][0] < ends[j])
        if name and len(name.split()) >= 2 and not overlapping and not headline(s0):
            st, en = _name_span(name, raw, s0)
            found.append(PersonMention(start=st, end=en, text=text[st:en], kind="name", name=name))
            roles_of.setdefault(name, set())
        next_i = j + 1

    # a name run into the word after it ("… End Quote Thad Allen Letter to BP", a caption): when the
    # source also names the person without that last word, and writes that word in lower case
    # elsewhere (a common word, not "Schellnhuber"), the mention is that name
    named = {mt.name for mt in found if mt.name}
    shorter = {
        n: cut
        for n in named
        if len(words := n.split()) >= 3
        and (cut := " ".join(words[:-1])) in named
        and in_lower_case(words[-1], text)
    }
    if shorter:
        for mt in found:
            cut = shorter.get(mt.name or "")
            if cut is not None:
                s, e = _name_span(cut, mt.text, mt.start)
                mt.start, mt.end, mt.text, mt.name = s, e, text[s:e], cut
        for long, cut in shorter.items():
            roles_of[cut].update(roles_of.pop(long, set()))
            heads_of[cut].update(heads_of.pop(long, set()))

    # "The Office for Budget Responsibility said": the words after a body's head and "for" name it;
    # "as The Daily Beast called them", "the Charlotte Panthers": a name right after an article is
    # a title's, a team's or a body's (a person's has a title between: "the Rev. Al Sharpton")
    bodies = {
        id(mt)
        for mt in found
        if mt.kind == "name"
        and (
            _after_body_head(text, mt.start) or _ARTICLE_BEFORE.search(text, max(0, mt.start - 12), mt.start)
        )
    }
    if bodies:
        dropped = {mt.name for mt in found if id(mt) in bodies}
        found = [mt for mt in found if id(mt) not in bodies]
        for name in dropped - {mt.name for mt in found}:
            roles_of.pop(name or "", None)
            heads_of.pop(name or "", None)

    # the fullest form of each surname in this source (config names first)
    full_by_surname: dict[str, str] = {}
    for p in config.people:
        full_by_surname.setdefault(_surname(p.name), p.name)
    for name in sorted(roles_of, key=lambda n: (-len(n.split()), n)):
        full_by_surname.setdefault(_surname(name), name)
    alias_to_name: dict[str, str] = {}
    for p in config.people:
        for a in [p.name, *p.aliases]:
            if a and a[0].isupper() and not a.lower().startswith("the "):
                alias_to_name[fold(a)] = p.name

    canonical_of: dict[str, str] = {}  # the tables above are final: each name is worked out once

    def canonical(name: str) -> str:
        known = canonical_of.get(name)
        if known is not None:
            return known
        f = fold(name)
        if f in alias_to_name:
            out = alias_to_name[f]
        else:
            full = full_by_surname.get(_surname(name))
            if full and set(f.split()) <= set(fold(full).split()) | {""}:
                out = full
            else:
                out = full if full and len(name.split()) == 1 else name
        canonical_of[name] = out
        return out

    genders = _genders()
    #: surname -> (start, full name) of each full name the source gives (in text order as found)
    fulls: dict[str, list[tuple[int, str]]] = defaultdict(list)
    listed: set[tuple[int, str]] = set()
    for mt in sorted(found, key=lambda x: x.start):
        if mt.name and len(mt.name.split()) >= 2 and (mt.start, mt.name) not in listed:
            listed.add((mt.start, mt.name))  # once: two patterns may find it
            fulls[_surname(mt.name)].append((mt.start, mt.name))

    people_of: dict[str, dict[str, str]] = {}  # surname -> full name -> the person it names
    #: surname (and the gender of an honorific before it, or "", and the title) -> whom it names: the
    #: same for every bare mention of it, worked out once (a long story repeats a surname hundreds of
    #: times)
    chosen: dict[tuple[str, ...], str | None] = {}

    def honorific_gender(pos: int) -> str:
        """The gender of the honorific right before ``pos`` ("Mrs Clinton": "f"), else ""."""
        before = text[max(0, pos - 8) : pos].lower().split()
        title = before[-1].rstrip(".") if before else ""
        return genders[title] if title in r.honorifics and title in genders else ""

    def by_context(name: str, pos: int, roles: Sequence[str] = ()) -> str | None:
        """A bare surname that several people of the source share ("Clinton": Bill and Hillary): the
        one a gendered honorific right before it fits ("Mrs Clinton"), else the only one the source
        gives the mention's title (``roles``: "President Obama" is "President Barack Obama", not
        "First Lady Michelle Obama"), else the one the source names in full most often, then first.
        None when the surname is not shared."""
        if len(name.split()) != 1 or fold(name) in alias_to_name:
            return None
        surname = _surname(name)
        options = fulls.get(surname)
        if not options:
            return None
        person_of = people_of.get(surname)
        if person_of is None:
            # the people behind the forms: a form whose words another's include is the same person
            # ("Jessica Ditto", "Spokeswoman Jessica Ditto"); "Bill Clinton" and "Hillary Clinton"
            # are two (once per surname)
            person_of = people_of[surname] = {}
            for form in sorted({n for _, n in options}, key=lambda n: (-len(n.split()), n)):
                words = set(fold(form).split())
                person_of[form] = next((p for p in person_of.values() if words <= set(fold(p).split())), form)
        if len(set(person_of.values())) < 2:
            return None
        gender = honorific_gender(pos)
        key = (surname, gender, *roles)
        if key in chosen:
            return chosen[key]
        if gender:
            fit = {person_of[n] for _, n in options if genders.get(n.split()[0].lower()) == gender}
            if len(fit) == 1:
                chosen[key] = canonical(fit.pop())
                return chosen[key]
        if roles:
            fit = {person_of[n] for _, n in options if not roles_of.get(n, set()).isdisjoint(roles)}
            if len(fit) == 1:
                chosen[key] = canonical(fit.pop())
                return chosen[key]
        # else the one the source names in full most often, then first: the story's subject
        named = Counter(person_of[n] for _, n in options)
        first = {}
        for start, n in options:
            first.setdefault(person_of[n], start)
        chosen[key] = canonical(min(named, key=lambda p: (-named[p], first[p])))
        return chosen[key]

    for mt in found:
        mt.name = canonical(mt.name or mt.text)

    # 2. later bare occurrences of known names and surnames
    keys: dict[str, str] = {}
    for name in list(roles_of) + [p.name for p in config.people] + list(alias_to_name):
        if not name:
            continue
        surname = family_name(name)
        if (len(surname) >= 3 or surname != name.split()[-1]) and surname.lower() not in r.not_names:
            keys[surname] = canonical(name)
        # "Ursula von der Leyen" … "von der Leyen said", "Von der Leyen said" at a sentence's start
        words = name.split()
        k = len(words) - 1
        while k > 1 and words[k - 1].islower() and words[k - 1] in r.particles:
            k -= 1
        if k < len(words) - 1:
            with_particles = " ".join(words[k:])
            keys[with_particles] = keys[with_particles[0].upper() + with_particles[1:]] = canonical(name)
    # a word before the last of a name of three words or more that is no given name: the name news
    # calls the person by where the family name does not come last ("Tedros Adhanom Ghebreyesus" …
    # "Tedros said", "Luiz Inácio Lula da Silva" … "Lula said")
    first_words: dict[str, set[str]] = defaultdict(set)
    for name in list(roles_of) + [p.name for p in config.people]:
        words = name.split() if name else []
        if len(words) < 3:
            continue
        for w in words[:-1]:
            low = w.lower()
            if (
                len(w) >= 4
                and low not in r.not_names
                and low not in _given_names()
                and low not in r.particles
                and w not in keys
            ):
                first_words[w].add(canonical(name))
    for word, names in first_words.items():
        if len(names) == 1:
            keys[word] = next(iter(names))
    for p in config.people:
        for a in p.aliases:
            if a and a[0].isupper() and not a.lower().startswith("the ") and " of " not in a:
                keys[a] = p.name
    for name in roles_of:
        keys[name] = canonical(name)
    if keys:
        # one pass over the words: the longest known name (up to four words) starting at each word
        max_words = max(len(k.split()) for k in keys)
        firsts = {k.split()[0] for k in keys}
        firsts |= {f + "." for f in firsts} | {f + s for f in firsts for s in ("'s", "’s")}
        taken = sorted((m.start, m.end) for m in found)
        taken_at = [t[0] for t in taken]
        next_i = 0
        for i in _positions(lows, {f.lower().rstrip(".") for f in firsts}):
            if i < next_i:
                continue
            s0, e0 = starts[i], ends[i]
            if text[s0:e0] not in firsts:
                continue
            hit = None
            for k in range(min(max_words, n_tokens - i), 0, -1):
                e = ends[i + k - 1]
                cand = text[s0:e]
                if cand.endswith(("'s", "’s")) and cand[:-2] in keys:
                    cand = cand[:-2]
                cand = cand.rstrip(".")
                if cand in keys and (k == 1 or " ".join(cand.split()) == cand):
                    hit = (cand, k)
                    break
            if hit is None:
                continue
            cand, k = hit
            e = s0 + len(cand)
            j = bisect.bisect_right(taken_at, s0) - 1
            overlaps = (j >= 0 and taken[j][1] > s0) or (
                (jj := bisect.bisect_left(taken_at, s0)) < len(taken_at) and taken_at[jj] < e
            )
            if not overlaps:
                found.append(PersonMention(start=s0, end=e, text=cand, kind="name", name=keys[cand]))
                if len(cand.split()) >= 2:
                    fulls[_surname(cand)].append((s0, keys[cand]))
            next_i = i + k

    # a surname alone, when the source names two people by it, is the one its context points to
    for mt in found:
        if mt.kind == "name" and len(mt.text.split()) == 1:
            roles = mt.roles or r.roles_by_next_word.get(_next_word(text, mt.end), ())
            mt.name = by_context(mt.text, mt.start, roles) or mt.name
            # "Michelle Obama spoke. Mr. Obama said …": an honorific of the other gender than the
            # full name's given name calls someone else by that surname (the corpus may name him)
            want = honorific_gender(mt.start) if mt.name and " " in mt.name else ""
            if want and genders.get(mt.name.split()[0].lower(), want) != want:  # type: ignore[union-attr]
                mt.name = _bare(mt.text)

    # 3. role phrases ("the Leader", "the Cuban president") resolved to the person in context
    role_index: dict[str, list[str]] = defaultdict(list)
    head_index: dict[str, list[str]] = defaultdict(list)
    # a configured person the source does not name is found by their titles as configured only ("the
    # Cuban president"): "the president" of a story on Haiti is not Miguel Díaz-Canel, "President
    # of Cuba" by configuration
    named = {mt.name for mt in found if mt.name}
    as_configured = {
        p.name: {_role_key(t) for t in [*p.titles, *p.aliases]} for p in config.people if p.name not in named
    }
    for name, ks in roles_of.items():
        only = as_configured.get(name)
        for k in ks:
            if only is None or k in only:
                role_index[k].append(canonical(name))
        for h in heads_of.get(name, ()):
            head_index[h].append(canonical(name))
    for p in config.people:
        for t in [*p.titles, *p.aliases]:
            words = re.findall(r"[\w-]+", t)
            if p.name in as_configured and len(words) > 1:
                continue
            for w in words:
                if w.lower() in r.roles:
                    head_index[w].append(p.name)
    past = {canonical(n) for n in past_holders}  # (the tables above are final)
    name_spans = sorted((m.start, m.end) for m in found)
    name_counts = Counter(m.name for m in found if m.name)
    name_starts = [s for s, _ in name_spans]
    # a role mention's role word is one to three words after the determiner ("the Cuban president"):
    # only determiners with a word that begins like a role that close are tried
    prefixes, size = _role_prefixes()
    dets: list[int] = []
    for i in at_det:
        for j in (i + 1, i + 2, i + 3):
            if j < n_tokens and lows[j][:size] in prefixes:
                dets.append(i)
                break
    for m in _match_at(r.role_mention, text, starts, dets, start_at, 0):
        # "the Cuban President Miguel Díaz-Canel" is a titled name, not a role mention
        after = text[m.end() : m.end() + 2]
        i = bisect.bisect_left(name_starts, m.end())
        if i < len(name_starts) and name_starts[i] - m.end() <= 1 and after[:1] == " ":
            continue
        if m["role"][0].isupper() and after[:1] == " " and after[1:2].isupper():
            continue  # "the Premier League", "the President Hotel": a capitalised role in a name
        j = bisect.bisect_right(name_starts, m.start()) - 1
        if j >= 0 and name_spans[j][1] > m.start():
            continue
        phrase = m.group()[len(m["det"]) :].strip()
        person = None
        if j >= 0 and re.fullmatch(r"\s*,\s*", text[name_spans[j][1] : m.start()]):
            # an apposition: "Fidel Castro, the then president of the country"
            prev = next((x for x in found if x.start == name_spans[j][0]), None)
            if prev is not None and prev.kind == "name":
                found.append(
                    PersonMention(start=m.start(), end=m.end(), text=m.group(), kind="title", name=prev.name)
                )
                continue
        key = _role_key(phrase)
        cands = role_index.get(key) if len(key.split()) > 1 else None
        complement = phrase.partition(" of ")[2] or _OF_AFTER.match(text, m.end())
        if complement and not isinstance(complement, str):
            complement = complement[1]
        if not cands and not (m["role"].islower() and complement and not _OF_PROPER.match(complement)):
            # the role noun as written: "the Leader" is whoever the text calls Leader, capitalised;
            # "the leader" in lower case may stand for whoever the text titles "Leader", and "the
            # former secretary of State" for its "Secretary"; not "the leader of a US rescue unit",
            # whose complement makes it someone else's role
            cands = head_index.get(m["role"]) or (
                role_index.get(m["role"].lower()) if " of " not in phrase else None
            )
            if m["role"].islower():
                cands = (cands or []) + head_index.get(m["role"].capitalize(), [])
        if cands and as_configured:
            # one configured but not named here is found by a title as configured only: "the DUP
            # leader", "the leader of Sinn Fein" are no "Leader" by configuration
            cands = [c for c in cands if c not in as_configured or key in as_configured[c]]
        if _NO_LONGER.search(m["q"]):
            # "the former president": one the story titles so ("former President Bill Clinton"), not
            # the sitting one; "the late leader" may be "Fidel Castro, the late leader of Cuba"
            role = m["role"].lower()
            cands = [c for c in cands or () if c in past] or [
                canonical(n)
                for n in sorted(past_holders)
                if any(f" {role} " in f" {k.partition(' of ')[0]} " for k in roles_of.get(n, ()))
            ]
        elif cands and past:
            cands = [c for c in cands if c not in past] or cands  # "the president" is the sitting one
        if cands:
            votes = Counter(cands)
            # several people hold the role: the one the source names most often (the story's subject)
            person = max(votes, key=lambda n: (votes[n], name_counts.get(n, 0), n))
            top = votes[person]
            tied = [n for n in votes if votes[n] == top]
            if len(tied) > 1:
                person = max(tied, key=lambda n: (name_counts.get(n, 0), n))
        found.append(PersonMention(start=m.start(), end=m.end(), text=m.group(), kind="title", name=person))

    found.sort(key=lambda x: (x.start, -x.end))
    # drop nested duplicates
    dedup: list[PersonMention] = []
    for mt in found:
        if dedup and mt.start < dedup[-1].end:
            continue
        dedup.append(mt)

    # 4. pronouns: the salient subject (the first person named outside quotes in the sentence, else
    # in the sentences before), never simply the nearest name
    quotes = quote_ranges if quote_ranges is not None else quote_spans(text, start_at)
    q_starts = [q[0] for q in quotes]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(q_starts, pos) - 1
        return i >= 0 and quotes[i][0] <= pos < quotes[i][1]

    sent_starts = [s for s, _ in sentences]
    subjects: dict[int, list[PersonMention]] = defaultdict(list)
    fallback: dict[int, list[PersonMention]] = defaultdict(list)
    genders = _genders()

    def is_object(mt: PersonMention) -> bool:
        return _object_marker_before(text, mt.start)

    def gender(mt: PersonMention) -> str | None:
        if mt.kind == "pronoun":
            return "f" if mt.text.lower() == "she" else "m"
        before = text[max(0, mt.start - 6) : mt.start].lower().split()
        if before and before[-1].rstrip(".") in genders:
            return genders[before[-1].rstrip(".")]  # "Mrs. Clinton"
        return genders.get((mt.name or mt.text).split()[0].lower())

    def fits(mt: PersonMention, want: str) -> bool:
        g = gender(mt)
        return g is None or g == want

    # sentences whose speaker the story does not name ("The prime minister's spokesperson said"): a
    # pronoun after one is that unnamed speaker's, not the last named person's
    unnamed: set[int] = set()
    for m in _unnamed_speaker().finditer(text, start_at):
        if not in_quote(m.start()):
            unnamed.add(bisect.bisect_right(sent_starts, m.start()) - 1)
    events: list[tuple[int, int, PersonMention | None]] = [(mt.start, 0, mt) for mt in dedup]
    events += [(m.start(), 1, None) for m in r.pronoun.finditer(text, start_at)]
    events.sort(key=lambda e: (e[0], e[1]))
    pronouns: list[PersonMention] = []
    for pos, kind, mt in events:
        si = bisect.bisect_right(sent_starts, pos) - 1
        if kind == 0:
            assert mt is not None
            if mt.name is None or in_quote(mt.start):
                continue
            fallback[si].append(mt)
            if not is_object(mt):
                subjects[si].append(mt)
            continue
        if in_quote(pos):
            continue
        m = r.pronoun.match(text, pos)
        assert m is not None
        want = "f" if m.group().lower() == "she" else "m"
        # the sentence's subject, else the subjects (then anyone) of the three sentences before; a
        # name the text would not call "she" (or "he") is skipped
        subject = next((c for c in subjects.get(si, ()) if fits(c, want)), None)
        k = si - 1 if si not in unnamed else -1
        while subject is None and k >= max(0, si - 3):
            subject = next((c for c in subjects.get(k, ()) if fits(c, want)), None)
            if subject is None and k in unnamed:
                break  # the unnamed speaker of that sentence
            subject = subject or next((c for c in fallback.get(k, ()) if fits(c, want)), None)
            k -= 1
        pm = PersonMention(
            start=m.start(),
            end=m.end(),
            text=m.group(),
            kind="pronoun",
            name=subject.name if subject else None,
        )
        pronouns.append(pm)
        if pm.name is not None:
            subjects[si].append(pm)
    return sorted(dedup + pronouns, key=lambda x: x.start)


# --------------------------------------------------------------------------------- across sources


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _join_bare_names(names: list[str], folded: dict[str, str], counts: Counter[str], uf: _UnionFind) -> None:
    """Each bare name (one word: "Trump") of ``names`` joins the commonest full name among them, and
    only that one: a bare name never chains two people ("Ivanka Trump", "Donald Trump")."""
    fulls = [n for n in names if len(folded[n].split()) > 1]
    if fulls:
        best = max(fulls, key=lambda n: (counts[n], n))
        for bare in (n for n in names if len(folded[n].split()) <= 1):
            uf.union(bare, best)


def _has_accents(s: str) -> bool:
    return any(ord(c) > 127 for c in s)


#: how many times more often the corpus spells a person's name out than a longer form of it that
#: only one source writes, for that form to be their name run into the words after it
RUN_IN_RATIO = 2


def _cut_run_in_names(docs: list[SourceAnnotations]) -> None:
    """A name run into the words after it, as captions and signatures are in extracted pages ("Thad
    Allen Retired", "Evgeny Solovyov Oil", "Simon Boxall Southampton"): a form of three words or more
    that one source writes, whose first words are a name other sources write, RUN_IN_RATIO times as
    often, is that name (in place, in mentions and quotes). "Martin Luther King", written by several
    sources, stays."""
    counts: Counter[str] = Counter()  # mentions that spell a name out (not "Boxall" for it)
    sources: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            if m.name and " " in m.text.strip():
                counts[m.name] += 1
                sources[m.name].add(d.source.id)
    cut: dict[str, str] = {}
    for name in counts:
        words = name.split()
        if len(words) < 3 or len(sources[name]) != 1:
            continue
        for k in range(len(words) - 1, 1, -1):
            prefix = " ".join(words[:k])
            if len(sources.get(prefix, ())) >= 2 and counts[prefix] >= RUN_IN_RATIO * counts[name]:
                cut[name] = prefix
                break
    if not cut:
        return
    for d in docs:
        for m in d.mentions:
            if m.name in cut:
                m.name = cut[m.name]
        for q in d.quotes:
            if q.speaker in cut:
                q.speaker = cut[q.speaker]


def resolve_people(docs: list[SourceAnnotations], config: Config) -> list[Person]:
    """Cluster the names of all sources into people, give them stable ids and fill
    ``PersonMention.person_id`` and ``Quote.speaker_id`` in place. Near-linear: names are compared only
    within blocks of similar surnames."""
    r = rules()
    uf = _UnionFind()
    _cut_run_in_names(docs)
    counts: Counter[str] = Counter()
    for d in docs:
        for m in d.mentions:
            if (m.name and m.kind == "name") or (m.name and m.kind != "name"):
                counts[m.name] += 1
    config_key: dict[str, int] = {}
    for i, p in enumerate(config.people):
        key = f"\x00config{i}"
        uf.find(key)
        for a in [p.name, *p.aliases]:
            config_key[fold(a)] = i
    names = sorted(counts)
    folded = {n: fold(n) for n in names}
    # config aliases
    for n in names:
        i = config_key.get(folded[n])
        if i is not None:
            uf.union(n, f"\x00config{i}")
    # block by surname: exact folded surname first
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_surname[_surname(n)].append(n)
    for i, p in enumerate(config.people):
        by_surname[_surname(p.name)].append(f"\x00config{i}")
    for _sur, group in by_surname.items():
        fulls = [n for n in group if not n.startswith("\x00")]
        # names of one surname: compatible first names join; a bare surname ("Trump") joins only the
        # commonest of them, so it never chains "Ivanka Trump" to "Donald Trump"
        longer = [n for n in fulls if len(folded[n].split()) > 1]
        for a in longer:
            for b in longer:
                if a < b and _compatible(folded[a], folded[b]):
                    uf.union(a, b)
        _join_bare_names(fulls, folded, counts, uf)
        cfg = [n for n in group if n.startswith("\x00")]
        if len(cfg) == 1:
            for n in fulls:
                uf.union(n, cfg[0])
    # transliterations: surnames that differ slightly (Raisi/Raeisi), compared within first-letter blocks
    surnames = sorted(s for s in by_surname if len(s) >= 4)
    blocks: dict[str, list[str]] = defaultdict(list)
    for s in surnames:
        blocks[s[0]].append(s)
    for block in blocks.values():
        block.sort(key=len)
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if len(b) - len(a) > 2:
                    break
                if fuzz.ratio(a, b) >= 85:
                    ga = [n for n in by_surname[a] if not n.startswith("\x00")]
                    gb = [n for n in by_surname[b] if not n.startswith("\x00")]
                    for x in ga:
                        for y in gb:
                            fx, fy = folded[x].split(), folded[y].split()
                            if (
                                len(fx) > 1
                                and len(fy) > 1
                                and _compatible_suffixes(fx, fy)
                                and fuzz.ratio(fx[0], fy[0]) >= 80
                            ):
                                uf.union(x, y)
                    # a bare name ("Robert" beside "Roberts") joins only the commonest full name of
                    # the two spellings, so it never chains "Jennifer Roberts" to "John Roberts"
                    _join_bare_names(ga + gb, folded, counts, uf)
                    cfg_a = [n for n in by_surname[a] if n.startswith("\x00")]
                    cfg_b = [n for n in by_surname[b] if n.startswith("\x00")]
                    for c in cfg_a + cfg_b:
                        for x in ga + gb:
                            uf.union(x, c)
    # clusters -> people
    clusters: dict[str, list[str]] = defaultdict(list)
    for n in names:
        clusters[uf.find(n)].append(n)
    for i in range(len(config.people)):
        clusters.setdefault(uf.find(f"\x00config{i}"), [])
    people: list[Person] = []
    person_of: dict[str, str] = {}
    used_ids: set[str] = set()
    roots_cfg = {uf.find(f"\x00config{i}"): i for i in range(len(config.people))}
    learned_roles: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            if m.roles and m.name:
                learned_roles[m.name].update(m.roles)
    for root, members in sorted(clusters.items(), key=lambda kv: kv[0]):
        ci = roots_cfg.get(root)
        if ci is not None:
            cp = config.people[ci]
            canonical = cp.name
            pid = cp.id or slugify(cp.name)
            aliases = list(dict.fromkeys([*cp.aliases, *(m for m in members if m != cp.name)]))
            titles = list(cp.titles)
        else:
            if not members:
                continue
            full = [m for m in members if len(m.split()) > 1] or members
            folded_counts: Counter[str] = Counter()
            for m in full:
                folded_counts[folded[m]] += counts[m]
            # the commonest spelling; among spellings that differ only by accents, the accented one
            canonical = max(
                full, key=lambda m: (folded_counts[folded[m]], len(m.split()), _has_accents(m), m)
            )
            pid = slugify(canonical)
            aliases = sorted(m for m in members if m != canonical)
            titles = []
        for m in members:
            titles.extend(k for k in sorted(learned_roles.get(m, ())) if k not in titles)
        base = pid
        k = 2
        while pid in used_ids:
            pid = f"{base}-{k}"
            k += 1
        used_ids.add(pid)
        people.append(Person(id=pid, name=canonical, aliases=aliases, titles=titles))
        for m in members:
            person_of[m] = pid
    # corpus-level role map for role mentions no source could resolve
    role_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for p in people:
        for t in p.titles:
            role_votes[t][p.id] += 1
    for d in docs:
        for m in d.mentions:
            if m.name is not None:
                m.person_id = person_of.get(m.name)
                if m.kind == "title" and m.person_id:
                    for k in _role_keys(m.text, r.roles, r.other_role_qualifiers):
                        role_votes[k][m.person_id] += 1
    name_of = {p.id: p.name for p in people}
    for d in docs:
        for m in d.mentions:
            if m.person_id is None and m.kind == "title":
                keys = _role_keys(m.text, r.roles, r.other_role_qualifiers)
                if keys and keys[0] in r.roles:
                    # a role of its own ("prime minister") is not the plain noun ("minister") of
                    # another source's "Interior Minister"
                    keys = keys[:1]
                for k in keys:
                    votes = role_votes.get(k)
                    if votes:
                        (best, n), *rest = [*votes.most_common(2), ("", 0)]
                        if n > (rest[0][1] if rest else 0):
                            m.person_id = best
                            m.name = name_of[best]
                        break
        by_span = {(m.start, m.end): m for m in d.mentions}
        for q in d.quotes:
            if q.speaker_start is not None and q.speaker_end is not None:
                mt = by_span.get((q.speaker_start, q.speaker_end))
                if mt is not None and mt.person_id:
                    q.speaker_id = mt.person_id
                    q.speaker = name_of.get(mt.person_id, q.speaker)
            if q.speaker_id is None and q.speaker:
                pid = person_of.get(q.speaker)
                if pid:
                    q.speaker_id = pid
                    q.speaker = name_of[pid]
    # a configured person no source names or quotes is none of this corpus's people
    present = {m.person_id for d in docs for m in d.mentions if m.person_id}
    present |= {q.speaker_id for d in docs for q in d.quotes if q.speaker_id}
    people = [p for p in people if p.id in present]
    people.sort(key=lambda p: p.id)
    return people


@cache
def _nicknames() -> dict[str, str]:
    """Short form of a given name -> its full form ("chuck" -> "charles"), folded."""
    return {fold(str(k)): fold(str(v)) for k, v in load_rules("given_names")["nicknames"].items()}


def _compatible_suffixes(ta: list[str], tb: list[str]) -> bool:
    """Whether two folded names' generational suffixes allow one person: "Sr" names the father, whom
    a name without it or with another suffix does not ("Joseph R. Biden Jr" is Joe Biden)."""
    sa = ta[-1].rstrip(".") if ta[-1].rstrip(".") in _name_suffixes() else ""
    sb = tb[-1].rstrip(".") if tb[-1].rstrip(".") in _name_suffixes() else ""
    return sa == sb or "sr" not in (sa, sb)


def _compatible(a: str, b: str) -> bool:
    """Two folded names of one surname are one person when one's words are a subset of the other's,
    their first names are close (Seyyed Ali / Ali) or one is the other's short form (Chuck /
    Charles)."""
    ta, tb = a.split(), b.split()
    if not _compatible_suffixes(ta, tb):
        return False  # "George Bush Sr" is not George W. Bush
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    short = _nicknames()
    if short.get(ta[0], ta[0]) == short.get(tb[0], tb[0]):
        return True
    return fuzz.ratio(ta[0], tb[0]) >= 80
