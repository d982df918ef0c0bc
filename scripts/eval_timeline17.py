#!/usr/bin/env python3
"""Date selection on Timeline17: our events against the journalists' timelines, beside PUBCOUNT.

    .venv/bin/python scripts/eval_timeline17.py [DIR]

For each topic, every article (InputDocs/<YYYY-MM-DD>/<id>.htm.txt, published on its folder's date) is
ingested from its text and annotated; events are derived across all of a topic's articles. Days of
the story's period are ranked by corroboration: the distinct sources behind each day-granularity event
of that day, summed over its events, ties broken by the number of passages; as many dates as the gold
timeline has are taken, and date precision/recall/F1 (exact day) reported. PUBCOUNT ranks days by the
number of articles published on them, in the same run. Two variants are printed beside it: "events"
takes the dates of the events ranked one by one by their own corroboration (what the timeline's
ordering by corroboration shows), "later x2" counts a source published after the day twice.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from timeline_tui.annotate import annotate_source
from timeline_tui.annotate.people import resolve_people
from timeline_tui.config import Config
from timeline_tui.events import derive
from timeline_tui.ingest import source_from_text


def gold_dates(path: Path) -> list[str]:
    out = []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    expect_date = True
    for line in lines:
        s = line.strip()
        if expect_date and len(s) == 10 and s[4] == "-" and s[7] == "-":
            out.append(s)
            expect_date = False
        elif s.startswith("-----"):
            expect_date = True
    return out


def _in_period(events, published: dict[str, str]) -> list:
    """The day-granularity events of the story's own period: from its first article's year to its
    last article."""
    days = sorted(d for d in published.values() if d)
    first, last = (days[0], days[-1]) if days else ("", "9999")
    return [e for e in events if e.granularity == "day" and first[:4] <= e.date[:4] and e.date <= last]


def rank_days(events, published: dict[str, str], later: int = 1) -> list[str]:
    """Days of the story's period ranked by the distinct sources of each event dated to them, summed
    over the day's events (``later``: what a source published after the day counts), then by
    passages."""
    score: Counter[str] = Counter()
    passages: Counter[str] = Counter()
    for e in _in_period(events, published):
        for s in {ev.source for ev in e.evidence}:
            score[e.date] += later if published.get(s, "") > e.date else 1
        passages[e.date] += len(e.evidence)
    return sorted(score, key=lambda d: (-score[d], -passages[d], d))


def rank_events(events, published: dict[str, str]) -> list[str]:
    """The dates of the story's day-granularity events ranked by their own corroboration, then by
    passages, each date once."""
    ranked = sorted(_in_period(events, published), key=lambda e: (-e.corroboration, -len(e.evidence), e.date))
    return list(dict.fromkeys(e.date for e in ranked))


def prf(pred: list[str], gold: set[str]) -> tuple[float, float, float]:
    hits = len(set(pred) & gold)
    p = hits / len(pred) if pred else 0.0
    r = hits / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default="/work/shared/data/timeline17")
    args = ap.parse_args()
    root = Path(args.dir)
    config = Config()
    rows = []
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        t0 = time.perf_counter()
        docs = []
        pub_counts: Counter[str] = Counter()
        size = 0
        for f in sorted((topic / "InputDocs").rglob("*.txt")):
            text = f.read_text(encoding="utf-8", errors="replace")
            size += len(text)
            day = f.parent.name
            pub_counts[day] += 1
            src = source_from_text(text, sid=f"{day}_{f.stem}", path=str(f.relative_to(root)), config=config)
            docs.append(annotate_source(src, config))
        people = resolve_people(docs, config)
        result = derive(docs, people, config)
        elapsed = time.perf_counter() - t0
        published = {d.source.id: (d.source.meta.published.value or "")[:10] for d in docs}
        ranked = rank_days(result.events, published)
        by_event = rank_events(result.events, published)
        later2 = rank_days(result.events, published, later=2)
        for tl in sorted((topic / "timelines").glob("*.txt")):
            gold = gold_dates(tl)
            k = len(gold)
            pub = [d for d, _ in sorted(pub_counts.items(), key=lambda kv: (-kv[1], kv[0]))][:k]
            o = prf(ranked[:k], set(gold))
            b = prf(pub, set(gold))
            ev = prf(by_event[:k], set(gold))[2]
            l2 = prf(later2[:k], set(gold))[2]
            rows.append((topic.name, tl.stem, k, len(docs), size, elapsed, o, b, ev, l2))
    print(
        f"{'topic':12} {'timeline':8} {'dates':>5} {'docs':>5} {'MB':>5} {'secs':>6}   {'ours P/R/F1':>20}   "
        f"{'PUBCOUNT P/R/F1':>20}   {'events':>6} {'later x2':>8}"
    )
    for topic, tl, k, n, size, el, o, b, ev, l2 in rows:
        print(
            f"{topic:12} {tl:8} {k:5} {n:5} {size / 1e6:5.2f} {el:6.1f}   {o[0]:.3f}/{o[1]:.3f}/{o[2]:.3f}   "
            f"{b[0]:.3f}/{b[1]:.3f}/{b[2]:.3f}   {ev:6.3f} {l2:8.3f}"
        )
    if rows:
        n = len(rows)
        of = sum(r[6][2] for r in rows) / n
        bf = sum(r[7][2] for r in rows) / n
        evf = sum(r[8] for r in rows) / n
        l2f = sum(r[9] for r in rows) / n
        print(
            f"average date F1: ours {of:.3f}, PUBCOUNT {bf:.3f}, ratio {of / bf if bf else float('inf'):.2f}x "
            f"(events one by one {evf:.3f}, later sources twice {l2f:.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
