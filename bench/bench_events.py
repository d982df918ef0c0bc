#!/usr/bin/env python3
"""The events stage (``timeline_tui.events.derive``) stage by stage, at 1k / 10k / 100k candidates.

    .venv/bin/python bench/bench_events.py [--corpus DIR] [--articles 10000] [--candidates 1000,10000]
                                           [--repeat 2]

The pool of articles is built as bench_pipeline.py builds it (the corpus, then copies of its articles
under other source ids until there are enough candidates). Each stage is run as ``derive`` runs it,
with the cyclic GC paused as in the pipeline; the best time of ``--repeat`` runs is printed per stage,
and the staged result is checked against ``derive``'s. Without ``--corpus`` the articles are generated
(bench/gen_corpus.py) into a temporary folder; the parse cache goes to XDG_CACHE_HOME (a temporary
one unless set).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--candidates", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tl-bench-events-"))
    os.environ.setdefault("XDG_CACHE_HOME", str(tmp / "cache"))
    corpus = args.corpus
    if corpus is None:
        corpus = tmp / "corpus"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(args.articles), str(corpus)],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    from timeline_tui.annotate.people import resolve_people
    from timeline_tui.config import Config
    from timeline_tui.dates import sort_key
    from timeline_tui.events import (
        _event,
        candidates,
        derive,
        group_quotes,
        infer_publication_dates,
        link_undated,
        merge,
        merge_conflicting,
        merge_named,
        merge_same_day,
        merge_week_slips,
    )
    from timeline_tui.pipeline import annotate_paths
    from timeline_tui.util.gcpause import gc_paused

    config = Config()
    docs = annotate_paths([corpus], config, jobs=os.cpu_count() or 1, use_cache=True)
    from pool import candidate_pool  # bench/pool.py, beside this script

    per_doc = max(1, len(candidates(docs[:200])) / min(200, len(docs)))
    stages = ["candidates", "merge", "conflicting", "same day", "slips", "named", "link", "events", "quotes"]
    print(f"{len(docs)} articles, {per_doc:.1f} candidates per article; best of {args.repeat}, seconds")
    print(
        f"{'candidates':>10} {'articles':>8} "
        + " ".join(f"{s:>11}" for s in stages)
        + f" {'sum':>7} {'derive':>7}"
    )
    for target in (int(x) for x in args.candidates.split(",")):
        pool = candidate_pool(docs, target, per_doc)
        with gc_paused():
            people = resolve_people(pool, config)
            names = {p.id: p.name for p in people}
            outlets = {d.source.id: (d.source.meta.outlet.value or None) for d in pool}
            best = dict.fromkeys(stages, float("inf"))
            best_derive = float("inf")
            for _ in range(args.repeat):
                marks = [time.perf_counter()]  # the time at the end of each stage, after a start
                infer_publication_dates(pool)
                cands = candidates(pool)
                marks.append(time.perf_counter())
                clusters = merge(cands)
                marks.append(time.perf_counter())
                clusters = merge_conflicting(clusters)
                marks.append(time.perf_counter())
                clusters = merge_same_day(clusters, cands)
                marks.append(time.perf_counter())
                clusters = merge_week_slips(clusters)
                marks.append(time.perf_counter())
                clusters = merge_named(clusters)
                marks.append(time.perf_counter())
                link_undated(clusters, pool)
                marks.append(time.perf_counter())
                events = [_event(cl, names, outlets) for cl in clusters]
                events.sort(key=lambda e: (sort_key(e.date), -e.corroboration, e.id))
                marks.append(time.perf_counter())
                quotes = group_quotes(pool, events)
                marks.append(time.perf_counter())
                t = {s: b - a for s, a, b in zip(stages, marks, marks[1:], strict=False)}
                best = {s: min(best[s], t[s]) for s in stages}
                staged = ([e.id for e in events], [(g.id, len(g.variants), g.event) for g in quotes])
                n = len(cands)
                del cands, clusters, events, quotes  # derive runs on the same heap as the stages did
                t0 = time.perf_counter()
                result = derive(pool, people, config)
                best_derive = min(best_derive, time.perf_counter() - t0)
                if staged != (
                    [e.id for e in result.events],
                    [(g.id, len(g.variants), g.event) for g in result.quotes],
                ):
                    print("the staged run differs from derive: bench/bench_events.py is out of date")
                    return 1
                del result
        cells = " ".join(f"{best[s]:11.2f}" for s in stages)
        print(f"{n:10} {len(pool):8} {cells} {sum(best.values()):7.2f} {best_derive:7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
