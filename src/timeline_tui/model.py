"""The typed data model shared by every pipeline stage.

Data flows one way:

    ingest      paths                      -> Source (text + SourceMeta)
    annotate    Source                     -> SourceAnnotations (sentences, timexes, mentions, quotes)
    people      [SourceAnnotations]        -> [Person]   (fills PersonMention.person_id, Quote.speaker_id)
    events      [SourceAnnotations], people -> EventsResult      (events, quote groups, inferred metadata)
    timeline    everything above           -> Timeline          (query/filter: timeline.py)
    views       Timeline                   -> TUI, exporters

Every span carries ``start``/``end``: Python string indices into ``Source.text`` (the decoded text
exactly as read, BOM removed, no newline translation; for HTML the extracted article text) such that
``text[start:end]`` is the span.

All classes are plain dataclasses so that a whole ``SourceAnnotations`` pickles (parse cache, worker
processes) and converts to dicts for the exporters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: How a time expression was resolved. ``absolute``: it names its own date; ``published``: relative to
#: the source's publication date; ``narrative``: relative to the time the text last moved to;
#: ``event``: relative to another dated event; ``none``: not resolved.
AnchorKind = Literal["absolute", "published", "narrative", "event", "none"]
#: granularities of dates, coarsest last. ``time`` for values with a clock time.
GRANULARITIES: tuple[str, ...] = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "unknown",
)
MentionKind = Literal["name", "title", "pronoun"]


@dataclass(slots=True)
class MetaField:
    """One metadata value with the basis it was found on (shown to the user)."""

    value: str | None = None
    #: how it was found, human-readable: "config.yaml files entry", "front matter", "HTML metadata",
    #: "dateline 'Tehran, December 5 (RHC)--'", "URL domain radiohc.cu", "date in path", "inferred ..."
    basis: str | None = None
    #: span of the cue in the source text, 0/0 when not from the text
    start: int = 0
    end: int = 0
    #: what a cue gave of a value it could not give whole: "--10-16" for a dateline's month and day
    #: without a year ("LIMA, Oct 16 (Reuters) -"), for the stages that can find the year
    partial: str | None = None


@dataclass(slots=True)
class SourceMeta:
    title: MetaField = field(default_factory=MetaField)
    #: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
    published: MetaField = field(default_factory=MetaField)
    outlet: MetaField = field(default_factory=MetaField)
    url: MetaField = field(default_factory=MetaField)
    author: MetaField = field(default_factory=MetaField)
    #: the original publisher of republished wire copy ("/Tasnim News" at the end of an AVA story)
    origin: MetaField = field(default_factory=MetaField)

    def fields(self) -> dict[str, MetaField]:
        return {
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "author": self.author,
            "origin": self.origin,
        }


@dataclass(slots=True)
class Source:
    """One input article after ingestion."""

    #: stable id: the file stem, disambiguated when two collide
    id: str
    #: the path as given on the command line / in the config (relative stays relative)
    path: str
    #: decoded text (for HTML: the extracted article text); all offsets index into this
    text: str
    #: "txt" | "md" | "html"
    format: str
    #: the encoding the bytes were decoded with ("utf-8", "utf-8-sig", "utf-16", "cp1252", ...)
    encoding: str
    meta: SourceMeta = field(default_factory=SourceMeta)
    #: notes for the user (legacy encoding fallback, broken front matter, ...)
    notes: list[str] = field(default_factory=list)
    #: sha256 of the raw bytes (cache key part)
    sha256: str = ""
    #: where the article body starts (after YAML front matter); annotators ignore text before it
    body_start: int = 0


@dataclass(slots=True)
class Timex:
    """A TIMEX3 time expression."""

    start: int
    end: int
    text: str
    type: TimexType
    #: TIMEX3 value: "2023-12-04", "2023-12", "2023", "199", "19", "2013-W11", "2013-SU",
    #: "2023-12-04T15:26", "P75Y", "PAST_REF", "XXXX-XX-XX"
    value: str
    #: one of GRANULARITIES (for durations: the unit, e.g. "year" for P75Y)
    granularity: str
    anchor: AnchorKind = "none"
    #: "'22 years ago' in a source published 2023-12-05 → 2001"
    explanation: str = ""
    #: TIMEX3 mod (APPROX, BEFORE, AFTER, START, MID, END, ...) or None
    mod: str | None = None
    #: the value the expression was resolved against (publication date, narrative time, event date)
    anchor_value: str | None = None
    #: for durations anchored in the past or future ("over the past 75 years" in 2023 → 1948..2023):
    #: the period they define, as date values; None otherwise
    period_start: str | None = None
    period_end: str | None = None
    #: for a duration that counts from another time ("three days later", "22 years after Fidel Castro
    #: … paid a visit": TimeML's DURATION "three days" / "22 years", P3D / P22Y): the time it points
    #: to, as a date value ("1989-10-14", "2001"); None otherwise
    point: str | None = None


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    text: str
    kind: MentionKind
    #: the fullest name this mention stands for within its source ("Ali Khamenei", "Miguel Díaz-Canel"),
    #: for titles and pronouns the name they were resolved to, or None if unresolved
    name: str | None
    #: the corpus-wide person id, filled by annotate.people.resolve_people
    person_id: str | None = None
    #: role keys the text gave this person here ("leader of the islamic revolution", "cuban president"),
    #: from a title before the name or an apposition after it
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """A quotation: ``start``/``end`` cover the quoted text including its quote marks."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_id: str | None = None
    #: the mention that identified the speaker (a name, a title or a pronoun)
    speaker_start: int | None = None
    speaker_end: int | None = None
    #: the reporting verb ("said") and its span
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    #: scare quotes and short terms ("revolutionary honesty"): kept, but not statements
    is_term: bool = False
    #: the attributed content when the quote is a fragment of reported speech ("X called the plan
    #: “a con”" → "the plan “a con”"); None when the quote is the whole statement
    content_start: int | None = None
    content_end: int | None = None
    #: a later part of one statement interrupted by its attribution ("“A,” she said. “B.”"):
    #: the start offset of the statement's first part
    continues: int | None = None


@dataclass(slots=True)
class SourceAnnotations:
    """Everything the per-file stages found in one source. Cacheable and picklable."""

    source: Source
    #: sentence spans (start, end)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    #: stable slug of the canonical name ("ali-khamenei")
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TimeRef:
    """The time expression that dates one piece of evidence."""

    text: str
    start: int
    end: int
    value: str
    explanation: str = ""


@dataclass(slots=True)
class Evidence:
    source: str  # source id
    start: int
    end: int
    text: str
    #: None for passages linked to the event by content rather than by a date of their own
    time: TimeRef | None = None


@dataclass(slots=True)
class Conflict:
    """Another date some sources give for the same event."""

    date: str
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    id: str
    #: TIMEX3-style value at the event's granularity ("2023-12-04", "2001", "1948")
    date: str
    granularity: str
    #: for periods, the end value ("2023" for "the past 75 years")
    end: str | None = None
    approximate: bool = False
    title: str = ""
    people: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    #: distinct sources supporting it
    corroboration: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    #: ids of quote groups said at or about this event
    quotes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteVariant:
    source: str  # source id
    start: int
    end: int
    text: str


@dataclass(slots=True)
class QuoteGroup:
    """One statement as rendered by one or more outlets."""

    id: str
    speaker: str | None  # person id
    event: str | None  # event id
    variants: list[QuoteVariant] = field(default_factory=list)


@dataclass(slots=True)
class EventsResult:
    events: list[Event]
    quotes: list[QuoteGroup]
    #: metadata the events stage inferred for sources (e.g. a missing publication date from
    #: corroborating sources): source id -> {"published": MetaField(...)}
    inferred: dict[str, dict[str, MetaField]] = field(default_factory=dict)


@dataclass(slots=True)
class SourceRecord:
    """A source as the timeline and the exports know it (metadata, no text)."""

    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    origin: str | None = None
    #: field name -> basis string, for the fields that have a value
    basis: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Filters:
    person: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    search: str | None = None
    min_outlets: int | None = None


@dataclass(slots=True)
class UserMark:
    """What a user added to an event in the TUI (persisted in the sidecar)."""

    starred: bool = False
    tags: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass(slots=True)
class Timeline:
    sources: list[SourceRecord] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    #: chronological order; ties by corroboration (descending)
    events: list[Event] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)
    #: stars, tags, notes by event id
    user: dict[str, UserMark] = field(default_factory=dict)
    #: per-source annotations (text, spans) when built from sources; empty when loaded from an export
    docs: dict[str, SourceAnnotations] = field(default_factory=dict)
