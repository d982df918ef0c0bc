#!/usr/bin/env python3
"""Tagger throughput against dateparser.search.search_dates on the same text, in the same run.

    .venv/bin/python bench/bench_tagger.py [TIMEML_DIR] [--sample-kb 60]

The text is the TimeML corpus (../shared/data/timeml) when present, else the bundled events/ articles
repeated. search_dates is slow, so it is timed on a sample of whole documents (the first --sample-kb
kilobytes) and both rates are reported per MB of text; the tagger is also timed on that same sample.
Both are warmed up first (a first call loads tables and caches). On the sample they alternate in
--rounds rounds (--repeat tagger passes, then one search_dates pass), so that a machine whose speed
drifts slows both alike; each rate is its best pass, and every round's own ratio is printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def corpus(path: Path) -> list[tuple[str, str]]:
    if path.is_dir():
        from timeml_corpus import read_corpus

        return [(d.text, d.dct) for d in read_corpus(path)]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "events").glob("*.txt"))]
    return [(t, "2023-12-05") for t in texts] * 40


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default="/work/shared/data/timeml")
    ap.add_argument("--sample-kb", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3, help="tagger passes per round (the best counts)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of tagger passes and one search_dates pass")
    args = ap.parse_args()
    from timeline_tui.annotate.time import tag

    docs = corpus(Path(args.dir))
    tag("warm up on 4 December 2023", "2023-12-05")
    total = sum(len(t) for t, _ in docs)
    ours_all = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n = sum(len(tag(t, d)) for t, d in docs)
        ours_all = min(ours_all, time.perf_counter() - t0)

    sample: list[tuple[str, str]] = []
    size = 0
    for t, d in docs:
        if size >= args.sample_kb * 1000:
            break
        sample.append((t, d))
        size += len(t)

    from datetime import datetime

    from dateparser.search import search_dates

    search_dates(
        "warm up on 4 December 2023", languages=["en"], settings={"RELATIVE_BASE": datetime(2023, 12, 5)}
    )

    def ours_pass() -> float:
        t0 = time.perf_counter()
        for t, d in sample:
            tag(t, d)
        return time.perf_counter() - t0

    found = 0

    def theirs_pass() -> float:
        nonlocal found
        found = 0
        t0 = time.perf_counter()
        for t, d in sample:
            base = datetime.fromisoformat(d) if d else datetime(2000, 1, 1)
            res = search_dates(t, languages=["en"], settings={"RELATIVE_BASE": base})
            found += len(res or [])
        return time.perf_counter() - t0

    # the two alternate, round by round, so that the machine's drift touches both alike; each rate
    # is its best round, and each round's own ratio is printed too
    ours_sample = theirs = float("inf")
    rounds: list[float] = []
    for _ in range(args.rounds):
        o = min(ours_pass() for _ in range(args.repeat))
        th = theirs_pass()
        rounds.append(th / o)
        ours_sample, theirs = min(ours_sample, o), min(theirs, th)

    mb = total / 1e6
    smb = size / 1e6
    print(
        f"text: {len(docs)} documents, {mb:.2f} MB; search_dates sample: {len(sample)} documents, {smb:.3f} MB"
    )
    print(f"timeline-tui tagger   {mb / ours_all:8.2f} MB/s on the whole corpus ({n} expressions, one core)")
    print(f"timeline-tui tagger   {smb / ours_sample:8.2f} MB/s on the sample")
    print(f"dateparser.search_dates {smb / theirs:6.3f} MB/s on the sample ({found} results)")
    print(f"ratio (same sample)   {theirs / ours_sample:8.1f}x faster than search_dates (best against best)")
    print("ratio in each round   " + ", ".join(f"{r:.1f}x" for r in rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
