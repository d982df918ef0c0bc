"""The parse cache and parallel parsing: hits are exact, bad entries are rebuilt, keys follow what changes
results, the job count never changes the output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline_tui.cache import ParseCache, cache_dir, clear_cache
from timeline_tui.config import Config, load_config
from timeline_tui.export import render
from timeline_tui.pipeline import annotate_paths, build_timeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dst = tmp_path / "events"
    shutil.copytree(ROOT / "events", dst)
    return dst


def test_cache_dir_honours_xdg(corpus: Path, tmp_path: Path) -> None:
    assert str(cache_dir()).startswith(str(tmp_path / "cache"))


def test_warm_run_equals_cold_run_and_hits(corpus: Path) -> None:
    config = Config()
    cold = render(build_timeline([corpus], config, jobs=1), "yaml")
    files = list(cache_dir().rglob("*.pickle"))
    assert len(files) == 5
    assert list(cache_dir().rglob("*.timeline"))
    warm = build_timeline([corpus], config, jobs=1)
    assert render(warm, "yaml") == cold
    # articles come back lazily and identical
    doc = warm.docs[next(iter(warm.docs))]
    assert doc.source.text.startswith("\n\n##")
    # per-file entries alone (no corpus entry) give the same result too
    for f in cache_dir().rglob("*.timeline"):
        f.unlink()
    cache = ParseCache(config.fingerprint())
    again = annotate_paths([corpus], config, jobs=1)
    assert [d.source.id for d in again] == sorted(p.stem for p in corpus.glob("*.txt"))
    assert render(build_timeline([corpus], config, jobs=1), "yaml") == cold
    assert cache.root == cache_dir()


def test_corrupt_entries_are_rebuilt(corpus: Path) -> None:
    config = Config()
    cold = render(build_timeline([corpus], config, jobs=1), "yaml")
    for f in list(cache_dir().rglob("*.pickle")) + list(cache_dir().rglob("*.timeline")):
        f.write_bytes(b"not a pickle")
    assert render(build_timeline([corpus], config, jobs=1), "yaml") == cold


def test_changed_file_and_config_miss(corpus: Path) -> None:
    config = Config()
    build_timeline([corpus], config, jobs=1)
    target = corpus / "003_1463bcc52e466ebb.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("date 2023-12-05", "date 2023-12-06"), encoding="utf-8"
    )
    tl = build_timeline([corpus], config, jobs=1)
    assert next(s for s in tl.sources if s.id.startswith("003")).published == "2023-12-06"
    other = load_config(str(ROOT / "config.yaml"))
    assert other.fingerprint() != config.fingerprint()
    tl2 = build_timeline([corpus], other, jobs=1)
    assert next(s for s in tl2.sources if s.id.startswith("003")).published == "2023-12-06"
    assert any(s.outlet == "Radio Habana Cuba" for s in tl2.sources)


def test_no_cache_writes_nothing(corpus: Path) -> None:
    build_timeline([corpus], Config(), jobs=1, use_cache=False)
    assert not cache_dir().exists() or not list(cache_dir().rglob("*.pickle"))


def test_clear_cache(corpus: Path) -> None:
    build_timeline([corpus], Config(), jobs=1)
    assert clear_cache() >= 6
    assert not list(cache_dir().rglob("*.pickle"))


def test_job_count_does_not_change_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "many"
    folder.mkdir()
    # enough files for the worker pool to start (8 per worker)
    for i in range(40):
        src = sorted((ROOT / "events").glob("*.txt"))[i % 5]
        (folder / f"{i:02d}_{src.name}").write_bytes(src.read_bytes())
    one = render(build_timeline([folder], Config(), jobs=1, use_cache=False), "yaml")
    two = render(build_timeline([folder], Config(), jobs=2, use_cache=False), "yaml")
    assert one == two
