"""The ``timeline-tui/1`` document: Timeline <-> plain dicts (the YAML/JSON export and its loader).

Article text is data: every string that came from an article is stripped of terminal escape sequences
and control characters (newlines and tabs kept) on the way out, so exports are safe to ``cat`` and the
round trip export -> load -> export is exact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UserError
from ..model import (
    Conflict,
    Event,
    Evidence,
    Filters,
    Person,
    QuoteGroup,
    QuoteVariant,
    SourceRecord,
    Timeline,
    TimeRef,
    UserMark,
)
from ..util.text import strip_controls

FORMAT_ID = "timeline-tui/1"


def _s(value: str | None) -> str | None:
    return None if value is None else strip_controls(str(value))


def _filters_to_dict(f: Filters) -> dict[str, Any]:
    return {
        "person": [_s(p) for p in f.person],
        "outlet": [_s(o) for o in f.outlet],
        "since": _s(f.since),
        "until": _s(f.until),
        "search": _s(f.search),
        "min_outlets": f.min_outlets,
    }


def _source_to_dict(rec: SourceRecord) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": rec.id,
        "path": _s(rec.path),
        "title": _s(rec.title),
        "outlet": _s(rec.outlet),
        "published": rec.published,
        "basis": {k: _s(v) for k, v in rec.basis.items()},
        "url": _s(rec.url),
    }
    if rec.author is not None:
        d["author"] = _s(rec.author)
    if rec.origin is not None:
        d["origin"] = _s(rec.origin)
    return d


def _person_to_dict(p: Person) -> dict[str, Any]:
    d: dict[str, Any] = {"id": p.id, "name": _s(p.name), "aliases": [_s(a) for a in p.aliases]}
    if p.titles:
        d["titles"] = [_s(t) for t in p.titles]
    return d


def _evidence_to_dict(e: Evidence) -> dict[str, Any]:
    time = None
    if e.time is not None:
        time = {
            "text": _s(e.time.text),
            "start": e.time.start,
            "end": e.time.end,
            "value": e.time.value,
            "explanation": _s(e.time.explanation),
        }
    return {"source": e.source, "start": e.start, "end": e.end, "text": _s(e.text), "time": time}


def _event_to_dict(ev: Event, mark: UserMark | None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": ev.id,
        "date": ev.date,
        "granularity": ev.granularity,
        "end": ev.end,
        "approximate": ev.approximate,
        "title": _s(ev.title),
        "people": list(ev.people),
        "outlets": [_s(o) for o in ev.outlets],
        "corroboration": ev.corroboration,
        "conflicts": [{"date": c.date, "sources": list(c.sources)} for c in ev.conflicts],
        "evidence": [_evidence_to_dict(e) for e in ev.evidence],
        "quotes": list(ev.quotes),
    }
    if mark is not None:
        # what survives cleaning: a note of control characters only is no note
        tags = [t for t in (_s(t) for t in mark.tags) if t]
        note = _s(mark.note)
        if mark.starred or tags or note:
            d["starred"] = mark.starred
            d["tags"] = tags
            d["note"] = note
    return d


def _quote_to_dict(q: QuoteGroup) -> dict[str, Any]:
    return {
        "id": q.id,
        "speaker": q.speaker,
        "event": q.event,
        "variants": [
            {"source": v.source, "start": v.start, "end": v.end, "text": _s(v.text)} for v in q.variants
        ],
    }


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    return {
        "format": FORMAT_ID,
        "filters": _filters_to_dict(timeline.filters),
        "sources": [_source_to_dict(s) for s in timeline.sources],
        "people": [_person_to_dict(p) for p in timeline.people],
        "events": [_event_to_dict(e, timeline.user.get(e.id)) for e in timeline.events],
        "quotes": [_quote_to_dict(q) for q in timeline.quotes],
    }


# ---------------------------------------------------------------------------------------------- loading


class _Reader:
    """Shape-checking access to a loaded document; errors name the file and the key."""

    def __init__(self, path: Path | str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> UserError:
        return UserError(f"{self.path}: {where}: {problem}")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, got {type(value).__name__}")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {type(value).__name__}")
        return value

    def text(self, d: dict[str, Any], key: str, where: str, required: bool = False) -> str | None:
        value = d.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", "missing")
            return None
        if hasattr(value, "isoformat"):  # YAML turns 2023-12-05 into a date
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(f"{where}.{key}", f"expected a string, got {type(value).__name__}")
        return str(value)

    def integer(self, d: dict[str, Any], key: str, where: str, default: int | None = None) -> int | None:
        value = d.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{where}.{key}", f"expected a whole number, got {type(value).__name__}")
        return value

    def strings(self, d: dict[str, Any], key: str, where: str) -> list[str]:
        out = []
        for i, v in enumerate(self.items(d.get(key), f"{where}.{key}")):
            if isinstance(v, dict | list) or v is None:
                raise self.fail(f"{where}.{key}[{i}]", "expected a string")
            out.append(v.isoformat() if hasattr(v, "isoformat") else str(v))
        return out


def timeline_from_dict(data: Any, path: Path | str = "<timeline>") -> Timeline:
    """Build a Timeline from a loaded ``timeline-tui/1`` document (no source texts: ``docs`` is empty).
    Raises UserError naming the file and key when the document has the wrong shape."""
    r = _Reader(path)
    data = r.mapping(data, "top level")
    fmt = data.get("format")
    if fmt != FORMAT_ID:
        raise r.fail("format", f"expected {FORMAT_ID!r}, got {fmt!r} (not a timeline-tui export?)")
    fd = r.mapping(data.get("filters") or {}, "filters")
    filters = Filters(
        person=r.strings(fd, "person", "filters"),
        outlet=r.strings(fd, "outlet", "filters"),
        since=r.text(fd, "since", "filters"),
        until=r.text(fd, "until", "filters"),
        search=r.text(fd, "search", "filters"),
        min_outlets=r.integer(fd, "min_outlets", "filters"),
    )
    sources = []
    for i, item in enumerate(r.items(data.get("sources"), "sources")):
        w = f"sources[{i}]"
        d = r.mapping(item, w)
        basis = r.mapping(d.get("basis") or {}, f"{w}.basis")
        sources.append(
            SourceRecord(
                id=r.text(d, "id", w, required=True) or "",
                path=r.text(d, "path", w) or "",
                title=r.text(d, "title", w),
                outlet=r.text(d, "outlet", w),
                published=r.text(d, "published", w),
                url=r.text(d, "url", w),
                author=r.text(d, "author", w),
                origin=r.text(d, "origin", w),
                basis={str(k): r.text(basis, k, f"{w}.basis") or "" for k in basis},
            )
        )
    people = []
    for i, item in enumerate(r.items(data.get("people"), "people")):
        w = f"people[{i}]"
        d = r.mapping(item, w)
        people.append(
            Person(
                id=r.text(d, "id", w, required=True) or "",
                name=r.text(d, "name", w) or "",
                aliases=r.strings(d, "aliases", w),
                titles=r.strings(d, "titles", w),
            )
        )
    events = []
    user: dict[str, UserMark] = {}
    for i, item in enumerate(r.items(data.get("events"), "events")):
        w = f"events[{i}]"
        d = r.mapping(item, w)
        evidence = []
        for j, e in enumerate(r.items(d.get("evidence"), f"{w}.evidence")):
            we = f"{w}.evidence[{j}]"
            e = r.mapping(e, we)
            time = None
            if e.get("time") is not None:
                t = r.mapping(e["time"], f"{we}.time")
                time = TimeRef(
                    text=r.text(t, "text", f"{we}.time") or "",
                    start=r.integer(t, "start", f"{we}.time", 0) or 0,
                    end=r.integer(t, "end", f"{we}.time", 0) or 0,
                    value=r.text(t, "value", f"{we}.time") or "",
                    explanation=r.text(t, "explanation", f"{we}.time") or "",
                )
            evidence.append(
                Evidence(
                    source=r.text(e, "source", we, required=True) or "",
                    start=r.integer(e, "start", we, 0) or 0,
                    end=r.integer(e, "end", we, 0) or 0,
                    text=r.text(e, "text", we) or "",
                    time=time,
                )
            )
        conflicts = []
        for j, c in enumerate(r.items(d.get("conflicts"), f"{w}.conflicts")):
            c = r.mapping(c, f"{w}.conflicts[{j}]")
            conflicts.append(
                Conflict(
                    date=r.text(c, "date", f"{w}.conflicts[{j}]") or "",
                    sources=r.strings(c, "sources", f"{w}.conflicts[{j}]"),
                )
            )
        ev = Event(
            id=r.text(d, "id", w, required=True) or "",
            date=r.text(d, "date", w) or "",
            granularity=r.text(d, "granularity", w) or "unknown",
            end=r.text(d, "end", w),
            approximate=bool(d.get("approximate", False)),
            title=r.text(d, "title", w) or "",
            people=r.strings(d, "people", w),
            outlets=r.strings(d, "outlets", w),
            corroboration=r.integer(d, "corroboration", w, 0) or 0,
            conflicts=conflicts,
            evidence=evidence,
            quotes=r.strings(d, "quotes", w),
        )
        events.append(ev)
        if any(k in d for k in ("starred", "tags", "note")):
            user[ev.id] = UserMark(
                starred=bool(d.get("starred", False)),
                tags=r.strings(d, "tags", w),
                note=r.text(d, "note", w),
            )
    quotes = []
    for i, item in enumerate(r.items(data.get("quotes"), "quotes")):
        w = f"quotes[{i}]"
        d = r.mapping(item, w)
        variants = []
        for j, v in enumerate(r.items(d.get("variants"), f"{w}.variants")):
            wv = f"{w}.variants[{j}]"
            v = r.mapping(v, wv)
            variants.append(
                QuoteVariant(
                    source=r.text(v, "source", wv, required=True) or "",
                    start=r.integer(v, "start", wv, 0) or 0,
                    end=r.integer(v, "end", wv, 0) or 0,
                    text=r.text(v, "text", wv) or "",
                )
            )
        quotes.append(
            QuoteGroup(
                id=r.text(d, "id", w, required=True) or "",
                speaker=r.text(d, "speaker", w),
                event=r.text(d, "event", w),
                variants=variants,
            )
        )
    return Timeline(sources=sources, people=people, events=events, quotes=quotes, filters=filters, user=user)
