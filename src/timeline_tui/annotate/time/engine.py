"""The TIMEX3 engine: candidate spans from the patterns, overlap resolution, normalisation with an
explained anchor (publication date, narrative time, another event, or none).

Normalisers never invent granularity: "earlier this year" is a year, "22 years ago" is a year, "on
Monday" is a day. Without a publication date, relative expressions keep their unknown parts as X.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import operator
import re
from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.easter import easter

from ...dates import format_value, granularity_of, value_interval
from ...model import Timex
from ...util import regex_store
from ...util.regex import line_start_matches, lower_word_lines, lowered_in_place, split_runs, start_tokens
from .patterns import Patterns, Tables, patterns

_EXTENT_LEAD = re.compile(r"(in|the)\s+", re.I)
_ADJECTIVAL = re.compile(r"\w-(?:[a-z]+-)?(?:day|week|month|year|quarter|hour|minute)s?\b|\w\s+day\b", re.I)

# patterns the normalisers and the tagging loop use, compiled once (a call of re.match with a
# pattern string looks it up in re's cache every time)
_LEADING_DIGITS = re.compile(r"\d+")
#: how far (characters) a tense marker must be from a deadline's expression for the deadline to point
#: ahead against it: a nearer one is the deadline's own verb ("was held until Tuesday")
_DEADLINE_OVER_TENSE = 30
_WORD_OR_DASH_BEFORE = re.compile(r"([A-Za-z]+|-)\s*$")
_NUMBER_WORD_SEP = re.compile(r"[\s-]+")
_FOLLOWING_WORD = re.compile(r"\s*([A-Za-z]+)")
_COUNTED_BEFORE = re.compile(
    r"(?:\$|€|£|No\.?|number|#|page|pp?\.|section|article|chapter|route|flight|room|model|version|v\.?|\d[\d,.]*\s*(?:to|-|–)|\d,?\s*)\s*$",
    re.I,
)
_NUMBER_RUN_AFTER = re.compile(r"\s*(?:[-–]\s*\d|\)\s*\d|\.\d)")  # phone numbers, ranges of counts
#: a year a range of years opens with, right before this one, and the one it closes with after it
_YEAR_RANGE_BEFORE = re.compile(r"(?<![\d.,])(\d{4})\s*(?:-|–|to|through|until)\s*$")
_YEAR_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|through|until)\s*(\d{4})(?![\d.,]\d)")
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_YEAR_AGO_WORD = re.compile(r"year-(?:ago|earlier)", re.I)
_YEAR_OR_DECADE_VALUE = re.compile(r"^\d{3,4}")
_DATE_AFTER = re.compile(r"\s*(?:the\s+)?(?:\d{4}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d)")
_WORD_AFTER = re.compile(r"\s*[\w\"“]")
#: the capitalised word after "the day before" (a weekday, checked against the table: "the day
#: before last Tuesday's hearing")
_CAPITAL_AFTER = re.compile(r"\s+(?:(?:last|next|this)\s+)?([A-Z][a-z]+)\b")
#: what follows "N units after" names its own year in its clause: "after Russia's invasion on
#: Feb. 24, 2022", "after the war began in 1939"
_DATED_CLAUSE_AFTER = re.compile(
    r"[^.;:!?()\n]{0,80}?\b(?:on|in)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\s+)?(?:1[5-9]|20)\d\d\b"
)
_DURATION_WORD_BEFORE = re.compile(r"\b(?:for|within|over|in|than|about|nearly|almost|than|after|least)\s+$")
_PER_AFTER = re.compile(r"\s*(?:a|an|per)\b")
_PER_WORD_AFTER = re.compile(r"\s*(?:a|an|per)\s")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
_ABBREVIATED_END = re.compile(r"\b[A-Z][a-z]{2}\.$")
_COMPARED_QUARTER = re.compile(r"year|ago|earlier|prior|comparable|period", re.I)
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d)*$")
#: up to three words after a day without a year (what a famous day's name needs: "Sept. 11 attacks")
_WORDS_AFTER = re.compile(r"(?:[ \t]+[\w’'-]+){0,3}")
#: a year, quarter, half, season, month, week or day (with a time of day or not): a date a sentence
#: can count from
_CALENDAR_DAY_OR_COARSER = re.compile(r"^\d{4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d|\d\d(?:-\d\d)?))?(?:T|$)")
_DAY_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEAR_MONTH_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
#: two days joined by a dash before a month name ("10-12 March")
_TWO_DAYS_BEFORE = re.compile(
    r"(?<![\w$£€#@/.,-])(?P<d1>[0-3]?\d(?:st|nd|rd|th)?)[ \t]*(?P<j>[-–])[ \t]*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    r"[ \t]+(?:of[ \t]+)?$"
)
_YEAR_IN = re.compile(r"\d{4}")
#: the two digits of the year after a four-digit one ("2008-09", "2023/24")
_SHORT_SECOND_YEAR = re.compile(r"[-–/](\d\d)(?![\d/-])")
_YEAR_OR_MONTH_VALUE = re.compile(r"^\d{4}(?:-\d\d)?$")
#: the relative words that count from the time the narrative gives ("the following year")
_NARRATIVE_RELS = ("following", "previous", "preceding")

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: how Tagger._year_for names a clause without a tense marker (it then takes the nearest year)
_NO_TENSE = "no tense marker"
UNIT_GRAN = {
    "S": "time",
    "MIN": "time",
    "M": "month",
    "H": "time",
    "D": "day",
    "W": "week",
    "WE": "week",
    "W2": "week",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}


@dataclass(slots=True)
class Context:
    text: str
    dct: date | None
    dct_value: str | None
    dct_desc: str
    sent_starts: list[int]
    sentences: list[tuple[int, int]]
    tables: Tables
    #: the day the narrative last moved to (value, where it was found)
    narrative: date | None = None
    narrative_text: str = ""
    #: the year the text last named ("In 1998 …"; value, where it was found), for "later that year"
    named_year: tuple[int, str] | None = None
    #: where the text named that year and moved to that day (end offsets; -1: not yet)
    named_year_at: int = -1
    narrative_at: int = -1
    #: the days the narrative moved to near publication, with their text and extent: the last one
    #: alone on its line is a live page's day (_live_time)
    near_days: list[tuple[date, str, int, int]] = field(default_factory=list)
    #: the last of ``near_days`` found alone on its line, and how many of them were looked at
    page_day: tuple[date, str] | None = None
    near_days_read: int = 0
    #: the last calendar date the text gave (value, its text, end offset): what "two years after the
    #: death of her husband" counts back from when it stands earlier in the same sentence
    last_dated: tuple[str, str, int] | None = None
    #: the quarter the text last named (value, end offset): company results compare with "a year ago"
    quarter: tuple[str, int] | None = None
    #: a time restated in another zone in brackets, from the restated time to the bracket's close:
    #: what stands there ("(0030 GMT 2 June)") is the same moment again
    restated: tuple[int, int] | None = None
    #: the text the tense markers are matched in (the lower-cased text, when the markers are the
    #: case-sensitive form for it; same offsets), and the markers (Tables.tense_markers)
    marker_text: str = ""
    markers: re.Pattern[str] | None = None

    def year_is_latest(self) -> bool:
        """Whether the year the text last named came after the day it last moved to ("In 1998 …")."""
        return self.named_year is not None and self.named_year_at > self.narrative_at

    def named_year_desc(self) -> str:
        y, where = self.named_year  # type: ignore[misc]
        return f"{y} (the year the text last named, '{where}')"

    def narrative_desc(self) -> str:
        """The day the narrative last moved to, as explanations name it."""
        day = format_value(self.narrative.isoformat()) if self.narrative else "?"
        return f"{day} (the time the text last moved to, '{self.narrative_text}')"

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sent_starts[i] if i >= 0 else 0

    def sentence_after(self, pos: int) -> str:
        """The rest of the sentence of ``pos`` after it."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        end = self.sentences[i][1] if 0 <= i < len(self.sentences) else pos + 200
        return self.text[pos:end]

    def sentence(self, pos: int) -> str:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if 0 <= i < len(self.sentences):
            s, e = self.sentences[i]
            return self.text[s:e]
        return self.text[max(0, pos - 200) : pos + 200]

    def future(self, pos: int) -> bool:
        """Whether the clause around ``pos`` speaks of the future (past markers win)."""
        return self.tense(pos) is True

    def leaning(self, pos: int) -> tuple[bool, str]:
        """Whether an expression at ``pos`` points ahead, and why: its clause's tense, else a
        deadline's preposition right before it ("until 9 a.m. Tuesday", "by the weekend") or a
        starting point's ("from Monday"), else the past (news reports what happened)."""
        nearest = self._nearest_marker(pos)
        if self.tables.deadline_before.search(self.text, max(0, pos - 16), pos) is not None:
            if nearest is None:
                return True, "a deadline, no tense"
            if nearest[0] > _DEADLINE_OVER_TENSE and not (
                nearest[1] is False and _PLUPERFECT_AFTER.search(self.sentence_after(pos))
            ):
                # "expired at 11:00 on Saturday, but an amber warning remains until 06:00 on Sunday"
                # ("By Monday, 89m gallons of oil had leaked": the past perfect after it is its verb)
                return True, "a deadline, the tense marker far from it"
        if nearest is None:
            if self.tables.start_before.search(self.text, max(0, pos - 20), pos) is not None:
                return True, "a starting point, no tense"
            return False, "no tense marker: the last one"
        return nearest[1], "future tense" if nearest[1] else "past tense"

    def tense(self, pos: int, skip: tuple[int, int] | None = None) -> bool | None:
        """True for the future, False for the past, None when the clause has no tense marker. The
        marker nearest to the expression decides ("said … as soon as Tuesday" is future); one
        within ``skip`` (the expression's own "next") does not count."""
        nearest = self._nearest_marker(pos, skip)
        return None if nearest is None else nearest[1]

    def _nearest_marker(self, pos: int, skip: tuple[int, int] | None = None) -> tuple[int, bool] | None:
        """The distance to the tense marker nearest to ``pos`` in its clause (first within 90
        characters, else in the sentence) and whether it marks the future; None without one."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        lo, hi = self.sentences[i] if 0 <= i < len(self.sentences) else (pos - 100, pos + 100)
        for a, b in ((max(lo, pos - 90), min(hi, pos + 90)), (lo, hi)):
            best: tuple[int, bool] | None = None
            for m in self._markers_in(a, b):
                if skip is not None and skip[0] <= m.start() < skip[1]:
                    continue
                future = m.start("f") >= 0
                if future and _PLUPERFECT_BEFORE.search(self.text, max(0, m.start() - 12), m.start()):
                    future = False  # "had been due to expire Friday", "had been scheduled to": the past
                elif not (self._future(m) if future else self._past(m)):
                    continue
                d = min(abs(m.start() - pos), abs(m.end() - pos))
                if best is None or d < best[0] or (d == best[0] and not future):
                    best = (d, future)
            if best is not None:
                return best
        return None

    def _markers_in(self, a: int, b: int) -> Iterator[re.Match[str]]:
        """The tense markers between ``a`` and ``b`` (group ``f`` for a future one)."""
        return self.markers.finditer(self.marker_text, a, b)  # type: ignore[union-attr]

    def _future(self, m: re.Match[str]) -> bool:
        """A future marker that marks the future: not "next to the embassy", not "would have" (what
        might have been, in the past), not "began arriving" (what is under way)."""
        word = m.group().lower()
        if word == "next":
            return not _NEXT_TO.match(self.text, m.end())
        if word.endswith("ing"):
            before = _WORD_BEFORE.search(self.text, max(0, m.start() - 20), m.start())
            if before is not None and before[1].lower() in self.tables.ongoing_before:
                return False  # "aid workers have begun arriving in Haiti": under way, no plan
        if word in self.tables.bare_future_verbs and _TO_BEFORE.search(
            self.text, max(0, m.start() - 4), m.start()
        ):
            # "was the first senior official to arrive in Haiti on Saturday": the past before it
            # is the clause's tense ("Obama to meet Xi on Monday" has none)
            lo = max(self.sentence_start(m.start()), m.start() - 80)
            for p in self._markers_in(lo, m.start()):
                if p.start("f") < 0 and self._past(p):
                    return False
        return not (word == "would" and _HAVE_AFTER.match(self.text, m.end()))

    def _past(self, m: re.Match[str]) -> bool:
        """A past marker that is a past tense: a word in -ed that is no listed adjective or noun and
        no future marker ("scheduled"); no participle after a form of "be" ("will be held",
        "is heard")."""
        t = self.tables
        before = self.text[max(0, m.start() - 24) : m.start()].lower().split()
        if m["ed"]:
            w = m["ed"].lower()
            if w in t.not_past_ed or t.future_markers.fullmatch(w):
                return False
            if before and _ADVERB.match(before[-1]):
                before = before[:-1]
            if before and before[-1] in t.ed_adjective_after:
                return False  # "a (still) unspecified date"
        elif m.group().lower() in _AUX:
            return True
        return not (before and before[-1] in _BE)


#: "since" earlier in the clause of a time expression ("since an explosion on the rig on 20 April")
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\b[^.,;:!?\n]{0,60}$")


def _holiday_date(rule: list[int], y: int) -> date:
    """The day of a holiday of rules/time.yaml in year ``y``: [0, offset] from Easter, [month, day],
    or [month, weekday, nth] (nth -1: the last)."""
    if rule[0] == 0:
        return easter(y) + timedelta(days=rule[1])
    if len(rule) == 2:
        return date(y, rule[0], rule[1])
    mon, wd, nth = rule
    first = date(y, mon, 1)
    if nth > 0:
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(y, mon, monthrange(y, mon)[1])
    return last - timedelta(days=(last.weekday() - wd) % 7)


#: a past perfect ("had leaked", "had been stopped")
_PLUPERFECT_AFTER = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b")

#: "had been" (or "had") right before a future marker: what was planned before a time now gone
_PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$", re.I)


#: a line that opens with a 24-hour time, as the entries of a live page do ("2346 Survivor Jackson
#: tells the BBC …")
_LIVE_ENTRY = re.compile(r"^(\d{4})[ \t]+(?=\S)", re.M)


#: an entry of a live page run into the text before it by an extraction: four digits between a word
#: ending without punctuation and a capitalised word ("… in Port-au-Prince 1521 Former Cuban president")
_INLINE_ENTRY = re.compile(r"(\d\d{3})(?<=[a-z'”\"\)\]] \d{4})(?= [A-Z])")  # one digit first: scanned fast
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s[ \t]+$")


def _full_year(digits: str) -> int:
    """A year from its four digits, or from two ("FY24", "Q3'95"): 1931-1999 above 30, else 20xx."""
    y = int(digits)
    if len(digits) > 2:
        return y
    return y + (1900 if y > 30 else 2000)


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all its line holds, besides markup (``**07:55 GMT**``)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return not text[ls:start].strip(" \t*_#>") and not text[end : le if le != -1 else len(text)].strip(
        " \t\r*_"
    )


def _all_clock_times(digits: Iterable[str]) -> bool:
    """Whether every four digits read as a 24-hour time ("2346" yes, "1697" no)."""
    return all(int(d[:2]) < 24 and int(d[2:]) < 60 for d in digits)


def _inline_live_times(text: str, year_preceders: frozenset[str]) -> set[int]:
    """Live entries run into one another (see _INLINE_ENTRY): three or more, none after a word that
    introduces a year ("in 2008 Obama won"), every one a 24-hour time, in falling order (three of
    four steps, from four of them: "at 2100 GMT" may sit among the entries)."""
    found = []
    for m in _INLINE_ENTRY.finditer(text):
        w = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if w is None or w.group(1).lower().strip("'”\"()[]") in year_preceders:
            continue
        found.append((m.start(), m.group(1)))
    if len(found) < 3 or not _all_clock_times(d for _, d in found):
        return set()
    steps = [a > b for (_, a), (_, b) in itertools.pairwise(found)]
    if not (all(steps) or (len(found) >= 4 and 4 * sum(steps) >= 3 * len(steps))):
        return set()
    return {start for start, _ in found}


def _may_open_entry(text: str, start: int) -> bool:
    """Whether four digits at ``start`` could open a live entry: at a line's start, or between a
    word ending without punctuation and a capitalised one (see _INLINE_ENTRY)."""
    if start == 0 or text[start - 1] == "\n":
        return True
    return (
        start >= 2
        and text[start - 1] == " "
        and (text[start - 2].islower() or text[start - 2] in "'”\")]")
        and text[start + 4 : start + 5] == " "
        and text[start + 5 : start + 6].isupper()
    )


def _alone_on_its_line(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` has its line to itself, but for white space and punctuation (a heading:
    "Wednesday 13 January")."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    rest = text[ls:s] + text[e : le if le != -1 else len(text)]
    return not any(c.isalnum() for c in rest)


def _live_blog_times(text: str) -> set[int]:
    """Where the lines of a live page open with their time ("2346 Survivor Jackson tells the BBC …"):
    three lines or more that begin with four digits, every one a 24-hour time, and besides one that
    cannot be a year ("2346", "0000"), or five of them, or in falling order (live pages run from the
    latest entry back). A chronology of years ("1492 …", "1697 …", "1804 …") has minutes past 59 or
    runs forward. Then "2012 Thomas Ewald …" is 20:12, not the year 2012. Empty for any other text."""
    found = [(m.start(1), m.group(1)) for m in line_start_matches(_LIVE_ENTRY, text)]
    if len(found) < 3 or not _all_clock_times(d for _, d in found):
        return set()
    digits = [d for _, d in found]
    falling = all(a > b for a, b in itertools.pairwise(digits))
    if not (falling or len(found) >= 5 or any(not ("1500" <= d <= "2099") for d in digits)):
        return set()
    return {start for start, _ in found}


#: a clock time and an opening parenthesis right before another: "10:35 a.m. (0735 GMT)", "1425 local
#: time (1925 GMT)"
_RESTATED_CLOCK = re.compile(
    r"(?:\d[:.]?\d\d\s*(?:[ap]\.?m\.?)?|\d\s*[ap]\.?m\.?|\b[A-Z]{2,4}T|\bUTC|local\s+time)"
    r"(?:\s+on\s+[^()\n]{1,24}?)?\s*(?:\(|-LRB-)\s*$",  # "1930 CDT on 1 June (0030 GMT 2 June)" too
    re.I,
)
#: between a time of day and the day that dates it: "1930 CDT on 1 June", "10 p.m., Thursday",
#: "1425 local time (1925 GMT) on Thursday"
_ON_DAY_GAP = re.compile(
    r"\s*(?:local\s+time\s*)?(?:\([^()\n]{1,30}\)|-LRB-[^\n]{1,30}?-RRB-)?\s*,?\s*(?:on\s+)?", re.I
)
#: the end of the brackets a restated time opens
_RESTATEMENT_CLOSE = re.compile(r"\)|-RRB-")
#: the quote marks that open a title ("This Week", ``60 Minutes'')
_TITLE_MARKS = ('"', "“", "``", "''")
_TITLE_CLOSE = re.compile(r"[,.!?]?(?:[\"”]|'')")
_FRACTION_OF = re.compile(
    r"\s+of\s+(?!(?:the\s+|this\s+|that\s+|its\s+)?(?:year|fiscal|next|this|last|19\d\d|20\d\d|calendar)\b)"
)
_FRACTION = re.compile(r"(?:^|\s)(?:an?|one|two|three)[-\s]quarters?$", re.I)


def _not_a_time(text: str, start: int, end: int) -> bool:
    """Words that look like a time but name something else: a title in quote marks (the show
    ``60 Minutes'', ABC's "This Week," the film "High Noon"), a fraction ("about three-quarters of its
    food", "more than a quarter of the market")."""
    span = text[start:end]
    before = text[max(0, start - 2) : start]
    if before.endswith("\n"):
        before = before[:-1]  # the mark may end the line before the title
    if before.endswith(_TITLE_MARKS):
        words = span.split()
        if (
            words
            and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and any(w[:1].isupper() for w in words)
            and _TITLE_CLOSE.match(text, end)
        ):
            return True
    return _FRACTION.search(span) is not None and _FRACTION_OF.match(text, end) is not None


#: what makes a capitalised day word ("Today") mid-sentence part of a paper's or a show's name: an
#: acronym, a possessive or "the" right before it (not "The" opening a sentence)
_NAMED_SHOW_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|[a-z0-9]['’]s|(?<=[a-z,] )the)[ \t]+$")
_FRACTION_NUM = re.compile(r"(\d+)\s*(?:1/2|½)$")
_AND_A_HALF = re.compile(r"(.+?)\s+and\s+a\s+half$")
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|hundreds|thousands|dozens|percent)|[A-Za-z]{2,}s)\s+$"
)
_RATE_NOT_AFTER = re.compile(r"\s+(?:ago|earlier|later|after|before|or|and|of|from|since|old|long|in)\b")
_SIGNALLED = frozenset(("later", "after", "before"))
_NEXT_TO = re.compile(r"\s+to\b")
#: "to" right before a word
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
_HAVE_AFTER = re.compile(r"\s+(?:not\s+)?have\b|n['’]t\s+have\b", re.I)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
_YEAR_VALUE = re.compile(r"^\d{4}$")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_AUX = frozenset(
    ("was", "were", "had", "did", "has been", "have been", "ago", "last", "earlier", "yesterday")
)
#: a word between a determiner and an adjective in -ed ("a still unspecified date", "the newly elected")
_ADVERB = re.compile(r"(?:still|\w{3,}ly)$")
_BE = frozenset(("be", "been", "being", "is", "are", "am", "to", "will", "would", "'s"))


@dataclass(slots=True)
class Norm:
    type: str
    value: str
    anchor: str = "absolute"
    explanation: str = ""
    mod: str | None = None
    anchor_value: str | None = None
    period: tuple[str, str] | None = None
    granularity: str | None = None
    start: int | None = None  # a narrower extent than the match
    end: int | None = None
    point: str | None = None  # the time a counted duration points to ("three days later")
    #: a time of day dated only by the narrative or the publication day ("at 1930 CDT"): a day
    #: named right after it ("on 1 June") dates it instead
    day_from_context: bool = False
    #: "three years after the 2021 election": the units to count (signed) from the date that follows,
    #: and where the signal ends
    counts_from_next: tuple[int, str, int] | None = None


#: the finest unit a date of each granularity can be counted from ("three days after the 2021
#: election" is no day: the election's day is unknown)
_COUNTABLE_FROM = {
    4: frozenset(("Y", "DE", "CE")),
    7: frozenset(("M", "Q", "Y", "DE", "CE")),
    10: frozenset(("D", "W", "M", "Q", "Y", "DE", "CE")),
}
_SIGNAL_TO_DATE = re.compile(r"\s*(?:the\s+)?")
#: between the two weekdays of a range, and before its first ("from Monday to Friday")
_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)


# ----------------------------------------------------------------------------------------- values


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_value(anchor: date, n: int, unit: str) -> str:
    """The value ``n`` units away from ``anchor`` at the unit's granularity."""
    if unit in ("D", "H", "S", "MIN"):
        return day_value(anchor + timedelta(days=n if unit == "D" else 0))
    if unit in ("W", "WE"):
        return week_value(anchor + timedelta(weeks=n))
    if unit == "W2":
        return week_value(anchor + timedelta(weeks=2 * n))
    if unit == "M":
        total = anchor.year * 12 + anchor.month - 1 + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    if unit == "Q":
        q = anchor.year * 4 + (anchor.month - 1) // 3 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + n:02d}"
    return f"{anchor.year + n:04d}"


#: years in the units a period over the past ones is counted in years by ("the past decade")
_YEARS_IN = {"DE": 10, "CE": 100}
#: granularities from fine to coarse (a count of a finer unit from a coarser time keeps the coarser)
_GRAN_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "season": 4, "quarter": 4, "half": 5, "year": 6}


def _shift_date(d: date, n: int, unit: str) -> date:
    """``d`` moved ``n`` units (days, weeks, months, quarters, years; decades and centuries as years)."""
    if unit in ("D", "H", "S", "MIN"):
        return d + timedelta(days=n if unit == "D" else 0)
    if unit in ("W", "WE", "W2"):
        return d + timedelta(weeks=n * (2 if unit == "W2" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 12) * n
    total = d.year * 12 + d.month - 1 + months
    y, mo = total // 12, total % 12 + 1
    return date(y, mo, min(d.day, monthrange(y, mo)[1]))


def _value_at(d: date, gran: str) -> str | None:
    """The value of the day ``d`` at a granularity (None for one a day cannot be put in)."""
    if gran in ("day", "time"):
        return day_value(d)
    if gran == "week":
        return week_value(d)
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran in ("year", "season", "half"):
        return f"{d.year:04d}"
    return None


def unknown_value(unit: str) -> str:
    return {
        "D": "XXXX-XX-XX",
        "W": "XXXX-WXX",
        "WE": "XXXX-WXX",
        "M": "XXXX-XX",
        "Q": "XXXX-QX",
        "Y": "XXXX",
        "DE": "XXX",
        "CE": "XX",
    }.get(unit, "XXXX-XX-XX")


def _in_year_of(tx: Timex, year: int, whole: str) -> Timex:
    """The first day of a range in the year written after the range's second day ("May 1-3, 2024",
    "Dec. 30-Jan. 2, 2025"): ``whole`` is the range as written."""
    value = f"{year:04d}{tx.value[4:]}"
    return replace(
        tx,
        value=value,
        anchor="absolute",
        anchor_value=None,
        explanation=f"'{tx.text}': the year of '{whole}' → {format_value(value)}",
    )


def _consecutive_short_year(year: int, text: str, pos: int) -> re.Match[str] | None:
    """The two digits of the year after ``year`` right after ``pos`` ("2008-09", "2023/24"), or None."""
    m = _SHORT_SECOND_YEAR.match(text, pos)
    return m if m is not None and int(m[1]) == (year + 1) % 100 else None


def _valid_day(ym: str, d: int) -> bool:
    """Whether ``d`` is a day of the month ``ym`` ("2024-02")."""
    return 1 <= d <= monthrange(int(ym[:4]), int(ym[5:7]))[1]


def _undated(unit: str, explanation: str, mod: str | None = None) -> Norm:
    """A date that cannot be placed: the unknown value of its unit ("XXXX", "XXXX-WXX"), no anchor."""
    return Norm("DATE", unknown_value(unit), anchor="none", mod=mod, explanation=explanation)


def _weekday_on(day: date, wd: int, ahead: bool) -> date:
    """The weekday ``wd`` (0 Monday) of the week around ``day``: the next one on or after it when
    ``ahead``, else the last one on or before it."""
    if ahead:
        return day + timedelta(days=(wd - day.weekday()) % 7)
    return day - timedelta(days=(day.weekday() - wd) % 7)


def _said_to_happen(tense: bool | None, at_publication: bool) -> bool:
    """Whether a clause dates a happening at or after publication: a future tense, or a past tense
    for one in the very period of publication ("six years later, in 2025, he returned")."""
    return tense is True or (at_publication and tense is False)


def _unit_words(m: re.Match[str], n: float | None) -> str:
    """The unit of a duration as its match writes it, in the plural when the number asks for one
    ("a duration of 3 months" for "three-month", "1 decade" for "more than a decade")."""
    u = (m.groupdict().get("u") or "").lower()
    if not u:
        return "units" if n != 1 else "unit"
    if n == 1:
        return u.removesuffix("s") if not u.endswith("ss") else u
    return u if u.endswith("s") else (u[:-1] + "ies" if u.endswith("y") and u != "day" else u + "s")


def fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


_SUBUNIT = {
    "Y": (12, "M", ""),
    "H": (60, "M", "T"),
    "MIN": (60, "S", "T"),
    "D": (24, "H", "T"),
    "W": (7, "D", ""),
}


def duration_value(n: float | None, unit: str) -> str:
    if (
        n is not None
        and not float(n).is_integer()
        and unit in _SUBUNIT
        and (n * _SUBUNIT[unit][0]).is_integer()
    ):
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a minute and a half" -> PT1M30S
        per, sub, t = _SUBUNIT[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        head = {"H": "H", "MIN": "M"}.get(unit, unit)
        lead = "PT" if unit in ("H", "MIN") else "P"
        return (
            f"{lead}{whole}{head}{t if lead == 'P' else ''}{rest}{sub}"
            if whole
            else f"{lead}{t if lead == 'P' else ''}{rest}{sub}"
        )
    count = "X" if n is None else fmt_num(n)
    if unit in ("H", "S", "MIN"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    if unit in ("DE", "CE") and n is not None:
        return f"P{fmt_num(n * (10 if unit == 'DE' else 100))}Y"
    if unit == "W2":
        return f"P{'X' if n is None else fmt_num(2 * n)}W"
    return f"P{count}{unit}"


# ---------------------------------------------------------------------------------------- the engine


def _without_ignorecase(pat: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pat`` compiled case-sensitively, when that matches lower-cased text exactly as ``pat``
    matches the original: ``pat`` is case-insensitive and its literals are all lower case (group
    names and escapes aside)."""
    if not pat.flags & re.IGNORECASE:
        return None
    literal = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\.", "", pat.pattern)
    if any(c.isupper() for c in literal) or "(?-i" in literal:
        return None
    return regex_store.compile(pat.pattern, pat.flags & ~re.IGNORECASE)


class _StartMasks(dict[bytes, int]):
    """The patterns each word can start (a bit mask), by its piece (util.regex.lower_word_lines:
    b"march\\n"), read from its first letters or the whole word the first time it is met; at most
    ``limit`` words are kept (a corpus's vocabulary: bounded, so that memory stays flat)."""

    def __init__(self, by_prefix: dict[str, int], by_word: dict[str, int], limit: int) -> None:
        super().__init__()
        self._prefix, self._word, self._limit = by_prefix.get, by_word.get, limit

    def __missing__(self, piece: bytes) -> int:
        if len(self) > self._limit:
            self.clear()
        w = piece[:-1].decode("ascii")  # b"march\n" -> "march"; b"\n" -> ""
        get = self._prefix
        mask = self._word(w, 0) | get(w[:1], 0) | get(w[:2], 0) | get(w[:3], 0) if w else 0
        self[piece] = mask
        return mask


class Tagger:
    def __init__(self, pats: Patterns | None = None) -> None:
        self.p = pats or patterns()
        self.t = self.p.tables
        self._handlers = {name: getattr(self, f"_n_{name}") for name, _ in self.p.items}
        #: the trigger words' classes keyed as the pieces of util.regex.lower_word_lines (b"march\n")
        self._word_classes_b = {
            f"{w}\n".encode("ascii"): mask
            for w, mask in self.p.word_classes.items()
            if w.isascii() and w.isalpha() and w.islower()
        }
        #: each pattern without re.I, for scanning the lower-cased text (2-3x faster than matching
        #: case-insensitively), or None for a pattern with upper-case letters of its own ("FY", "T")
        self._lowered = tuple(_without_ignorecase(pat) for _, pat in self.p.items)
        self._start_tables()
        #: the tense markers, and their form for the lower-cased text
        self._markers = self.t.tense_markers
        self._low_markers = _without_ignorecase(self.t.tense_markers)

    def _start_tables(self) -> None:
        """Which patterns each word (by its first three letters), each number and each other mark can
        start, for _at_tokens; None when some pattern's start cannot be read (then every pattern
        scans the windows around its triggers)."""
        self._start_masks: _StartMasks | None = None
        #: (near trigger classes << 64 | start mask) -> the patterns to try
        self._todo: dict[int, tuple[tuple[int, str, re.Pattern[str], re.Pattern[str] | None], ...]] = {}
        starts = [start_tokens(low or pat) for (_, pat), low in zip(self.p.items, self._lowered, strict=True)]
        if any(st is None for st in starts):
            return
        #: starting letters (one to three) -> the patterns they start; short words read whole ("a",
        #: "in", "fy") -> the patterns they start; a word -> the patterns it can start (filled as
        #: words are met)
        self._by_prefix: dict[str, int] = {}
        self._by_word: dict[str, int] = {}
        for i, st in enumerate(starts):
            for pre in st.letters:  # type: ignore[union-attr]
                self._by_prefix[pre] = self._by_prefix.get(pre, 0) | 1 << i
            for word in st.words:  # type: ignore[union-attr]
                self._by_word[word] = self._by_word.get(word, 0) | 1 << i
        self._start_masks = _StartMasks(self._by_prefix, self._by_word, self._KNOWN_WORDS)
        self._digit_mask = sum(1 << i for i, st in enumerate(starts) if st.digit)  # type: ignore[union-attr]
        self._other_masks: dict[str, int] = {}
        for i, st in enumerate(starts):
            for ch in st.other:  # type: ignore[union-attr]
                self._other_masks[ch] = self._other_masks.get(ch, 0) | 1 << i
        self._other_starts = (
            re.compile("[" + "".join(re.escape(ch) for ch in sorted(self._other_masks)) + "]")
            if self._other_masks
            else None
        )
        #: the trigger classes the patterns those marks start need
        self._other_need = 0
        for i, need in enumerate(self.p.needs):
            if any(mask >> i & 1 for mask in self._other_masks.values()):
                self._other_need |= need

    # -------------------------------------------------------------------------------- helpers
    def number(self, s: str) -> float | None:
        s = " ".join(s.lower().split())
        if s in self.t.vague:
            return None
        m = self.p.number.match(s)
        if not m:
            return None
        if m["d"]:
            return float(m["d"].replace(",", ""))
        frac = _FRACTION_NUM.match(s)
        if frac:
            return int(frac.group(1)) + 0.5
        half = _AND_A_HALF.match(s)
        if half:
            whole = self.number(half.group(1))
            return None if whole is None else whole + 0.5
        if m["t"]:
            return self.t.numbers[m["t"]] + self.t.numbers[m["u"]]
        return self.t.numbers.get(s)

    def unit(self, s: str) -> str:
        return self.t.units[" ".join(s.lower().split())][0]

    def month(self, s: str) -> int | None:
        return self.t.months.get(s.lower().rstrip(".").strip())

    def tense_word(self, ctx: Context, pos: int) -> str:
        return "future" if ctx.future(pos) else "past"

    def rel_desc(self, ctx: Context) -> str:
        return ctx.dct_desc

    @staticmethod
    def _pub(ctx: Context, value: str, explanation: str, mod: str | None = None, typ: str = "DATE") -> Norm:
        """A value resolved against the publication date."""
        return Norm(
            typ, value, anchor="published", mod=mod, anchor_value=ctx.dct_value, explanation=explanation
        )

    @staticmethod
    def _relative(m: re.Match[str], value: str, anchor: str, base: date, desc: str) -> Norm:
        """A value resolved relative to ``base`` (described by ``desc``)."""
        return Norm(
            "DATE",
            value,
            anchor=anchor,
            anchor_value=base.isoformat(),  # type: ignore[arg-type]
            explanation=f"'{m.group()}' relative to {desc} → {format_value(value)}",
        )

    def no_dct(self, text: str) -> str:
        return f"'{text}': relative to the publication date, which is unknown"

    # ----------------------------------------------------------------------------- normalisers
    def _full_date(self, m: re.Match[str], y: int, mon: int, d: int) -> Norm | None:
        try:
            dt = date(y, mon, d)
        except ValueError:
            return None
        if m.groupdict().get("H") and m["M"]:
            h = int(m["H"])
            ap = (m.groupdict().get("ap") or "").lower()
            if ap.startswith("p") and h < 12:
                h += 12
            if ap.startswith("a") and h == 12:
                h = 0
            if h < 24:
                return Norm(
                    "TIME", f"{dt.isoformat()}T{h:02d}:{m['M']}", explanation="names its date and time"
                )
        return Norm("DATE", dt.isoformat(), explanation="names its date")

    def _n_iso(self, m: re.Match[str], ctx: Context) -> Norm | None:
        return self._full_date(m, self.year(m["y"]), int(m["m"]), int(m["d"]))

    def _month_ok(self, m: re.Match[str]) -> bool:
        mon = m["mon"]
        return mon[0].isupper()

    def _n_dmy(self, m: re.Match[str], ctx: Context) -> Norm | None:
        mon = self.month(m["mon"])
        if mon is None or not self._month_ok(m):
            return None
        return self._full_date(m, self.year(m["y"]), mon, int(_LEADING_DIGITS.match(m["d"]).group()))

    def _n_slash(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if m["d2"]:
            return self._full_date(m, self.year(m["y"]), int(m["m2"]), int(m["d2"]))
        return self._full_date(m, self.year(m["y"]), int(m["m"]), int(m["d"]))

    def _year_for(
        self, mon: int, d: int | None, ctx: Context, pos: int, *, tense_decides: bool = False
    ) -> tuple[int, str] | None:
        """The year of a month(-day) without one: the occurrence nearest the publication date in the
        direction of the sentence's tense (within the surrounding year). ``tense_decides``: a tense
        marker in the clause sets the direction outright (a holiday: "they will meet on Christmas
        Eve", written on 10 January, is the next one)."""
        if ctx.dct is None:
            return None
        # "effective Feb. 1": when something takes effect, the nearest whatever the tense
        effect = self.t.effect_before.search(ctx.text, max(0, pos - 24), pos) is not None
        tense = None if effect else ctx.tense(pos)
        future = tense is True
        # a tense marker in the clause points the way by up to eight months ("cost cuts announced in
        # January", written in late October, are January's gone; news names the months around its
        # date, and the markers mislead now and then: "was extended to Nov. 16", written on 30
        # October, is the coming one); without one, the nearest occurrence, a past one on a near tie
        penalty = (366 if tense_decides else 240) if tense is not None else 60
        best: tuple[float, int, bool] | None = None
        for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
            cand = date(y, mon, min(d or 15, monthrange(y, mon)[1]))
            delta = (cand - ctx.dct).days
            against = (delta > 0) != future
            score = abs(delta) + (penalty if against else 0)
            if best is None or score < best[0]:
                best = (score, y, against)
        assert best is not None
        if tense is None:
            return best[1], "when it takes effect, the nearest" if effect else _NO_TENSE
        label = "future tense" if future else "past tense"
        # "it rained between 10 and 12 March", written on 6 March: the nearest one all the same
        return best[1], f"{label}, yet the nearest" if best[2] and d is not None else label

    def _n_mdy(self, m: re.Match[str], ctx: Context) -> Norm | None:
        mon = self.month(m["mon"])
        if mon is None or not self._month_ok(m):
            return None
        d = int(_LEADING_DIGITS.match(m["d"]).group())
        if d < 1 or d > 31:
            return None
        if m["y"]:
            return self._full_date(m, self.year(m["y"]), mon, d)
        rel = (m["rel"] or "").lower()
        if rel in ("last", "next") and ctx.dct is not None:
            # "last Oct. 23": the latest one before publication; "next June 3": the first after
            y = ctx.dct.year
            try:
                cand = date(y, mon, d)
                if rel == "last" and cand >= ctx.dct:
                    cand = date(y - 1, mon, d)
                elif rel == "next" and cand <= ctx.dct:
                    cand = date(y + 1, mon, d)
            except ValueError:
                return None
            norm = self._full_date(m, cand.year, mon, d)
            if norm is not None:
                norm.anchor, norm.anchor_value = "published", ctx.dct_value
                norm.explanation = f"'{m.group()}' in {ctx.dct_desc} → {format_value(cand.isoformat())}"
            return norm
        return self._month_day(m, ctx, mon, d)

    def _famous_day(self, m: re.Match[str], ctx: Context, mon: int, d: int) -> Norm | None:
        """ "the Sept. 11 attacks", "the Jan. 6 committee", written after that day: the day of the
        famous event the words after it name (time.yaml named_days)."""
        events = self.t.named_days.get((mon, d))
        if not events:
            return None
        after = _WORDS_AFTER.match(ctx.text, m.end()).group().lower().split()  # type: ignore[union-attr]
        for year, name, words in events:
            word = next((w for w in after if w in words), None)
            day = date(year, mon, d)
            if word is None or (ctx.dct is not None and ctx.dct <= day):
                continue
            norm = self._full_date(m, year, mon, d)
            if norm is not None:
                norm.anchor = "absolute"
                norm.explanation = (
                    f"'{m.group()}' before '{word}': the day of {name} → {format_value(day.isoformat())}"
                )
            return norm
        return None

    def _n_shortday(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "since 9/11": the famous day the numbers name, in a text written after it."""
        y, mon, d, name = self.t.short_days[m["sd"]]
        day = date(y, mon, d)
        if ctx.dct is not None and ctx.dct <= day:
            return None
        return Norm(
            "DATE",
            day.isoformat(),
            anchor="absolute",
            explanation=f"'{m.group()}': the day of {name} → {format_value(day.isoformat())}",
        )

    def _month_day(self, m: re.Match[str], ctx: Context, mon: int, d: int) -> Norm | None:
        rely = (m.groupdict().get("rely") or "").lower()
        if rely and ctx.dct is not None:
            # "April 30 last year", "30 April of this year": the year the words give
            y = ctx.dct.year + {"last": -1, "next": 1}.get(rely, 0)
            norm = self._full_date(m, y, mon, d)
            if norm is not None:
                norm.anchor, norm.anchor_value = "published", ctx.dct_value
                norm.explanation = f"'{m.group()}' ('{rely} year') in {ctx.dct_desc} → {format_value(f'{y:04d}-{mon:02d}-{d:02d}')}"
            return norm
        famous = self._famous_day(m, ctx, mon, d)
        if famous is not None:
            return famous
        got = self._year_for(mon, d, ctx, m.start())
        if got is None:
            return Norm("DATE", f"XXXX-{mon:02d}-{d:02d}", anchor="none", explanation=self.no_dct(m.group()))
        y, tense = got
        why = (
            f"the nearest to {ctx.dct_desc} (no tense marker)"
            if tense == _NO_TENSE
            else f"{tense} in {ctx.dct_desc}"
        )
        wd_y = self._weekday_year(m, ctx, mon, d, tense.startswith("future tense"))
        if wd_y is not None:
            y = wd_y
            day_name = calendar.day_name[date(y, mon, d).weekday()]
            why = f"of the years around {ctx.dct_desc}, {d} {calendar.month_name[mon]} is a {day_name} in {y}"
        try:
            dt = date(y, mon, d)
        except ValueError:
            return None
        norm = self._full_date(m, y, mon, d)
        if norm is None:
            return None
        norm.anchor = "published"
        norm.anchor_value = ctx.dct_value
        norm.explanation = f"'{m.group()}' has no year; {why} → {format_value(dt.isoformat())}"
        return norm

    def _weekday_year(self, m: re.Match[str], ctx: Context, mon: int, d: int, future: bool) -> int | None:
        """The year, around the publication date, in which a day and month named with their weekday
        ("Thursday 7 March") fall on that weekday: within half a year of publication, or on the side
        the tense points to (``future``), the weekday tells the year better than the tense does. In
        three years running a date falls on three different weekdays, so at most one year fits;
        None when none does (the weekday is wrong), the one that does lies far on the other side of
        the tense ("was held on Monday 30 December", written on 5 January 2024: 2024-12-30 is a
        Monday, but the tense says the last one) or no weekday is named."""
        wd_s = m.groupdict().get("wd")
        if not wd_s or ctx.dct is None:
            return None
        wd = self.t.weekdays.get(wd_s.lower().rstrip("."))
        if wd is None:
            return None
        fits = []
        for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
            try:
                day = date(y, mon, d)
            except ValueError:
                continue
            delta = (day - ctx.dct).days
            if day.weekday() == wd and (abs(delta) <= 183 or (delta > 0) == future):
                fits.append(y)
        return fits[0] if len(fits) == 1 else None

    def _n_dm(self, m: re.Match[str], ctx: Context) -> Norm | None:
        mon = self.month(m["mon"])
        if mon is None or not self._month_ok(m):
            return None
        d = int(_LEADING_DIGITS.match(m["d"]).group())
        if d < 1 or d > 31:
            return None
        return self._month_day(m, ctx, mon, d)

    def _n_my(self, m: re.Match[str], ctx: Context) -> Norm | None:
        mon = self.month(m["mon"])
        if mon is None or not self._month_ok(m):
            return None
        mod = self.t.date_mods.get(" ".join((m["mod"] or "").lower().split()))
        return Norm("DATE", f"{self.year(m['y']):04d}-{mon:02d}", mod=mod, explanation="names its month")

    def _n_month(self, m: re.Match[str], ctx: Context) -> Norm | None:
        mon_s = m["mon"]
        if not mon_s[0].isupper():
            return None
        key = mon_s.lower().rstrip(".")
        if key == "may":
            # "May" is a month only where a month can stand: after in/since/until/of/early..., or with rel
            before = ctx.text[max(0, m.start() - 12) : m.start()].lower().split()
            if not (
                m["rel"]
                or m["mod"]
                or (
                    before
                    and before[-1]
                    in (
                        "in",
                        "since",
                        "until",
                        "of",
                        "by",
                        "from",
                        "through",
                        "to",
                        "last",
                        "next",
                        "early",
                        "late",
                        "mid",
                        "and",
                        "or",
                    )
                )
            ):
                return None
        mon = self.month(mon_s)
        if mon is None:
            return None
        if not (m["rel"] or m["mod"] or m["rely"]):
            prev = _WORD_OR_DASH_BEFORE.search(ctx.text[max(0, m.start() - 15) : m.start()])
            after = ctx.text[m.end() : m.end() + 3]
            if (
                not (prev and prev.group(1).lower() in self.t.month_preceders)
                and not after.startswith((",", ".", ";"))
                and not self._month_before_noun(m, ctx, prev)
            ):
                return None
        mod = self.t.date_mods.get(" ".join((m["mod"] or "").lower().split()))
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-{mon:02d}", anchor="none", mod=mod, explanation=self.no_dct(m.group()))
        rel = (m["rel"] or "").lower()
        y = ctx.dct.year
        if m["rely"]:
            # "June last year", "February this year"
            y += {"last": -1, "next": 1}.get(m["rely"].lower(), 0)
            tense = f"'{m['rely'].lower()} year'"
        elif rel in ("last", "past"):
            y = y if mon < ctx.dct.month else y - 1
            tense = "'last'"
        elif rel in ("next", "coming"):
            y = y if mon > ctx.dct.month else y + 1
            tense = "'next'"
        elif rel == "this":
            tense = "'this'"
        else:
            got = self._year_for(mon, None, ctx, m.start())
            assert got is not None
            y, tense = got[0], f"{got[1]}, nearest"
        value = f"{y:04d}-{mon:02d}"
        return self._pub(
            ctx, value, f"'{m.group()}' ({tense}) in {ctx.dct_desc} → {format_value(value)}", mod=mod
        )

    def _month_before_noun(self, m: re.Match[str], ctx: Context, prev: re.Match[str] | None) -> bool:
        """ "the October slaying", "a June agreement", "the Fed's December meeting": a month name
        between a determiner or a possessive and a noun in lower case (not a preposition: "the March
        on Washington" is a march)."""
        if prev is None:
            return False
        if prev.group(1).lower() not in self.t.month_determiners and not (
            _POSSESSIVE_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
            and m["mon"].lower() not in self.t.months_not_after_possessive
        ):
            return False
        nxt = _NEXT_WORD.match(ctx.text, m.end())
        return nxt is not None and nxt.group(1).islower() and nxt.group(1) not in self.t.not_nouns

    def _n_fiscal(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if m["rel"]:
            # "the current fiscal year": the year of publication, shifted by its word
            if ctx.dct is None:
                return Norm("DATE", "XXXX", anchor="none", explanation=self.no_dct(m.group()))
            shift = {"latest": -1, "last": -1, "previous": -1, "next": 1, "coming": 1}.get(
                m["rel"].lower(), 0
            )
            value = str(ctx.dct.year + shift)
            return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → fiscal year {value}")
        y = str(_full_year(m["y"].lstrip("'")))
        # TimeML writes a fiscal year as its year; the explanation keeps that it is a fiscal one
        return Norm(
            "DATE", y, explanation=f"names fiscal year {y} (its calendar dates depend on the company)"
        )

    def _n_decade(self, m: re.Match[str], ctx: Context) -> Norm | None:
        mod = self.t.date_mods.get(" ".join((m["mod"] or "").lower().split()))
        if m["c"]:
            return Norm("DATE", f"{m['c']}{m['d']}", mod=mod, explanation="names its decade")
        digit = m["d2"]
        if m["w"]:
            digit = str(self.t.decade_words[m["w"].lower()])
        if ctx.dct is None:
            return Norm("DATE", f"XX{digit}", anchor="none", mod=mod, explanation=self.no_dct(m.group()))
        century = ctx.dct.year // 100
        if int(digit) * 10 > ctx.dct.year % 100:
            century -= 1
        value = f"{century}{digit}"
        return self._pub(
            ctx,
            value,
            f"'{m.group()}': the most recent such decade before {ctx.dct_desc} → {value}0s",
            mod=mod,
        )

    def _n_century(self, m: re.Match[str], ctx: Context) -> Norm | None:
        n = self.t.ordinals.get(m["ord"].lower())
        if not n:
            return None
        mod = self.t.date_mods.get(" ".join((m["mod"] or "").lower().split()))
        return Norm("DATE", f"{n - 1:02d}", mod=mod, explanation="names its century")

    def year(self, s: str) -> int:
        """A year in digits or spoken ("nineteen ninety-six", "two thousand and one")."""
        if s.isdigit():
            return int(s)
        words = [w for w in _NUMBER_WORD_SEP.split(s.lower()) if w != "and"]
        if words[:2] == ["two", "thousand"]:
            return 2000 + sum(int(self.t.numbers.get(w, 0)) for w in words[2:])
        rest = words[1:]
        return self.t.spoken_centuries[words[0]] * 100 + (
            0 if rest == ["hundred"] else sum(int(self.t.numbers.get(w, 0)) for w in rest)
        )

    def _n_year(self, m: re.Match[str], ctx: Context) -> Norm | None:
        y = self.year(m["y"])
        text = ctx.text
        after = text[m.end() : m.end() + 30]
        nxt = _FOLLOWING_WORD.match(after)
        if (nxt and nxt.group(1).lower() in self.t.count_nouns) or self.t.count_suffix.match(after):
            return None  # "2010 votes", "1500+ personnel"
        before = text[max(0, m.start() - 25) : m.start()]
        # "from 2001 to 2005", "the 2010-2011 season": a range of years, not of counts
        first = _YEAR_RANGE_BEFORE.search(before)
        last = _YEAR_RANGE_AFTER.match(after)
        if _COUNTED_BEFORE.search(before) and not (first and 0 < y - int(first[1]) <= 100):
            return None
        if (
            _NUMBER_RUN_AFTER.match(after)
            and not (last and 0 < int(last[1]) - y <= 100)
            and not _consecutive_short_year(y, text, m.end())
        ):
            return None  # phone numbers, ranges of counts (not "the 2008-09 season")
        if self.t.clock_pair_after.match(text, m.end()) and _all_clock_times([m["y"]]):
            return None  # "radio 1500 & 1930GMT": a time of day, in the zone of the time it is paired with
        if not m["mod"] and ctx.dct is not None and y > ctx.dct.year + 30:
            return None
        mod = self.t.date_mods.get(" ".join((m["mod"] or "").lower().split()))
        return Norm("DATE", f"{y:04d}", mod=mod, explanation="names its year")

    def _quarter_year(self, m: re.Match[str], ctx: Context, q: int | None) -> tuple[int, str] | None:
        if m["y"] or m.groupdict().get("yq") or m.groupdict().get("yp"):
            return self.year(m["y"] or m["yq"] or m["yp"]), "absolute"
        if ctx.dct is None:
            return None
        y = ctx.dct.year
        rely = (m["rely"] or m.groupdict().get("relp") or "").lower()
        if rely == "last":
            return y - 1, "published"
        if rely == "next":
            return y + 1, "published"
        if rely == "this":
            return y, "published"
        cur = (ctx.dct.month - 1) // 3 + 1
        if q is not None and q > cur and not ctx.future(m.start()):
            return y - 1, "published"
        if q is not None and q < cur - 1 and ctx.future(m.start()):
            return y + 1, "published"
        return y, "published"

    def _n_quarter(self, m: re.Match[str], ctx: Context) -> Norm | None:
        q = self.t.ordinals.get((m["ord"] or "").lower())
        if q is not None and not 1 <= q <= 4:
            return None
        rel = " ".join((m["rel"] or "").lower().split())
        if q is None:
            if ctx.dct is None:
                return Norm("DATE", "XXXX-QX", anchor="none", explanation=self.no_dct(m.group()))
            cur = ctx.dct.year * 4 + (ctx.dct.month - 1) // 3
            if rel in ("next", "coming"):
                idx = cur + 1
            elif rel in ("this", "current", "same"):
                idx = cur
            elif rel in ("year-ago", "year-earlier", "year earlier", "year ago", "prior-year", "comparable"):
                idx = cur - 1 - 4
            elif rel == "" and not m.group().lower().startswith("the"):
                return None  # a bare "quarter" (a fraction, a district)
            else:
                idx = cur - 1  # "the quarter", "the latest quarter", "last quarter": the one just reported
            value = f"{idx // 4:04d}-Q{idx % 4 + 1}"
            return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {value}")
        got = self._quarter_year(m, ctx, q)
        if got is None:
            return Norm("DATE", f"XXXX-Q{q}", anchor="none", explanation=self.no_dct(m.group()))
        y, how = got
        if rel in ("year-ago", "year-earlier", "year earlier", "year ago", "prior-year"):
            y -= 1
        value = f"{y:04d}-Q{q}"
        if how == "absolute":
            return Norm("DATE", value, explanation="names its quarter")
        return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {value}")

    def _n_fullyear(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "sales for the full year", "For the year, volume was flat": the year of publication."""
        if ctx.dct is None:
            return Norm("DATE", "XXXX", anchor="none", explanation=self.no_dct(m.group()))
        value = str(ctx.dct.year)
        return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {value}")

    def _n_yearended(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "for the year ended Sept. 30": a results period, the duration of a year."""
        return Norm(
            "DURATION",
            "P1Y",
            anchor="none",
            granularity="year",
            explanation=f"'{m.group()}': a year (a results period)",
        )

    def _n_yearend(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "by year-end", "the end of the year": the end of the year of publication ("since
        year-end": the one before); "the end of the month", "the beginning of the week", "the
        middle of the decade" likewise, with the modifier the table gives the phrase."""
        mod = self.t.date_mods[" ".join(m["mod"].lower().split()) + " of"] if m["mod"] else "END"
        unit = {"month": "M", "week": "W", "decade": "DE"}.get((m["u"] or "").lower(), "Y")
        if ctx.dct is None:
            return _undated(unit, self.no_dct(m.group()), mod)
        since = mod == "END" and _SINCE_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()]) is not None
        value = shift_value(ctx.dct, -1 if since else 0, unit)
        part = {"START": "the beginning", "MID": "the middle"}.get(mod, "the end")
        return self._pub(
            ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {part} of {format_value(value)}", mod=mod
        )

    def _n_period(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """Results news. "the year-earlier period", "year-earlier (profit)": the year before
        publication, made the same quarter a year earlier when a quarter was just named; "the latest
        period": the quarter just named (untagged without one)."""
        if m["py"]:
            # "the 1988 period": that year's quarter when results news just named one
            y = self.year(m["py"])
            qm = (
                _QUARTER_VALUE.match(ctx.quarter[0])
                if ctx.quarter and m.start() - ctx.quarter[1] <= 600
                else None
            )
            if qm is None:
                return Norm("DATE", f"{y:04d}", explanation="names its year")
            qv = f"{y:04d}-Q{qm.group(2)}"
            return Norm(
                "DATE",
                qv,
                anchor="quarter",
                anchor_value=ctx.quarter[0] if ctx.quarter else None,
                explanation=f"'{m.group()}': the quarter named just before, in {y} → {qv}",
            )
        if m["latest"]:
            if ctx.quarter is None or m.start() - ctx.quarter[1] > 600:
                return None
            qv = ctx.quarter[0]
            return Norm(
                "DATE",
                qv,
                anchor="quarter",
                anchor_value=qv,
                explanation=f"'{m.group()}': the quarter named just before → {qv}",
            )
        if ctx.dct is None:
            return Norm("DATE", "XXXX", anchor="none", explanation=self.no_dct(m.group()))
        y = str(ctx.dct.year - 1)
        return self._pub(ctx, y, f"'{m.group()}' in {ctx.dct_desc} → the year before, {y}")

    def _year_ago_quarter(self, ctx: Context, norm: Norm, span: str, pos: int) -> None:
        """Results news: "third-quarter net rose to $5 million from $4 million a year ago" compares
        quarters, so "a year ago" there is the same quarter a year earlier (1988-Q3), when the text
        named that quarter in this sentence or the two before and the phrase is a year-ago one."""
        assert ctx.quarter is not None
        if not self.t.year_ago_quarter.fullmatch(" ".join(span.lower().split())):
            return
        qv, qend = ctx.quarter
        i = bisect.bisect_right(ctx.sent_starts, pos) - 1
        # the adjectives of results tables ("the year-earlier period") reach further back
        back = 5 if _YEAR_AGO_WORD.search(span) else 2
        first = ctx.sent_starts[max(0, i - back)] if ctx.sent_starts else 0
        if qend < first or qend > pos + 200:
            return
        qm = _QUARTER_VALUE.match(qv)
        assert qm is not None
        year = int(qm.group(1)) - 1
        if str(year) != norm.value:
            return
        norm.value = f"{year}-Q{qm.group(2)}"
        norm.granularity = None
        norm.explanation = (
            f"{norm.explanation}; compared with the quarter named just before ({qv}) → the same "
            f"quarter a year earlier, {norm.value}"
        )

    @staticmethod
    def _code_year(m: re.Match[str]) -> int | None:
        """The year a quarter's or half's code gives ("Q3 2024", "Q3'24", "Q3 FY24", "3Q24")."""
        y = m["y"] or m["y2"] or m["yf"] or m["ya"]
        if y is None:
            return None
        return _full_year(y)

    def _n_qcode(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "Q3 2024", "3Q24": that quarter; "Q3" alone: the nearest one the clause's tense points to
        (a past one unless it speaks of the future), as "the third quarter" is read."""
        q = int(m["q"] or m["q2"])
        y = self._code_year(m)
        if y is not None:
            return Norm("DATE", f"{y:04d}-Q{q}", explanation="names its quarter")
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-Q{q}", anchor="none", explanation=self.no_dct(m.group()))
        y = ctx.dct.year
        cur = (ctx.dct.month - 1) // 3 + 1
        if q > cur and not ctx.future(m.start()):
            y -= 1
        elif q < cur - 1 and ctx.future(m.start()):
            y += 1
        value = f"{y:04d}-Q{q}"
        return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {value}")

    def _n_hcode(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "H1 2025", "1H24": that half-year."""
        y = self._code_year(m)
        if y is None:
            return None
        return Norm("DATE", f"{y:04d}-H{m['h'] or m['h2']}", explanation="names its half-year")

    def _n_dotted(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "20.03.2024": day, month, year."""
        return self._full_date(m, self.year(m["y"]), int(m["m"]), int(m["d"]))

    def _n_half(self, m: re.Match[str], ctx: Context) -> Norm | None:
        word = " ".join(m["ord"].lower().split())
        h = self.t.halves.get(word) or self.t.halves_with_year[word]
        if m["y"]:
            return Norm("DATE", f"{self.year(m['y'])}-H{h}", explanation="names its half-year")
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-H{h}", anchor="none", explanation=self.no_dct(m.group()))
        y = ctx.dct.year + {"last": -1, "next": 1}.get((m["rely"] or "").lower(), 0)
        return Norm(
            "DATE",
            f"{y}-H{h}",
            anchor="published",
            anchor_value=ctx.dct_value,
            explanation=f"'{m.group()}' in {ctx.dct_desc} → {y}-H{h}",
        )

    def _n_season(self, m: re.Match[str], ctx: Context) -> Norm | None:
        code = self.t.seasons[m["s"].lower()]
        rel = (m["rel"] or "").lower()
        mod = self.t.date_mods.get((m["mod"] or "").lower())
        if m["y"]:
            return Norm("DATE", f"{self.year(m['y'])}-{code}", mod=mod, explanation="names its season")
        nouns_before = self.t.season_nouns_before.get(m["s"].lower())
        if (
            nouns_before
            and not rel
            and not m["narr"]
            and (after := _NEXT_WORD.match(ctx.text, m.end()))
            and after[1].lower() in nouns_before
        ):
            return None  # "the fall in the value of its shares": a noun of change ("last fall in Ohio" stays)
        if m["narr"] and not rel:
            anaphoric = ctx.last_dated is not None and ctx.last_dated[2] <= m.start()
            if anaphoric or m["narr"].split()[-1].lower() != "next":
                return self._narrative_season(m, ctx, code, mod)
            rel = "next"  # "the next spring" in a text that gave no time before: the coming one
        if not rel and not m["the"]:
            return None
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-{code}", anchor="none", mod=mod, explanation=self.no_dct(m.group()))
        y = ctx.dct.year
        start = SEASON_MONTH[code]
        if not rel:
            # "the summer": the latest one begun by publication, or the next one in the future tense
            future = ctx.future(m.start())
            if future:
                y = y if start + 3 > ctx.dct.month else y + 1
            else:
                y = y if start <= ctx.dct.month else y - 1
            value = f"{y}-{code}"
            how = "future" if future else "past"
            return self._pub(
                ctx, value, f"'{m.group()}' ({how} tense) in {ctx.dct_desc} → {format_value(value)}", mod=mod
            )
        if rel in ("last", "past"):
            y = y if start + 3 <= ctx.dct.month else y - 1
        elif rel in ("next", "coming"):
            y = y if start > ctx.dct.month else y + 1
        value = f"{y}-{code}"
        return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {format_value(value)}", mod=mod)

    @staticmethod
    def _narrative_season(m: re.Match[str], ctx: Context, code: str, mod: str | None) -> Norm:
        """ "In the summer of 1969 … That autumn … The following spring": the season of the time the
        text last gave, or the first one after (before) it."""
        last = ctx.last_dated
        iv = value_interval(last[0]) if last is not None and last[2] <= m.start() else None
        if iv is None:
            return Norm(
                "DATE",
                f"XXXX-{code}",
                anchor="none",
                mod=mod,
                explanation=f"'{m.group()}': no earlier time in the text",
            )
        value, where, _ = last  # type: ignore[misc]
        first, end = iv
        month = SEASON_MONTH[code]
        word = " ".join(m["narr"].lower().split())
        if word in ("the following", "the next"):
            y = end.year + (1 if date(end.year, month, 1) <= end else 0)
            how = "the first after"
        elif word in ("the previous", "the preceding"):
            y = first.year - (1 if date(first.year, month, 1) >= first else 0)
            how = "the last before"
        else:
            y = first.year
            how = "the one of"
        out = f"{y:04d}-{code}"
        return Norm(
            "DATE",
            out,
            anchor="narrative",
            mod=mod,
            anchor_value=value,
            explanation=f"'{m.group()}': {how} {format_value(value)} (the time the text last gave, '{where}') "
            f"→ {format_value(out)}",
        )

    def _part_value(self, d: date | None, part: str | None, keep: bool = False) -> tuple[str, str]:
        """A day with a part of the day keeps the part only when ``keep`` ("this morning", "last
        night"); "Wednesday night" is dated at day granularity, as news annotation mostly writes it
        (and as events are dated)."""
        code = self.t.day_parts.get((part or "").lower()) if keep else None
        day = d.isoformat() if d else "XXXX-XX-XX"
        return ("TIME", f"{day}T{code}") if code else ("DATE", day)

    def _n_dayword(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if m["w"][:1].isupper() and _NAMED_SHOW_BEFORE.search(
            ctx.text, max(0, m.start("w") - 12), m.start("w")
        ):
            return None  # "told USA Today", "BBC Radio 4's Today programme", "on the Today show"
        w = " ".join(m["w"].lower().split())
        offset = self.t.day_words[w]
        part = m["part"] or ("night" if w == "tonight" else None)
        if ctx.dct is None:
            typ, value = self._part_value(None, part)
            return Norm(typ, value, anchor="none", explanation=self.no_dct(m.group()))
        d = ctx.dct + timedelta(days=offset)
        typ, value = self._part_value(d, part)
        mod = {"earlier": None, "later": None, "early": "START", "late": "END"}.get((m["mod"] or "").lower())
        return Norm(
            typ,
            value,
            anchor="published",
            mod=mod,
            anchor_value=ctx.dct_value,
            explanation=f"'{m.group()}' in {ctx.dct_desc} → {format_value(value)}",
        )

    def _n_thispart(self, m: re.Match[str], ctx: Context) -> Norm | None:
        rel = m["rel"].lower()
        offset = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
        part = m["part"]
        if rel == "last" and part.lower() not in ("night",):
            return None
        if ctx.dct is None:
            typ, value = self._part_value(None, part)
            return Norm(typ, value, anchor="none", explanation=self.no_dct(m.group()))
        typ, value = self._part_value(ctx.dct + timedelta(days=offset), part, keep=True)
        return Norm(
            typ,
            value,
            anchor="published",
            anchor_value=ctx.dct_value,
            explanation=f"'{m.group()}' in {ctx.dct_desc} → {format_value(value)}",
        )

    def _n_weekday(self, m: re.Match[str], ctx: Context) -> Norm | None:
        wd_s = m["wd"]
        if not wd_s[0].isupper():
            return None
        wd = self.t.weekdays[wd_s.lower()]
        rel = (m["rel"] or "").lower()
        if ctx.dct is None:
            typ, value = self._part_value(None, m["part"])
            return Norm(typ, value, anchor="none", explanation=self.no_dct(m.group()))
        dct = ctx.dct
        if rel in ("next", "coming"):
            delta = (wd - dct.weekday()) % 7 or 7
            how = "'next'"
        elif rel in ("last", "past"):
            delta = -((dct.weekday() - wd) % 7 or 7)
            how = f"'{rel}'"
            if rel == "last" and delta == -1:
                # "last Tuesday", written on a Wednesday, is not yesterday (that would be "yesterday"
                # or "on Tuesday") but the Tuesday of the week before
                delta, how = -8, "'last': not yesterday, the week before"
        elif rel == "this" or not rel or rel in ("early", "late"):
            future, how = ctx.leaning(m.start())
            delta = (_weekday_on(dct, wd, future) - dct).days
        else:
            return None
        d = dct + timedelta(days=delta)
        typ, value = self._part_value(d, m["part"])
        return Norm(
            typ,
            value,
            anchor="published",
            anchor_value=ctx.dct_value,
            explanation=f"'{m.group()}' ({how}) in {ctx.dct_desc} → {format_value(value)}",
        )

    def _unit_letter(self, u: str) -> str:
        return self.unit(u)

    def _n_narrday(self, m: re.Match[str], ctx: Context) -> Norm | None:
        base = ctx.narrative
        anchor = "narrative"
        desc = ctx.narrative_desc() if base else ""
        if base is None:
            if ctx.dct is None:
                return Norm(
                    "DATE",
                    "XXXX-XX-XX",
                    anchor="none",
                    explanation=f"'{m.group()}': no earlier date in the text",
                )
            base, anchor, desc = ctx.dct, "published", ctx.dct_desc
        unit_word = (m["u1"] or m["u2"] or "").lower()
        coarse = self._coarse_reference(m, ctx, unit_word)
        if coarse is not None:
            return coarse
        if unit_word == "year" and ctx.named_year is not None:
            # "In 1998 … Later that year": the year the text last named
            y, where = ctx.named_year
            return Norm(
                "DATE",
                f"{y:04d}",
                anchor="narrative",
                anchor_value=f"{y:04d}",
                explanation=f"'{m.group()}': the year the text last named ('{where}') → {y}",
            )
        if m["u1"]:
            unit = m["u1"].lower()
            if unit in ("week", "month", "year"):
                value = shift_value(base, 0, self.unit(unit))
            else:
                value = base.isoformat()
        elif m["u2"]:
            value = shift_value(base, 0, "Y") if m["u2"].lower() == "year" else base.isoformat()
        elif m["rel"]:
            value = (
                base + timedelta(days=1 if m["rel"].lower() in ("next", "following") else -1)
            ).isoformat()
        else:
            k = -1 if m["ba"].lower() == "before" else 1
            word = _CAPITAL_AFTER.match(ctx.text, m.end())
            if _DATE_AFTER.match(ctx.text, m.end()) or (word and word.group(1).lower() in self.t.weekdays):
                # "the day before last Tuesday's hearing": counted from that date, once it is read
                return Norm(
                    "DATE",
                    "XXXX-XX-XX",
                    anchor="none",
                    explanation=f"'{m.group()}': counted from the date that follows, which could not be read",
                    counts_from_next=(k, "D", m.end()),
                )
            value = (base + timedelta(days=k)).isoformat()
        return self._relative(m, value, anchor, base, desc)

    @staticmethod
    def _coarse_reference(m: re.Match[str], ctx: Context, unit_word: str) -> Norm | None:
        """ "The bill passed in March 2019 and was signed the following day": when the time the text
        last gave, after any day it moved to, is as coarse as the expression's unit or coarser, the
        expression lies within it (March 2019), not a day after the publication; granularity is not
        invented."""
        last = ctx.last_dated
        if last is None or last[2] <= ctx.narrative_at or last[2] > m.start() or len(last[0]) >= 10:
            return None
        i = bisect.bisect_right(ctx.sent_starts, m.start()) - 1
        if last[2] < (ctx.sent_starts[i - 1] if i > 0 else 0):
            return None  # a year named paragraphs before is background, not the story's time
        value, where, _ = last
        unit_gran = {"week": "week", "month": "month", "year": "year"}.get(unit_word, "day")
        gran = granularity_of(value)
        if _GRAN_RANK.get(gran, 0) < _GRAN_RANK[unit_gran]:
            return None
        what = (
            f"the {unit_gran} the text last gave ('{where}')"
            if gran == unit_gran
            else f"within the time the text last gave ('{where}'), which names no {unit_gran}"
        )
        return Norm(
            "DATE",
            value,
            anchor="narrative",
            anchor_value=value,
            explanation=f"'{m.group()}': {what} → {format_value(value)}",
        )

    def _n_withinunit(self, m: re.Match[str], ctx: Context) -> Norm | None:
        unit = self.unit(m["u"])
        rel = " ".join(m["rel"].lower().split())
        modw = " ".join(m["mod"].lower().split())
        mod = {"early": "START", "late": "END", "mid": "MID"}.get(modw) or self.t.date_mods.get(modw)
        if rel == "the same":
            anchor_d = ctx.narrative or ctx.dct
            if anchor_d is None:
                return _undated(unit, self.no_dct(m.group()), mod)
            value = shift_value(anchor_d, 0, unit)
            return Norm(
                "DATE",
                value,
                anchor="narrative" if ctx.narrative else "published",
                mod=mod,
                anchor_value=anchor_d.isoformat(),
                explanation=f"'{m.group()}' as {format_value(anchor_d.isoformat())} → {format_value(value)}",
            )
        if ctx.dct is None:
            return _undated(unit, self.no_dct(m.group()), mod)
        n = {"this": 0, "last": -1, "next": 1, "in the": 0}[rel]
        value = shift_value(ctx.dct, n, unit)
        return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {format_value(value)}", mod=mod)

    def _n_relunit(self, m: re.Match[str], ctx: Context) -> Norm | None:
        unit = self.unit(m["u"])
        rel = m["rel"].lower()
        # "the past week" and "the next month" are durations of one unit; "the last week" reads as the
        # week before
        if m["the"] and rel in ("past", "next", "coming") and unit != "WE":
            return self._duration(m, ctx, 1.0, unit, pre=f"the {rel}")
        if rel == "same":
            coarse = self._coarse_narrative(ctx, m.start(), unit)
            if coarse is not None and coarse[0] is not None:
                value = shift_value(coarse[0], 0, unit)
                return Norm(
                    "DATE",
                    value,
                    anchor="narrative",
                    anchor_value=coarse[1],
                    explanation=f"'{m.group()}' as {format_value(coarse[1])} (the time the text last gave, "
                    f"'{coarse[2][1]}') → {format_value(value)}",
                )
            anchor_d = ctx.narrative or ctx.dct
            if anchor_d is None:
                return None
            value = shift_value(anchor_d, 0, unit)
            return Norm(
                "DATE",
                value,
                anchor="narrative" if ctx.narrative else "published",
                anchor_value=anchor_d.isoformat(),
                explanation=f"'{m.group()}' as {format_value(anchor_d.isoformat())} → {format_value(value)}",
            )
        if rel in ("year-earlier", "year-ago"):
            if ctx.dct is None:
                return None
            value = shift_value(
                ctx.dct, -1 if unit == "Y" else -4 if unit == "Q" else -12, unit if unit != "Y" else "Y"
            )
            return self._pub(ctx, value, f"'{m.group()}' in {ctx.dct_desc} → {value}")
        n = self.t.relative.get(rel)
        if n is None:
            return None
        coarse = self._coarse_narrative(ctx, m.start(), unit) if rel in _NARRATIVE_RELS else None
        if coarse is not None:
            anchor_d, value, where = coarse
            if anchor_d is None:
                return _undated(
                    unit,
                    f"'{m.group()}': the time the text last gave ('{where[1]}') names no "
                    f"{UNIT_GRAN.get(unit, 'day')}",
                )
            value = shift_value(anchor_d, n, unit)
            return Norm(
                "DATE",
                value,
                anchor="narrative",
                anchor_value=where[0],
                explanation=f"'{m.group()}' relative to {format_value(where[0])} (the time the text last "
                f"gave, '{where[1]}') → {format_value(value)}",
            )
        if rel in _NARRATIVE_RELS and ctx.narrative is not None:
            anchor_d, anchor, desc = (
                ctx.narrative,
                "narrative",
                f"{format_value(ctx.narrative.isoformat())} (the time the text last moved to)",
            )
        elif ctx.dct is None:
            return _undated(unit, self.no_dct(m.group()))
        else:
            anchor_d, anchor, desc = ctx.dct, "published", ctx.dct_desc
        value = shift_value(anchor_d, n, unit)
        if unit == "WE":
            value = shift_value(anchor_d, n, "W") + "-WE"
        return self._relative(m, value, anchor, anchor_d, desc)

    @staticmethod
    def _coarse_narrative(
        ctx: Context, pos: int, unit: str
    ) -> tuple[date | None, str, tuple[str, str]] | None:
        """ "The FBI raided City Hall in March 2021. Garza was indicted the following year": when the
        time the text last gave before ``pos`` is a year or a month named after the last day it moved
        to, "the following year" counts from it (2022), not from that earlier day or the publication:
        the start of the time it names (None when it names no such unit: "In 2019 … the following
        month"), its value, and (value, text)."""
        last = ctx.last_dated
        if last is None or last[2] <= ctx.narrative_at or last[2] > pos or unit not in ("Y", "M", "W", "D"):
            return None
        value = last[0]
        if not _YEAR_OR_MONTH_VALUE.match(value):
            return None
        if unit != "Y" and (unit != "M" or len(value) < 7):
            return None, value, (value, last[1])
        start = date(int(value[:4]), int(value[5:7]) if len(value) >= 7 else 1, 1)
        return start, value, (value, last[1])

    def _n_weekend(self, m: re.Match[str], ctx: Context) -> Norm | None:
        rel = m.group().lower().split()[0]
        if ctx.dct is None:
            return Norm("DATE", "XXXX-WXX-WE", anchor="none", explanation=self.no_dct(m.group()))
        n = {"last": -1, "next": 1}.get(rel, 0)
        how = ""
        if rel == "the":
            # the coming weekend in a future clause or at the weekend, the last one in a past clause;
            # with no tense marker, the last one (news reports what happened: "The storm hit over
            # the weekend"), unless a deadline points ahead ("… to calm down by the weekend")
            if ctx.dct.weekday() >= 5:
                n, how = 0, " (published at the weekend)"
            else:
                ahead, why = ctx.leaning(m.start())
                n, how = (0 if ahead else -1), f" ({why})"
        value = shift_value(ctx.dct, n, "W") + "-WE"
        return self._pub(ctx, value, f"'{m.group()}'{how} in {ctx.dct_desc} → {value}")

    def _later_than(
        self, ctx: Context, m: re.Match[str], value: str, unit: str, base: date, mod: str | None, desc: str
    ) -> Norm:
        """ "<n> <units> later" counted from ``base``: ``value``, unless that is the time of publication
        or later and the clause does not say it happened or will ("nearly two decades later" of a 2007
        quake, in a story of 2025, "Eighteen years later we are still waiting": the story's present,
        no date to put on it)."""
        now = shift_value(ctx.dct, 0, unit) if ctx.dct is not None else None
        if now is not None and value >= now and not _said_to_happen(ctx.tense(m.start()), value == now):
            return _undated(
                unit,
                f"'{m.group()}' relative to {desc} would be {format_value(value)}, not before "
                f"{ctx.dct_desc}: the present, not a date",
                mod,
            )
        return Norm(
            "DATE",
            value,
            anchor="narrative",
            mod=mod,
            anchor_value=base.isoformat(),
            explanation=f"'{m.group()}' relative to {desc} → {format_value(value)}",
        )

    def _n_offset(self, m: re.Match[str], ctx: Context) -> Norm | None:
        norm = self._offset(m, ctx)
        if norm is None or m["dir"].lower() not in _SIGNALLED:
            return norm
        # TimeML: in "three days later" / "22 years after …" the time expression is the duration
        # ("three days", P3D) and "later" a signal; the day it points to is kept as its point
        unit = self.unit(m["u"])
        n = self.number(m["n"])
        if n is not None and m["half"]:
            n += 0.5
        point = norm.value if _YEAR_OR_DECADE_VALUE.match(norm.value) else None
        return Norm(
            "DURATION",
            duration_value(n, unit),
            anchor=norm.anchor if point else "none",
            explanation=norm.explanation,
            mod=norm.mod,
            anchor_value=norm.anchor_value if point else None,
            granularity=UNIT_GRAN.get(unit, "year"),
            end=m.start("dir"),
            point=point,
            counts_from_next=norm.counts_from_next,
        )

    def _offset(self, m: re.Match[str], ctx: Context) -> Norm | None:
        unit = self.unit(m["u"])
        n = self.number(m["n"])
        if n is not None and m["half"]:
            n += 0.5
        direction, basis = self.t.offsets[" ".join(m["dir"].lower().split())]
        dmod = self.t.duration_mods.get(" ".join((m["dmod"] or "").lower().split()))
        mod = "APPROX" if dmod else None
        if n is None:  # "several years ago"
            return Norm(
                "DATE",
                "PAST_REF" if direction < 0 else "FUTURE_REF",
                anchor="none",
                explanation=f"'{m.group()}': an unspecified number of {m['u']}",
            )
        if not float(n).is_integer() and unit == "Y" and float(n * 12).is_integer():
            n, unit = n * 12, "M"  # "a year and a half ago": 18 months
        if not float(n).is_integer():
            return None
        k = int(n) * direction
        if unit in ("DE", "CE"):
            k, unit = k * (10 if unit == "DE" else 100), "Y"
        word = m["dir"].lower()
        # "22 years after <something happened>": the sentence's own time minus 22 years dates that event
        if word in ("after", "before"):
            rest = ctx.text[m.end() : m.end() + 40]
            if _DATE_AFTER.match(rest) is not None:
                # "three years after the 2021 election": counted from that date, once it is read
                return Norm(
                    "DATE",
                    unknown_value(unit),
                    anchor="none",
                    mod=mod,
                    explanation=f"'{m.group()}': counted from the date that follows, which could not be read",
                    counts_from_next=(k, unit, m.end()),
                )
            if _WORD_AFTER.match(rest):
                if _DURATION_WORD_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
                    # "deliberated for two days before reaching a verdict": a duration, no point
                    return Norm(
                        "DURATION",
                        duration_value(abs(k), unit),
                        explanation=f"'{ctx.text[m.start() : m.start('dir')].strip()}' after "
                        f"'{ctx.text[max(0, m.start() - 8) : m.start()].split()[-1]}': how long, not a "
                        "count from another event",
                    )
                if _DATED_CLAUSE_AFTER.match(ctx.text, m.end()):
                    # "in December 2022, nearly a year after Russia's invasion on Feb. 24, 2022": what
                    # follows has its own date; the units date nothing
                    return Norm(
                        "DURATION",
                        duration_value(abs(k), unit),
                        mod=mod,
                        explanation=f"'{m.group()}' an event the text dates itself: how long between them",
                    )
                counted = self._from_sentence_time(m, ctx, k, unit, mod)
                if counted is not None:
                    return counted
                ref = ctx.dct
                if ref is None:
                    return _undated(
                        unit, f"'{m.group()}' another event: the publication date is unknown", mod
                    )
                value = shift_value(ref, -k, unit)
                return Norm(
                    "DATE",
                    value,
                    anchor="event",
                    mod=mod,
                    anchor_value=shift_value(ref, 0, unit),
                    explanation=f"'{m.group()}' another event: the sentence's time "
                    f"({shift_value(ref, 0, unit)}, from {ctx.dct_desc}) "
                    f"{'minus' if k > 0 else 'plus'} {abs(k)} {m['u']} → {format_value(value)}",
                )
        if basis == "narrative" and k > 0 and ctx.year_is_latest():
            # "They came here in 2007 … Eighteen years later": counted from the year the text last named
            y, where = ctx.named_year  # type: ignore[misc]
            if unit != "Y":
                return _undated(
                    unit, f"'{m.group()}' counts {m['u']} from {y} ('{where}'), which gives no {m['u']}", mod
                )
            return self._later_than(
                ctx,
                m,
                f"{y + k:04d}",
                unit,
                date(y, 1, 1),
                mod,
                ctx.named_year_desc(),
            )
        if basis == "narrative" and ctx.narrative is not None:
            anchor_d = ctx.narrative
            anchor = "narrative"
            desc = ctx.narrative_desc()
            if k > 0:
                return self._later_than(ctx, m, shift_value(anchor_d, k, unit), unit, anchor_d, mod, desc)
        elif basis == "narrative" and k > 0:
            # "two weeks later" with no earlier time in the text: later than what is unknown (the
            # publication date is no start: it would make a past event a future one)
            return _undated(unit, f"'{m.group()}': the text names no earlier time to count from", mod)
        elif ctx.dct is not None:
            anchor_d, anchor, desc = ctx.dct, "published", ctx.dct_desc
        else:
            return _undated(unit, self.no_dct(m.group()), mod)
        value = shift_value(anchor_d, k, unit)
        return Norm(
            "DATE",
            value,
            anchor=anchor,
            mod=mod,
            anchor_value=anchor_d.isoformat(),
            explanation=f"'{m.group()}' relative to {desc} → {format_value(value)}",
        )

    def _from_sentence_time(
        self, m: re.Match[str], ctx: Context, k: int, unit: str, mod: str | None
    ) -> Norm | None:
        """ "She retired in 2002, two years after the death of her husband": the time the sentence gave
        before the expression, minus the units, dates what follows (2000); at the coarser of the two
        granularities ("in December 2022, a week after his arrest": December 2022). None when the
        sentence gives no time before it."""
        last = ctx.last_dated
        if last is None or last[2] > m.start() or last[2] < ctx.sentence_start(m.start()):
            return None
        value, where, _ = last
        iv = value_interval(value)
        if iv is None:
            return None
        mid = iv[0] + (iv[1] - iv[0]) / 2
        gran = granularity_of(value)
        coarser = _GRAN_RANK.get(gran, 0) > _GRAN_RANK.get(UNIT_GRAN.get(unit, "year"), 0)
        out = _value_at(_shift_date(mid, -k, unit), gran) if coarser else shift_value(mid, -k, unit)
        if out is None:
            return None
        return Norm(
            "DATE",
            out,
            anchor="event",
            mod=mod,
            anchor_value=value,
            explanation=f"'{m.group()}' another event: the time the sentence gave before it "
            f"({format_value(value)}, '{where}') {'minus' if k > 0 else 'plus'} {abs(k)} {m['u']} "
            f"→ {format_value(out)}",
        )

    def _duration(self, m: re.Match[str], ctx: Context, n: float | None, unit: str, pre: str = "") -> Norm:
        value = duration_value(n, unit)
        dmod = None
        if "dmod" in m.groupdict() and m["dmod"]:
            dmod = self.t.duration_mods.get(" ".join(m["dmod"].lower().split()))
        norm = Norm(
            "DURATION",
            value,
            anchor="none",
            mod=dmod,
            granularity=UNIT_GRAN.get(unit, "year"),
            explanation=f"'{m.group()}': a duration of {fmt_num(n) if n is not None else 'some'} "
            f"{_unit_words(m, n)}".rstrip(),
        )
        pre_l = " ".join(pre.lower().split())
        if n is not None and float(n).is_integer() and unit in ("Y", "M", "W", "D", "DE", "CE", "Q"):
            anchor_d = ctx.dct
            if pre_l.endswith(("past", "last", "previous")) and anchor_d is not None:
                # "the past decade" in 2023: 2013-2023, counted in years, not the 2010s-2020s
                p_n, p_unit = (int(n) * _YEARS_IN[unit], "Y") if unit in _YEARS_IN else (int(n), unit)
                start = shift_value(anchor_d, -p_n, p_unit)
                end = shift_value(anchor_d, 0, p_unit)
                norm.period = (start, end)
                norm.anchor = "published"
                norm.anchor_value = ctx.dct_value
                norm.explanation = (
                    f"'{m.group()}' ending at {ctx.dct_desc} → period "
                    f"{format_value(start)}–{format_value(end)}"
                )
            elif pre_l.endswith(("next", "following")) and (
                pre_l.endswith("following") or ctx.tense(m.start(), skip=(m.start(), m.end())) is False
            ):
                # "She graduated in 1956. For the next decade she worked as a clerk": in a past
                # clause, the units after the time the text last named (1956-1966), not after the
                # publication date; "the following three years" always counts from that time
                self._after_narrative(m, ctx, norm, int(n), unit)
            elif pre_l.endswith(("next", "coming")) and anchor_d is not None:
                start = shift_value(anchor_d, 0, unit)
                end = shift_value(anchor_d, int(n), unit)
                norm.period = (start, end)
                norm.anchor = "published"
                norm.anchor_value = ctx.dct_value
                norm.explanation = (
                    f"'{m.group()}' from {ctx.dct_desc} → period {format_value(start)}–{format_value(end)}"
                )
        return norm

    @staticmethod
    def _after_narrative(m: re.Match[str], ctx: Context, norm: Norm, n: int, unit: str) -> None:
        """The period of ``n`` units from the time the text last named (the year it named, or the day it
        moved to, whichever came later), set on ``norm``; none when the text named no such time, or
        only a year and the units are finer (no month is invented)."""
        if unit in ("DE", "CE"):
            n, unit = n * (10 if unit == "DE" else 100), "Y"
        if ctx.year_is_latest():
            y, where = ctx.named_year  # type: ignore[misc]
            if unit != "Y":
                norm.explanation = f"'{m.group()}' after {y} ('{where}'): no {m['u']} to count from"
                return
            start_d, desc = date(y, 1, 1), ctx.named_year_desc()
        elif ctx.narrative is not None:
            start_d, desc = ctx.narrative, ctx.narrative_desc()
        else:
            norm.explanation = f"'{m.group()}' in a past clause: the text names no earlier time to count from"
            return
        start, end = shift_value(start_d, 0, unit), shift_value(start_d, n, unit)
        norm.period = (start, end)
        norm.anchor, norm.anchor_value = "narrative", start_d.isoformat()
        norm.explanation = f"'{m.group()}' after {desc} → period {format_value(start)}–{format_value(end)}"

    def _n_duration(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if m["old"]:
            return None  # ages ("44 years old")
        unit = self.unit(m["u"])
        n_s = m["n"].lower()
        n = self.number(n_s)
        if n is not None and m["half"]:
            n += 0.5
        pre = (m["pre"] or "").lower()
        if (
            n_s in ("a", "an")
            and not pre
            and not m["dmod"]
            and unit in ("D", "W", "M", "Y")
            and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
            and not _RATE_NOT_AFTER.match(ctx.text, m.end())
        ):
            # "$1 billion a year", "hundreds of interviews a day": a rate after an amount or a count
            return Norm(
                "SET",
                duration_value(1.0, unit),
                anchor="none",
                explanation=f"'{m.group()}': each {m['u'].lower()} (a rate)",
                granularity=UNIT_GRAN.get(unit, "year"),
            )
        if n_s in ("a", "an") and not pre and not m["dmod"]:
            before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
            if not _DURATION_WORD_BEFORE.search(before):
                return None
            if _PER_AFTER.match(ctx.text[m.end() : m.end() + 5]):
                return None
        after = ctx.text[m.end() : m.end() + 12]
        if _PER_WORD_AFTER.match(after) and pre == "":
            return None  # "three times a year" is a set, "two days a week" a frequency
        if n is None and n_s not in self.t.vague:
            return None
        if n is not None and n > 10000:
            return None
        if pre == "last" and self.t.last_verb_before.search(ctx.text, max(0, m.start() - 12), m.start()):
            # "expected to last four days": the verb, and a duration ("four days") after it
            norm = self._duration(m, ctx, n, unit, pre="")
            if norm is not None:
                norm.start = m.start("dmod") if m["dmod"] else m.start("n")
                norm.explanation = f"'last' is the verb: {norm.explanation}"
            return norm
        return self._duration(m, ctx, n, unit, pre=pre)

    def _n_vague(self, m: re.Match[str], ctx: Context) -> Norm | None:
        unit = self.unit(m["u"])
        return Norm(
            "DURATION",
            duration_value(None, unit),
            anchor="none",
            granularity=UNIT_GRAN.get(unit, "year"),
            explanation=f"'{m.group()}': an unspecified number of {m['u']}",
        )

    def _n_set(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if m["w"] and self._adjectival(m, m["w"].lower(), ctx.text):
            return None
        if m["smon"]:
            mon = self.month(m["smon"])
            if mon is None or not m["smon"][0].isupper():
                return None
            return Norm(
                "SET", f"XXXX-{mon:02d}", anchor="none", explanation=f"'{m.group()}': every {m['smon']}"
            )
        if m["w"]:
            return Norm(
                "SET",
                self.t.set_words[m["w"].lower()],
                anchor="none",
                explanation=f"'{m.group()}': recurring",
            )
        if m["wds"]:
            if not m["wds"][0].isupper():
                return None  # "fridays" in lower case: no weekday as news writes one
            part = self.t.day_parts.get((m["wdp"] or "").lower())
            value = f"XXXX-WXX-{self.t.weekdays[m['wds'].lower()] + 1}" + (f"T{part}" if part else "")
            return Norm("SET", value, anchor="none", explanation=f"'{m.group()}': every {m['wds']}")
        u = m["u"] or m["u2"]
        if u.lower() in self.t.weekdays:
            return Norm(
                "SET",
                f"XXXX-WXX-{self.t.weekdays[u.lower()] + 1}",
                anchor="none",
                explanation=f"'{m.group()}': every {u}",
            )
        unit = self.unit(u)
        n = 1.0
        if m["n"]:
            n = 2.0 if m["n"].lower() == "other" else (self.number(m["n"]) or 1.0)
        return Norm(
            "SET",
            duration_value(n, unit),
            anchor="none",
            explanation=f"'{m.group()}': recurring",
            granularity=UNIT_GRAN.get(unit, "year"),
        )

    def _adjectival(self, m: re.Match[str], w: str, text: str) -> bool:
        """ "the recent bomb attacks", "future earnings", "its quarterly dividend": an adjective
        before a noun dates nothing; "the future of X" is no time either."""
        if w not in self.t.adjectival and w != "the future":
            return False
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt is None:
            return False
        word = nxt.group(1)
        if w == "the future":
            return word.lower() == "of"
        return word.lower() not in self.t.not_nouns

    def _n_ref(self, m: re.Match[str], ctx: Context) -> Norm | None:
        w = " ".join(m["w"].lower().split())
        if self._adjectival(m, w, ctx.text):
            return None
        if w in self.t.vague_durations:
            value = self.t.vague_durations[w]
            return Norm(
                "DURATION", value, anchor="none", explanation=f"'{m.group()}': a span of unknown length"
            )
        if w in self.t.present_ref:
            value = "PRESENT_REF"
        elif w in self.t.past_ref:
            value = "PAST_REF"
        else:
            value = "FUTURE_REF"
        return Norm(
            "DATE",
            value,
            anchor="none",
            explanation=f"'{m.group()}': {value.split('_')[0].lower()} reference",
        )

    def _n_clock(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if _RESTATED_CLOCK.search(ctx.text, max(0, m.start() - 60), m.start()):
            # "at 10:35 a.m. (0735 GMT)", "at 1930 CDT on 1 June (0030 GMT 2 June)": the same time
            # again, in another zone; nothing in those brackets is tagged
            close = _RESTATEMENT_CLOSE.search(ctx.text, m.end(), m.end() + 40)
            if close is not None:
                ctx.restated = (m.start(), close.start())
            return None
        if m["nm"]:
            hm = "12:00" if m["nm"].lower() in ("noon", "midday") else "24:00"
        elif m["HH"]:
            hm = f"{m['HH']}:{m['MM']}"  # "1930 CDT"
        elif m["H24"]:
            before = ctx.text[max(0, m.start() - 8) : m.start()].lower().split()
            if not before or before[-1] not in self.t.clock_preceders:
                return None  # "won 11:00", "John 3:16": no time of day
            hm = f"{int(m['H24']):02d}:{m['M24']}"  # "at 11:00"
        else:
            h = int(m["H"])
            ap = (m["ap"] or "").lower()
            if h > 12:
                return None
            if ap.startswith("p") and h < 12:
                h += 12
            if ap.startswith("a") and h == 12:
                h = 0
            hm = f"{h:02d}:{m['M'] or '00'}"
        if m["mon"] and m["y"]:
            # "6:53 pm on Jan 13, 2010": the date and the time
            mon = self.month(m["mon"])
            dm = (
                None
                if mon is None
                else self._full_date(m, self.year(m["y"]), mon, int(_LEADING_DIGITS.match(m["d"]).group()))
            )
            if dm is None:
                return None
            value = f"{dm.value[:10]}T{hm}"
            return Norm(
                "TIME", value, explanation=f"'{m.group()}' names its date and time → {format_value(value)}"
            )
        if m["mon"]:
            # "5 p.m. EST Nov. 9": the date dates the clock time (its day: the date reads the clock's
            # hour and minute too)
            dm = self._named_day(m, ctx)
            return (
                None if dm is None else self._restated(dm, "TIME", f"{dm.value[:10]}T{hm}", f"'{m.group()}'")
            )
        if m["wd"] and m["wd"][0].isupper() and ctx.dct is not None:
            # "10 p.m. Wednesday": the weekday dates the clock time, by the sentence's tense
            wd = self.t.weekdays[m["wd"].lower()]
            future, how = ctx.leaning(m.start())
            d = _weekday_on(ctx.dct, wd, future)
            value = f"{d.isoformat()}T{hm}"
            return self._pub(
                ctx, value, f"'{m.group()}' ({how}) in {ctx.dct_desc} → {format_value(value)}", typ="TIME"
            )
        if ctx.dct is not None and _alone_on_its_line(ctx.text, m.start(), m.end()):
            # "07:55 GMT" on a line of its own heads an entry of a live page: the page's day, not the
            # day its last entry told of ("gusts … on Friday night")
            value = f"{ctx.dct.isoformat()}T{hm}"
            return self._pub(
                ctx,
                value,
                f"'{m.group().strip()}' heads an entry (a line of its own) in {ctx.dct_desc} → "
                f"{format_value(value)}",
                typ="TIME",
            )
        if (
            ctx.narrative is not None
            and ctx.dct is not None
            and ctx.narrative < ctx.dct
            and ctx.tense(m.start()) is True
        ):
            # "It happened on Saturday. The strike starts at midnight.": the clause is in the
            # future, so the time is not on the past day the narrative is at
            value = f"{ctx.dct.isoformat()}T{hm}"
            return self._pub(
                ctx,
                value,
                f"'{m.group().strip()}' (future tense) in {ctx.dct_desc} → {format_value(value)}",
                typ="TIME",
            )
        return self._on_the_day(ctx, hm, f"'{m.group().strip()}'")

    @staticmethod
    def _on_the_day(ctx: Context, hm: str, what: str, start: int | None = None) -> Norm:
        """A time of day ``hm`` on the day the narrative is at, else the day of publication."""
        base = ctx.narrative or ctx.dct
        day = base.isoformat() if base else "XXXX-XX-XX"
        return Norm(
            "TIME",
            f"{day}T{hm}",
            anchor="narrative" if ctx.narrative else ("published" if base else "none"),
            anchor_value=day if base else None,
            explanation=f"{what} on {format_value(day) if base else 'an unknown day'}",
            start=start,
            end=None if start is None else start + 4,
            day_from_context=True,
        )

    def _live_time(self, m: re.Match[str], ctx: Context) -> Norm:
        """ "2012 Thomas Ewald … tells the Miami Herald": on a live page, the time of the entry."""
        digits = m.group()[:4]  # the candidate starts at the entry's four digits
        hm = f"{digits[:2]}:{digits[2:]}"
        what = f"'{digits}' opens an entry of a live page (its lines begin with the time) → {hm}"
        # the day a heading of the page moved to ("Wednesday 13 January"), else the day of
        # publication: not a day an entry mentions ("… the pain of earthquake on 12 May 2008",
        # "Yesterday, rescuers …")
        narrative, narrative_text = ctx.narrative, ctx.narrative_text
        for day, span, s, e in ctx.near_days[ctx.near_days_read :]:
            if _alone_on_its_line(ctx.text, s, e):
                ctx.page_day = (day, span)
        ctx.near_days_read = len(ctx.near_days)
        ctx.narrative, ctx.narrative_text = ctx.page_day or (None, "")
        try:
            return self._on_the_day(ctx, hm, what, m.start())
        finally:
            ctx.narrative, ctx.narrative_text = narrative, narrative_text

    def _n_weekof(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "the week of March 6": the ISO week holding that day."""
        dm = self._named_day(m, ctx)
        if dm is None or not _DAY_VALUE.match(dm.value):
            return dm
        value = week_value(date.fromisoformat(dm.value))
        return self._restated(dm, "DATE", value, f"'{m.group()}': the week of {format_value(dm.value)}")

    def _n_monthquarter(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """ "the December quarter": the calendar quarter holding that month, in the year a bare month
        name would have."""
        mon = self.month(m["mon"])
        if mon is None or not m["mon"][0].isupper():
            return None
        q = (mon - 1) // 3 + 1
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-Q{q}", anchor="none", explanation=self.no_dct(m.group()))
        got = self._year_for(mon, None, ctx, m.start())
        assert got is not None
        value = f"{got[0]:04d}-Q{q}"
        return self._pub(
            ctx,
            value,
            f"'{m.group()}': the quarter of {m['mon']} ({got[1]}) in {ctx.dct_desc} → {format_value(value)}",
        )

    def _named_day(self, m: re.Match[str], ctx: Context) -> Norm | None:
        """The month-day a match names in its ``mon`` and ``d`` groups, its year found as for "Nov. 9"."""
        mon = self.month(m["mon"])
        return (
            None if mon is None else self._month_day(m, ctx, mon, int(_LEADING_DIGITS.match(m["d"]).group()))
        )

    @staticmethod
    def _restated(dm: Norm, typ: str, value: str, what: str) -> Norm:
        """A value built on a resolved day, keeping that day's anchor."""
        return Norm(
            typ,
            value,
            anchor=dm.anchor,
            anchor_value=dm.anchor_value,
            explanation=f"{what} → {format_value(value)}",
        )

    def _n_holiday(self, m: re.Match[str], ctx: Context) -> Norm | None:
        if not m["h"][0].isupper():
            return None
        after = _NEXT_WORD.match(ctx.text, m.end())
        if (
            after is not None
            and after.group(1)[0].isupper()
            and after.group(1).lower() in self.t.not_holiday_before
        ):
            return None  # "Christmas Island", "the Easter Rising"
        if after is not None and after.group(1).lower() in self.t.holiday_things:
            return None  # "it retaliated against Christmas trees": things of the holiday, no day
        rule = self.t.holidays[" ".join(m["h"].lower().replace("’", "'").split())]
        easter_based = rule[0] == 0
        tense = "past tense"
        y = self.year(m["y"]) if m["y"] else (ctx.dct.year if ctx.dct else None)
        if not m["y"] and ctx.dct is not None:
            # the year by where the holiday falls in the year of publication (Labor Day 2016 on 5
            # September: "a Labor Day cookout" written on 8 September is that one)
            near = _holiday_date(rule, ctx.dct.year)
            got = self._year_for(near.month, near.day, ctx, m.start(), tense_decides=True)
            if got is not None:
                y, tense = got
        if y is None:
            return Norm(
                "DATE",
                "XXXX-XX-XX"
                if easter_based
                else f"XXXX-{rule[0]:02d}" + (f"-{rule[1]:02d}" if len(rule) == 2 else ""),
                anchor="none",
                explanation=self.no_dct(m.group()),
            )
        d = _holiday_date(rule, y)
        if m["y"]:
            return Norm("DATE", d.isoformat(), explanation="names its holiday and year")
        return Norm(
            "DATE",
            d.isoformat(),
            anchor="published",
            anchor_value=ctx.dct_value,
            explanation=f"'{m.group()}' has no year; the one nearest {ctx.dct_desc}, {tense} → "
            f"{format_value(d.isoformat())}",
        )

    # ------------------------------------------------------------------------------------ tagging
    #: words (Latin letters) and digit runs, each captured for ``split``. Each opens with one
    #: character class (not a repeat), so that ``re`` skips to the next letter or digit in C rather
    #: than trying the pattern at every position: the digits' split costs 2.4x fewer instructions.
    #: In an ASCII text a digit is 0-9. (The words of a text lower-cased in place are read as bytes:
    #: util.regex.lower_word_lines.)
    _ALPHA = re.compile(r"([A-Za-z][A-Za-z]*)")
    _DIGITS = re.compile(r"(\d\d*)")
    _ASCII_DIGITS = re.compile(r"([0-9][0-9]*)")

    def candidates(self, text: str, lowered: str) -> list[tuple[int, int, int, str, re.Match[str]]]:
        """Pattern matches. A pattern is only tried near the trigger words it needs (a month name, a
        unit, a digit ...), found in one pass over the words of the text: at the words it can start
        with (_at_tokens) or, when a pattern's start cannot be read or the text cannot be
        lower-cased in place, by scanning windows around those triggers. ``lowered``:
        ``lowered_in_place(text)``."""
        # trigger words with their classes, and digit runs that can be years, decades, clock times
        # or short days, in text order
        words: list[str] | list[bytes]
        if lowered is text:
            # a text whose lower-casing would move offsets ("İstanbul"): its words are looked up
            # lower-cased one by one
            words, word_starts, ends = split_runs(self._ALPHA, lowered)
            words = list(map(str.lower, words))
            masks = list(map(self.p.word_classes.get, words, itertools.repeat(0)))
            hits = list(itertools.compress(zip(word_starts, ends, masks, strict=False), masks))
        else:
            # the words as bytes pieces (b"march\n", b"\n" between): the tables keyed so
            words, word_starts = lower_word_lines(lowered)
            masks = list(map(self._word_classes_b.get, words))
            # the few trigger words picked from each list apart: no tuple for every word
            hits = [
                (s, s + len(w) - 1, mask)
                for s, w, mask in zip(
                    itertools.compress(word_starts, masks),
                    itertools.compress(words, masks),
                    itertools.compress(masks, masks),
                    strict=True,
                )
            ]
        digits, starts, ends = split_runs(self._ASCII_DIGITS if text.isascii() else self._DIGITS, lowered)
        # four digits that can be a year (1500-2099), and two ending in 0 ("the '90s"), are also the
        # year and decade patterns' triggers: the other numbers of financial news ("$27 million",
        # "5.3%") need not be scanned for years
        year, tens = self.p.year_bit, self.p.tens_bit
        decade = year | self.p.decade_year_bit  # "1990": a year, and the start of "the 1990s"
        hits += [
            (s, e, tens) for s, e, d in zip(starts, ends, digits, strict=False) if len(d) == 2 and d[1] == "0"
        ]
        hits += [
            (s, e, decade if d[3] == "0" else year)
            for s, e, d in zip(starts, ends, digits, strict=False)
            if len(d) == 4 and "1500" <= d <= "2099"
        ]
        # one or two digits before a colon ("at 11:00"): the clock pattern's own trigger; before a
        # slash ("9/11"): the famous short days'
        for mark, bit in ((":", self.p.colon_bit), ("/", self.p.slash_bit)):
            if mark in lowered:
                hits += [
                    (s, e, bit)
                    for s, e, d in zip(starts, ends, digits, strict=False)
                    if len(d) <= 2 and lowered[e : e + 1] == mark
                ]
        hits.sort()
        if lowered is not text and self._start_masks is not None:
            return self._at_tokens(text, lowered, words, word_starts, starts, hits)
        # where each trigger class occurs: a pattern's windows come from its classes only
        by_bit: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for s, e, mask in hits:
            while mask:
                bit = mask & -mask
                by_bit[bit].append((s, e))
                mask ^= bit
        out = []
        n = len(text)
        by_need: dict[int, list[tuple[int, int]]] = {}
        folded = lowered is not text
        items = zip(self.p.items, self.p.needs, self._lowered, strict=True)
        for prio, ((name, pat), need, low_pat) in enumerate(items):
            windows = by_need.get(need)
            if windows is None:
                windows = by_need[need] = self._windows(by_bit, need, n)
            if folded and low_pat is not None:
                # scan the lower-cased text; the handlers get the same match on the original text
                for ws, we in windows:
                    for m in low_pat.finditer(lowered, ws, we):
                        if m.end() > m.start():
                            orig = pat.match(text, m.start(), we)
                            if orig is not None and orig.end() == m.end():
                                out.append((m.start(), m.end(), prio, name, orig))
                continue
            for ws, we in windows:
                for m in pat.finditer(text, ws, we):
                    if m.end() > m.start():
                        out.append((m.start(), m.end(), prio, name, m))
        return out

    #: how far before a trigger of its classes a match can start
    _REACH = 48
    #: how many words' start masks are kept (_at_tokens)
    _KNOWN_WORDS = 200_000

    def _at_tokens(
        self,
        text: str,
        lowered: str,
        words: list[bytes],
        word_starts: list[int],
        digit_starts: list[int],
        hits: list[tuple[int, int, int]],
    ) -> list[tuple[int, int, int, str, re.Match[str]]]:
        """Pattern matches, each pattern tried only at the words, numbers and marks it can start with
        (its first letters or short words, read from the pattern: util.regex.start_tokens) that lie at most
        _REACH characters before one of its triggers. Every match contains a trigger, so this finds
        what scanning every position around the triggers finds, with a fraction of the attempts."""
        # each word's patterns (by its first letters, or the whole word); every number's; the other
        # marks'
        # (a word met for the first time is read by _StartMasks.__missing__)
        word_masks = list(map(self._start_masks.__getitem__, words))  # type: ignore[union-attr]
        tokens = list(
            zip(
                itertools.compress(word_starts, word_masks),
                itertools.compress(word_masks, word_masks),
                strict=True,
            )
        )
        if self._digit_mask:
            tokens += zip(digit_starts, itertools.repeat(self._digit_mask))
        hit_starts = [h[0] for h in hits]
        hit_masks = [h[2] for h in hits]
        n_hits = len(hit_starts)
        reach = self._REACH
        if self._other_starts is not None:
            # the other marks (the apostrophe of "'90s") are looked for only within reach before a
            # trigger of their patterns' classes: nowhere else could they start a pattern to try
            other_at, other_masks, need = self._other_starts.finditer, self._other_masks, self._other_need
            scanned = 0
            for s, mask in zip(hit_starts, hit_masks, strict=True):
                if mask & need and s >= scanned:
                    ws = max(scanned, s - reach)
                    tokens += ((m.start(), other_masks[m.group()]) for m in other_at(lowered, ws, s + 1))
                    scanned = s + 1
        tokens.sort()
        token_starts = list(map(operator.itemgetter(0), tokens))
        todo_of = self._todo
        after = [0] * len(self.p.items)  # per pattern: where its last match ended
        out: list[tuple[int, int, int, str, re.Match[str]]] = []
        bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
        done = 0  # tokens before this one have been tried
        for j, s in enumerate(hit_starts):
            # the tokens within reach before this trigger, not already tried for an earlier one
            first = max(done, bisect_left(token_starts, s - reach, done))
            done = bisect_right(token_starts, s, first)
            for t in range(first, done):
                q, mask = tokens[t]
                # the classes of the triggers that start within reach after q (this one first)
                near = hit_masks[j]
                k = j + 1
                while k < n_hits and hit_starts[k] - q <= reach:
                    near |= hit_masks[k]
                    k += 1
                key = near << 64 | mask
                todo = todo_of.get(key)
                if todo is None:
                    todo = todo_of[key] = self._patterns_to_try(mask, near)
                for prio, name, pat, low_pat in todo:
                    if q < after[prio]:
                        continue
                    if low_pat is None:
                        m = pat.match(text, q)
                        if m is not None:
                            after[prio] = m.end()
                            out.append((q, m.end(), prio, name, m))
                        continue
                    m = low_pat.match(lowered, q)
                    if m is not None:
                        e = after[prio] = m.end()
                        # the handlers get the same match on the original text
                        orig = pat.match(text, q)
                        if orig is not None and orig.end() == e:
                            out.append((q, e, prio, name, orig))
        return out

    def _patterns_to_try(
        self, mask: int, near: int
    ) -> tuple[tuple[int, str, re.Pattern[str], re.Pattern[str] | None], ...]:
        """The patterns (priority, name, pattern, its lower-case form) a token can start (``mask``)
        whose trigger classes are among those nearby (``near``)."""
        return tuple(
            (prio, name, pat, low)
            for prio, ((name, pat), need, low) in enumerate(
                zip(self.p.items, self.p.needs, self._lowered, strict=True)
            )
            if mask >> prio & 1 and need & near
        )

    @staticmethod
    def _windows(by_bit: dict[int, list[tuple[int, int]]], need: int, n: int) -> list[tuple[int, int]]:
        """_REACH characters either side of each trigger of the classes in ``need``, overlaps merged."""
        lists = [spans for bit, spans in by_bit.items() if bit & need]
        if not lists:
            return []
        spans = lists[0] if len(lists) == 1 else sorted(itertools.chain.from_iterable(lists))
        win_s = win_e = -1
        windows: list[tuple[int, int]] = []
        for s, e in spans:
            ws, we = max(0, s - Tagger._REACH), min(n, e + Tagger._REACH)
            if ws <= win_e:
                win_e = we
            else:
                if win_e > 0:
                    windows.append((win_s, win_e))
                win_s, win_e = ws, we
        if win_e > 0:
            windows.append((win_s, win_e))
        return windows

    @staticmethod
    def _count_from(tx: Timex, k: int, unit: str, signal_end: int, date_tx: Timex, text: str) -> None:
        """ "three years after the 2021 election": the date right after the signal, plus (or minus)
        the units, is the time the duration points to, when that date is fine enough to count them
        from (a year counts years, not days)."""
        gap = _SIGNAL_TO_DATE.match(text, signal_end)
        value = date_tx.value
        if (
            gap is None
            or gap.end() != date_tx.start
            or date_tx.type != "DATE"
            or not _CALENDAR_VALUE.match(value)
        ):
            return
        what = f"'{text[tx.start : signal_end]} {date_tx.text}'"
        dated = tx.type == "DATE"  # "the day before last Tuesday": a date, not a duration's point
        if unit not in _COUNTABLE_FROM.get(len(value), ()):
            if dated:
                # "the day before the 2020 election": a day of 2020, no finer
                tx.value, tx.granularity = value, granularity_of(value)
                tx.anchor, tx.anchor_value = "event", value
                tx.explanation = f"{what}: a day of {format_value(value)}, which gives no day to count from"
            else:
                tx.explanation = f"{what}: {format_value(value)} is too coarse to count {tx.text} from"
            return
        y, mo, d = (int(x) for x in (value + "-01-01")[:10].split("-"))
        anchor_day = date(y, mo, d)
        if len(value) == 10 and unit == "W":  # "two weeks after 4 December": a day, as the anchor is
            point = day_value(anchor_day + timedelta(weeks=k))
        else:
            point = shift_value(anchor_day, k, unit)
        tx.anchor, tx.anchor_value = "event", value
        if dated:
            tx.value, tx.granularity = point, granularity_of(point)
            tx.explanation = f"{what}: the day {'after' if k > 0 else 'before'} {format_value(value)} → {format_value(point)}"
            return
        tx.point = point
        tx.explanation = (
            f"{what}: {format_value(value)} {'plus' if k > 0 else 'minus'} {tx.text} → {format_value(point)}"
        )

    @staticmethod
    def _order_range(first: Timex, second: Timex, text: str) -> None:
        """Two weekdays that bound a range ("from Monday to Friday", "between Tuesday and
        Thursday"), each dated by its own clause, that came out in the wrong order: the range lies
        on the side of publication its tense points to, so the end moves a week on (the first day
        was dated ahead) or the start a week back."""
        if not (_DAY_VALUE.match(first.value) and _DAY_VALUE.match(second.value)):
            return
        if not _RANGE_GAP.fullmatch(text, first.end, second.start) or not _RANGE_OPEN.search(
            text, max(0, first.start - 10), first.start
        ):
            return
        a, b = date.fromisoformat(first.value[:10]), date.fromisoformat(second.value[:10])
        if b >= a:
            return
        what = f"the range '{text[first.start : second.end]}'"
        if first.anchor_value and a > date.fromisoformat(first.anchor_value[:10]):
            b += timedelta(days=7)
            second.value = b.isoformat() + second.value[10:]  # type: ignore[assignment]
            second.explanation = (
                f"{what} ends after it starts ({format_value(first.value)}) → {format_value(b.isoformat())}"
            )
        else:
            a -= timedelta(days=7)
            first.value = a.isoformat() + first.value[10:]  # type: ignore[assignment]
            first.explanation = (
                f"{what} starts before it ends ({format_value(second.value)}) → {format_value(a.isoformat())}"
            )

    @staticmethod
    def _date_the_time(tx: Timex, day: Timex, text: str) -> None:
        """A time of day the narrative or the publication day dated ("at 1930 CDT"), right before
        the day that dates it ("… on 1 June", "…, Thursday"): it takes that day."""
        if not _ON_DAY_GAP.fullmatch(text, tx.end, day.start):
            return
        value = f"{day.value}{tx.value[10:]}"
        tx.value = value  # type: ignore[assignment]
        tx.anchor, tx.anchor_value = day.anchor, day.anchor_value or day.value
        tx.explanation = f"'{tx.text}' on '{day.text}' → {format_value(value)}"

    @staticmethod
    def select(
        cands: list[tuple[int, int, int, str, re.Match[str]]],
    ) -> list[tuple[int, int, int, str, re.Match[str]]]:
        """Non-overlapping candidates, longest first (then pattern priority), in text order."""
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
        chosen: list[tuple[int, int, int, str, re.Match[str]]] = []
        for c in cands:
            if chosen and c[0] < chosen[-1][1]:
                last = chosen[-1]
                if (c[1] - c[0]) > (last[1] - last[0]) and (len(chosen) < 2 or c[0] >= chosen[-2][1]):
                    chosen[-1] = c
                continue
            chosen.append(c)
        return chosen

    def tag(
        self,
        text: str,
        dct: str | None,
        dct_description: str | None,
        sentences: list[tuple[int, int]],
        start_at: int = 0,
    ) -> list[Timex]:
        dct_date: date | None = None
        if dct:
            try:
                dct_date = date.fromisoformat(dct[:10])
            except ValueError:
                dct_date = None
        desc = dct_description or (
            f"a source published {dct[:10]}" if dct_date else "a source of unknown date"
        )
        ctx = Context(
            text=text,
            dct=dct_date,
            dct_value=dct[:10] if dct_date else None,
            dct_desc=desc,
            sent_starts=[s for s, _ in sentences],
            sentences=sentences,
            tables=self.t,
        )
        lowered = lowered_in_place(text)
        if lowered is not text and self._low_markers is not None:
            ctx.marker_text, ctx.markers = lowered, self._low_markers
        else:
            ctx.marker_text, ctx.markers = text, self._markers
        out: list[Timex] = []
        cands = self.select(self.candidates(text, lowered))
        pending: list[tuple[int, int, int, str, re.Match[str]]] = []
        for c in cands:
            if c[0] < start_at:
                continue
            pending.append(c)
        live: set[int] | None = None  # the entries of a live page, found once a year could open one
        after_contextual = False  # the last expression is a time of day the context dated
        #: the last expression, when it counts from the date that follows it ("three years after
        #: the 2021 election"): it, the signed units and where its signal ends
        counted: tuple[Timex, int, str, int] | None = None
        weekday_at: set[int] = set()  # where the expressions read as weekdays start
        for start, end, _prio, name, m in pending:
            if ctx.restated is not None and ctx.restated[0] < start < ctx.restated[1]:
                continue  # "(0030 GMT 2 June)": the day of a restated time
            if _not_a_time(text, start, end):
                continue
            if name == "year" and live is None and _may_open_entry(text, start):
                live = _live_blog_times(text) | _inline_live_times(text, self.t.year_preceders)
            if live and start in live and name == "year":
                norm = self._live_time(m, ctx)
            else:
                norm = self._handlers[name](m, ctx)
            if norm is None:
                continue
            s = norm.start if norm.start is not None else start
            e = norm.end if norm.end is not None else end
            if "x" in m.re.groupindex and m.start("x") >= 0:
                s, e = m.start("x"), m.end("x")
            span = text[s:e]
            # TimeML extents: no possessive, no leading "in", no article before a decade or before an
            # adjectival duration or quarter ("the 14-day truce" -> "14-day", "the third-quarter loss")
            if span.endswith(("'s", "’s")):
                e -= 2
                span = span[:-2]
            lead = _EXTENT_LEAD.match(span)
            if lead and (
                (lead.group(1).lower() == "in" and norm.value.endswith("_REF"))
                or (
                    lead.group(1).lower() == "the"
                    and (name == "decade" or (name in ("duration", "quarter") and _ADJECTIVAL.search(span)))
                )
            ):
                s += lead.end()
                span = span[lead.end() :]
            # trim trailing/leading punctuation and whitespace the patterns may include
            while (
                span
                and span[-1] in " \t\r\n,.;:"
                and not span.endswith(("a.m.", "p.m."))
                and not _ABBREVIATED_END.search(span)
            ):
                e -= 1
                span = span[:-1]
            if ctx.quarter is not None and _YEAR_VALUE.match(norm.value):
                self._year_ago_quarter(ctx, norm, span, s)
            gran = norm.granularity or granularity_of(norm.value)
            tx = Timex(
                start=s,
                end=e,
                text=span,
                type=norm.type,
                value=norm.value,  # type: ignore[arg-type]
                granularity=gran,
                anchor=norm.anchor,
                explanation=norm.explanation,  # type: ignore[arg-type]
                mod=norm.mod,
                anchor_value=norm.anchor_value,
                period_start=norm.period[0] if norm.period else None,
                period_end=norm.period[1] if norm.period else None,
                point=norm.point,
            )
            if name == "month" and norm.type == "DATE" and len(norm.value) == 7:
                # "On the night of 13-14 April": the month alone was read (a number after a dash starts
                # no date); its two days are tagged, and the narrative moves to the second
                days = self._two_days_before(tx, text, out[-1].end if out else 0)
                if days is not None:
                    out.append(days[0])
                    tx = days[1]
                    norm = replace(norm, value=tx.value, granularity="day")
                    s, e, span = tx.start, tx.end, tx.text
            if after_contextual and norm.type == "DATE" and _DAY_VALUE.match(norm.value):
                self._date_the_time(out[-1], tx, text)
            after_contextual = norm.day_from_context
            if name == "weekday" and out and out[-1].start in weekday_at:
                self._order_range(out[-1], tx, text)
            if name == "weekday":
                weekday_at.add(s)
            if counted is not None:
                self._count_from(*counted, tx, text)
            counted = (tx, *norm.counts_from_next) if norm.counts_from_next else None
            out.append(tx)
            if (
                norm.type == "DATE"
                and _QUARTER_VALUE.match(norm.value)
                and not _COMPARED_QUARTER.search(span)
            ):
                ctx.quarter = (norm.value, e)
            if (
                norm.type == "DATE"
                and _CALENDAR_VALUE.match(norm.value)
                and (norm.anchor == "absolute" or len(norm.value) == 10)
            ):
                # a year the text names, or the year of a day it moves to
                ctx.named_year = (int(norm.value[:4]), span)
                ctx.named_year_at = e
            if norm.type in ("DATE", "TIME") and _CALENDAR_DAY_OR_COARSER.match(norm.value):
                ctx.last_dated = (norm.value[:10], span, e)
            dated = norm.point if norm.point else (norm.value if norm.type in ("DATE", "TIME") else "")
            if _DAY_PREFIX.match(dated) and not _SINCE_BEFORE.search(text, max(0, s - 70), s):
                # (a day after "since" starts a period that lasts until now: "the first time the flow
                # has stopped since an explosion on the rig on 20 April" leaves the narrative where it is)
                ctx.narrative = date.fromisoformat(dated[:10])
                ctx.narrative_text = span
                ctx.narrative_at = e
                if ctx.dct is not None and abs((ctx.narrative - ctx.dct).days) <= self.t.live_page_days:
                    ctx.near_days.append((ctx.narrative, span, s, e))
        return self._coordinate_days(out, text)

    def _coordinate_days(self, out: list[Timex], text: str) -> list[Timex]:
        """The other day of a month a date shares ("April 24 and 25", "the 14th and 15th of July",
        "May 1-3, 2024"), tagged on its own as TimeML does, with the month and year of the date ("10-12
        March", where the month was read alone, is read in ``tag``)."""
        t = self.t
        res: list[Timex] = []
        for i, tx in enumerate(out):
            if tx.type == "DATE" and len(tx.value) == 4 and tx.text[-4:] == tx.value:
                res.append(tx)
                second = _consecutive_short_year(int(tx.value), text, tx.end)
                if second is not None:
                    # "the 2008-09 season", "FY2023/24": the year after it too
                    value = f"{int(tx.value) + 1:04d}"
                    res.append(
                        replace(
                            tx,
                            start=second.start(1),
                            end=second.end(1),
                            text=second[1],
                            value=value,
                            explanation=f"'{second[1]}': the second year of '{text[tx.start : second.end()]}' "
                            f"→ {value}",
                        )
                    )
                continue
            # a day (a month's days before it were read in tag: _two_days_before)
            if tx.type != "DATE" or not _YEAR_MONTH_DAY.match(tx.value):
                res.append(tx)
                continue
            lo = res[-1].end if res else 0
            hi = out[i + 1].start if i + 1 < len(out) else len(text)
            ym = tx.value[:7]
            d = int(tx.value[8:])
            if tx.text[:1].isdigit() or tx.text[:4].lower() == "the ":
                m = t.day_before.search(text, max(lo, tx.start - 16), tx.start)
                day = int(m["d"].rstrip("stndrh")) if m is not None else 0
                if m is not None and 1 <= day < d and m["d"][0] != "0":
                    res.append(self._other_day(tx, ym, day, m.start("d"), m.end("d"), text, of=tx))
                res.append(tx)
                continue
            other = self._month_day_after(tx, text, hi)
            if other is not None:
                res.extend(other)
                continue
            m = t.day_after.match(text, tx.end, hi)
            if (
                m is None
                or not d < int(m["d"])
                or not _valid_day(ym, int(m["d"]))
                or _YEAR_IN.search(tx.text)
            ):
                res.append(tx)
                continue
            if m["j"] not in ("-", "–") and not m["y"]:
                nxt = _FOLLOWING_WORD.match(text, m.end())
                if nxt is not None and nxt.group(1).islower() and nxt.group(1) not in t.day_followers:
                    res.append(tx)
                    continue  # "April 24 and 25 people died": a count
            if m["y"]:
                # "May 1-3, 2024": the year after the second day is the first day's too
                tx = _in_year_of(tx, int(m["y"]), text[tx.start : m.end()])
                ym = tx.value[:7]
            res.append(tx)
            res.append(self._other_day(tx, ym, int(m["d"]), m.start("d"), m.end(), text, of=tx))
        return res

    def _month_day_after(self, tx: Timex, text: str, hi: int) -> tuple[Timex, Timex] | None:
        """ "April 30-May 1", "Dec. 30 – Jan. 2, 2024": the day ``tx`` and the day of the next month
        a dash joins to it, in ``tx``'s year (the next one when the month comes round again), or
        both in the year written after the second; None when no such day follows."""
        m = self.t.month_day_after.match(text, tx.end, hi)
        if m is None or not m["mon"][0].isupper() or _YEAR_IN.search(tx.text):
            return None
        mon = self.t.months.get(m["mon"].lower())
        d = int(m["d"])
        first_mon = int(tx.value[5:7])
        if mon is None or mon == first_mon:
            return None
        whole = text[tx.start : m.end()]
        if m["y"]:
            y2 = int(m["y"])
            tx = _in_year_of(tx, y2 - 1 if mon < first_mon else y2, whole)
        else:
            y2 = int(tx.value[:4]) + (1 if mon < first_mon else 0)
        ym = f"{y2:04d}-{mon:02d}"
        if not _valid_day(ym, d):
            return None
        second = self._other_day(tx, ym, d, m.start("mon"), m.end(), text, of=tx)
        second = replace(
            second,
            explanation=f"'{second.text}': the day after the dash in '{whole}', the day after "
            f"'{tx.text}' ({tx.explanation}) → {format_value(second.value)}",
        )
        return tx, second

    def _two_days_before(self, tx: Timex, text: str, lo: int) -> tuple[Timex, Timex] | None:
        """ "10-12 March": the two days a dash joins before a month read alone, each a date of its
        own (the first, then the second with the month), or None."""
        m = _TWO_DAYS_BEFORE.search(text, max(lo, tx.start - 16), tx.start)
        if m is None:
            return None
        ym = tx.value[:7]
        d1, d2 = int(m["d1"].rstrip("stndrh")), int(m["d2"])
        if not 1 <= d1 < d2 or not _valid_day(ym, d2):
            return None
        return (
            self._other_day(tx, ym, d1, m.start("d1"), m.end("d1"), text),
            self._other_day(tx, ym, d2, m.start("d2"), tx.end, text),
        )

    @staticmethod
    def _other_day(
        tx: Timex, ym: str, d: int, start: int, end: int, text: str, of: Timex | None = None
    ) -> Timex:
        """The day ``d`` of the month ``ym`` at ``start``..``end``, beside the date ``of`` (itself when
        None): resolved as that date was."""
        value = f"{ym}-{d:02d}"
        span = text[start:end].rstrip()
        beside = of if of is not None else tx
        return replace(
            tx,
            start=start,
            end=start + len(span),
            text=span,
            value=value,
            granularity="day",
            explanation=f"'{span}': day {d} of {format_value(ym)}, the month of '{beside.text}' "
            f"({beside.explanation}) → {format_value(value)}",
            period_start=None,
            period_end=None,
            point=None,
        )
