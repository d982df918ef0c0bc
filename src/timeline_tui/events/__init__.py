"""Events: candidates from dated passages, merged across sources, with undated passages linked, titles,
corroboration, conflicts and quote groups.

``derive(docs, people, config) -> EventsResult``

1. Sources without a publication date get one from corroborating sources (infer.py) and are re-tagged.
2. Candidates: each passage (sentence) whose time expression dates something that happened: not the
   publication stamp, not a present/past/future reference, not a recurring set, not a bare duration
   (unless it defines a period: "the past 75 years" -> 1948..2023), not an unresolved value.
3. Merging: candidates are blocked by year and compared only with events of a compatible date that
   share a person or a value, so the work stays near-linear; same day and two shared people, or a
   compatible date and similar people and wording (shared content words), make one event.
4. Undated passages that name an event's defining phrase ("the victory of the Islamic Revolution") are
   linked to it with ``time: null``.
5. Titles, corroboration (distinct sources), stable ids, chronological order; quote groups (quotes.py).
"""

from __future__ import annotations

import bisect
import hashlib
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from itertools import islice
from operator import itemgetter

from ..config import Config
from ..dates import compatible, format_value, granularity_of, sort_key, value_interval
from ..ingest.meta import rules as meta_rules
from ..model import (
    Conflict,
    Event,
    EventsResult,
    Evidence,
    Person,
    PersonMention,
    SourceAnnotations,
    TimeRef,
    Timex,
)
from ..rules import load_rules
from ..util.names import fold
from ..util.regex import word_alternation
from .infer import infer_publication_dates
from .quotes import group_quotes
from .text import capitalised, clean_passage, content_words, tables
from .titles import make_title, not_places

__all__ = ["derive"]

_REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_REPORTED = re.compile(
    r"\b(?:said|says|stated|added|noted|stressed|emphasized|emphasised|told|warned)\s+(?:that\b|,)", re.I
)
#: candidates compared per event block before giving up (bounds the work on huge corpora)
MAX_COMPARE = 60


@dataclass(slots=True)
class Candidate:
    doc: SourceAnnotations
    start: int
    end: int
    timex: Timex
    value: str
    end_value: str | None
    people: frozenset[str]
    words: frozenset[str]
    text: str
    #: ``doc.mentions[m_lo:m_hi]`` are the mentions inside the passage (-1, -1 when the source's
    #: mentions are not in the order of their starts, and the passage's must be looked for)
    m_lo: int = -1
    m_hi: int = -1

    def mentions(self) -> list[PersonMention]:
        """The source's mentions that start inside the passage, in their order."""
        if self.m_lo >= 0:
            return self.doc.mentions[self.m_lo : self.m_hi]
        return [m for m in self.doc.mentions if self.start <= m.start < self.end]


@dataclass(slots=True)
class Cluster:
    value: str
    end_value: str | None
    members: list[Candidate] = field(default_factory=list)
    people: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    linked: list[Evidence] = field(default_factory=list)
    conflicts: dict[str, set[str]] = field(default_factory=dict)
    #: (source id, passage start) of every passage, to link each passage once
    keys: set[tuple[str, int]] = field(default_factory=set)
    _top: frozenset[str] = frozenset()
    _top_size: int = 0
    #: ``value_interval(value)``, kept with the value
    interval: tuple[date, date] | None = None

    def __post_init__(self) -> None:
        self.interval = value_interval(self.value)

    def top_words(self) -> frozenset[str]:
        """The 40 commonest content words, recomputed only when the cluster has doubled."""
        n = len(self.members)
        if n >= 2 * self._top_size or not self._top:
            # (passages without content words: nothing to rank, but the size is kept as ever)
            self._top = frozenset(w for w, _ in _commonest(self.words, 40)) if self.words else frozenset()
            self._top_size = max(1, n)
        return self._top

    def absorb(self, other: Cluster) -> None:
        """Take another cluster's passages and people (its date and wording stay this one's)."""
        for c in other.members:
            self.members.append(c)
            self.keys.add((c.doc.source.id, c.start))
            self.people.update(c.people)

    def add(self, c: Candidate) -> None:
        self.members.append(c)
        self.keys.add((c.doc.source.id, c.start))
        people = self.people
        for p in c.people:
            people[p] = people.get(p, 0) + 1
        if len(self.members) <= 64:  # the wording of the first passages is enough to compare with
            self.words.update(c.words)
        # the most precise date wins as the event's date when they are compatible
        if len(c.value) > len(self.value) and compatible(c.value, self.value):
            self.value = c.value
            self.interval = value_interval(c.value)


def _sentence_index(doc: SourceAnnotations) -> list[int]:
    return [s for s, _ in doc.sentences]


def _in_dateline(text: str, t: Timex) -> bool:
    """Whether ``t`` is the date of a dateline opening its line ("WASHINGTON, August 11 (Xinhua)
    --", ingest's meta.yaml ``dateline``), whichever cue gave the source its outlet."""
    lo = max(0, t.start - 61)  # (the line's start looked for nearby only: a long line costs nothing)
    nl = text.rfind("\n", lo, t.start)
    if nl == -1 and lo > 0:
        return False
    m = meta_rules().dateline.match(text, nl + 1)
    return m is not None and m["month"] is not None and m.start("month") <= t.start < m.end()


@cache
def _comparison_patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """What makes a time the base a figure is compared with, ending right before it (events.yaml
    comparison_words, comparison_than_not_after, change_words): the comparing words, and "from"
    after a word of change and a figure in the clause ("up 5% from", not "went down the drain
    from 1958"); and the longest word of each comparing phrase ("against" of "as against"), one of
    which the text must hold for the patterns to be worth a search."""
    t = tables()
    not_after = "".join(rf"(?<!\b{re.escape(str(w))}\s)" for w in t["comparison_than_not_after"])
    words = "|".join(
        rf"{not_after}than" if w == "than" else re.escape(w).replace(r"\ ", r"\s+")
        for w in map(str, t["comparison_words"])
    )
    base = (
        r"(?:\s+(?:in|during|at))?(?:\s+the\s+(?:same|corresponding|comparable)\s+\w+(?:\s+(?:of|in))?)?\s+$"
    )
    compared = re.compile(rf"(?:\b|(?<=\s))(?:{words}){base}", re.I)
    change = word_alternation([str(w) for w in t["change_words"]])
    from_base = re.compile(
        rf"\b(?:{change})\b(?:[^.;:!?\n]|\.(?=\d)){{0,30}}?\d(?:[^.;:!?\n]|\.(?=\d)){{0,30}}?\bfrom{base}",
        re.I,
    )
    cues = tuple(sorted({max(str(w).lower().split(), key=len) for w in t["comparison_words"]}))
    return compared, from_base, cues


#: a range going on after a time ("from 2001 to 2005")
_RANGE_GOES_ON = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s", re.I)


def _comparison_base(text: str, t: Timex) -> bool:
    """Whether ``t`` is what a figure is compared with ("rose 3.2% from a year earlier", "higher
    than in 2022"): a date of no event."""
    compared, from_base, cues = _comparison_patterns()
    lo = max(0, t.start - 90)
    before = text[lo : t.start].lower()
    if any(cue in before for cue in cues) and compared.search(text, lo, t.start):
        return True
    return (
        "from" in before
        and from_base.search(text, lo, t.start) is not None
        and not _RANGE_GOES_ON.match(text, t.end)
    )


def _eventful(doc: SourceAnnotations, t: Timex, in_quote: bool) -> tuple[str, str | None] | None:
    """The (date, end) a time expression gives an event, or None when it dates nothing that happened."""
    value = t.value
    if value in _REF_VALUES or t.type == "SET" or "X" in value:
        return None
    pub = doc.source.meta.published
    if pub.value and pub.end > pub.start and t.start < pub.end and pub.start < t.end:
        return None  # the publication stamp
    if _in_dateline(doc.source.text, t):
        return None  # "WASHINGTON, August 11 (Xinhua) --": a dateline's day is the dispatch's
    if t.start < doc.source.body_start:
        return None
    if _comparison_base(doc.source.text, t):
        return None  # "prices rose 3.2% from a year earlier": the base of a figure, no happening
    if _describes_a_thing(doc.source.text, t):
        return None  # "a bell from an 18th-century church": the age of a thing, no happening
    if t.type == "DURATION":
        if t.point and granularity_of(t.point) != "unknown":
            return t.point, None  # "22 years after Fidel Castro … paid a visit": the visit, 2001
        if t.period_start and t.period_end:
            return t.period_start, t.period_end
        return None
    if in_quote and t.anchor in ("published", "narrative") and t.granularity in ("day", "time"):
        return None  # "today" inside a quote is the speaker's today, not an event
    if t.type == "TIME" or "T" in value:
        value = value[:10]
    if granularity_of(value) == "unknown":
        return None
    return value, None


@cache
def _day_joiners() -> frozenset[str]:
    """The words that join two days of one month ("April 24 and 25"): rules/time.yaml day_joiners."""
    return frozenset(str(w) for w in load_rules("time")["day_joiners"])


#: the most days a range written "April 30-May 1" may span to be one happening on its first day
_RANGE_DAYS = 7


def _second_day(prev: Timex, t: Timex, text: str) -> bool:
    """Whether ``t`` is the second day of a range that opens with ``prev``, written right after it
    ("Sept. 16-17", "the 14th and 15th of July", "April 30-May 1", "April 30 and May 1"): the same
    happening, not one of its own."""
    if t.type != "DATE" or prev.type != "DATE" or len(t.value) != 10 or len(prev.value) != 10:
        return False
    if not 0 <= t.start - prev.end <= 12:
        return False
    if t.value[:7] != prev.value[:7]:
        # another month: a range of a few days ("April 30-May 1")
        try:
            days = (date.fromisoformat(t.value) - date.fromisoformat(prev.value)).days
        except ValueError:
            return False
        if not 0 < days <= _RANGE_DAYS:
            return False
    gap = text[prev.end : t.start].split()
    if gap[-1:] == ["the"]:
        gap = gap[:-1]
    return len(gap) == 1 and gap[0] in _day_joiners()


def _quote_ranges(doc: SourceAnnotations) -> list[tuple[int, int]]:
    return sorted((q.start, q.end) for q in doc.quotes)


def _inside(ranges: list[tuple[int, int]], pos: int, starts: list[int] | None = None) -> bool:
    """Whether ``pos`` is inside one of the sorted ``ranges`` (``starts``: their starts, if at hand)."""
    if starts is None:
        starts = [r[0] for r in ranges]
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _people_between(doc: SourceAnnotations, starts: list[int], a: int, b: int) -> frozenset[str]:
    i = bisect.bisect_left(starts, a)
    out = set()
    while i < len(starts) and starts[i] < b:
        pid = doc.mentions[i].person_id
        if pid:
            out.add(pid)
        i += 1
    return frozenset(out)


_TOKEN = re.compile(r"\w+")


def _commonest(counts: Counter[str], n: int | None = None) -> list[tuple[str, int]]:
    """``Counter.most_common`` with ties broken by the key, not by insertion order: counters filled
    from sets of strings would otherwise order ties by the process's string hashing, and the same
    input would not always give the same events. (Sorted by key, then stably by count, falling:
    the order of the key ``(-count, key)``, with both sorts in C.)"""
    ranked = sorted(sorted(counts.items()), key=itemgetter(1), reverse=True)
    return ranked if n is None else ranked[:n]


@cache
def _posted_after() -> re.Pattern[str]:
    """What follows a comment's posting stamp: a comma, the commenter (up to three words) and a
    posting verb with its colon (", Nikolas wrote:"; rules/events.yaml posting_verbs)."""
    return re.compile(rf"\s*,\s*{_poster()}")


@cache
def _poster() -> str:
    """A commenter (up to three words) and a posting verb with its colon ("Nikolas wrote:")."""
    verbs = word_alternation([str(v) for v in load_rules("events")["posting_verbs"]])
    return rf"(?:[^\s,:;.!?]+\s+){{0,2}}[^\s,:;.!?]+\s+(?:{verbs})\s*:"


@cache
def _quoted_poster() -> re.Pattern[str]:
    """A comment quoted at the start of another, after its stamp ("LeoNaphta wrote: ...")."""
    return re.compile(rf"\s*{_poster()}\s*")


#: what may lie between the parts of a stamp, on its line ("9:23 pm on 18 Jan 2010", "13:11 2nd Jun 2010")
_STAMP_GAP = re.compile(r"[ \t]*(?:,|on|at)?[ \t]*", re.I)


def _posting_stamps(doc: SourceAnnotations) -> dict[int, tuple[int, int]]:
    """The time expressions that stamp a reader's comment, by index, each with where its stamp
    starts and ends: those right before ", NAME wrote:" and the ones joined to them ("At 9:23 pm on
    18 Jan 2010, Nikolas wrote:"), when they give a time of day, as a posting stamp does ("On
    Monday, Smith wrote: ..." dates what Smith did)."""
    timexes, text = doc.timexes, doc.source.text
    posted = _posted_after()
    out: dict[int, tuple[int, int]] = {}
    for i, t in enumerate(timexes):
        m = posted.match(text, t.end)
        if m is None:
            continue
        j = i
        while j > 0 and _STAMP_GAP.fullmatch(text, timexes[j - 1].end, timexes[j].start):
            j -= 1
        if any(x.type == "TIME" or x.value[10:11] == "T" for x in timexes[j : i + 1]):
            lead = _STAMP_LEAD.search(text, max(0, timexes[j].start - 12), timexes[j].start)
            span = (lead.start() if lead else timexes[j].start, m.end())
            out.update((k, span) for k in range(j, i + 1))
    # a page's update stamp: the times its label joins, or that follow it
    label, gap = _update_label()
    i = 0
    while i < len(timexes):
        j, first = i, None
        before = label.search(text, max(0, timexes[i].start - 40), timexes[i].start)
        if before is not None:
            first = before.start()
        while j + 1 < len(timexes):
            a, b = timexes[j].end, timexes[j + 1].start
            if _STAMP_GAP.fullmatch(text, a, b):
                j += 1
            elif gap.fullmatch(text, a, b):
                first = timexes[i].start if first is None else first
                j += 1
            else:
                break
        if first is not None:
            out.update((k, (first, timexes[j].end)) for k in range(i, j + 1) if k not in out)
        i = j + 1
    return out


@cache
def _update_label() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A page's update label (events.yaml update_labels) ending right before a time ("Last updated
    at "), and the same label between two times ("6 January 2011 Last updated at 18:51")."""
    # a label written with its colon needs one, spaced or not ("Added:", "Added :")
    labels = "|".join(
        re.escape(x[:-1]) + r"\s*:" if x.endswith(":") else re.escape(x)
        for x in map(str, load_rules("events")["update_labels"])
    )
    label = rf"(?<![\w-])(?:{labels})(?:\s+(?:at|on))?\s*:?[ \t]*"
    return re.compile(rf"{label}$"), re.compile(rf"[ \t]*,?[ \t]*{label}")


#: the word that opens a posting stamp ("At 9:23 pm ...")
_STAMP_LEAD = re.compile(r"\b(?:at|on)\s+$", re.I)


def _after_stamp(stamps: list[tuple[int, int]], text: str, s0: int, s1: int) -> int:
    """Where a passage starts once a posting stamp that opens it is left out, with the names of the
    comments it quotes ("At 9:23 pm on 18 Jan 2010, Nikolas wrote: Russia does …" -> "Russia does
    …"; "…, AllenT2 wrote: LeoNaphta wrote: Actually …" -> "Actually …")."""
    i = bisect.bisect_left(stamps, (s0, -1))
    if i < len(stamps) and stamps[i][1] < s1 and not text[s0 : stamps[i][0]].strip():
        rest = stamps[i][1]
        while (m := _quoted_poster().match(text, rest, s1)) is not None:
            rest = m.end()
        while rest < s1 and text[rest].isspace():
            rest += 1
        return rest
    return s0


#: what joins the two ends of a range of months or years, and what opens it ("from March 2022 to
#: July 2023", "between 2010 and 2015", "from 1990 through 2000")
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*", re.I)
_RANGE_OPENER = re.compile(r"\b(?:from|between)\s+$", re.I)
#: what joins two years into a range with no "from" before them ("2008-09", "2010–2011", "2023/24")
_YEARS_JOINED = ("-", "–", "/")
#: a month or a year
_MONTH_OR_YEAR = re.compile(r"\d{4}(?:-\d\d)?")


def _range_of(a: Timex, b: Timex, text: str) -> Timex | None:
    """The period two expressions bound ("from March 2022 to July 2023", "between 2010 and 2015"): a
    time expression over both, from the first to the second, when both are months or years the text
    names, in order, and "from" or "between" opens the range ("between" with "and", "from" with the
    others), or two years are joined by a dash or slash alone ("the 2008-09 season"). None
    otherwise: "in 2010 and 2015" are two years."""
    if a.type != "DATE" or b.type != "DATE" or a.anchor != "absolute" or b.anchor != "absolute":
        return None
    if not (_MONTH_OR_YEAR.fullmatch(a.value) and _MONTH_OR_YEAR.fullmatch(b.value)):
        return None
    if a.mod or b.mod or a.value >= b.value:
        return None
    what = text[a.start : b.end]
    if text[a.end : b.start] in _YEARS_JOINED and len(a.value) == len(b.value) == 4:
        # "the 2008-09 season", "fiscal 2023/24", "the 2010–2011 budget": one period of years
        whole = what
    else:
        join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
        opener = _RANGE_OPENER.search(text, max(0, a.start - 9), a.start)
        if join is None or opener is None:
            return None
        if (join.group().strip().lower() == "and") != (opener.group().split()[0].lower() == "between"):
            return None
        whole = text[opener.start() : b.end]
    return replace(
        a,
        end=b.end,
        text=what,
        period_start=a.value,
        period_end=b.value,
        explanation=f"the range '{whole}' → period {format_value(a.value)}–{format_value(b.value)}",
    )


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted ``starts`` lies in ``lo``..``hi``."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def candidates(docs: list[SourceAnnotations]) -> list[Candidate]:
    out: list[Candidate] = []
    for doc in docs:
        text = doc.source.text
        sentences = doc.sentences
        sent_starts = _sentence_index(doc)
        m_starts = [m.start for m in doc.mentions]
        in_order = all(map(operator.le, m_starts, islice(m_starts, 1, None)))
        quotes = _quote_ranges(doc)
        q_starts = [r[0] for r in quotes]
        published = (doc.source.meta.published.value or "")[:10]
        #: the content words of each passage of this source (several expressions may date one)
        passage_words: dict[tuple[int, int], frozenset[str]] = {}
        prev: Timex | None = None
        stamps = _posting_stamps(doc)
        stamp_spans = sorted(set(stamps.values()))
        timexes = doc.timexes
        sets = [x.start for x in timexes if x.type == "SET"]
        range_end = -1  # the expression that closes a range read with the one before it
        for k, t in enumerate(timexes):
            if k in stamps:
                prev = t
                continue  # "At 9:23 pm on 18 Jan 2010, Nikolas wrote:": when a comment was posted
            if prev is not None and _second_day(prev, t, text):
                prev = t
                continue  # "Its next meeting is on Sept. 16-17": one event, on its first day
            prev = t
            if k == range_end:
                continue  # "… to July 2023": the end of the period before it
            if k + 1 < len(timexes) and (span := _range_of(t, timexes[k + 1], text)) is not None:
                # "from March 2022 to July 2023": one period
                t, got = span, (span.period_start, span.period_end)
                range_end = k + 1
            else:
                got = _eventful(doc, t, _inside(quotes, t.start, q_starts))
            if got is None:
                continue
            i = bisect.bisect_right(sent_starts, t.start) - 1
            s0, s1 = sentences[i] if 0 <= i < len(sentences) else (t.start, t.end)
            if s1 - s0 > 2 * _PASSAGE_REACH:
                s0, s1 = _clip_passage(text, s0, s1, t.start, t.end)
            s0 = _after_label(doc, s0, s1)
            if stamp_spans:
                s0 = _after_stamp(stamp_spans, text, s0, s1)
            sentence = text[s0:s1]
            if len(sentence.split(None, 4)) < 5:
                continue  # a lone date, a stamp, a heading (fewer than five words)
            if t.type == "TIME" and t.anchor in ("published", "narrative") and _any_in(sets, s0, s1):
                continue  # "It airs at 10:40 every Saturday": a time of a schedule, on no one day
            if t.anchor == "published" and t.value[:10] == published and _REPORTED.search(text, s0, t.start):
                continue  # "said that what is going on in Gaza today ...": the speaker's today, not an event
            words = passage_words.get((s0, s1))
            if words is None:
                words = passage_words[(s0, s1)] = content_words(sentence)
            if in_order:
                m_lo, m_hi = bisect.bisect_left(m_starts, s0), bisect.bisect_left(m_starts, s1)
            else:
                m_lo = m_hi = -1
            out.append(
                Candidate(
                    doc=doc,
                    start=s0,
                    end=s1,
                    timex=t,
                    value=got[0],
                    end_value=got[1],
                    people=_people_between(doc, m_starts, s0, s1),
                    words=words,
                    text=sentence,
                    m_lo=m_lo,
                    m_hi=m_hi,
                )
            )
    return out


#: how far either side of its time expression a passage reaches in a sentence that runs on (a text
#: without sentence punctuation is one "sentence": every expression's passage would be all of it)
_PASSAGE_REACH = 400


def _clip_passage(text: str, s0: int, s1: int, a: int, b: int) -> tuple[int, int]:
    """The part of the sentence ``s0``..``s1`` within _PASSAGE_REACH of the expression at ``a``..``b``,
    cut at white space."""
    lo, hi = max(s0, a - _PASSAGE_REACH), min(s1, b + _PASSAGE_REACH)
    if lo > s0:
        sp = text.find(" ", lo, a)
        lo = sp + 1 if sp != -1 else lo
    if hi < s1:
        sp = text.rfind(" ", b, hi)
        hi = sp if sp != -1 else hi
    return lo, hi


def _after_label(doc: SourceAnnotations, s0: int, s1: int) -> int:
    """Where a passage starts once the publication label or the dateline that opens its sentence is
    left out ("date 2023-12-05 Ayatollah Khamenei made the remarks …" -> "Ayatollah Khamenei made …",
    "JERUSALEM (AP) — Israel and Hamas agreed …" -> "Israel and Hamas agreed …")."""
    meta = doc.source.meta
    text = doc.source.text
    for cue in (meta.published, meta.outlet):
        if (
            cue.end > cue.start
            and s0 <= cue.start < cue.end < s1
            and not text[s0 : cue.start].strip(" \t*_|:-")
        ):
            rest = cue.end
            while rest < s1 and text[rest] in " \t*_|:-–—,":
                rest += 1
            if rest < s1:
                s0 = rest
    if s0 == 0 or text[s0 - 1] == "\n":
        # a dateline of a place alone, opening a paragraph ("Kinshasa — The World Health …")
        m = _PLACE_DATELINE.match(text, s0, s1)
        if m is not None:
            s0 = m.end()
    return s0


#: a place's name of up to three capitalised words ("CUPERTINO, Calif.") and a dash, before a
#: capitalised word
_PLACE_DATELINE = re.compile(
    r"[A-Z][\w.'’-]*(?:,?[ \t]+[A-Z][\w.'’-]*){0,2},?[ \t]+(?:—|–|--)[ \t]+(?=[A-Z“\"])"
)


#: merge spans of events with an end (periods) are shifted past every date ordinal, so that a period
#: and an open event are never compatible
_PERIOD_SHIFT = 10**7
#: the merge span of an event without an interval: it neither contains nor lies inside any other
_NO_SPAN = (-1, -2)


def _merge_span(interval: tuple[date, date] | None, period: bool) -> tuple[int, int]:
    """``(first, last)`` day ordinals of an interval for ``merge``: two events are compatible when one
    span contains the other, which is ``intervals_compatible`` on their intervals and the same kind
    (both periods or neither)."""
    if interval is None:
        return _NO_SPAN
    shift = _PERIOD_SHIFT if period else 0
    return interval[0].toordinal() + shift, interval[1].toordinal() + shift


def _similar(c: Candidate, cl: Cluster) -> float:
    """0..1: how likely a candidate reports the same event as a cluster (``merge`` computes the same
    score inline, skipping the wording when the people alone leave it short of what is needed)."""
    people = cl.people
    shared = len(people.keys() & c.people) if c.people else 0
    union = (len(c.people) + len(people) - shared) or 1
    p = shared / union
    common = cl.top_words()
    w = len(c.words & common) / (min(len(c.words), len(common)) or 1)
    if c.value == cl.value and shared >= 2:
        return 1.0
    if not c.people and not people:
        return w  # nobody named on either side: the wording alone
    return 0.55 * p + 0.45 * w


def merge(cands: list[Candidate]) -> list[Cluster]:
    """Greedy merge in a deterministic order; candidates only meet clusters of their year block that
    share a value or a person.

    The comparison is ``_similar`` inlined, as it runs a million times on a large corpus: a cluster's
    top words are refreshed on every comparison exactly as ``top_words`` does (their timing decides
    what later candidates are compared with), and the wording is measured only when it can matter:
    the score is ``0.55 * p + 0.45 * w`` with ``w <= 1``, so when ``0.55 * p + 0.45`` is below what
    the candidate needs, or not above the best score so far, no wording can make this cluster win."""
    cands = sorted(cands, key=lambda c: (sort_key(c.value), c.doc.source.id, c.start))
    clusters: list[Cluster] = []
    spans: list[tuple[int, int]] = []  # _merge_span of each cluster
    by_block: dict[tuple[int, str], list[int]] = defaultdict(list)  # (year, value or person) -> cluster ids
    for c in cands:
        iv = value_interval(c.value)
        year = iv[0].year if iv else 0
        keys = [(year, "v:" + c.value[:4])] + [(year, "p:" + p) for p in sorted(c.people)]
        best, best_score = None, 0.0
        if iv is not None:  # a value without an interval is compatible with no cluster
            lo, hi = _merge_span(iv, c.end_value is not None)
            value = c.value
            c_people = c.people
            n_people = len(c_people)
            c_words = c.words
            n_words = len(c_words)
            seen: set[int] = set()
            for k in keys:
                block = by_block.get(k)
                if not block:
                    continue
                for ci in reversed(block[-MAX_COMPARE:]):
                    # the same kind (period or not) and compatible dates: one span contains the other
                    a, b = spans[ci]
                    if not ((lo <= a and b <= hi) or (a <= lo and hi <= b)):
                        continue
                    if ci in seen:
                        continue
                    seen.add(ci)
                    cl = clusters[ci]
                    # top_words(), as _similar calls it on every comparison
                    if len(cl.members) >= 2 * cl._top_size or not cl._top:
                        cl.top_words()
                    people = cl.people
                    shared = 0
                    for p in c_people:
                        if p in people:
                            shared += 1
                    same_value = value == cl.value
                    if same_value and shared >= 2:
                        score = 1.0
                    elif not n_people and not people:
                        common = cl._top
                        score = len(c_words & common) / (min(n_words, len(common)) or 1)
                    else:
                        p_score = shared / ((n_people + len(people) - shared) or 1)
                        bound = 0.55 * p_score + 0.45
                        if bound <= best_score or bound < (0.45 if same_value else 0.6):
                            continue
                        common = cl._top
                        w = len(c_words & common) / (min(n_words, len(common)) or 1)
                        score = 0.55 * p_score + 0.45 * w
                    if score >= (0.45 if same_value else 0.6) and score > best_score:
                        best, best_score = ci, score
        if best is None:
            clusters.append(Cluster(value=c.value, end_value=c.end_value))
            spans.append(_NO_SPAN)
            best = len(clusters) - 1
        cl = clusters[best]
        cl.add(c)
        spans[best] = _merge_span(cl.interval, cl.end_value is not None)
        for k in keys:
            block = by_block[k]
            if not (block and block[-1] == best) and best not in block[-MAX_COMPARE:]:
                block.append(best)
    return clusters


def merge_conflicting(clusters: list[Cluster]) -> list[Cluster]:
    """Sources that date the same happening differently: day-level events naming the same two or more
    people with the same wording, a few days apart, become one event (the date most sources give)
    whose other dates are kept as conflicts. Only events sharing their two main people are compared."""
    by_people: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, cl in enumerate(clusters):
        if cl.end_value is None and granularity_of(cl.value) == "day" and len(cl.people) >= 2:
            key = tuple(sorted(p for p, _ in _commonest(cl.people, 2)))
            by_people[key].append(i)
    absorbed: set[int] = set()
    for ids in by_people.values():
        if len(ids) < 2 or len(ids) > 50:
            continue
        ids.sort(key=lambda i: -len({c.doc.source.id for c in clusters[i].members}))
        for a_pos, a in enumerate(ids):
            if a in absorbed:
                continue
            big = clusters[a]
            ia = value_interval(big.value)
            for b in ids[a_pos + 1 :]:
                if b in absorbed:
                    continue
                small = clusters[b]
                ib = value_interval(small.value)
                if not ia or not ib or abs((ia[0] - ib[0]).days) > 7:
                    continue
                overlap = len(big.top_words() & small.top_words()) / (
                    min(len(big.top_words()), len(small.top_words())) or 1
                )
                if overlap < 0.6:
                    continue
                big_sources = {c.doc.source.id for c in big.members}
                if {c.doc.source.id for c in small.members} <= big_sources:
                    continue  # one source telling two days apart: two events
                big.absorb(small)
                absorbed.add(b)
    return [cl for i, cl in enumerate(clusters) if i not in absorbed]


#: how alike, by their rarer words, two events of the same day must be to be one (``merge_same_day``)
SAME_DAY_SIMILARITY = 0.2
#: the events of a day each event is compared with (the best-supported first)
SAME_DAY_HEADS = 40


def merge_same_day(clusters: list[Cluster], cands: list[Candidate]) -> list[Cluster]:
    """Events of the same day that tell one happening in other words: "The 7.0-magnitude quake …
    struck on Tuesday" and "200,000 people died in the 12 January earthquake" share no name and few
    words, but the rare ones (by how few passages of the collection use them: "magnitude", "quake",
    "Ayacucho") weigh more than "people" or "officials". Events are taken from the best-supported
    down; each joins the most alike of the day's first events when their rarer words overlap enough
    and they name no different people, else it is one of them. Each event meets at most
    ``SAME_DAY_HEADS`` others, so the work stays linear in the events."""
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, cl in enumerate(clusters):
        if cl.end_value is None and len(cl.value) == 10 and granularity_of(cl.value) == "day":
            by_day[cl.value].append(i)
    if not any(len(ids) > 1 for ids in by_day.values()):
        return clusters
    df: Counter[str] = Counter()
    for c in cands:
        df.update(c.words)
    n = len(cands) + 1
    weight = {w: math.log(n / (k + 0.5)) for w, k in df.items()}
    absorbed: set[int] = set()
    for ids in by_day.values():
        if len(ids) < 2:
            continue
        sources = {i: {c.doc.source.id for c in clusters[i].members} for i in ids}
        first = {i: min((c.doc.source.id, c.start) for c in clusters[i].members) for i in ids}
        ids.sort(key=lambda i: (-len(sources[i]), -len(clusters[i].members), first[i]))
        heads: list[tuple[int, frozenset[str], float]] = []
        named = {i: _named_happenings(clusters[i]) for i in ids}
        for i in ids:
            cl = clusters[i]
            words = cl.top_words()
            mass = sum(weight.get(w, 0.0) for w in words)
            best, best_sim = None, SAME_DAY_SIMILARITY
            # most of its passages date a happening by name ("Tuesday's earthquake"): the head that
            # names it too is the same happening, whoever else the passages name
            own = {w for w, k in named[i].items() if 2 * k >= min(len(cl.members), HAPPENING_SAMPLE)}
            if own:
                # a generic word ("the 20 April catastrophe") names the day's happening the best-supported
                # event names, whatever its word
                generic = own <= _generic_happenings()
                best = next(
                    (
                        h
                        for h, _, _ in heads[:SAME_DAY_HEADS]
                        if own & named[h].keys() or (generic and named[h])
                    ),
                    None,
                )
                if best is not None:
                    clusters[best].absorb(cl)
                    named[best].update(named[i])
                    absorbed.add(i)
                    continue
            for h, h_words, h_mass in heads[:SAME_DAY_HEADS]:
                head = clusters[h]
                if cl.people and head.people and not (cl.people.keys() & head.people.keys()):
                    continue  # two different people's days
                common = words & h_words
                if len(common) < 2:
                    continue  # one word in common ("Lima") is a place, not a happening
                shared = sum(weight.get(w, 0.0) for w in common)
                sim = shared / (min(mass, h_mass) or 1.0)
                if sim >= best_sim:
                    best, best_sim = h, sim
            if best is None:
                heads.append((i, words, mass))
                continue
            clusters[best].absorb(cl)
            absorbed.add(i)
    return [cl for i, cl in enumerate(clusters) if i not in absorbed]


#: how many times as many sources the event a week away must have (``merge_week_slips``)
WEEK_SLIP_RATIO = 3
#: the same, when every source that dates the event by its weekday was published between its day and
#: the other event's: for each, the weekday could be read either way (past or coming)
AMBIGUOUS_WEEK_SLIP_RATIO = 1.5


@cache
def _weekday_word() -> re.Pattern[str]:
    return re.compile(rf"\b{word_alternation(sorted(load_rules('calendar')['weekdays']))}\b", re.I)


def merge_week_slips(clusters: list[Cluster]) -> list[Cluster]:
    """Events whose passages mostly date a happening they name join the day's event that names the
    same happening and has ``WEEK_SLIP_RATIO`` times their sources ("the 12 January earthquake", 89
    sources), when they are
    - a day one or two weeks away, dated by its weekday alone ("last Tuesday's quake", written on a
      Thursday nine days after it): the weekday was read in the wrong week; its date is kept as a
      conflict;
    - a week or a month that holds that day ("last week's earthquake", "April's explosion"): the
      same happening, told less precisely."""
    weekday = _weekday_word()
    own: dict[int, str] = {}
    for i, cl in enumerate(clusters):
        if cl.end_value is not None or granularity_of(cl.value) not in _NAMED_DAY_GRANULARITIES:
            continue
        word = _main_happening(cl)
        if word is not None:
            own[i] = word
    if len(own) < 2:
        return clusters
    sources = {i: len({c.doc.source.id for c in clusters[i].members}) for i in own}
    by_day: dict[tuple[date, str], list[int]] = defaultdict(list)
    for i, word in own.items():
        cl = clusters[i]
        if len(cl.value) == 10 and cl.interval is not None and cl.interval[0] == cl.interval[1]:
            by_day[(cl.interval[0], word)].append(i)
    into: dict[int, int] = {}
    for i in sorted(own, key=lambda i: (sources[i], clusters[i].value)):
        cl = clusters[i]
        if cl.interval is None:
            continue
        first, last = cl.interval
        if first == last:
            if 2 * sum(1 for c in cl.members if weekday.search(c.timex.text)) < len(cl.members):
                continue
            days = [first + timedelta(weeks=w) for w in (-2, -1, 1, 2)]
        else:
            days = [first + timedelta(days=d) for d in range((last - first).days + 1)]
        hosts = [
            j
            for day in days
            for j in by_day.get((day, own[i]), ())
            if j not in into
            and sources[j]
            >= (AMBIGUOUS_WEEK_SLIP_RATIO if _read_either_way(cl, day, weekday) else WEEK_SLIP_RATIO)
            * sources[i]
        ]
        if hosts:
            into[i] = max(hosts, key=lambda j: (sources[j], clusters[j].value))
    for i, j in sorted(into.items()):
        while j in into:
            j = into[j]
        clusters[j].absorb(clusters[i])
    return [cl for i, cl in enumerate(clusters) if i not in into]


def _read_either_way(cl: Cluster, other: date, weekday: re.Pattern[str]) -> bool:
    """Whether every passage dating ``cl`` (a day) by its weekday alone comes from a source published
    between that day and ``other``, a week or two away: "Monday's debate" written on Friday 23
    September is Monday 19 September if it was past, 26 September if it was coming."""
    if cl.interval is None:
        return False
    lo, hi = sorted((cl.interval[0], other))
    seen = False
    for c in cl.members:
        if not weekday.search(c.timex.text):
            continue
        published = c.doc.source.meta.published.value
        try:
            day = date.fromisoformat((published or "")[:10])
        except ValueError:
            return False
        if not lo < day < hi:
            return False
        seen = True
    return seen


#: the dates whose events ``merge_week_slips`` joins to a day's: a day, a week, a month
_NAMED_DAY_GRANULARITIES = ("day", "week", "month")


@cache
def _happening_patterns() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]
]:
    """A happening noun right after a day that dates it ("Tuesday's earthquake", "the 12 January
    devastating quake": up to two lower-case words between), right before it ("the earthquake on
    Tuesday", "the quake of 12 January"; before a weekday without a preposition too: "the debate
    Monday night"), or the subject of a verb of taking place before it in its sentence ("The
    7.0-magnitude quake, Haiti's worst in two centuries, struck … on Tuesday"; events.yaml
    happening_verbs), the happening a count of units is counted from ("a week after the Haiti
    earthquake"), and the word each noun counts as."""
    nouns = word_alternation(sorted(_happening_nouns()))
    verbs = word_alternation([str(v) for v in tables()["happening_verbs"]])
    # (the words between describe the happening: no preposition or article, which would start a
    # phrase of the time's own, as in "Clinton's comments Tuesday on the shooting")
    between = word_alternation([str(w) for w in tables()["happening_not_between"]])
    # a compound's last noun: "Monday night's first general election debate" is a debate
    after = re.compile(
        rf"(?: ?['’]s)?\s+(?:(?!(?:{between})\s)[a-z0-9][\w.-]*\s+){{0,2}}?(?:(?:{nouns})\s+)?(?P<n>{nouns})\b"
    )
    before = re.compile(rf"\b(?P<n>{nouns})\s+(?:on|of)\s+(?:last\s+)?$")
    subject = re.compile(rf"\b(?P<n>{nouns})\b[^.;!?\n]{{0,80}}?\b(?:{verbs})\b(?P<rest>[^.;!?\n]{{0,80}})$")
    counted = re.compile(
        rf"\s+(?:after|since|following|before|ahead\s+of)\s+(?:the\s+|an?\s+)?(?:[\w.’'-]+\s+){{0,3}}?(?P<n>{nouns})\b"
    )
    synonyms = {str(k): str(v) for k, v in tables()["happening_synonyms"].items()}
    bare_before = re.compile(rf"\b(?P<n>{nouns})\s+$")
    return after, before, bare_before, subject, counted, synonyms


#: what may come between a happening's verb and its time in a passage that names someone: a place,
#: no comma or other clause ("hit Port-au-Prince on ", "struck south of the capital at ")
_CLOSE_AFTER_VERB = re.compile(r"[^,;:()\n]{0,40}")


def _main_happening(cl: Cluster) -> str | None:
    """The happening (by its word) that at least half of a cluster's passages date, the commonest."""
    named = _named_happenings(cl)
    if not named:
        return None
    word, k = max(named.items(), key=lambda kv: (kv[1], kv[0]))
    return word if 2 * k >= min(len(cl.members), HAPPENING_SAMPLE) else None


#: how many of a cluster's first passages tell which happenings it names (as its wording is read
#: from its first 64: ``Cluster.add``)
HAPPENING_SAMPLE = 64


def _named_happenings(cl: Cluster) -> Counter[str]:
    """How many of a cluster's first ``HAPPENING_SAMPLE`` passages date a happening they name, by
    the happening's word."""
    after, before, bare_before, subject, counted, synonyms = _happening_patterns()
    weekday = _weekday_word()
    out: Counter[str] = Counter()
    for c in cl.members[:HAPPENING_SAMPLE]:
        text, t = c.doc.source.text, c.timex
        m = (
            after.match(text, t.end, min(len(text), t.end + 40))
            # what a count of units dates: "nearly a week after the Haiti earthquake struck"
            or (
                counted.match(text, t.end, min(len(text), t.end + 60))
                if t.type == "DURATION" and t.point
                else None
            )
            or before.search(text, max(0, t.start - 30), t.start)
            # "the first presidential debate Monday night": a weekday needs no preposition (a year
            # does: "… to impede the US invasion 1979 : 140m gallons …" runs a list's items together)
            or (
                bare_before.search(text, max(0, t.start - 30), t.start)
                if weekday.match(text, t.start)
                else None
            )
            or subject.search(text, max(0, t.start - 170), t.start)
        )
        if m is not None and c.people and m.re is subject and not _CLOSE_AFTER_VERB.fullmatch(m["rest"]):
            # in a passage that names someone, the verb is the time's own only when nothing comes
            # between but where: "After the quake hit, Keen arrived on Tuesday" dates Keen's arrival,
            # "Ann Barnes has been missing since the quake hit on Tuesday" the quake
            m = None
        if m is not None:
            noun = m["n"].lower()
            out[synonyms.get(noun, noun)] += 1
    return out


_POSSESSIVE_ENDS = ("'s", "’s")


@cache
def _happening_name_pattern(word: str) -> re.Pattern[str]:
    """One or two capitalised words before a noun that counts as ``word`` ("Haiti earthquake",
    "Haiti quake" for "earthquake")."""
    synonyms = tables()["happening_synonyms"]
    forms = sorted(n for n in _happening_nouns() if synonyms.get(n, n) == word)
    return re.compile(rf"(?<![\w’'-])((?:[A-Z][\w’'-]*[ \t]+){{1,2}})({word_alternation(forms)})\b")


def _happening_title(cl: Cluster) -> tuple[str, str] | None:
    """The name most passages give the happening an event's passages mostly date ("Tuesday's quake",
    "the earthquake on 12 January" -> "Haiti earthquake"), when two passages or more give it one,
    and the happening's word ("earthquake")."""
    word = _main_happening(cl)
    if word is None:
        return None
    pattern = _happening_name_pattern(word)
    not_names = not_places()
    names: Counter[str] = Counter()
    nouns: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, int]] = set()
    for c in cl.members[:HAPPENING_SAMPLE]:
        if (c.doc.source.id, c.start) in seen:
            continue
        seen.add((c.doc.source.id, c.start))
        for m in pattern.finditer(c.text):
            words = m.group(1).split()
            while words and words[0] in not_names:
                words.pop(0)  # "The earthquake", "After the Haiti quake"
            if not words or any(w in not_names or w[-2:] in _POSSESSIVE_ENDS for w in words):
                continue  # "Monday’s debate" is no name
            name = " ".join(words)
            names[name] += 1
            nouns[(name, m.group(2))] += 1
    if not names:
        return None
    name, n = max(names.items(), key=lambda kv: (kv[1], kv[0]))
    if n < 2:
        return None
    noun = max(((w, k) for (nm, w), k in nouns.items() if nm == name), key=lambda wk: (wk[1], wk[0]))[0]
    return f"{name} {noun}", word


#: (a name's word may be one capital: "the 1979 Ixtoc I leak")
_PHRASE_AFTER = re.compile(r"\s+((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)(?:\s+([a-z]+)\b)?")
#: what may stand before a year that opens a name: "the 1979 Islamic Revolution", "Peru's 2007 quake"
_BEFORE_NAMING_YEAR = re.compile(r"(?:\bthe|['’]s)\s+$", re.I)


def _defining_phrase(c: Candidate) -> str | None:
    """The capitalised phrase right after a year that "the" opens ("the 1979 Islamic Revolution" ->
    "Islamic Revolution"), with the noun after it when that names a happening ("the 2007 Pisco
    earthquake" -> "Pisco earthquake"). "In 2007 Obama won" names no happening "Obama"."""
    t = c.timex
    if t.anchor != "absolute" or t.granularity not in ("year", "decade", "century"):
        return None
    text = c.doc.source.text
    if _BEFORE_NAMING_YEAR.search(text, max(0, t.start - 8), t.start) is None:
        return None
    m = _PHRASE_AFTER.match(text[t.end : t.end + 80])
    if m is None:
        return None
    noun = m.group(2)
    if noun and noun in _happening_nouns():
        return f"{m.group(1)} {noun}"
    return m.group(1)


@cache
def _time_adjective() -> re.Pattern[str]:
    """A time expression made an adjective ("18th-century", "1960s-era") and the words
    after it, up to three."""
    suffixes = "|".join(re.escape(str(w)) for w in tables()["time_adjective_suffixes"])
    return re.compile(rf"(?:(?<=-)|-)(?:{suffixes})\b((?:[ \t]+[A-Za-z-]+\b){{1,3}})")


#: the word after a century ("the second century saint", "the 20th century saw")
_WORD_AFTER_CENTURY = re.compile(r"[ \t]+([a-z]+)\b")


def _describes_a_thing(text: str, t: Timex) -> bool:
    """Whether a time expression is an adjective that dates a thing, not a happening: "a bell from an
    18th-century black church", "a 1960s-era car", "the second century saint" (but "an
    18th-century revolution", "the 20th century saw", "the 19th century was")."""
    nouns = _happening_nouns()
    if t.text.lower().endswith(" century"):
        w = _WORD_AFTER_CENTURY.match(text, t.end)
        return (
            w is not None
            and w[1] not in tables()["stopwords_set"]
            and w[1] not in _verb_like()
            and w[1] not in nouns
            and w[1].rstrip("s") not in nouns
            and not w[1].endswith(("ed", "ly"))
        )
    m = _time_adjective().match(text, t.end - (len("century") if t.text.endswith("-century") else 0))
    if m is None:
        return False
    return not any(w.lower() in nouns for w in m.group(1).split())


@cache
def _verb_like() -> frozenset[str]:
    """The tense markers of rules/time.yaml: verbs and auxiliaries ("saw", "began", "will")."""
    t = load_rules("time")
    return frozenset(w for x in (*t["past_markers"], *t["future_markers"]) for w in str(x).split())


@cache
def _happening_nouns() -> frozenset[str]:
    return frozenset(str(w) for w in tables()["happening_nouns"])


@cache
def _generic_happenings() -> frozenset[str]:
    return frozenset(str(w) for w in tables()["generic_happenings"])


#: a name's words: capitalised, or one capital ("Ixtoc I")
_NAME = r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*"


@cache
def _named_before() -> re.Pattern[str]:
    """A name and a happening noun right before a date ("the Exxon Valdez oil spill in 1989", "the
    Exxon Valdez disaster in Alaska in 1989"): the name's words and the noun."""
    nouns = word_alternation(sorted(_happening_nouns()))
    return re.compile(
        rf"(?<![\w’'-])(?P<name>{_NAME})\s+(?:[a-z]+\s+)?(?P<n>{nouns})\s+"
        rf"(?:(?:in|off|at|near)\s+{_NAME}\s+)?(?:in|of)\s+$"
    )


#: how far before a date ``_named_before`` looks
_NAMED_REACH = 90


def _name_key(c: Candidate) -> tuple[tuple[str, ...], str] | None:
    """The named happening a passage dates, as (its name's first three words folded, its noun's
    class): "the 1989 Exxon Valdez leak" -> (("exxon", "valdez"), "spill"), "the 1979 Islamic
    Revolution" -> (("islamic", "revolution"), ""). A generic noun ("disaster") or none has class
    "", and then the name needs two words ("the 2010 Haiti disaster" tells too little)."""
    phrase = _defining_phrase(c)
    noun = ""
    if phrase is not None:
        words = phrase.split()
        if words[-1] in _happening_nouns():
            noun = words.pop()
    else:
        t = c.timex
        if t.anchor != "absolute":
            return None
        m = _named_before().search(c.doc.source.text, max(0, t.start - _NAMED_REACH), t.start)
        if m is None:
            return None
        words, noun = m["name"].split(), m["n"]
    stop = _name_stopwords()
    while words and words[0].lower() in stop:
        words.pop(0)  # "The Exxon Valdez disaster", "In the 2010 …"
    t = tables()
    kind = str(t["happening_synonyms"].get(noun, noun))
    if kind in _generic_happenings():
        kind = ""
    if len(words) < (1 if kind else 2):
        return None
    return tuple(fold(w) for w in words[:3]), kind


@cache
def _name_stopwords() -> frozenset[str]:
    """Words that open no happening's name ("The", "In", "After" the 1989 …): events.yaml
    clause_subjects, period_prepositions and name_leading_words."""
    t = tables()
    words = (*t["clause_subjects"], *t["period_prepositions"], *t["name_leading_words"])
    return frozenset(str(w) for w in words)


def merge_named(clusters: list[Cluster]) -> list[Cluster]:
    """Events of one date whose passages mostly date the same named happening ("the 1989 Exxon Valdez
    disaster", "the Exxon Valdez leak in 1989", "the 1989 Exxon Valdez spill": events.yaml
    happening_synonyms), told in words too different for ``merge``, become one: each joins the
    best-supported event of its date with the same name (or one its name begins: "Ixtoc I leak",
    "Ixtoc spill") and the same kind of happening (a generic one, "disaster", or none, is any kind)."""
    keyed: list[tuple[int, tuple[tuple[str, ...], str]]] = []
    for i, cl in enumerate(clusters):
        keys = [k for c in cl.members if (k := _name_key(c)) is not None]
        if not keys:
            continue
        # the name most passages give (by its first two words), and the kind most of those say
        name, n = max(Counter(k[0][:2] for k in keys).items(), key=lambda kv: (kv[1], kv[0]))
        if 2 * n < len(cl.members):
            continue
        kinds = Counter(k[1] for k in keys if k[0][:2] == name and k[1])
        kind = max(kinds.items(), key=lambda kv: (kv[1], kv[0]))[0] if kinds else ""
        keyed.append((i, (name, kind)))
    if len(keyed) < 2:
        return clusters
    sources = {i: len({c.doc.source.id for c in clusters[i].members}) for i, _ in keyed}
    first = {i: min((c.doc.source.id, c.start) for c in clusters[i].members) for i, _ in keyed}
    keyed.sort(key=lambda ik: (-sources[ik[0]], -len(clusters[ik[0]].members), first[ik[0]]))
    # (date, end, the name's first word) -> the events of such names so far, with names and kinds
    heads: dict[tuple[str, str | None, str], list[tuple[int, tuple[str, ...], str]]] = defaultdict(list)
    absorbed: set[int] = set()
    for i, (name, kind) in keyed:
        cl = clusters[i]
        slot = heads[(cl.value, cl.end_value, name[0])]
        host = next(
            (
                h
                for h, h_name, h_kind in slot
                if (not kind or not h_kind or kind == h_kind) and name[: len(h_name)] == h_name[: len(name)]
            ),
            None,
        )
        if host is None:
            slot.append((i, name, kind))
            continue
        clusters[host].absorb(cl)
        absorbed.add(i)
    return [cl for i, cl in enumerate(clusters) if i not in absorbed]


_SPACE = re.compile(r"\s")
#: how far before a phrase's first word ``_leads`` looks for the context that introduces it
_LEAD_WINDOW = 40


def _lead_reach(contexts: list[str]) -> int | None:
    """How many white-space separated words a match of the link pattern (a context, then "the")
    spans, when no match can hold the start of another: every context is words of letters with
    single spaces, and no context begins with a word that follows in a context, or with "the".
    Then the pattern's matches are all the places it matches, and ``_leads`` can look for them
    near the phrases only. None: the table does not allow that, and every text is scanned."""
    words = [x.split(" ") for x in contexts]
    if not words or any(not w or not all(part.isalpha() for part in w) for w in words):
        return None
    later = {part for w in words for part in w[1:]} | {"the"}
    if any(w[0] in later for w in words):
        return None
    return max(len(w) for w in words) + 1


def _leads(
    lowered: str, lead: re.Pattern[str], firsts: set[str], reach: int | None
) -> Iterator[re.Match[str]]:
    """The matches of ``lead.finditer(lowered)`` that a word of ``firsts`` follows, in order.

    With a ``reach`` (see ``_lead_reach``) they are found from the other end: where a word of
    ``firsts`` starts, after white space, the context must end right there, so the pattern is tried
    only on the few words before it (found with ``str.find``, in C, instead of running the pattern
    over every text)."""
    if reach is None:
        for m in lead.finditer(lowered):
            fw = _TOKEN.match(lowered, m.end())
            if fw is not None and fw.group() in firsts:
                yield m
        return
    found: set[int] = set()
    for f in firsts:
        i = lowered.find(f)
        while i != -1:
            found.add(i)
            i = lowered.find(f, i + 1)
    for q in sorted(found):
        if q == 0 or not _SPACE.match(lowered, q - 1):
            continue  # a match ends after white space
        fw = _TOKEN.match(lowered, q)
        if fw is None or fw.group() not in firsts:
            continue
        lo = max(0, q - _LEAD_WINDOW)
        if lo and len(lowered[lo:q].split()) <= reach:
            lo = 0  # long white space: the context may start before the window
        for m in lead.finditer(lowered, lo, q):
            full = lead.match(lowered, m.start())
            if full is not None and full.end() == q:
                yield full
                break


def link_undated(clusters: list[Cluster], docs: list[SourceAnnotations]) -> None:
    contexts = [str(x).lower() for x in tables()["link_contexts"]]
    phrases: dict[str, int] = {}
    nouns = _happening_nouns()
    for i, cl in enumerate(clusters):
        for c in cl.members:
            ph = _defining_phrase(c)
            if ph and len(ph.split()) >= 2:
                phrases.setdefault(fold(ph), i)
                # "the 1989 Exxon Valdez disaster" … "during the Exxon Valdez oil spill": the name
                # without its happening noun, when it is a name of two words or more
                core, _, noun = ph.rpartition(" ")
                if noun in nouns and len(core.split()) >= 2:
                    phrases.setdefault(fold(core), i)
    if not phrases:
        return
    ctx = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in contexts)
    # a context ("the victory of the") and then the longest known phrase its words begin with; the
    # phrases are looked up, not alternated in one pattern, so thousands of them cost no more than one
    lead = re.compile(rf"\b(?:{ctx})\s+(?:the\s+)?")  # on lower-cased text: no re.I, 4x faster
    longest = max(len(p.split()) for p in phrases)
    following = re.compile(rf"\w+(?:\s+\w+){{0,{longest - 1}}}")
    firsts = {p.split()[0] for p in phrases}
    reach = _lead_reach(contexts)
    for doc in docs:
        text = doc.source.text
        lowered = text.lower()
        spans: list[tuple[int, int]] | None = None
        span_starts: list[int] = []
        starts: list[int] | None = None
        for m in _leads(lowered, lead, firsts, reach):
            wm = following.match(lowered, m.end())
            if wm is None:
                continue
            if spans is None:
                spans = sorted((x.start, x.end) for x in doc.mentions)
                span_starts = [sp[0] for sp in spans]
            words = wm.group().split()
            ci = next(
                (phrases[k] for n in range(len(words), 0, -1) if (k := " ".join(words[:n])) in phrases), None
            )
            if ci is None:
                continue
            k = bisect.bisect_right(span_starts, wm.start()) - 1
            if k >= 0 and spans[k][0] <= wm.start() < spans[k][1]:
                continue  # "the Leader of the Islamic Revolution" names a person
            cl = clusters[ci]
            if starts is None:
                starts = _sentence_index(doc)
            k = bisect.bisect_right(starts, m.start()) - 1
            s0, s1 = doc.sentences[k] if 0 <= k < len(doc.sentences) else (m.start(), m.end())
            key = (doc.source.id, s0)
            if key in cl.keys:
                continue
            cl.keys.add(key)
            cl.linked.append(
                Evidence(source=doc.source.id, start=s0, end=s1, text=clean_passage(text[s0:s1]), time=None)
            )


def _supported_value(value: str, values: dict[str, set[str]], n_sources: int) -> str:
    """The event's date: its cluster's (the most precise one its passages gave while merging) when a
    quarter of its sources give it, else the most precise compatible date that many give. One passage
    saying "nearly two weeks ago" (a week) does not redate what 44 sources say happened "in April"."""
    if 4 * len(values.get(value, ())) >= n_sources:
        return value
    backed = [v for v, s in values.items() if 4 * len(s) >= n_sources and compatible(v, value)]
    if not backed:
        return value
    return max(backed, key=lambda v: (len(v), len(values[v]), v))


def _order_people(members: list[Candidate], ids: list[str]) -> list[str]:
    """People in the order titles name them: who is named first in most passages, then how often."""
    first: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for c in members:
        seen = [pid for m in c.mentions() if (pid := m.person_id)]
        if seen:
            first[seen[0]] += 1
            for pid in set(seen):
                total[pid] += 1
    return sorted(ids, key=lambda p: (-first[p], -total[p], p))


def _without_roles(c: Candidate, end: int, start: int | None = None) -> str:
    """The passage from ``start`` (its own start) up to ``end`` with role phrases blanked ("the
    Leader of the Islamic Revolution" names a person, not a revolution)."""
    text = c.doc.source.text
    out = []
    pos = begin = c.start if start is None else start
    for m in c.mentions():
        if m.kind == "title" and begin <= m.start and m.end <= end:
            out.append(text[pos : m.start])
            pos = m.end
    if not out:
        return text[begin:end]
    out.append(text[pos:end])
    return "".join(out)


@cache
def _clause_break() -> re.Pattern[str]:
    """Where a clause of its own starts: after a semicolon, or a comma and a word of events.yaml
    clause_breaks."""
    return re.compile(r";\s+|,\s+(?:" + word_alternation(tables()["clause_breaks"]) + r")\s+")


#: a time of day that may head an entry of a live page ("2034 The US televangelist …"), its zone
_LIVE_HEAD = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d(?:[ \t]*[A-Z]{2,4}\b)?[ \t]+(?=[A-Z“\"`])")


#: a colon after a time that heads an entry of a chronology or a live page ("2 May : BP starts …")
_ENTRY_COLON = re.compile(r"[ \t]*:[ \t]+(?=[A-Z0-9“\"`])")


def _after_live_head(c: Candidate, lo: int) -> int:
    """Where a title's clause starts once the time heading an entry is left out, as the event's date
    tells it: a time of day the tagger read heading a live page's entry ("2034 The US televangelist
    … claims" -> "The US televangelist …"; a year stays: "1991 saw …"), or any time before a colon
    whose entry is too short for ``_entry_of`` ("2 May 1787: Puerto Rico")."""
    text = c.doc.source.text
    timexes = c.doc.timexes
    i = bisect.bisect_left(timexes, lo, key=operator.attrgetter("start"))
    if i == len(timexes) or timexes[i].start != lo:
        return lo
    t = timexes[i]
    colon = _ENTRY_COLON.match(text, t.end)
    if colon is not None:
        return colon.end()
    if t.type == "TIME":
        m = _LIVE_HEAD.match(text, lo)
        if m is not None:
            return m.end()
    return lo


def _own_clause(c: Candidate, end: int) -> tuple[int, int]:
    """The clause of the passage (up to ``end``) that holds its time expression, when the passage
    has more than one and that clause tells enough; else the passage (without the time heading a
    live entry). In a passage of entries headed by their times ("2 May: BP starts drilling …", a
    chronology run into one passage: "April 2010: Blast at … 1991: 520m gallons … 1979: 140m
    gallons were spilt over nine months …"), the entry that holds the time expression."""
    entry = _entry_of(c, end)
    if entry is not None:
        return entry
    start, end = _own_clause_of(c, end)
    return _after_live_head(c, start), end


def _entry_of(c: Candidate, end: int) -> tuple[int, int] | None:
    """The entry of the passage (up to ``end``) that holds its time expression: from the colon of the
    last time heading an entry at or before it to the next such time; None when no time heads one."""
    text = c.doc.source.text
    timexes = c.doc.timexes
    key = operator.attrgetter("start")
    lo, hi = None, end
    i = bisect.bisect_left(timexes, c.start, key=key)
    for k in range(i, len(timexes)):  # no slice: a copy of the rest of a long text's expressions
        t = timexes[k]
        if t.start >= end:
            break
        colon = _ENTRY_COLON.match(text, t.end)
        if colon is None:
            continue
        if t.start <= c.timex.start:
            lo = colon.end()
        else:
            hi = t.start
            break
    if lo is None or lo >= hi or len(text[lo:hi].split()) < _CLAUSE_WORDS:
        return None
    return lo, hi


def _own_clause_of(c: Candidate, end: int) -> tuple[int, int]:
    text = c.doc.source.text
    lo = c.start
    for m in _clause_break().finditer(text, c.start, c.timex.start):
        lo = m.end()
    m = _clause_break().search(text, c.timex.end, end)
    hi = m.start() if m is not None else end
    words = text[lo:hi].split()
    if (lo, hi) == (c.start, end) or len(words) < _CLAUSE_WORDS + 2:
        return c.start, end
    if lo > c.start and not (
        words[0][0].isupper() or words[0][0].isdigit() or words[0] in tables()["clause_subjects"]
    ):
        return c.start, end  # "…, but instead went to BP in 1982": no subject of its own
    return lo, hi


@cache
def _closing_attribution() -> re.Pattern[str]:
    """A reporting clause that closes a passage (", Mayor John Smith said on Friday.", ", officials
    said."): a time expression before it dates what it reports, not the saying."""
    verbs = word_alternation([str(v) for v in load_rules("quotes")["verbs"] if " " not in str(v)])
    # the speaker (up to five words), the verb, and a few words at most ("on Friday", "in a
    # statement", "told reporters"): a long clause after the verb is what the passage reports
    return re.compile(rf",\s+(?:[\w’'.-]+\s+){{0,5}}?(?:{verbs})\b[^,;:!?“”\"]{{0,40}}$")


def _title_end(c: Candidate) -> int:
    """Where the passage ends for its event's title: before a short reporting clause that closes
    it, when the event's time expression comes before that clause in a clause of its own ("The
    river burst its banks on Thursday night, Mayor John Smith said on Friday": the flood, not a
    statement; "On Saturday, the government declared …" is left whole)."""
    rel = c.timex.end - c.start
    m = _closing_attribution().search(c.text.rstrip(" \t\n.”\"'"), rel)
    if m is None:
        return c.end
    before = c.text[: c.timex.start - c.start] + c.text[rel : m.start()]
    return c.start + m.start() if len(before.split()) >= 3 else c.end


#: the fewest words of a clause that titles its event ("He should have" tells nothing)
_CLAUSE_WORDS = 4
#: "since 1939, when a quake in Erzincan killed about 33,000 people": the clause that tells what
#: happened at the time right before it (to its end, or to a comma before "and", "but", "which")
_WHEN_CLAUSE = re.compile(
    r",?\s+when\s+(?P<clause>(?:[^;:.!?—–()“”\"\n]|\.(?=\S)){12,200}?)\s*"
    r"(?=[;:!?—–()“”\"\n]|\.(?:\s|$)|,\s+(?:and|but|which|while)\b|\s+and\s+(?:then\s+|later\s+)?when\b|$)"
)


def _when_clause(c: Candidate) -> str | None:
    """The when-clause right after the passage's time expression, for its title: what happened then."""
    m = _WHEN_CLAUSE.match(c.doc.source.text, c.timex.end, c.end)
    if m is None or len(m["clause"].split()) < _CLAUSE_WORDS:
        return None
    return capitalised(m["clause"])


#: "Lopez, who took over as CEO in March 2022, has cut costs": a subject (a few words after the
#: passage's start or a comma) and the relative clause after it, up to its closing comma
_RELATIVE_CLAUSE = re.compile(
    r"(?:^|(?<=[,;:(]\s))(?P<subject>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+),\s+(?:who|which)\s+"
    r"(?P<clause>[^,;:.!?()“”\"\n]{6,160}?),"
)


def _relative_clause(c: Candidate) -> str | None:
    """The relative clause that holds the passage's time expression, with the subject it tells of,
    for its title ("Lopez, who took over as CEO in March 2022, has cut costs" → "Lopez took over as
    CEO in March 2022"): what happened then, not what the sentence goes on to say."""
    if "who" not in c.text and "which" not in c.text:
        return None  # (the pattern is tried at every position: most passages hold neither word)
    rel_start, rel_end = c.timex.start - c.start, c.timex.end - c.start
    for m in _RELATIVE_CLAUSE.finditer(c.text):
        if m.start("clause") <= rel_start and rel_end <= m.end("clause"):
            subject = m["subject"]
            if len(subject.split()) + len(m["clause"].split()) < _CLAUSE_WORDS:
                return None
            return f"{capitalised(subject)} {m['clause']}"
        if m.start() > rel_end:
            break
    return None


#: "nearly a year after Russia's full-scale invasion on Feb. 24, 2022": the happening a signal
#: names right before the passage's time expression (a phrase opening with "the" or a capital)
_SIGNALLED_BEFORE = re.compile(
    r"\b(?:after|before|since|following)\s+(?P<what>(?:the\s+|[A-Z][\w’'-]*\s+)[^,;:.!?()“”\"\n]{2,70}?)"
    r"\s+(?:on|in)\s+$"
)


def _signalled_before(c: Candidate) -> str | None:
    """The happening named right before the time expression after a signal ("after Russia's
    invasion on Feb. 24, 2022" → "Russia's invasion"), for its title."""
    rel = c.timex.start - c.start
    m = _SIGNALLED_BEFORE.search(c.text, max(0, rel - 90), rel)
    if m is None or not 3 <= len(m["what"].split()) <= 7:
        return None  # "after the accident on 20 April" names it too vaguely for a title
    return capitalised(m["what"])


#: "more than a year after it first sounded the alarm": the happening a counted duration points to,
#: after its signal, up to the clause's end
_COUNTED_FROM = re.compile(r"\s+after\s+(?P<what>(?:(?!\s[-–—]\s)[^,;:.!?()“”\"\n]){8,120})")


def _counted_from(c: Candidate) -> str | None:
    """For a duration counted from another happening ("a little more than a year after it first
    sounded the alarm"), that happening, for its title ("It first sounded the alarm"): the passage
    reports what happened the duration later."""
    if c.timex.type != "DURATION" or not c.timex.point:
        return None
    m = _COUNTED_FROM.match(c.doc.source.text, c.timex.end, c.end)
    if m is None or len(m["what"].split()) < _CLAUSE_WORDS or m["what"].split()[0].endswith("ing"):
        return None  # "after being detected …": no happening with a subject
    a, b = m.span("what")
    if any(a <= t.start < b for t in c.doc.timexes):
        return None  # "after the earthquake of January 2010": the happening has a date of its own
    return capitalised(m["what"].strip())


@cache
def _preposition_end() -> re.Pattern[str]:
    """A period's preposition, with the word of an approximate number after it ("for about the last
    250 years"), ending the text before its expression (events.yaml period_prepositions,
    period_approximations)."""
    preps = word_alternation(tables()["period_prepositions"])
    about = word_alternation(tables()["period_approximations"]).replace(" ", r"\s+")
    return re.compile(rf"(?:^|\s)(?:{preps})(?:\s+(?:{about}))?\s+$", re.I)


def _period_clause(c: Candidate) -> str:
    """The clause around a period's expression, for its title."""
    text = c.doc.source.text
    a, b = c.timex.start, c.timex.end
    left = max(text.rfind(ch, c.start, a) for ch in ",;:“(")
    # a straight quotation mark opens the clause only when the quotation is still open at the
    # expression ('had "come down a great deal" over the past 12 months' is closed before it)
    if text.count('"', c.start, a) % 2:
        left = max(left, text.rfind('"', c.start, a))
    left = c.start if left < c.start else left + 1
    rights = [i for ch in ',;.”")' if (i := text.find(ch, b, c.end)) != -1]
    right = min(rights) if rights else c.end
    before = text[left:a].split()
    if before and before[-1].lower() in tables()["period_determiners"]:
        clause = text[left:right].strip()  # "spent her last two decades teaching": a noun of the clause
    else:
        # the preposition of the expression goes with it ("come down a great deal over the past 12
        # months but remained …")
        clause = (_preposition_end().sub("", text[left:a]) + text[b:right]).strip()
    clause = re.sub(r"^(?:because|and|but|that|so|while|in|over|for|during)\s+", "", clause, flags=re.I)
    return " ".join(re.sub(r"[*_“”\"]|``|''", "", clause).split())


def _event_id(value: str, end: str | None, key: tuple[str, int]) -> str:
    h = hashlib.sha1(f"{value}|{end}|{key[0]}|{key[1]}".encode()).hexdigest()[:10]
    return f"ev-{value.replace('-', '')[:8]}-{h}"


def _called_names(docs: list[SourceAnnotations], names: dict[str, str]) -> dict[str, str]:
    """Full name -> the word of it the sources call the person by alone, most often ("Lula" of "Luiz
    Inácio Lula da Silva", "Tedros"); people never named alone are not listed."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        for m in d.mentions:
            if m.kind == "name" and m.person_id in names and " " not in m.text:
                counts[m.person_id][m.text.rstrip(".")] += 1
    out: dict[str, str] = {}
    for pid, c in counts.items():
        full = names[pid]
        words = full.split()
        if len(words) < 2:
            continue
        best = max(sorted(c), key=lambda w: (c[w], w == words[-1]))
        if best in words:
            out[full] = best
    return out


#: how many of an event's passages its title is read from (the title's rules read the first 30, the
#: passage most like the others is looked for among 64: the clauses of every passage of an event of
#: thousands were worked out for nothing)
TITLE_SAMPLE = 128


def _title_sample(members: list[Candidate]) -> list[Candidate]:
    """At most ``TITLE_SAMPLE`` of an event's passages (sorted by source), as many sources as can
    be: each source's first passage, then each one's second, ... in the passages' order."""
    if len(members) <= TITLE_SAMPLE:
        return members
    rank: dict[str, int] = {}
    order = []
    for i, c in enumerate(members):
        k = rank.get(c.doc.source.id, 0)
        rank[c.doc.source.id] = k + 1
        order.append((k, i))
    order.sort()
    return [members[i] for i in sorted(i for _k, i in order[:TITLE_SAMPLE])]


def _event(
    cl: Cluster, names: dict[str, str], outlets: dict[str, str | None], called: dict[str, str] | None = None
) -> Event:
    """A cluster's event: its passages as evidence, its date, people, outlets, conflicts, title."""
    members = sorted(cl.members, key=lambda c: (c.doc.source.id, c.start, c.timex.start))
    #: each passage's members (the expressions of one sentence that date this event)
    passages: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
    values: dict[str, set[str]] = defaultdict(set)
    phrase = None
    for c in members:
        source = c.doc.source.id
        passages[(source, c.start)].append(c)
        values[c.value].add(source)
        if phrase is None:
            phrase = _defining_phrase(c)
    dated_sources = {source for source, _start in passages}
    value = _supported_value(cl.value, values, len(dated_sources))
    # "c.": every passage that gives the date (or a time of that date) gives it roughly ("nearly a
    # week after the quake"); one that gives it exactly ("on 12 January") makes it exact
    approximate = not any(c.timex.mod != "APPROX" and c.value.startswith(value) for c in members)
    evidence: list[Evidence] = []
    for (source, _start), group in passages.items():
        # the passage's expression that gives the event's date ("in the quarter ended Sept. 30":
        # "Sept. 30" for an event of 2025-09-30), else its first
        c = next((x for x in group if x.value == value), group[0])
        t = c.timex
        evidence.append(
            Evidence(
                source,
                c.start,
                c.end,
                clean_passage(c.text),
                TimeRef(t.text, t.start, t.end, t.value, t.explanation),
            )
        )
    evidence.extend(sorted(cl.linked, key=lambda e: (e.source, e.start)))
    sources = sorted({e.source for e in evidence})
    people_ids = [p for p, n in _commonest(cl.people) if n >= 1 and p in names]
    ev_outlets = sorted({o for s in sources if (o := outlets.get(s))})
    first_key = (members[0].doc.source.id, members[0].start)  # the least (source, start): members are sorted
    conflicts = [
        Conflict(date=v, sources=sorted(s))
        for v, s in sorted(values.items())
        if v != value and not compatible(v, value)
    ]
    granularity = granularity_of(value)
    ev = Event(
        id=_event_id(value, cl.end_value, first_key),
        date=value,
        granularity=granularity if granularity != "time" else "day",
        end=cl.end_value,
        approximate=approximate,
        title="",
        people=people_ids,
        outlets=ev_outlets,
        corroboration=len(sources),
        conflicts=conflicts,
        evidence=evidence,
    )
    # people that most passages name first, then the others
    ev.people = _order_people(members, people_ids) if people_ids else []
    if phrase:
        ev.title = make_title(ev, [], names, dated_sources, phrase=phrase, called=called)  # the phrase
    else:
        members = _title_sample(members)
        ends = [_title_end(c) for c in members]
        # a passage whose time is followed by what happened then ("since 1939, when a quake …
        # killed …"), or stands in a relative clause ("Lopez, who took over as CEO in March 2022,
        # has …"), or follows the happening a signal names ("after Russia's invasion on Feb. 24,
        # 2022"), is titled by that clause
        whens = [
            _when_clause(c) or _relative_clause(c) or _signalled_before(c) or _counted_from(c)
            for c in members
        ]
        clauses = [_own_clause(c, ends[i]) for i, c in enumerate(members)]
        ev.title = make_title(
            ev,
            [
                w or _without_roles(c, clauses[i][1], clauses[i][0])
                for i, (c, w) in enumerate(zip(members, whens, strict=True))
            ],
            names,
            dated_sources,
            period_texts=[_period_clause(c) for c in members] if cl.end_value else None,
            plain_texts=[
                w or capitalised(c.doc.source.text[clauses[i][0] : clauses[i][1]])
                for i, (c, w) in enumerate(zip(members, whens, strict=True))
            ],
            # "Garza resigned in October 2021, seven months after the raid" reports the resignation:
            # for the raid, a passage that dates it itself gives the title when there is one
            direct=[not (c.timex.type == "DURATION" and c.timex.point) for c in members],
            happening=_happening_title(cl),
            called=called,
        )
    return ev


def derive(docs: list[SourceAnnotations], people: list[Person], config: Config) -> EventsResult:
    inferred = infer_publication_dates(docs)
    if inferred:
        # re-tagged sources: person ids are unchanged, timexes are new
        pass
    cands = candidates(docs)
    clusters = merge_named(merge_week_slips(merge_same_day(merge_conflicting(merge(cands)), cands)))
    link_undated(clusters, docs)
    outlets = {d.source.id: (d.source.meta.outlet.value or None) for d in docs}
    names = {p.id: p.name for p in people}
    called = _called_names(docs, names)
    events = [_event(cl, names, outlets, called) for cl in clusters]
    events.sort(key=lambda e: (sort_key(e.date), -e.corroboration, e.id))
    quotes = group_quotes(docs, events)
    by_event: dict[str, set[str]] = defaultdict(set)
    speakers: dict[str, list[str]] = defaultdict(list)
    for q in quotes:
        if q.event is not None:
            by_event[q.event].add(q.id)
            if q.speaker is not None and q.speaker in names and q.speaker not in speakers[q.event]:
                speakers[q.event].append(q.speaker)
    for ev in events:
        ev.quotes = sorted(by_event.get(ev.id, ()))
        # who spoke at or about it is one of its people ("Powell told reporters …" quoted on the
        # Fed's meeting day: a person filter on Powell finds the meeting)
        ev.people += sorted(p for p in speakers.get(ev.id, ()) if p not in ev.people)
    return EventsResult(events=events, quotes=quotes, inferred=inferred)
