"""Stars, tags and notes a user adds in the TUI, kept in a sidecar YAML next to the configuration (or the
corpus), keyed by event id so they survive re-parsing.

Every update re-reads the file under an exclusive lock, merges the one change, and writes atomically,
so two TUI sessions on one corpus never lose each other's marks or corrupt the file. A sidecar that
cannot be read is kept aside (``.bak``) rather than overwritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from .model import UserMark
from .util.atomic import atomic_write_text
from .util.yamlio import safe_load

FORMAT_ID = "timeline-tui-notes/1"


def sidecar_path(config_path: Path | None, inputs: Sequence[Path]) -> Path:
    """``<config stem>.notes.yaml`` next to the configuration; without one, ``.timeline-notes.yaml`` in
    the (first) corpus folder, or next to a single input file."""
    if config_path is not None:
        return config_path.with_name(f"{config_path.stem}.notes.yaml")
    if inputs:
        first = Path(inputs[0])
        folder = first if first.is_dir() else first.parent
        stem = "" if first.is_dir() else f"{first.stem}."
        return folder / f".{stem}timeline-notes.yaml"
    return Path(".timeline-notes.yaml")


class Sidecar:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        #: a note for the user when the file could not be read (shown by the TUI)
        self.problem: str | None = None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock = self.path.with_name(self.path.name + ".lock")
        try:
            fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError:
            yield  # read-only location: no lock possible, reads still work
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _read(self) -> dict[str, UserMark]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as e:
            self.problem = f"{self.path}: cannot read notes ({e}); starting empty"
            return {}
        try:
            data: Any = safe_load(raw) or {}
            marks = data.get("events", {}) if isinstance(data, dict) else None
            if not isinstance(marks, dict):
                raise ValueError("expected a mapping of events")
            out: dict[str, UserMark] = {}
            for eid, m in marks.items():
                if not isinstance(m, dict):
                    continue
                tags = m.get("tags") or []
                out[str(eid)] = UserMark(
                    starred=bool(m.get("starred", False)),
                    tags=[str(t) for t in tags] if isinstance(tags, list) else [str(tags)],
                    note=None if m.get("note") is None else str(m.get("note")),
                )
            return out
        except (yaml.YAMLError, ValueError, AttributeError) as e:
            backup = self.path.with_name(self.path.name + ".bak")
            with contextlib.suppress(OSError):
                shutil.copy2(self.path, backup)
            self.problem = (
                f"{self.path}: unreadable notes kept as {backup.name} ({type(e).__name__}); starting empty"
            )
            return {}

    def load(self) -> dict[str, UserMark]:
        with self._locked():
            return self._read()

    def update(self, event_id: str, mark: UserMark | None) -> dict[str, UserMark]:
        """Set (or with None / an empty mark, clear) one event's mark; returns all marks."""
        with self._locked():
            marks = self._read()
            if mark is None or not (mark.starred or mark.tags or mark.note):
                marks.pop(event_id, None)
            else:
                marks[event_id] = mark
            data = {
                "format": FORMAT_ID,
                "events": {
                    eid: {"starred": m.starred, "tags": list(m.tags), "note": m.note}
                    for eid, m in sorted(marks.items())
                },
            }
            atomic_write_text(self.path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
            return marks
