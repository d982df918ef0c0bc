"""The notes sidecar: atomic, locked, merged writes; corrupt files kept aside, never lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from timeline_tui.model import UserMark
from timeline_tui.userdata import Sidecar, sidecar_path


def test_sidecar_path(tmp_path: Path) -> None:
    assert sidecar_path(tmp_path / "config.yaml", []) == tmp_path / "config.notes.yaml"
    assert sidecar_path(None, [tmp_path]) == tmp_path / ".timeline-notes.yaml"
    f = tmp_path / "a.txt"
    f.write_text("x")
    assert sidecar_path(None, [f]) == tmp_path / ".a.timeline-notes.yaml"


def test_update_merges_and_clears(tmp_path: Path) -> None:
    side = Sidecar(tmp_path / "n.yaml")
    side.update("e1", UserMark(starred=True))
    other = Sidecar(tmp_path / "n.yaml")  # a second session with its own (stale) view
    other.update("e2", UserMark(tags=["check"], note="call: 'the desk' # now"))
    marks = side.load()
    assert (
        marks["e1"].starred and marks["e2"].tags == ["check"] and marks["e2"].note == "call: 'the desk' # now"
    )
    side.update("e1", UserMark())
    assert "e1" not in side.load()


def _writer(path: str, start: int) -> None:
    side = Sidecar(Path(path))
    for i in range(start, start + 25):
        side.update(f"ev{i}", UserMark(starred=True, tags=[str(i)]))


def test_two_sessions_never_lose_marks(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    procs = [multiprocessing.Process(target=_writer, args=(str(path), k * 100)) for k in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    marks = Sidecar(path).load()
    assert len(marks) == 50 and all(m.starred for m in marks.values())


def test_corrupt_sidecar_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("events: [unclosed\n")
    side = Sidecar(path)
    assert side.load() == {} and side.problem and "n.yaml.bak" in side.problem
    assert (tmp_path / "n.yaml.bak").read_text() == "events: [unclosed\n"
    side.update("e1", UserMark(starred=True))
    assert Sidecar(path).load()["e1"].starred
