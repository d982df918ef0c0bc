"""Ingestion: paths -> Source objects (decoded text + metadata, each value with the basis it was found on).

Metadata, strongest first: per-file entries in config.yaml, YAML front matter, HTML metadata, cues in the
text (``meta.find_cues``), a date in the file path, then ``--published`` for sources that still have no
date. Bad files are skipped with a one-line note; nothing here raises for a bad input file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..config import Config
from ..model import MetaField, Source, SourceMeta
from .files import Skip, decode, read_bytes, walk
from .meta import find_cues, front_matter, parse_date, path_date

__all__ = ["discover", "load_sources", "read_source", "source_from_text"]

_FRONT_KEYS = {
    "title": "title",
    "published": "published",
    "date": "published",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
}


def discover(paths: Sequence[Path], notes: Callable[[str], None]) -> list[tuple[Path, str, str]]:
    """(path, format, stable id) of every article file under ``paths``, in a deterministic order."""
    found = list(walk(paths, notes))
    ids = _stable_ids([p for p, _ in found])
    return [(path, fmt, sid) for (path, fmt), sid in zip(found, ids, strict=True)]


def read_source(
    path: Path,
    fmt: str,
    sid: str,
    config: Config,
    notes: Callable[[str], None],
    *,
    default_published: str | None = None,
) -> Source | None:
    """One article, or None (with a note) when it cannot be used. Never raises for a bad file."""
    try:
        source = _read(path, fmt, sid, config)
    except Skip as e:
        notes(str(e))
        return None
    except Exception as e:  # never let one odd file stop the run
        notes(f"skipped {path}: {type(e).__name__}: {e}")
        return None
    if not source.meta.published.value and default_published:
        source.meta.published = MetaField(value=default_published, basis="--published")
    for n in source.notes:
        notes(n)
    return source


def load_sources(
    paths: Sequence[Path],
    config: Config,
    notes: Callable[[str], None],
    *,
    default_published: str | None = None,
) -> list[Source]:
    out = []
    for path, fmt, sid in discover(paths, notes):
        source = read_source(path, fmt, sid, config, notes, default_published=default_published)
        if source is not None:
            out.append(source)
    return out


def _stable_ids(paths: list[Path]) -> list[str]:
    """The file stem; when stems collide, prefixed with parent folders until unique."""
    stems = [p.stem for p in paths]
    out = list(stems)
    for depth in range(1, 8):
        counts: dict[str, int] = {}
        for s in out:
            counts[s] = counts.get(s, 0) + 1
        clashes = {s for s, c in counts.items() if c > 1}
        if not clashes:
            return out
        for i, p in enumerate(paths):
            if out[i] in clashes:
                parents = [q.name for q in p.parents][:depth]
                out[i] = "_".join([*reversed([x for x in parents if x]), stems[i]])
    seen: dict[str, int] = {}
    final = []
    for s in out:
        seen[s] = seen.get(s, 0) + 1
        final.append(s if seen[s] == 1 else f"{s}_{seen[s]}")
    return final


def _read(path: Path, fmt: str, sid: str, config: Config) -> Source:
    data = read_bytes(path)
    decoded = decode(data, path)
    notes: list[str] = [decoded.note] if decoded.note else []
    html_meta: dict[str, str | None] = {}
    text = decoded.text
    if fmt == "html":
        text, html_meta = _extract_html(decoded.text, path)
    return source_from_text(
        text,
        sid=sid,
        path=str(path),
        fmt=fmt,
        encoding=decoded.encoding,
        config=config,
        sha256=hashlib.sha256(data).hexdigest(),
        html_meta=html_meta,
        notes=notes,
        resolved=path.resolve(),
    )


_BLOCK_BREAKS = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")


def _extract_html(html: str, path: Path) -> tuple[str, dict[str, str | None]]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    if doc is None:
        raise Skip(f"skipped {path}: no article text found in the HTML")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        raise Skip(f"skipped {path}: no article text found in the HTML")
    # one block (heading, paragraph, list item) per line: a blank line between them, so that a
    # heading is never read as the start of the paragraph after it ("Minister resigns The minister
    # resigned on Monday")
    text = _BLOCK_BREAKS.sub("\n\n", text.strip())
    meta = {
        "title": d.get("title"),
        "published": d.get("date"),
        "outlet": d.get("sitename"),
        "url": d.get("url"),
        "author": d.get("author"),
    }
    return text, meta


def source_from_text(
    text: str,
    *,
    sid: str,
    path: str,
    fmt: str = "txt",
    encoding: str = "utf-8",
    config: Config | None = None,
    sha256: str = "",
    html_meta: dict[str, str | None] | None = None,
    notes: list[str] | None = None,
    resolved: Path | None = None,
) -> Source:
    """A Source with its metadata from already-decoded text (used by ingestion and the eval scripts)."""
    config = config or Config()
    notes = notes if notes is not None else []
    meta = SourceMeta()
    body_start = 0
    front: dict[str, Any] | None = None
    if fmt in ("txt", "md"):
        front, body_start, problem = front_matter(text)
        if problem:
            notes.append(f"{path}: {problem}" if front else f"{path}: {problem}; the file is read without it")
    # weakest first, each stronger basis overwrites
    pdate = path_date(path)
    if pdate:
        meta.published = MetaField(value=pdate, basis=f"date in the path '{path}'")
    cues = find_cues(text, config, body_start)
    for name in ("published", "outlet", "origin", "url", "title", "author"):
        f: MetaField = getattr(cues, name)
        if f.value or (f.partial and not getattr(meta, name).value):
            setattr(meta, name, f)  # a part (a dateline's month and day) only where nothing is whole
    for name, value in (html_meta or {}).items():
        if value:
            v = _norm_value(name, str(value))
            if v:
                setattr(meta, name, MetaField(value=v, basis="HTML metadata"))
    if front:
        for key, value in front.items():
            name = _FRONT_KEYS.get(str(key).lower())
            if name is None or value is None or isinstance(value, dict | list):
                continue
            v = _norm_value(name, value.isoformat() if hasattr(value, "isoformat") else str(value))
            if v:
                setattr(meta, name, MetaField(value=v, basis="front matter"))
            else:
                notes.append(f"{path}: front matter {key}: cannot read {value!r} as a date")
    entry = _file_entry(config, resolved)
    if entry is not None:
        for name in ("title", "published", "outlet", "url", "author"):
            value = getattr(entry, name)
            if value:
                v = _norm_value(name, value)
                if v:
                    setattr(meta, name, MetaField(value=v, basis=f"{config.path}: files entry"))
    if meta.outlet.value and meta.origin.value and meta.origin.value == meta.outlet.value:
        meta.origin = MetaField()
    return Source(
        id=sid,
        path=path,
        text=text,
        format=fmt,
        encoding=encoding,
        meta=meta,
        notes=notes,
        sha256=sha256,
        body_start=body_start,
    )


def _norm_value(name: str, value: str) -> str | None:
    value = value.strip()
    if name != "published":
        return value or None
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            from datetime import date

            date.fromisoformat(value[:10])
        except ValueError:
            return parse_date(value)
        if len(value) >= 16 and value[10] in "T " and value[13] == ":":
            return f"{value[:10]}T{value[11:16]}"
        return value[:10]
    return parse_date(value)


def _file_entry(config: Config, resolved: Path | None) -> Any:
    if not config.files or resolved is None:
        return None
    for key, entry in config.files.items():
        try:
            if key.resolve() == resolved:
                return entry
        except OSError:
            continue
    return None
