#!/usr/bin/env python3
"""End-to-end speed and scale, in one run on the same generated text:

- cold export (parse + cross-document stages + YAML) with 1 process and with all cores, MB/s;
- warm (cached) re-open and the cold/warm ratio;
- dateparser.search.search_dates on a sample of the same texts, per MB, and our ratio to it;
- peak memory (this process and its workers);
- the cross-document stages (people, events) at 1k, 10k and 100k event candidates.

    .venv/bin/python bench/bench_pipeline.py [--articles 10000] [--single 1000]

The cache goes to a temporary XDG_CACHE_HOME, so the user's cache is untouched. A first run on one
article fills its store of compiled rule patterns (the start-up cost with and without it is printed);
the cold runs are cold parses after that, as a user's are.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--single", type=int, default=1000, help="articles for the one-process cold run")
    ap.add_argument("--search-dates-kb", type=int, default=40)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tl-bench-"))
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    corpus = tmp / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(args.articles), str(corpus)], check=True
    )
    files = sorted(corpus.rglob("*.txt"))
    total_mb = sum(f.stat().st_size for f in files) / 1e6

    from timeline_tui.config import Config
    from timeline_tui.export import render
    from timeline_tui.pipeline import build_timeline

    config = Config()
    cores = os.cpu_count() or 1
    rows = []

    # the compiled rule patterns (util/regex_store.py) as a first run leaves them: the fresh cache
    # directory has none, so a first run on one article compiles and stores them and a second one
    # reads them back (their times: the start-up cost with and without compiling, the second one
    # with that article's parse from the cache too); the cold runs
    # below are then cold parses after that first run, as a user's are
    one = tmp / "one"
    one.mkdir()
    (one / files[0].name).write_bytes(files[0].read_bytes())
    startup = []
    for _ in range(2):
        t0 = time.perf_counter()
        cmd = [sys.executable, "-m", "timeline_tui", "export", str(one), "-o", os.devnull]
        subprocess.run(cmd, check=True, cwd=tmp)
        startup.append(time.perf_counter() - t0)

    # cold, one process, on a subset
    single_dir = tmp / "single"
    single_dir.mkdir()
    for f in files[: args.single]:
        (single_dir / f.name).write_bytes(f.read_bytes())
    single_mb = sum(f.stat().st_size for f in single_dir.iterdir()) / 1e6
    t0 = time.perf_counter()
    tl = build_timeline([single_dir], config, jobs=1, use_cache=False)
    render(tl, "yaml")
    t_single = time.perf_counter() - t0
    rows.append(("cold, 1 process", args.single, single_mb, t_single))

    # cold, all cores, full corpus (fills the cache)
    t0 = time.perf_counter()
    tl = build_timeline([corpus], config, jobs=cores, use_cache=True)
    yaml_text = render(tl, "yaml")
    t_cold = time.perf_counter() - t0
    rows.append((f"cold, {cores} processes", len(files), total_mb, t_cold))

    # warm: everything cached (the first timeline is dropped: one corpus in memory at a time)
    del tl
    import gc

    gc.collect()
    t0 = time.perf_counter()
    tl2 = build_timeline([corpus], config, jobs=cores, use_cache=True)
    t_warm_parse = time.perf_counter() - t0
    yaml2 = render(tl2, "yaml")
    t_warm = time.perf_counter() - t0
    rows.append(("warm (cached), re-open", len(files), total_mb, t_warm_parse))
    rows.append(("warm (cached), re-open + YAML export", len(files), total_mb, t_warm))
    same = yaml_text == yaml2

    # search_dates on a sample of the same texts
    from datetime import datetime

    from dateparser.search import search_dates

    from timeline_tui.annotate.time import tag

    sample, size = [], 0
    for f in files:
        if size > args.search_dates_kb * 1000:
            break
        t = f.read_text(encoding="utf-8")
        sample.append(t)
        size += len(t.encode())
    # both warmed up (a first call loads tables), each the best of two passes
    settings = {"RELATIVE_BASE": datetime(2020, 1, 1)}
    search_dates("warm up on 4 December 2023", languages=["en"], settings=settings)
    tag("warm up on 4 December 2023", "2020-01-01")
    t_sd = t_tag = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for t in sample:
            search_dates(t, languages=["en"], settings=settings)
        t_sd = min(t_sd, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in sample:
            tag(t, "2020-01-01")
        t_tag = min(t_tag, time.perf_counter() - t0)
    sd_mbps = size / 1e6 / t_sd

    print(f"corpus: {len(files)} generated articles, {total_mb:.1f} MB ({cores} cores)")
    print(f"{'run':42} {'articles':>8} {'MB':>7} {'seconds':>8} {'MB/s':>7}")
    for name, n, mb, secs in rows:
        print(f"{name:42} {n:8} {mb:7.1f} {secs:8.2f} {mb / secs:7.2f}")
    print(
        f"start-up, one article exported: {startup[0]:.2f} s compiling the rule patterns, "
        f"{startup[1]:.2f} s reading them from the cache directory"
    )
    print(f"cold/warm ratio (all cores): {t_cold / t_warm_parse:.1f}x; warm export identical to cold: {same}")
    print(
        f"search_dates on {size / 1e3:.0f} kB of the same text: {sd_mbps:.3f} MB/s; our tagger on it: "
        f"{size / 1e6 / t_tag:.2f} MB/s ({t_sd / t_tag:.0f}x)"
    )
    print(
        f"end-to-end cold, 1 process: {single_mb / t_single:.2f} MB/s = {single_mb / t_single / sd_mbps:.0f}x "
        f"search_dates alone"
    )
    own, kids = peak_mb()
    print(f"peak memory: {own:.0f} MB this process, {kids:.0f} MB largest worker")

    # cross-document stages at 1k / 10k / 100k candidates
    from pool import candidate_pool  # bench/pool.py, beside this script

    from timeline_tui.annotate.people import resolve_people
    from timeline_tui.events import candidates, derive
    from timeline_tui.util.gcpause import gc_paused

    docs = list(tl2.docs.values())
    per_doc = max(1, len(candidates(docs[:200])) / min(200, len(docs)))
    print(f"\ncross-document stages ({per_doc:.1f} event candidates per article)")
    print(f"{'candidates':>10} {'articles':>8} {'people s':>9} {'events s':>9}")
    for target in (1_000, 10_000, 100_000):
        pool = candidate_pool(docs, target, per_doc)
        # as the pipeline runs them (pipeline._cross_document: the cyclic GC paused)
        with gc_paused():
            t0 = time.perf_counter()
            people = resolve_people(pool, config)
            t_people = time.perf_counter() - t0
            t0 = time.perf_counter()
            derive(pool, people, config)
            t_events = time.perf_counter() - t0
        n = len(candidates(pool))
        print(f"{n:10} {len(pool):8} {t_people:9.2f} {t_events:9.2f}")
    own, kids = peak_mb()
    print(f"peak memory after scaling rows: {own:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
