"""The command line end to end on the bundled corpus, and its error contract (exit 2, one line)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import yaml

from timeline_tui.cli import main, split_command

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the repository root with a private cache, no user config."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("TIMELINE_TUI_CONFIG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_split_command() -> None:
    assert split_command(["export", "events"]) == ("export", ["events"])
    assert split_command(["--config", "c.yaml", "sources"]) == ("sources", ["--config", "c.yaml"])
    assert split_command(["events"]) == ("", ["events"])
    assert split_command(["--person", "export"]) == ("", ["--person", "export"])


# ------------------------------------------------------------------------------------------ errors


def test_malformed_config_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("sources: [events\npeople: 3\n")
    code, out, err = run(capsys, "export", "--config", str(cfg))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(cfg) in err and "malformed YAML" in err


def test_wrong_shape_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("sources: [events]\npeople: 3\n")
    code, _, err = run(capsys, "sources", "--config", str(cfg))
    assert code == 2 and "people" in err and str(cfg) in err and err.count("\n") == 1


def test_unknown_key_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text(f"sources: ['{EVENTS}']\ncolour: blue\n")
    code, _, err = run(capsys, "sources", "--config", str(cfg))
    assert code == 0 and "unknown key 'colour'" in err


def test_missing_source_path_in_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("sources: [nowhere/]\n")
    code, _, err = run(capsys, "export", "--config", str(cfg))
    assert code == 2 and "nowhere" in err and "sources" in err and str(cfg) in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--since", "yesterday-ish"],
        ["export", "--until", "2023-13"],
        ["export", "--format", "xml"],
        ["export", "no/such/folder"],
        ["annotate", "--published", "5 Dec"],
        ["sources", "--min-outlets", "many"],
        ["--jobs", "0", "export"],
        ["--config", "missing.yaml", "export"],
    ],
)
def test_usage_mistakes_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2, err
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err


def test_export_to_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "-o", str(tmp_path))
    assert code == 2 and str(tmp_path) in err


def test_a_folder_without_articles_is_a_usage_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run(capsys, "export", str(empty))
    assert code == 2 and out == "" and err.strip().endswith("no article files in it (.txt, .md, .html)")
    assert len(err.strip().splitlines()) == 1 and str(empty) in err
    # a folder whose only article cannot be read is no mistake: a note, and an empty timeline
    (empty / "bad.txt").write_bytes(bytes(range(1, 32)) * 8)
    code, out, err = run(capsys, "export", str(empty))
    assert code == 0 and "events: []" in out and "binary" in err


# -------------------------------------------------------------------------------- bundled corpus


def test_export_yaml_on_the_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--no-cache")
    assert code == 0
    doc = yaml.safe_load(out)
    assert doc["format"] == "timeline-tui/1"
    assert [s["id"] for s in doc["sources"]] == sorted(p.stem for p in EVENTS.glob("*.txt"))
    assert doc["events"], "the sample corpus has events"
    dates = [e["date"] for e in doc["events"]]
    assert "2023-12-04" in dates and "2001" in dates


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "timelinejs"])
def test_other_formats(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"out.{fmt}"
    code, out, _ = run(capsys, "export", "--format", fmt, "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["format"] == "timeline-tui/1"
    elif fmt == "csv":
        assert any(r["date"] == "2023-12-04" for r in csv.DictReader(io.StringIO(text)))
    elif fmt == "timelinejs":
        assert json.loads(text)["events"][0]["start_date"]["year"]
    else:
        assert text.startswith("# Timeline")


def test_an_output_of_dash_is_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", str(EVENTS), "--format", "json", "-o", "-")
    assert code == 0 and json.loads(out)["format"] == "timeline-tui/1"
    assert not (tmp_path / "-").exists()


def test_exported_yaml_opens_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "timeline.yaml"
    assert run(capsys, "export", "-o", str(first))[0] == 0
    code, out, _ = run(capsys, "export", str(first))
    assert code == 0 and out == first.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "sources", str(first))
    assert code == 0 and "Radio Habana Cuba" in out


def test_filters_on_export(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--since", "2001", "--until", "2001")
    doc = yaml.safe_load(out)
    assert code == 0 and doc["filters"]["since"] == "2001"
    assert any(e["date"] == "2001" for e in doc["events"])
    assert all(e["date"] <= "2001" or (e["end"] and e["end"] >= "2001") for e in doc["events"])
    by_raeisi = yaml.safe_load(run(capsys, "export", "--person", "Raeisi")[1])["events"]
    by_raisi = yaml.safe_load(run(capsys, "export", "--person", "Raisi")[1])["events"]
    assert by_raisi and [e["id"] for e in by_raeisi] == [e["id"] for e in by_raisi]


def test_sources_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources")
    assert code == 0
    assert "Radio Habana Cuba" in out and "Afghan Voice Agency" in out and "Iran Press" in out
    assert "5 of 5 sources" in out
    code, out, _ = run(capsys, "sources", "--json", "--outlet", "RHC")
    rows = json.loads(out)
    assert [r["outlet"] for r in rows] == ["Radio Habana Cuba"] and rows[0]["basis"]["outlet"]


def test_annotate_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "annotate", str(EVENTS / "001_d85ddcd76631467b.txt"))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    text = (EVENTS / "001_d85ddcd76631467b.txt").read_text(encoding="utf-8")
    kinds = {line["kind"] for line in lines}
    assert {"meta", "timex", "person", "quote"} <= kinds
    assert lines[0]["kind"] == "meta" and lines[0]["published"] and "basis" in lines[0]
    for line in lines:
        assert {"source", "kind", "start", "end", "text"} <= set(line)
        if line["kind"] != "meta":
            assert text[line["start"] : line["end"]] == line["text"]
        if line["kind"] == "timex":
            assert {"type", "value", "granularity", "anchor", "explanation"} <= set(line)
        if line["kind"] == "quote":
            assert {"speaker", "speaker_id", "speaker_start", "speaker_end", "cue"} <= set(line)
        if line["kind"] == "person":
            assert {"person_id", "name"} <= set(line)


def test_annotate_published_sets_missing_dates(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EVENTS / "002_b4fde88ae968a2aa.txt")
    code, out, _ = run(capsys, "annotate", "--published", "2023-12-05", path)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and lines[0]["published"] == "2023-12-05"
    monday = [t for t in lines if t["kind"] == "timex" and "Monday" in t["text"]]
    assert monday and monday[0]["value"] == "2023-12-04"


def test_module_entry_point() -> None:
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "timeline_tui", "export", "--help"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0 and "--format" in proc.stdout
