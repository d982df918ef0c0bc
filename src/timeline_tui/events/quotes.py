"""Quote groups: one statement as rendered by several outlets (translations differ in words), with its
speaker, attached to the event it was said at or about.

Quotes are compared only within their speaker's block and only with groups that share one of their
rarer words, so grouping stays near-linear; rapidfuzz's token-set ratio decides.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain

from rapidfuzz import fuzz
from rapidfuzz.process import extractOne

from ..dates import value_interval
from ..model import Event, Quote, QuoteGroup, QuoteVariant, SourceAnnotations
from ..util.names import fold
from .text import clean_passage, folded_content_words

THRESHOLD = 62
#: how alike two quotes nobody is known to have said must be to be one statement (rapidfuzz ratio)
UNATTRIBUTED = 90
_QUOTED = re.compile(r"(?:[\"“„«]|``)((?:(?!'')[^\"”»]){2,200})(?:[\"”»]|'')")
MAX_CANDIDATES = 40


def _norm(text: str) -> str:
    return fold(text)


def token_set(norm: str) -> str:
    """A folded text's distinct words, sorted, between single spaces: ``fuzz.token_set_ratio``
    depends only on the sets of words it is given, so it scores these as it scores the texts, and
    has fewer words to split and sort (a group's is made once, for all the statements it meets)."""
    return " ".join(sorted(set(norm.split())))


def group_quotes(docs: list[SourceAnnotations], events: list[Event]) -> list[QuoteGroup]:
    # where each passage of each event is, to attach a quote to the event it belongs to
    by_source: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ev in events:
        for e in ev.evidence:
            if e.time is not None:  # passages linked by content only say what a quote is about loosely
                by_source[e.source].append((e.start, e.end, ev.id))
    for spans in by_source.values():
        spans.sort()
    main_event, recent = _main_events(docs, events)
    items = []
    for d in docs:
        for q, start, end, text in statements(d):
            norm = _norm(text)
            items.append((d, q, folded_content_words(norm), norm, (start, end, text)))
    doc_freq = Counter(chain.from_iterable(item[2] for item in items))
    # the groups, as one list per field: the statements' speaker, the variants, the folded text of
    # the first statement and its words (``token_set``, made when the group is first scored), the sources
    groups = _Groups()
    sources_of = groups.sources
    #: speaker -> word -> the groups whose statements have that word among their 40 rarest
    index: dict[str, dict[str, list[int]]] = defaultdict(dict)
    #: (speaker, folded text) -> the groups that text started: a copy of a statement (wire copy
    #: republished word for word) joins at once, without fuzzy comparisons
    exact: dict[tuple[str, str], list[int]] = defaultdict(list)
    # words from rarest to commonest (then alphabetically), as one integer key per word: sorted by
    # word, then (a stable sort) by count
    vocabulary = sorted(doc_freq)
    vocabulary.sort(key=doc_freq.__getitem__)
    rank = {w: i for i, w in enumerate(vocabulary)}
    by_rank = rank.__getitem__
    for d, q, words, norm, span in items:
        speaker = q.speaker_id or ""
        source = d.source.id
        by_word = index[speaker]
        best = None
        for gi in exact.get((speaker, norm), ()):
            if source not in sources_of[gi]:
                best = gi
                break
        # the words whose groups the statement's group joins: its 40 rarest (each word's list is
        # its own, so in any order)
        top: Iterable[str] = words
        if best is None:
            ranked = sorted(words, key=by_rank)
            best = _best_group(d, q, ranked, norm, span, groups, by_word)
            if best is None:
                best = groups.add(q.speaker_id, norm)
                exact[(speaker, norm)].append(best)
            if len(ranked) > 40:
                top = ranked[:40]
        elif len(words) > 40:
            top = sorted(words, key=by_rank)[:40]
        groups.variants[best].append((d, q, span))
        sources_of[best].add(source)
        get = by_word.get
        for w in top:
            seen_in = get(w)
            if seen_in is None:
                by_word[w] = [best]
            elif seen_in[-1] != best:
                seen_in.append(best)
    out: list[QuoteGroup] = []
    for speaker_id, variants in zip(groups.speaker, groups.variants, strict=True):
        variants.sort(key=lambda v: (v[0].source.id, v[2][0]))
        votes: Counter[str] = Counter()
        for d, q, _span in variants:
            spans = by_source.get(d.source.id, [])
            ev = (
                _event_at(spans, q.start, q.end)
                or _event_before(spans, q.start, d.source.text, recent.get(d.source.id, set()))
                or main_event.get(d.source.id)
            )
            if ev:
                votes[ev] += 1
        event = votes.most_common(1)[0][0] if votes else None
        first = variants[0]
        gid = (
            "q-" + hashlib.sha1(f"{speaker_id}|{first[0].source.id}|{first[2][0]}".encode()).hexdigest()[:10]
        )
        out.append(
            QuoteGroup(
                id=gid,
                speaker=speaker_id,
                event=event,
                variants=[
                    QuoteVariant(source=d.source.id, start=a, end=b, text=clean_passage(t))
                    for d, _q, (a, b, t) in variants
                ],
            )
        )
    out.sort(key=lambda g: (-len(g.variants), g.id))
    return out


class _Groups:
    """The quote groups made so far, one list per field, indexed by group."""

    __slots__ = ("norm", "sources", "speaker", "tokens", "variants")

    def __init__(self) -> None:
        self.speaker: list[str | None] = []
        self.variants: list[list[tuple[SourceAnnotations, Quote, tuple[int, int, str]]]] = []
        self.norm: list[str] = []
        self.tokens: list[str | None] = []
        self.sources: list[set[str]] = []

    def add(self, speaker: str | None, norm: str) -> int:
        self.speaker.append(speaker)
        self.variants.append([])
        self.norm.append(norm)
        self.tokens.append(None)
        self.sources.append(set())
        return len(self.norm) - 1


def _best_group(
    d: SourceAnnotations,
    q: Quote,
    ranked: list[str],
    norm: str,
    span: tuple[int, int, str],
    groups: _Groups,
    by_word: dict[str, list[int]],
) -> int | None:
    """The group this statement joins: among the groups sharing most of its rarer words, the one
    rapidfuzz scores highest above the threshold (None: it starts a group)."""
    pool: list[int] = []
    get = by_word.get
    for w in ranked[:12]:
        seen_in = get(w)
        if seen_in is not None:  # never empty
            if len(seen_in) == 1:
                pool.append(seen_in[0])
            else:
                pool.extend(set(seen_in[-MAX_CANDIDATES:]))
    if not pool:
        return None
    # the groups sharing most of this quote's rarer words are the only ones worth comparing:
    # ``Counter.most_common(8)`` (a stable sort by count, first seen first among equals), sorted in C
    shared = Counter(pool)
    cands = sorted(shared, key=shared.__getitem__, reverse=True)[:8]
    source = d.source.id
    sources_of = groups.sources
    # the groups this statement may join (a source's statements are one rendering each)
    cands = [gi for gi in cands if source not in sources_of[gi]]
    if not cands:
        return None
    if q.speaker_id is None:
        # nobody known says it: only the same words again (a wire copy) are the same statement;
        # two unattributed quotes sharing a few words are two people's
        norms = groups.norm
        found = extractOne(
            norm,
            [norms[gi] for gi in cands],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=UNATTRIBUTED,
        )
        return None if found is None else cands[found[2]]
    tokens = token_set(norm)
    tokens_of = groups.tokens
    choices = []
    for gi in cands:
        t = tokens_of[gi]
        if t is None:
            t = tokens_of[gi] = token_set(groups.norm[gi])
        choices.append(t)
    quoted = _norm(" ".join(_QUOTED.findall(span[2]))) if q.is_term else ""
    if len(quoted) < 8:
        if len(cands) == 1:
            score = fuzz.token_set_ratio(tokens, choices[0], score_cutoff=THRESHOLD)
            return cands[0] if score >= THRESHOLD else None
        # ``extractOne`` scores the groups in order with the best score so far as the cutoff (rapidfuzz
        # gives 0 for a score under it, which could not have won: a group wins by a higher score, the
        # first of equals) and stops at a perfect score; the statement's words are split once for all
        found = extractOne(
            tokens, choices, scorer=fuzz.token_set_ratio, processor=None, score_cutoff=THRESHOLD
        )
        return None if found is None else cands[found[2]]
    best, best_score = None, 0.0
    # every score below is asked for with the best score so far as its cutoff, as ``extractOne`` does
    for gi, t in zip(cands, choices, strict=True):
        cutoff = max(THRESHOLD, best_score)
        score = fuzz.token_set_ratio(tokens, t, score_cutoff=cutoff)
        if q.speaker_id == groups.speaker[gi]:
            # a quoted fragment ("denounced … as “unacceptable genocide”") found in another
            # outlet's full rendering of the same speaker's statement is that statement
            score = max(score, fuzz.partial_ratio(quoted, groups.norm[gi], score_cutoff=cutoff))
        if score >= THRESHOLD and score > best_score:
            best, best_score = gi, score
    return best


def statements(d: SourceAnnotations) -> list[tuple[Quote, int, int, str]]:
    """A source's statements as (first quote, start, end, text): a quote with the later parts that
    continue it ("“A,” she said. “B.”" reads "“A,” … “B.”"), and the attributed fragments of reported
    speech with their clause ("emphasized that “revolutionary honesty” … are the common features of
    …"); unattributed terms and scare quotes are left out."""
    out: list[tuple[Quote, int, int, str]] = []
    parts: dict[int, list[Quote]] = {}
    order: list[int] = []
    for q in d.quotes:
        if q.continues is not None and q.continues in parts:
            parts[q.continues].append(q)
            continue
        parts[q.start] = [q]
        order.append(q.start)
    text = d.source.text
    for key in order:
        ps = parts[key]
        first = ps[0]
        if first.is_term:
            if first.speaker_id is None or first.content_start is None or first.content_end is None:
                continue
            end = max(p.content_end or p.end for p in ps)
            out.append((first, first.content_start, end, text[first.content_start : end]))
            continue
        body = " … ".join(p.text.strip() for p in ps)
        out.append((first, first.start, ps[-1].end, body))
    return out


def _event_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    i = bisect.bisect_right(spans, (start, 10**12, "")) - 1
    while i >= 0 and spans[i][1] > start:
        if spans[i][0] <= start < spans[i][1]:
            return spans[i][2]
        i -= 1
    return None


def _event_before(spans: list[tuple[int, int, str]], start: int, text: str, recent: set[str]) -> str | None:
    """The event of the passage that ends last before ``start`` in the same paragraph, when it is one
    of the days around publication (``recent``) a statement can be made at: a live page's entry
    ("09:50 GMT The Met Office says gusts of 93mph were recorded … "This is a very dangerous
    situation," said …") is said at what its dated sentence reports; a statement after a sentence
    recalling a meeting 22 years before was not made at that meeting."""
    i = bisect.bisect_right(spans, (start, 10**12, "")) - 1
    best: tuple[int, str] | None = None
    for a, b, ev in reversed(spans[max(0, i - 8) : i + 1]):
        if b <= start and (best is None or b > best[0]):
            best = (b, ev)
        if a < start - 2000:
            break
    if best is None or best[1] not in recent or "\n\n" in text[best[0] : start]:
        return None
    return best[1]


def _main_events(
    docs: list[SourceAnnotations], events: list[Event]
) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Per source, the event its statements are most likely about: the best-supported day-level event
    it reports that happened within a week before its publication (of equals, the latest); and all
    such events of each source."""
    out: dict[str, str] = {}
    recent: dict[str, set[str]] = defaultdict(set)
    per_source: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        if ev.granularity != "day":
            continue
        for s in {e.source for e in ev.evidence}:
            per_source[s].append(ev)
    for d in docs:
        pub = d.source.meta.published.value
        piv = value_interval(pub[:10]) if pub else None
        best = None
        for ev in per_source.get(d.source.id, []):
            iv = value_interval(ev.date)
            if piv and iv and not (0 <= (piv[0] - iv[0]).days <= 7):
                continue
            recent[d.source.id].add(ev.id)
            n = sum(1 for e in ev.evidence if e.source == d.source.id)
            # then the latest: a story reports the newest of what it tells most
            key = (ev.corroboration, n, ev.date)
            if best is None or key > best[0]:
                best = (key, ev.id)
        if best:
            out[d.source.id] = best[1]
    return out, recent
