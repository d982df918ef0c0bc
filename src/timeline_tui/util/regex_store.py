"""Compiled rule patterns kept between runs, as Python keeps compiled modules in ``__pycache__``.

The rule tables become large patterns (tries of hundreds of words and titles, dates in every news
format); compiling them costs a quarter of a second in each process, as much as annotating fifty
articles. ``compile(pattern, flags)`` gives the same pattern object as ``re.compile``, built from the
engine code that ``re`` compiled it to in an earlier run: the code is stored in the user cache
directory (``cache_dir()/regex``, one file per interpreter version; ``timeline-tui cache clear``
removes it) and read back with ``_sre.compile``, which checks it before use.

That reads CPython's own compiler (``re._parser``, ``re._compiler``, ``_sre``): on any other
interpreter, when a self-check at first use finds the internals changed, or when the file is missing,
corrupt or of another version, patterns are compiled as ``re.compile`` does, and the result is the
same either way (a unit test compares matches). New entries are written, atomically, when the process
that read the store exits; worker processes leave through ``os._exit`` and never write. With
``--no-cache`` the store is neither read nor written.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import re
import sys
from pathlib import Path
from typing import Any

from .atomic import replaced_binary

try:  # CPython's compiler, read-only
    import _sre
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another interpreter: plain re.compile
    _sre = _sre_compiler = _sre_parser = None  # type: ignore[assignment]

_MAGIC = "timeline-tui-regex-store-1"
#: an entry: the flags the pattern ends up with, the engine code, the group count, the group names
#: both ways (the arguments of ``_sre.compile`` after the pattern)
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
#: past this many entries the store starts again from what this process used (rules that changed
#: leave their old patterns behind)
_LIMIT = 2000

_entries: dict[tuple[str, int], _Entry] | None = None
_used: set[tuple[str, int]] = set()
_added = False
_usable: bool | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored engine code when an earlier run compiled it."""
    global _added
    if not _internals_usable():
        return re.compile(pattern, flags)
    entries = _load()
    key = (pattern, flags)
    entry = entries.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
        except Exception:  # a bad entry: compiled afresh below
            compiled = None
        if compiled is not None:
            _used.add(key)
            return compiled
    entry = _entry(pattern, flags)
    compiled = _sre.compile(pattern, *entry)
    entries[key] = entry
    _used.add(key)
    if not _added:
        _added = True
        atexit.register(_save, os.getpid())
    return compiled


def disable() -> None:
    """Compile every pattern as ``re.compile`` does from now on, and leave the store alone (the
    command line's ``--no-cache``)."""
    global _usable
    _usable = False


def _entry(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for a pattern string."""
    parsed = _sre_parser.parse(pattern, flags)
    code = [int(c) for c in _sre_compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _internals_usable() -> bool:
    """Whether patterns built from ``_entry`` behave as ``re.compile``'s (checked once)."""
    global _usable
    if _usable is None:
        _usable = False
        if _sre is not None and sys.implementation.name == "cpython":
            with contextlib.suppress(Exception):
                probe = r"(?P<day>\d{1,2})\s+(?i:dec(?:ember)?)(?:\s+(\d{4}))?|\b(?P<w>[A-Z]\w+)"
                ours = _sre.compile(probe, *_entry(probe, re.IGNORECASE))
                theirs = re.compile(probe, re.IGNORECASE)
                sample = "on 4 December 2023 and 5 dec, Havana"
                _usable = (
                    ours.groupindex == theirs.groupindex
                    and ours.groups == theirs.groups
                    and ours.flags == theirs.flags
                    and [m.span() + m.groups() for m in ours.finditer(sample)]
                    == [m.span() + m.groups() for m in theirs.finditer(sample)]
                )
    return _usable


def _path() -> Path:
    from ..cache import cache_dir

    tag = f"{sys.implementation.cache_tag}-{sys.version_info.releaselevel}{sys.version_info.serial}"
    return cache_dir() / "regex" / f"{tag}-{_sre.MAGIC}.pickle"


def _load() -> dict[tuple[str, int], _Entry]:
    global _entries
    if _entries is None:
        _entries = {}
        with contextlib.suppress(Exception):  # missing, unreadable, corrupt: compiled afresh
            blob = _path().read_bytes()
            magic, digest, payload = pickle.loads(blob)
            if magic == _MAGIC and digest == hashlib.sha256(payload).hexdigest():
                data: Any = pickle.loads(payload)
                if isinstance(data, dict):
                    _entries = data
    return _entries


def _save(pid: int) -> None:
    """Write the store (at exit, from the process that read it) when patterns were added."""
    if os.getpid() != pid or not _added or _entries is None:
        return
    entries = _entries
    if len(entries) > _LIMIT:
        entries = {k: v for k, v in entries.items() if k in _used}
    with contextlib.suppress(Exception):  # a read-only or full disk: the next run compiles again
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        blob = pickle.dumps((_MAGIC, hashlib.sha256(payload).hexdigest(), payload))
        with replaced_binary(_path()) as f:
            f.write(blob)
