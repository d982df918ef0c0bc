"""The pool of articles the scaling rows of bench_pipeline.py and bench_events.py run on: the corpus's
articles, then copies of them under other source ids, until there are about ``target`` event
candidates (at ``per_doc`` candidates per article)."""

from __future__ import annotations

import copy

from timeline_tui.model import SourceAnnotations


def candidate_pool(docs: list[SourceAnnotations], target: int, per_doc: float) -> list[SourceAnnotations]:
    need = int(target / per_doc) + 1
    pool: list[SourceAnnotations] = []
    k = 0
    while len(pool) < need:
        d = docs[k % len(docs)]
        if k >= len(docs):
            d = copy.copy(d)
            d.source = copy.copy(d.source)
            d.source.id = f"{d.source.id}_{k}"
        pool.append(d)
        k += 1
    return pool
