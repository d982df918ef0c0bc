"""The per-file parse cache: annotations keyed by the file (path, size, modification time), the parser
version, the configuration parts that change results and the default publication date.

Entries live in the user cache directory (platformdirs; ``XDG_CACHE_HOME`` is honoured), one pickle per
file, written atomically. An entry that is corrupt, of another version or for another key is ignored and
rebuilt, never trusted. ``timeline-tui cache clear`` (or ``clear_cache()``) removes them all.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from . import PARSER_VERSION
from .model import SourceAnnotations

_MAGIC = "timeline-tui-parse-cache"


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
        self.salt = f"{PARSER_VERSION}|{config_fingerprint}|{default_published}"
        self.hits = 0
        self.misses = 0

    def key(self, path: Path, sid: str, fmt: str) -> str | None:
        try:
            st = path.stat()
            resolved = path.resolve()
        except OSError:
            return None
        raw = f"{self.salt}|{resolved}|{path}|{sid}|{fmt}|{st.st_size}|{st.st_mtime_ns}"
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> SourceAnnotations | str | None:
        try:
            with open(self._file(key), "rb") as f:
                obj: Any = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # corrupt, truncated, from another version: rebuilt
            self.misses += 1
            return None
        if not (isinstance(obj, tuple) and len(obj) == 3 and obj[0] == _MAGIC and obj[1] == key):
            self.misses += 1
            return None
        payload = obj[2]
        if not isinstance(payload, SourceAnnotations | str):
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def put(self, key: str, payload: SourceAnnotations | str) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((_MAGIC, key, payload), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            pass  # a cache that cannot be written is only slower
