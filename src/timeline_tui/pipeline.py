"""The whole pipeline: paths -> sources -> annotations -> people -> events -> Timeline.

Interfaces used here (each stage owns its module):
- ``ingest.load_sources(paths, config, notes) -> list[Source]`` (skips bad files with a note)
- ``annotate.annotate_source(source, config) -> SourceAnnotations`` (per file; cacheable)
- ``annotate.people.resolve_people(docs, config) -> list[Person]`` (fills person ids in place)
- ``events.derive(docs, people, config) -> EventsResult``
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .annotate import annotate_source
from .annotate.people import resolve_people
from .config import Config
from .events import derive
from .ingest import load_sources
from .model import SourceAnnotations, SourceRecord, Timeline

#: progress(done, total, label)
Progress = Callable[[int, int, str], None]
#: notes for the user (skipped files, encoding fallbacks); one line each
Notes = Callable[[str], None]


def _ignore_progress(done: int, total: int, label: str) -> None:
    pass


def _ignore_note(note: str) -> None:
    pass


def annotate_paths(
    paths: Sequence[Path],
    config: Config,
    *,
    notes: Notes = _ignore_note,
    progress: Progress = _ignore_progress,
    jobs: int | None = None,
    use_cache: bool = True,
    default_published: str | None = None,
) -> list[SourceAnnotations]:
    """Ingest and annotate every source (per-file stages only), in input order.

    ``default_published`` ("YYYY-MM-DD") is the publication date of sources that have none
    (``annotate --published``)."""
    sources = load_sources(paths, config, notes, default_published=default_published)
    docs: list[SourceAnnotations] = []
    for i, source in enumerate(sources):
        progress(i, len(sources), source.path)
        docs.append(annotate_source(source, config))
    progress(len(sources), len(sources), "annotated")
    return docs


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
    docs = annotate_paths(
        paths,
        config,
        notes=notes,
        progress=progress,
        jobs=jobs,
        use_cache=use_cache,
        default_published=default_published,
    )
    return timeline_from_docs(docs, config)


def timeline_from_docs(docs: list[SourceAnnotations], config: Config) -> Timeline:
    """The cross-document stages: people clustering, event derivation, source records."""
    people = resolve_people(docs, config)
    result = derive(docs, people, config)
    records = [source_record(d, result.inferred.get(d.source.id, {})) for d in docs]
    return Timeline(
        sources=records,
        people=people,
        events=result.events,
        quotes=result.quotes,
        docs={d.source.id: d for d in docs},
    )


def source_record(doc: SourceAnnotations, inferred: dict) -> SourceRecord:
    meta = doc.source.meta
    fields = dict(meta.fields())
    fields.update(inferred)
    rec = SourceRecord(id=doc.source.id, path=doc.source.path)
    for name, mf in fields.items():
        if mf.value is not None:
            setattr(rec, name, mf.value)
            rec.basis[name] = mf.basis or ""
    return rec
