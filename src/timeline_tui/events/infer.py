"""Dating the undated: a source without a publication date gets the date its corroborating sources
imply, and its relative expressions are resolved again against it, with the reason in every
explanation.

A source S without a date corroborates a dated source D when a passage of S with an unresolved
relative expression ("on Monday evening") and a passage of D with a resolved one name the same people
and say much the same thing. The date D was published on is a vote for S's date when resolving S's
expression against it gives D's value. Dated sources are looked up through the people they mention, so
the work stays proportional to the undated sources.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from datetime import date

from rapidfuzz import fuzz

from ..annotate.time import tag
from ..model import MetaField, SourceAnnotations, Timex
from .text import content_words

MAX_CANDIDATE_DOCS = 200


class _Where:
    """A source's sentences and the people its mentions name, by position: the sentence around an
    offset and the people named between two offsets, each found by bisection (a long article with
    hundreds of expressions and mentions is not scanned again for each)."""

    __slots__ = ("doc", "mention_people", "mention_starts", "sentence_starts")

    def __init__(self, doc: SourceAnnotations) -> None:
        self.doc = doc
        self.sentence_starts = [s for s, _ in doc.sentences]
        named = sorted((m.start, m.person_id) for m in doc.mentions if m.person_id)
        self.mention_starts = [s for s, _ in named]
        self.mention_people = [p for _, p in named]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        sentences = self.doc.sentences
        return sentences[i] if 0 <= i < len(sentences) else (max(0, pos - 200), pos + 200)

    def people_in(self, a: int, b: int) -> set[str]:
        i = bisect.bisect_left(self.mention_starts, a)
        j = bisect.bisect_left(self.mention_starts, b, i)
        return set(self.mention_people[i:j])


def infer_publication_dates(docs: list[SourceAnnotations]) -> dict[str, dict[str, MetaField]]:
    """Infer and apply publication dates for undated sources; returns source id -> inferred fields."""
    undated = [d for d in docs if not d.source.meta.published.value]
    if not undated:
        return {}
    by_person: dict[str, list[SourceAnnotations]] = defaultdict(list)
    for d in docs:
        if d.source.meta.published.value:
            for pid in {m.person_id for m in d.mentions if m.person_id}:
                if len(by_person[pid]) < MAX_CANDIDATE_DOCS:
                    by_person[pid].append(d)
    inferred: dict[str, dict[str, MetaField]] = {}
    where: dict[int, _Where] = {}
    words: _WordIndex | None = None  # built when a passage naming nobody needs it

    def where_in(d: SourceAnnotations) -> _Where:
        w = where.get(id(d))
        if w is None:
            w = where[id(d)] = _Where(d)
        return w

    for doc in undated:
        text = doc.source.text
        unresolved = [
            t for t in doc.timexes if t.anchor == "none" and "X" in t.value and t.type in ("DATE", "TIME")
        ]
        partial = doc.source.meta.published.partial
        if not unresolved and not partial:
            continue
        pids = sorted({m.person_id for m in doc.mentions if m.person_id})
        candidates = {id(d): d for pid in pids for d in by_person.get(pid, [])}
        votes: Counter[str] = Counter()
        supporters: dict[str, set[str]] = defaultdict(set)
        here = where_in(doc)
        for t in unresolved:
            s0, s1 = here.sentence_of(t.start)
            sentence = text[s0:s1]
            people = here.people_in(s0, s1)
            if not people:
                # a passage naming nobody ("The World Health Organisation has ended its mpox emergency,
                # declaring on Friday …"): the dated passages that share its rarer words
                if words is None:
                    words = _WordIndex(docs, where_in)
                for other, ot, (o0, o1) in words.near(sentence):
                    dct = other.source.meta.published.value
                    assert dct is not None
                    if fuzz.token_set_ratio(sentence, other.source.text[o0:o1]) < _WORDS_RATIO:
                        continue
                    again = _retag_one(text, t, dct[:10])
                    if again is not None and again.value[:10] == ot.value[:10]:
                        votes[dct[:10]] += 1
                        supporters[dct[:10]].add(other.source.id)
                continue
            for other in candidates.values():
                there = where_in(other)
                dct = other.source.meta.published.value
                assert dct is not None
                for ot in other.timexes:
                    if ot.anchor not in ("published", "absolute") or ot.granularity not in ("day", "time"):
                        continue
                    o0, o1 = there.sentence_of(ot.start)
                    shared = people & there.people_in(o0, o1)
                    if len(shared) < min(2, len(people)) or not shared:
                        continue
                    if fuzz.token_set_ratio(sentence, other.source.text[o0:o1]) < 45:
                        continue
                    # resolving our expression against the other's publication date must give its value
                    again = _retag_one(text, t, dct[:10])
                    if again is not None and again.value[:10] == ot.value[:10]:
                        votes[dct[:10]] += 1
                        supporters[dct[:10]].add(other.source.id)
        if votes:
            # most votes, then most corroborating sources, then the later date (a source is published
            # after what it reports); never the order the votes came in, which followed string hashing
            best = max(votes, key=lambda v: (votes[v], len(supporters[v]), v))
            srcs = sorted(supporters[best])
            why = f"{len(srcs)} corroborating source{'s' if len(srcs) != 1 else ''} published {best} ({', '.join(srcs)})"
        elif partial and candidates:
            # no passage to corroborate: the sources naming the same people date the story's year
            dated = sorted(str(d.source.meta.published.value)[:10] for d in candidates.values())
            best = dated[len(dated) // 2]
            srcs = sorted(d.source.id for d in candidates.values())
            shown = ", ".join(srcs[:5]) + (f" and {len(srcs) - 5} more" if len(srcs) > 5 else "")
            why = f"the median publication date of the {len(srcs)} source{'s' if len(srcs) != 1 else ''} naming the same people, {best} ({shown})"
        else:
            continue
        old = doc.source.meta.published
        if partial:
            # the dateline's month and day, in the year that puts them nearest the date found
            day = _nearest_day(partial, best)
            if day is None:
                continue
            basis = (old.basis or "dateline").replace(" gives the month and day, no year", "")
            how = f"{basis}; year from {why}"
            described = f"the dateline's day ({day}; its year from other sources)"
            best = day
        else:
            how = f"inferred from {why}"
            n = len(srcs)
            described = f"the date inferred for this source ({best}, from {n} corroborating source{'s' if n != 1 else ''})"
        # the cue's span stays: a dateline is no passage of the story
        field = MetaField(value=best, basis=how, start=old.start, end=old.end)
        doc.source.meta.published = field
        doc.timexes = tag(
            text, best, dct_description=described, sentences=doc.sentences, start_at=doc.source.body_start
        )
        inferred[doc.source.id] = {"published": field}
    return inferred


#: a passage naming nobody corroborates a dated one that shares this many of its content words (of
#: four letters or more) and is this similar to it (rapidfuzz token_set_ratio)
_WORDS_SHARED = 4
_WORDS_RATIO = 60
#: a word in more dated passages than this says nothing about which story a passage tells
_WORDS_COMMON = 400


class _WordIndex:
    """The dated passages with a day-level expression (published sources), by their content words:
    what a passage that names nobody is compared with. Built once, in one pass over the sources."""

    def __init__(self, docs: list[SourceAnnotations], where_in) -> None:  # type: ignore[no-untyped-def]
        self.entries: list[tuple[SourceAnnotations, Timex, tuple[int, int]]] = []
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for d in docs:
            if not d.source.meta.published.value:
                continue
            there = where_in(d)
            for ot in d.timexes:
                if ot.anchor not in ("published", "absolute") or ot.granularity not in ("day", "time"):
                    continue
                span = there.sentence_of(ot.start)
                k = len(self.entries)
                self.entries.append((d, ot, span))
                for w in _words(d.source.text[span[0] : span[1]]):
                    self.by_word[w].append(k)

    def near(self, sentence: str) -> list[tuple[SourceAnnotations, Timex, tuple[int, int]]]:
        counts: Counter[int] = Counter()
        for w in _words(sentence):
            ks = self.by_word.get(w)
            if ks is not None and len(ks) <= _WORDS_COMMON:
                counts.update(ks)
        return [self.entries[k] for k, n in sorted(counts.items()) if n >= _WORDS_SHARED]


def _words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in content_words(sentence) if len(w) >= 4)


def _nearest_day(partial: str, near: str) -> str | None:
    """The day ``partial`` ("--10-16") names in the year that puts it nearest to the day ``near``."""
    month, day = int(partial[2:4]), int(partial[5:7])
    ref = date.fromisoformat(near[:10])
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - ref).days), d)).isoformat()


def _retag_one(text: str, t: Timex, dct: str) -> Timex | None:
    try:
        date.fromisoformat(dct)
    except ValueError:
        return None
    lo = max(0, t.start - 200)
    hi = min(len(text), t.end + 200)
    for nt in tag(text[lo:hi], dct):
        if nt.start + lo == t.start:
            return nt
    return None
