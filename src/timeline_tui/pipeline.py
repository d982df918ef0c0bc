"""The whole pipeline: paths -> sources -> annotations -> people -> events -> Timeline.

Interfaces used here (each stage owns its module):
- ``ingest.discover(paths, notes)`` and ``ingest.read_source(...)`` (skip bad files with a note)
- ``cache.ParseCache`` (per-file parse cache) and worker processes for ``jobs > 1``
- ``annotate.annotate_source(source, config) -> SourceAnnotations`` (per file; cacheable)
- ``annotate.people.resolve_people(docs, config) -> list[Person]`` (fills person ids in place)
- ``events.derive(docs, people, config) -> EventsResult``
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from .annotate import annotate_source, prepare
from .annotate.people import resolve_people
from .cache import ParseCache
from .config import Config
from .events import derive
from .ingest import discover, read_source
from .model import SourceAnnotations, SourceRecord, Timeline
from .util.gcpause import gc_paused

#: progress(done, total, label)
Progress = Callable[[int, int, str], None]
#: notes for the user (skipped files, encoding fallbacks); one line each
Notes = Callable[[str], None]


def _ignore_progress(done: int, total: int, label: str) -> None:
    pass


def _ignore_note(note: str) -> None:
    pass


def _annotate_one(
    item: tuple[Path, str, str], config: Config, default_published: str | None
) -> tuple[SourceAnnotations | None, list[str]]:
    """Read and annotate one file (runs in worker processes): the annotations, or None, and notes."""
    notes: list[str] = []
    path, fmt, sid = item
    source = read_source(path, fmt, sid, config, notes.append, default_published=default_published)
    if source is None:
        return None, notes
    return annotate_source(source, config), notes


def _annotate_chunk(
    items: list[tuple[Path, str, str]],
    config: Config,
    default_published: str | None,
    cache: ParseCache | None = None,
    keys: list[str | None] | None = None,
) -> list[tuple[SourceAnnotations | None, list[str]]]:
    """Annotate files in a worker process, which also writes their cache entries: the parent then
    only receives the results, and the pickling and writing run in parallel too."""
    out = []
    for i, item in enumerate(items):
        doc, file_notes = _annotate_one(item, config, default_published)
        key = keys[i] if keys is not None else None
        if cache is not None and key is not None:
            payload = _payload(doc, file_notes)
            if payload is not None:
                cache.put(key, payload)
        out.append((doc, file_notes))
    return out


def _payload(doc: SourceAnnotations | None, file_notes: list[str]) -> SourceAnnotations | str | None:
    """What the cache keeps for a file: its annotations, or the note that it was skipped."""
    if doc is not None:
        return doc
    return next((n for n in file_notes if n.startswith("skipped ")), None)


def annotate_paths(
    paths: Sequence[Path],
    config: Config,
    *,
    notes: Notes = _ignore_note,
    progress: Progress = _ignore_progress,
    jobs: int | None = None,
    use_cache: bool = True,
    default_published: str | None = None,
    items: list[tuple[Path, str, str]] | None = None,
) -> list[SourceAnnotations]:
    """Ingest and annotate every source (per-file stages only), in input order.

    Files whose parse is cached are not read again; the others are parsed in ``jobs`` processes
    (default: all cores; in-process for a handful of files). The result does not depend on ``jobs``.
    ``default_published`` ("YYYY-MM-DD") is the publication date of sources that have none
    (``annotate --published``)."""
    if items is None:
        items = discover(paths, notes)
    total = len(items)
    cache = ParseCache(config.fingerprint(), default_published) if use_cache else None
    results: list[SourceAnnotations | str | None] = [None] * total
    keys: list[str | None] = [None] * total
    pending: list[int] = []
    done = 0
    for i, (path, fmt, sid) in enumerate(items):
        key = cache.key(path, sid, fmt) if cache else None
        keys[i] = key
        hit = cache.get(key) if cache and key else None
        if hit is None:
            pending.append(i)
            continue
        results[i] = hit
        if isinstance(hit, str):
            notes(hit)
        done += 1
        if done % 200 == 0:
            progress(done, total, str(path))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if len(pending) < 8 * max(1, workers) or workers <= 1:
        for i in pending:
            doc, file_notes = _annotate_one(items[i], config, default_published)
            _store(i, doc, file_notes, results, keys, cache, notes)
            done += 1
            progress(done, total, str(items[i][0]))
    else:
        from concurrent.futures import ProcessPoolExecutor

        prepare()  # the workers fork with the rule patterns built
        size = max(1, min(64, len(pending) // (workers * 4)))
        chunks = [pending[k : k + size] for k in range(0, len(pending), size)]
        # the workers write the cache; the parent only collects (with the cyclic GC paused: it
        # would re-walk the growing heap of annotations again and again)
        with ProcessPoolExecutor(max_workers=workers) as pool, gc_paused():
            futures = [
                pool.submit(
                    _annotate_chunk,
                    [items[i] for i in chunk],
                    config,
                    default_published,
                    cache,
                    [keys[i] for i in chunk],
                )
                for chunk in chunks
            ]
            for chunk, fut in zip(chunks, futures, strict=True):
                for i, (doc, file_notes) in zip(chunk, fut.result(), strict=True):
                    _store(i, doc, file_notes, results, keys, None, notes)
                    done += 1
                progress(done, total, str(items[chunk[-1]][0]))
    progress(total, total, "annotated")
    return [r for r in results if isinstance(r, SourceAnnotations)]


def _store(
    i: int,
    doc: SourceAnnotations | None,
    file_notes: list[str],
    results: list[SourceAnnotations | str | None],
    keys: list[str | None],
    cache: ParseCache | None,
    notes: Notes,
) -> None:
    for n in file_notes:
        notes(n)
    payload = _payload(doc, file_notes)
    results[i] = payload
    key = keys[i]
    if cache is not None and key is not None and payload is not None:
        cache.put(key, payload)


def build_timeline(
    paths: Sequence[Path],
    config: Config,
    *,
    notes: Notes = _ignore_note,
    progress: Progress = _ignore_progress,
    jobs: int | None = None,
    use_cache: bool = True,
    default_published: str | None = None,
) -> Timeline:
    """The whole pipeline. With the cache, a corpus whose files, configuration and parser are all
    unchanged re-opens from one stored timeline (articles' annotations load lazily when needed)."""
    seen_notes: list[str] = []

    def note(n: str) -> None:
        seen_notes.append(n)
        notes(n)

    items = discover(paths, note)
    cache = ParseCache(config.fingerprint(), default_published) if use_cache else None
    corpus_key = cache.corpus_key([cache.key(p, sid, fmt) for p, fmt, sid in items]) if cache else None
    if cache is not None and corpus_key is not None:
        hit = cache.get_timeline(corpus_key)
        if hit is not None:
            timeline, stored_notes = hit
            for n in stored_notes:
                if n not in seen_notes:
                    notes(n)
            progress(len(items), len(items), "opened from the cache")
            return timeline
    docs = annotate_paths(
        paths,
        config,
        notes=note,
        progress=progress,
        jobs=jobs,
        use_cache=use_cache,
        default_published=default_published,
        items=items,
    )
    timeline, changed = _cross_document(docs, config)
    if cache is not None and corpus_key is not None:
        file_keys = {sid: cache.key(p, sid, fmt) for p, fmt, sid in items}
        cache.put_timeline(corpus_key, timeline, file_keys, changed, seen_notes)
    return timeline


def timeline_from_docs(docs: list[SourceAnnotations], config: Config) -> Timeline:
    """The cross-document stages: people clustering, event derivation, source records."""
    return _cross_document(docs, config)[0]


def _cross_document(docs: list[SourceAnnotations], config: Config) -> tuple[Timeline, set[str]]:
    """The timeline, and the ids of the sources the events stage changed (re-dated and re-tagged)."""
    # these stages build a great many small objects over a large heap of annotations; the cyclic GC
    # re-walking that heap costs a quarter of their time, so it waits until they are done
    with gc_paused():
        people = resolve_people(docs, config)
        result = derive(docs, people, config)
    records = [source_record(d, result.inferred.get(d.source.id, {})) for d in docs]
    timeline = Timeline(
        sources=records,
        people=people,
        events=result.events,
        quotes=result.quotes,
        docs={d.source.id: d for d in docs},
    )
    return timeline, set(result.inferred)


def source_record(doc: SourceAnnotations, inferred: dict) -> SourceRecord:
    meta = doc.source.meta
    fields = dict(meta.fields())
    fields.update(inferred)
    rec = SourceRecord(id=doc.source.id, path=doc.source.path)
    for name, mf in fields.items():
        if mf.value is not None:
            setattr(rec, name, mf.value)
            rec.basis[name] = mf.basis or ""
        elif mf.partial and mf.basis:
            # why the value is unknown: "dateline … gives the month and day, no year"
            rec.basis[name] = mf.basis
    return rec
