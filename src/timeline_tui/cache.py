"""The per-file parse cache: annotations keyed by the file (path, size, modification time), the parser
version, the configuration parts that change results and the default publication date.

Entries live in the user cache directory (platformdirs; ``XDG_CACHE_HOME`` is honoured), one pickle per
file, written atomically. An entry that is corrupt, of another version or for another key is ignored and
rebuilt, never trusted. ``timeline-tui cache clear`` (or ``clear_cache()``) removes them all.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import PARSER_VERSION
from .model import SourceAnnotations, Timeline
from .util.atomic import replaced_binary

_MAGIC = "timeline-tui-parse-cache"


@functools.cache
def code_fingerprint() -> str:
    """A hash of the code and rule tables that produce parse results, so that a changed parser never
    reuses old entries (PARSER_VERSION is the deliberate, human-readable part of the key)."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for sub in ("annotate", "ingest", "events", "rules", "util"):
        for f in sorted((pkg / sub).rglob("*")):
            if f.suffix in (".py", ".yaml") and f.is_file():
                h.update(f.relative_to(pkg).as_posix().encode())
                h.update(f.read_bytes())
    for name in ("dates.py", "model.py", "pipeline.py", "config.py"):
        h.update((pkg / name).read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("timeline-tui")) / "parse"


def clear_cache() -> int:
    root = cache_dir()
    n = 0
    if root.is_dir():
        for p in root.rglob("*"):
            if p.is_file():
                with contextlib.suppress(OSError):
                    p.unlink()
                    n += 1
    return n


class ParseCache:
    """``get(path, sid, fmt)`` -> cached result or None; ``put(...)`` stores one. A result is either a
    SourceAnnotations or a skip note (str) for files that cannot be used."""

    def __init__(
        self, config_fingerprint: str, default_published: str | None = None, root: Path | None = None
    ) -> None:
        self.root = root or cache_dir()
        self.salt = f"{PARSER_VERSION}|{code_fingerprint()}|{config_fingerprint}|{default_published}"
        self.hits = 0
        self.misses = 0

    def key(self, path: Path, sid: str, fmt: str) -> str | None:
        try:
            st = path.stat()
        except OSError:
            return None
        # the file itself (device, inode), how it was named, its size and modification time
        raw = f"{self.salt}|{st.st_dev}:{st.st_ino}|{os.path.abspath(path)}|{sid}|{fmt}|{st.st_size}|{st.st_mtime_ns}"
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()

    def _file(self, key: str, kind: str = "pickle") -> Path:
        return self.root / key[:2] / f"{key}.{kind}"

    def get(self, key: str) -> SourceAnnotations | str | None:
        enabled = gc.isenabled()
        gc.disable()  # see _load
        try:
            with open(self._file(key), "rb") as f:
                obj: Any = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # corrupt, truncated, from another version: rebuilt
            self.misses += 1
            return None
        finally:
            if enabled:
                gc.enable()
        if not (isinstance(obj, tuple) and len(obj) == 3 and obj[0] == _MAGIC and obj[1] == key):
            self.misses += 1
            return None
        payload = obj[2]
        if not isinstance(payload, SourceAnnotations | str):
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def corpus_key(self, file_keys: list[str | None]) -> str | None:
        """One key for a whole corpus: every file's key, in order (None when a file cannot be keyed)."""
        if any(k is None for k in file_keys):
            return None
        return hashlib.sha256(("corpus|" + self.salt + "|" + "|".join(file_keys)).encode()).hexdigest()  # type: ignore[arg-type]

    def get_timeline(self, key: str) -> tuple[Timeline, list[str]] | None:
        """A stored timeline for an unchanged corpus: its documents come back lazily from the per-file
        entries (those the events stage changed, such as re-dated sources, are stored with it)."""
        payload = self._load(self._file(key, "timeline"), key)
        if not (isinstance(payload, tuple) and len(payload) == 4 and isinstance(payload[0], Timeline)):
            return None
        timeline, doc_keys, changed, notes = payload
        if not all(self._file(k).is_file() for k in doc_keys.values()):
            return None  # per-file entries were removed: rebuild rather than lose article texts
        order = [s.id for s in timeline.sources]
        timeline.docs = LazyDocs(self, doc_keys, changed, order)  # type: ignore[assignment]
        return timeline, list(notes)

    def put_timeline(
        self,
        key: str,
        timeline: Timeline,
        file_keys: dict[str, str | None],
        changed_ids: set[str],
        notes: list[str],
    ) -> None:
        """Store a corpus's timeline: documents by reference to their per-file entries, except those
        the cross-document stages changed, stored in full."""
        doc_keys: dict[str, str] = {}
        changed: dict[str, SourceAnnotations] = {}
        for sid, doc in timeline.docs.items():
            k = file_keys.get(sid)
            if k is not None and sid not in changed_ids:
                doc_keys[sid] = k
            else:
                changed[sid] = doc
        self._dump(
            self._file(key, "timeline"), key, (replace(timeline, docs={}), doc_keys, changed, list(notes))
        )

    def _load(self, path: Path, key: str) -> Any:
        # a timeline is hundreds of thousands of small objects: the cyclic GC would walk them again
        # and again while they are unpickled, so it pauses for the load
        enabled = gc.isenabled()
        gc.disable()
        try:
            with open(path, "rb") as f:
                obj: Any = pickle.load(f)
        except Exception:
            return None
        finally:
            if enabled:
                gc.enable()
        if not (isinstance(obj, tuple) and len(obj) == 3 and obj[0] == _MAGIC and obj[1] == key):
            return None
        return obj[2]

    def _dump(self, target: Path, key: str, payload: Any) -> None:
        try:
            with replaced_binary(target) as f:
                pickle.dump((_MAGIC, key, payload), f, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            pass  # a cache that cannot be written is only slower

    def put(self, key: str, payload: SourceAnnotations | str) -> None:
        self._dump(self._file(key), key, payload)


class LazyDocs(Mapping[str, SourceAnnotations]):
    """Source id -> annotations, loaded from the per-file cache on first use."""

    def __init__(
        self, cache: ParseCache, keys: dict[str, str], loaded: dict[str, SourceAnnotations], order: list[str]
    ) -> None:
        self._cache = cache
        self._keys = keys
        self._loaded = dict(loaded)
        self._order = [sid for sid in order if sid in keys or sid in loaded]

    def __getitem__(self, sid: str) -> SourceAnnotations:
        doc = self._loaded.get(sid)
        if doc is None:
            key = self._keys[sid]  # KeyError for unknown ids, as a dict
            got = self._cache.get(key)
            if not isinstance(got, SourceAnnotations):
                raise KeyError(sid)
            doc = self._loaded[sid] = got
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)
