"""Hostile input end to end: a folder mixing every kind of bad file exports with exit 0, a note per
skipped file, and the events of every readable article; random text and bytes never break the pipeline."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_tui.cli import main
from timeline_tui.config import Config
from timeline_tui.export import render
from timeline_tui.pipeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "events" / "001_d85ddcd76631467b.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("TIMELINE_TUI_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def hostile_folder(base: Path) -> tuple[Path, list[str], list[str]]:
    """The folder, the names that must be skipped with a note, the names that must be read."""
    d = base / "corpus"
    d.mkdir()
    article = SAMPLE.read_text(encoding="utf-8")
    (d / "good.txt").write_text(article, encoding="utf-8")
    (d / "image.txt").write_bytes(PNG)
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "utf16.txt").write_bytes("\ufeff".encode("utf-16-le") + article.encode("utf-16-le"))
    (d / "legacy.txt").write_bytes(
        "Tehran, December 5 (RHC)-- The Caf\xe9 meeting \u201con Monday\u201d ended.".encode("cp1252")
    )
    (d / "empty.txt").write_bytes(b"")
    (d / "oneline.txt").write_text(("The meeting was held on Monday, December 4, 2023. " * 42000)[:2_000_000])
    (d / "crlf.txt").write_bytes(article.replace("\n", "\r\n").encode("utf-8"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + article.encode("utf-8"))
    deep = d
    for i in range(30):
        deep = deep / f"level{i}"
    deep.mkdir(parents=True)
    (deep / "deep.md").write_text("# Deep\n\nOn 4 December 2023 the Leader met the Cuban president.\n")
    (d / "loop").mkdir()
    os.symlink("..", d / "loop" / "back")
    (d / "broken_front.md").write_text("---\ntitle: [unclosed\n---\nOn 4 December 2023 talks were held.\n")
    (d / "quotes.txt").write_text(
        'He said, "this never closes. ' + "Words. " * 2000 + "\nOn 4 December 2023 he left.\n"
    )
    (d / "page.html").write_text(
        "<html><head><title>Talks</title><script>alert('x'); var d = '1 January 1999';</script></head>"
        "<body><article><h1>Talks in Tehran</h1><p>On 4 December 2023 Ayatollah Khamenei met President "
        "Miguel Díaz-Canel in Tehran. The two sides signed seven documents.</p><p>The talks covered "
        "trade, health and energy, officials said on Tuesday.</p></article></body></html>"
    )
    (d / "evil.txt").write_text(
        "Tehran (IP) - \x1b[2J\x1b]0;pwned\x07 [bold red]On 4 December 2023[/] the talks were held.\x07\n"
    )
    (d / "notes.pdf").write_bytes(b"%PDF-1.4 binary")
    unreadable = d / "secret.txt"
    unreadable.write_text("On 4 December 2023 a secret meeting took place.")
    unreadable.chmod(0)
    skipped = ["image.txt", "binary.txt", "empty.txt"]
    if os.access(unreadable, os.R_OK):  # root reads anything: then it is simply read
        read_names = ["secret.txt"]
    else:
        skipped.append("secret.txt")
        read_names = []
    read_names += [
        "good.txt",
        "utf16.txt",
        "legacy.txt",
        "oneline.txt",
        "crlf.txt",
        "bom.txt",
        "deep.md",
        "broken_front.md",
        "quotes.txt",
        "page.html",
        "evil.txt",
    ]
    return d, skipped, read_names


def test_hostile_folder_exports_with_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, skipped, read_names = hostile_folder(tmp_path)
    out_file = tmp_path / "out.yaml"
    try:
        code = main(["export", str(folder), "-o", str(out_file), "--jobs", "1"])
        _, err = capsys.readouterr()
    finally:
        (folder / "secret.txt").chmod(0o644)
    assert code == 0, err
    assert "Traceback" not in err
    for name in skipped:
        assert any(name in line for line in err.splitlines()), f"no note for {name}:\n{err}"
    assert any("legacy.txt" in line and "cp1252" in line for line in err.splitlines()), err
    # the C safe loader: the export of a 2 MB one-line article holds some 40,000 passages
    doc = yaml.load(
        out_file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    stems = {s["path"].rsplit("/", 1)[-1] for s in doc["sources"]}
    for name in read_names:
        assert name in stems, f"{name} missing from sources"
    supported = {ev["source"] for e in doc["events"] for ev in e["evidence"]}
    by_path = {s["id"]: s["path"].rsplit("/", 1)[-1] for s in doc["sources"]}
    dated = {by_path[s] for s in supported}
    for name in (
        "good.txt",
        "utf16.txt",
        "crlf.txt",
        "bom.txt",
        "deep.md",
        "page.html",
        "evil.txt",
        "broken_front.md",
        "oneline.txt",
    ):
        assert name in dated, f"no event from {name}"
    text = out_file.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text and "alert(" not in text


def test_crlf_and_bom_offsets_index_the_text_as_read(tmp_path: Path) -> None:
    folder, _, _ = hostile_folder(tmp_path)
    try:
        tl = build_timeline([folder / "crlf.txt", folder / "bom.txt"], Config(), use_cache=False, jobs=1)
    finally:
        (folder / "secret.txt").chmod(0o644)
    for doc in tl.docs.values():
        assert not doc.source.text.startswith("\ufeff")
        for t in doc.timexes:
            assert doc.source.text[t.start : t.end] == t.text
        for q in doc.quotes:
            assert doc.source.text[q.start : q.end] == q.text
    crlf = next(d for d in tl.docs.values() if d.source.path.endswith("crlf.txt"))
    assert "\r\n" in crlf.source.text


def test_symlink_loop_and_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "loop"
    d.mkdir()
    os.symlink(".", d / "self")
    shutil.copy(SAMPLE, d / "a.txt")
    assert main(["export", str(d), "-o", str(tmp_path / "o.yaml")]) == 0
    capsys.readouterr()
    assert main(["export", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    "On Monday",
                    " the Leader said, ",
                    "“",
                    "”",
                    '"',
                    "22 years ago",
                    "\n\n",
                    "Tehran (IP) - ",
                    "Publish date",
                    "Ayatollah Khamenei",
                    " 4 December 2023 ",
                    "---\n",
                    "\x1b[2J",
                    "[b]",
                    "\r\n",
                    "\ufeff",
                    "<p>",
                    "President Díaz-Canel",
                    "1979",
                    " may ",
                    "'",
                    ".",
                    "Mr. ",
                    "Ebrahim\nRaisi",
                    "Miguel  Díaz-Canel",
                    "İstanbul",
                    "\t",
                    " said ",
                ]
            ),
            max_size=40,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    )
)
def test_random_input_never_breaks_the_pipeline(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    notes: list[str] = []
    tl = build_timeline([path], Config(), notes=notes.append, use_cache=False, jobs=1)
    out = render(tl, "yaml")
    doc = yaml.safe_load(out)
    assert doc["format"] == "timeline-tui/1"
    assert "\x1b" not in out
    for d in tl.docs.values():
        text = d.source.text
        for t in d.timexes:
            assert text[t.start : t.end] == t.text
        for m in d.mentions:
            assert text[m.start : m.end] == m.text
        for q in d.quotes:
            assert text[q.start : q.end] == q.text
            if q.cue_start is not None:
                assert text[q.cue_start : q.cue_end] == q.cue


def test_a_text_without_sentence_punctuation_gives_bounded_passages(tmp_path: Path) -> None:
    # a run-on text (a transcript, a list) is one "sentence": each expression's passage and each
    # quotation's search for its speaker stay near it, or the work grows with the square of the text
    words = 'the minister said on Monday that " prices rose in March 2020 and John Smith told reporters " it was fine'
    text = "Published 3 March 2024\n\n" + " ".join([words] * 400) + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    spans = [e.end - e.start for ev in tl.events for e in ev.evidence]
    assert spans and max(spans) <= 2 * 400 + 40, max(spans)
