"""Timeline query and filtering (the stage between event derivation and the views).

Filter semantics (shared by the CLI, the exporters and the TUI):

- ``person``: any of the names, case-, accent- and alias-insensitive: a person's name, an alias, a
  configured title ("Leader of the Islamic Revolution"), a single name part ("Khamenei") or a close
  transliteration ("Raeisi" for "Raisi"). Several ``--person`` values: an event matches if it involves
  any of them.
- ``outlet``: an outlet's name or one of its configured abbreviations/domains, folded the same way.
- ``since``/``until``: any granularity (``2001``, ``2023-12``, ``2023-12-04``). An event is kept when the
  interval it covers overlaps [start of ``since``, end of ``until``]: ``--since 2001 --until 2001`` keeps
  an event dated "2001" and one dated "2001-06-03"; a period 1948–2023 overlaps 2001. Events with
  unknown dates are dropped when either bound is given.
- ``search``: words that must all occur in the event (title, people, outlets, evidence text), case- and
  accent-insensitive, punctuation-insensitive ("Díaz-Canel" finds "Diaz Canel"); ``-word`` excludes
  events containing the word (``-"two words"``: containing both).
- ``min_outlets``: at least N distinct sources support the event (its corroboration).

``parse_query`` reads the TUI's one-line filter language: words plus ``person:NAME``,
``outlet:NAME``, ``since:2001``, ``until:2023-12``, ``min:N``.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from .dates import parse_user_date, value_interval
from .errors import UsageError
from .model import Event, Filters, Person, SourceRecord, Timeline
from .util.names import fold, fold_accents, search_terms

__all__ = [
    "TimelineIndex",
    "apply_filters",
    "filter_sources",
    "match_people",
    "parse_query",
    "validate_filters",
]

#: rapidfuzz ratio above which a name part counts as a spelling variant ("raeisi" ~ "raisi": 90.9)
FUZZY_NAME_THRESHOLD = 85.0


def _person_keys(person: Person) -> set[str]:
    keys = {fold(person.name)}
    keys.update(fold(a) for a in person.aliases)
    keys.update(fold(t) for t in person.titles)
    keys.discard("")
    return keys


def match_people(query: str, people: Sequence[Person]) -> set[str]:
    """Ids of the people a user's NAME means (see module doc)."""
    q = fold(query)
    if not q:
        return set()
    q_tokens = q.split()
    exact: set[str] = set()
    partial: set[str] = set()
    fuzzy: set[str] = set()
    for person in people:
        keys = _person_keys(person)
        if q in keys or fold(person.id.replace("-", " ")) == q:
            exact.add(person.id)
            continue
        name_tokens = {tok for k in keys for tok in k.split()}
        if all(tok in name_tokens for tok in q_tokens):
            partial.add(person.id)
            continue
        if all(
            any(
                fuzz.ratio(tok, nt) >= FUZZY_NAME_THRESHOLD
                for nt in name_tokens
                if abs(len(nt) - len(tok)) <= 3
            )
            for tok in q_tokens
            if len(tok) >= 4
        ) and any(len(tok) >= 4 for tok in q_tokens):
            fuzzy.add(person.id)
    return exact or partial or fuzzy


def _outlet_matches(query: str, outlets: Iterable[str], aliases: dict[str, list[str]]) -> set[str]:
    q = fold(query)
    found: set[str] = set()
    for outlet in outlets:
        keys = {fold(outlet), *(fold(a) for a in aliases.get(outlet, []))}
        if q in keys or any(q and set(q.split()) <= set(k.split()) for k in keys):
            found.add(outlet)
    return found


def validate_filters(filters: Filters) -> None:
    """Raise UsageError for filter values a user mistyped (``--since yesterday-ish``)."""
    for name in ("since", "until"):
        value = getattr(filters, name)
        if value is not None:
            try:
                parse_user_date(str(value))
            except ValueError as e:
                raise UsageError(f"--{name}: {e}") from None
    if filters.min_outlets is not None and filters.min_outlets < 0:
        raise UsageError(f"--min-outlets: expected a whole number ≥ 0, got {filters.min_outlets}")
    if (
        filters.since
        and filters.until
        and (parse_user_date(filters.since)[0] > parse_user_date(filters.until)[1])
    ):
        raise UsageError(f"--since {filters.since} is after --until {filters.until}")


def _search_terms(search: str | None) -> tuple[list[str], list[str]]:
    if not search:
        return [], []
    try:
        words = shlex.split(search)
    except ValueError:  # unbalanced quote: treat literally
        words = search.split()
    include: list[str] = []
    exclude: list[str] = []
    for w in words:
        if w.startswith("-") and len(w) > 1:
            # an excluded word or phrase: excluded when all its parts occur
            parts = search_terms(w[1:])
            if parts:
                exclude.append(" ".join(parts))
        else:
            include.extend(search_terms(w))
    return include, exclude


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    haystack: str
    people: frozenset[str]
    outlets: frozenset[str]
    corroboration: int


@dataclass
class TimelineIndex:
    """Precomputed per-event data so that filtering 100k events takes milliseconds.

    ``outlet_aliases`` maps an outlet name to its configured abbreviations and domains.
    """

    timeline: Timeline
    outlet_aliases: dict[str, list[str]] = field(default_factory=dict)
    _rows: list[_Row] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        names = {p.id: p.name for p in self.timeline.people}
        rows = []
        for ev in self.timeline.events:
            rows.append(self._row(ev, names))
        self._rows = rows

    @staticmethod
    def _row(ev: Event, names: dict[str, str]) -> _Row:
        iv = value_interval(ev.date)
        end_iv = value_interval(ev.end) if ev.end else None
        if iv is None:
            start, end = 10**9, -1  # unknown date: never inside a date range
        else:
            start = iv[0].toordinal()
            end = (end_iv or iv)[1].toordinal()
        parts = [ev.title, ev.date, *(names.get(p, p) for p in ev.people), *ev.outlets]
        parts.extend(e.text for e in ev.evidence)
        return _Row(
            start=start,
            end=end,
            haystack=fold_accents(" \n ".join(parts)),
            people=frozenset(ev.people),
            outlets=frozenset(ev.outlets),
            corroboration=ev.corroboration,
        )

    def __len__(self) -> int:
        return len(self._rows)

    def select(self, filters: Filters, within: Sequence[int] | None = None) -> list[int]:
        """Indices (into ``timeline.events``, ascending) of the events that pass ``filters``.

        ``within`` restricts the scan to a previous selection (a narrowing keystroke in the TUI)."""
        rows = self._rows
        candidates: Iterable[int] = range(len(rows)) if within is None else within
        person_ids: set[str] | None = None
        if filters.person:
            person_ids = set()
            for q in filters.person:
                person_ids |= match_people(q, self.timeline.people)
        outlets: set[str] | None = None
        if filters.outlet:
            all_outlets = {o for r in rows for o in r.outlets}
            outlets = set()
            for q in filters.outlet:
                outlets |= _outlet_matches(q, all_outlets, self.outlet_aliases)
        lo = parse_user_date(filters.since)[0].toordinal() if filters.since else None
        hi = parse_user_date(filters.until)[1].toordinal() if filters.until else None
        include, exclude = _search_terms(filters.search)
        min_n = filters.min_outlets or 0

        # Cheap, selective tests first; each pass is one tight comprehension over the survivors.
        cand: list[int] = list(candidates)
        if lo is not None:
            cand = [i for i in cand if rows[i].end >= lo]
        if hi is not None:
            cand = [i for i in cand if rows[i].start <= hi]
        if min_n:
            cand = [i for i in cand if rows[i].corroboration >= min_n]
        if person_ids is not None:
            cand = [i for i in cand if not person_ids.isdisjoint(rows[i].people)]
        if outlets is not None:
            cand = [i for i in cand if not outlets.isdisjoint(rows[i].outlets)]
        for t in include:
            cand = [i for i in cand if t in rows[i].haystack]
        for phrase in exclude:
            parts = phrase.split()
            cand = [i for i in cand if not all(t in rows[i].haystack for t in parts)]
        out = cand
        return out


def apply_filters(
    timeline: Timeline, filters: Filters, outlet_aliases: dict[str, list[str]] | None = None
) -> Timeline:
    """A new Timeline holding the events that pass ``filters``, the quote groups attached to them (and
    unattached groups of the selected people), the people they involve and all sources; ``filters`` is
    recorded in the result."""
    validate_filters(filters)
    index = TimelineIndex(timeline, outlet_aliases or {})
    keep = index.select(filters)
    events = [timeline.events[i] for i in keep]
    event_ids = {e.id for e in events}
    person_ids: set[str] | None = None
    if filters.person:
        person_ids = set()
        for q in filters.person:
            person_ids |= match_people(q, timeline.people)
    quotes = [
        q
        for q in timeline.quotes
        if (q.event in event_ids) or (q.event is None and person_ids is not None and q.speaker in person_ids)
    ]
    unfiltered = filters == Filters()
    if unfiltered:
        quotes = list(timeline.quotes)
    return replace(timeline, events=events, quotes=quotes, filters=filters)


def filter_sources(
    timeline: Timeline, filters: Filters, outlet_aliases: dict[str, list[str]] | None = None
) -> list[SourceRecord]:
    """Sources matching the filters: outlet by name/alias, publication date within since/until,
    person mentioned in the source or supporting one of the person's events, search words in the
    title/metadata (or the text when available), min_outlets via the events they support."""
    validate_filters(filters)
    aliases = outlet_aliases or {}
    selected = apply_filters(timeline, filters, aliases) if (filters.person or filters.min_outlets) else None
    supporting: set[str] | None = None
    if selected is not None:
        supporting = {ev.source for e in selected.events for ev in e.evidence}
        if filters.person:
            ids: set[str] = set()
            for q in filters.person:
                ids |= match_people(q, timeline.people)
            for sid, doc in timeline.docs.items():
                if any(m.person_id in ids for m in doc.mentions):
                    supporting.add(sid)
    lo = parse_user_date(filters.since)[0] if filters.since else None
    hi = parse_user_date(filters.until)[1] if filters.until else None
    include, exclude = _search_terms(filters.search)
    out: list[SourceRecord] = []
    for rec in timeline.sources:
        if supporting is not None and rec.id not in supporting:
            continue
        if filters.outlet:
            names = [n for n in (rec.outlet, rec.origin) if n]
            if not any(_outlet_matches(q, names, aliases) for q in filters.outlet):
                continue
        if lo is not None or hi is not None:
            iv = value_interval((rec.published or "")[:10]) if rec.published else None
            if iv is None or (lo is not None and iv[1] < lo) or (hi is not None and iv[0] > hi):
                continue
        if include or exclude:
            doc = timeline.docs.get(rec.id)
            text = doc.source.text if doc else ""
            hay = fold_accents(" ".join(filter(None, [rec.title, rec.outlet, rec.path, text])))
            if not all(t in hay for t in include) or any(
                all(t in hay for t in phrase.split()) for phrase in exclude
            ):
                continue
        out.append(rec)
    return out


_QUERY_KEYS = {
    "person": "person",
    "who": "person",
    "outlet": "outlet",
    "since": "since",
    "from": "since",
    "until": "until",
    "to": "until",
    "min": "min_outlets",
    "outlets": "min_outlets",
}


def parse_query(text: str) -> Filters:
    """The TUI's filter line: ``khamenei -castro person:Raisi outlet:RHC since:2001 until:2023-12 min:2``.
    Raises UsageError for a bad ``since``/``until``/``min`` value (the TUI shows it and keeps the old
    filter)."""
    f = Filters()
    words: list[str] = []
    try:
        tokens = shlex.split(text)
    except ValueError:
        tokens = text.split()
    for tok in tokens:
        key, sep, value = tok.partition(":")
        field_name = _QUERY_KEYS.get(key.lower()) if sep else None
        if field_name is None or not value:
            words.append(f'"{tok}"' if " " in tok else tok)
            continue
        if field_name in ("person", "outlet"):
            getattr(f, field_name).append(value)
        elif field_name == "min_outlets":
            if not value.isdigit():
                raise UsageError(f"min:{value}: expected a whole number")
            f.min_outlets = int(value)
        else:
            setattr(f, field_name, value)
    f.search = " ".join(words) or None
    validate_filters(f)
    return f
