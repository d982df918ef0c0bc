"""The flat and presentational exports: CSV (one row per event), Markdown report, TimelineJS3 JSON."""

from __future__ import annotations

import csv
import html
import io
import json
from collections import defaultdict

from ..dates import format_value, value_interval
from ..model import Event, Timeline
from ..util.text import strip_controls

CSV_COLUMNS = (
    "id",
    "date",
    "granularity",
    "end",
    "approximate",
    "title",
    "people",
    "outlets",
    "corroboration",
    "sources",
    "conflicts",
    "starred",
    "tags",
    "note",
    "evidence",
)


def _clean(text: str | None, newlines: bool = False) -> str:
    return strip_controls(text or "", keep_newlines=newlines)


def _names(timeline: Timeline) -> dict[str, str]:
    return {p.id: p.name for p in timeline.people}


def _event_sources(ev: Event) -> list[str]:
    return sorted({e.source for e in ev.evidence})


def render_csv(timeline: Timeline) -> str:
    names = _names(timeline)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for ev in timeline.events:
        mark = timeline.user.get(ev.id)
        first = ev.evidence[0].text if ev.evidence else ""
        w.writerow(
            [
                ev.id,
                ev.date,
                ev.granularity,
                ev.end or "",
                "yes" if ev.approximate else "no",
                _clean(ev.title),
                "; ".join(_clean(names.get(p, p)) for p in ev.people),
                "; ".join(_clean(o) for o in ev.outlets),
                ev.corroboration,
                "; ".join(_event_sources(ev)),
                "; ".join(f"{c.date} ({', '.join(c.sources)})" for c in ev.conflicts),
                "yes" if mark and mark.starred else "",
                "; ".join(_clean(t) for t in mark.tags) if mark else "",
                _clean(mark.note) if mark and mark.note else "",
                _clean(first),
            ]
        )
    return buf.getvalue()


def _md_escape(text: str) -> str:
    """Inline Markdown text: controls removed, characters that would start markup escaped."""
    text = _clean(text).replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def _date_label(ev: Event) -> str:
    label = format_value(ev.date)
    if ev.end:
        label = f"{label} – {format_value(ev.end)}"
    if ev.approximate:
        label = f"c. {label}"
    return label


def render_markdown(timeline: Timeline) -> str:
    names = _names(timeline)
    sources = {s.id: s for s in timeline.sources}
    quotes = {q.id: q for q in timeline.quotes}
    out: list[str] = ["# Timeline", ""]
    f = timeline.filters
    active = [
        f"{k}: {v}"
        for k, v in (
            ("person", ", ".join(f.person)),
            ("outlet", ", ".join(f.outlet)),
            ("since", f.since),
            ("until", f.until),
            ("search", f.search),
            ("min outlets", f.min_outlets),
        )
        if v
    ]
    out.append(
        f"{len(timeline.events)} events from {len(timeline.sources)} sources"
        + (f" (filters: {_md_escape('; '.join(active))})" if active else "")
        + "."
    )
    out.append("")
    year = None
    for ev in timeline.events:
        iv = value_interval(ev.date)
        y = str(iv[0].year) if iv else "Undated"
        if y != year:
            out += [f"## {y}", ""]
            year = y
        mark = timeline.user.get(ev.id)
        star = "★ " if mark and mark.starred else ""
        out.append(f"### {star}{_date_label(ev)} — {_md_escape(ev.title)}")
        out.append("")
        meta = [f"**Corroboration:** {ev.corroboration}"]
        if ev.people:
            meta.append("**People:** " + ", ".join(_md_escape(names.get(p, p)) for p in ev.people))
        if ev.outlets:
            meta.append("**Outlets:** " + ", ".join(_md_escape(o) for o in ev.outlets))
        out.append(" · ".join(meta))
        out.append("")
        if mark and (mark.tags or mark.note):
            if mark.tags:
                out.append("**Tags:** " + ", ".join(_md_escape(t) for t in mark.tags))
            if mark.note:
                out.append("**Note:** " + _md_escape(mark.note))
            out.append("")
        for c in ev.conflicts:
            out.append(f"- ⚠ other date {c.date} given by {', '.join(c.sources)}")
        by_source: dict[str, list] = defaultdict(list)
        for e in ev.evidence:
            by_source[e.source].append(e)
        for sid, items in by_source.items():
            rec = sources.get(sid)
            who = rec.outlet if rec and rec.outlet else "unknown outlet"
            out.append(f"- *{_md_escape(who)}* ({_md_escape(sid)}):")
            for e in items:
                when = f" — “{_md_escape(e.time.text)}”: {_md_escape(e.time.explanation)}" if e.time else ""
                out.append(f"  - {_md_escape(e.text)}{when}")
        for qid in ev.quotes:
            q = quotes.get(qid)
            if not q or not q.variants:
                continue
            speaker = names.get(q.speaker or "", q.speaker or "unknown speaker")
            out.append(f"- Quote by {_md_escape(speaker)}:")
            for v in q.variants:
                out.append(f"  > {_md_escape(v.text)} ({_md_escape(v.source)})")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _tl_date(value: str) -> dict[str, object] | None:
    iv = value_interval(value)
    if iv is None:
        return None
    start = iv[0]
    d: dict[str, object] = {"year": start.year}
    gran_len = len(value)
    if gran_len >= 7 and value[4] == "-" and value[5:7].isdigit():
        d["month"] = start.month
    if gran_len >= 10 and value[8:10].isdigit():
        d["day"] = start.day
    if "T" in value and len(value) >= 16 and value[11:13].isdigit():
        d["hour"] = int(value[11:13])
        d["minute"] = int(value[14:16])
    d["display_date"] = format_value(value)
    return d


def render_timelinejs(timeline: Timeline) -> str:
    """Knight Lab TimelineJS3 JSON: ``events[].start_date``, ``text.headline``, ``text.text``, ``group``,
    ``unique_id``. Events whose date has no calendar position (unresolved values) are left out."""
    names = _names(timeline)
    events = []
    for ev in timeline.events:
        start = _tl_date(ev.date)
        if start is None:
            continue
        item: dict[str, object] = {
            "unique_id": ev.id,
            "start_date": start,
            "text": {
                "headline": _clean(ev.title),
                "text": "<br>".join(html.escape(_clean(e.text)) for e in ev.evidence[:3]),
            },
            "group": _clean(names.get(ev.people[0], ev.people[0])) if ev.people else "Other",
        }
        if ev.end:
            end = _tl_date(ev.end)
            if end is not None:
                item["end_date"] = end
        events.append(item)
    doc = {"title": {"text": {"headline": "Timeline", "text": f"{len(events)} events"}}, "events": events}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
