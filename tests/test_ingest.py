"""Ingestion: metadata cues of the sample corpus (with the repository config and with none), decoding,
front matter, HTML, and files that must be skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline_tui.config import Config, load_config
from timeline_tui.errors import UsageError
from timeline_tui.ingest import load_sources, source_from_text

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"


def load(paths: list[Path], config: Config | None = None) -> tuple[dict, list[str]]:
    notes: list[str] = []
    sources = load_sources(paths, config or Config(), notes.append)
    return {s.id[:3] if s.id[:3].isdigit() else s.id: s for s in sources}, notes


@pytest.mark.parametrize("use_config", [True, False])
def test_sample_corpus_metadata_from_the_text(use_config: bool) -> None:
    config = load_config(str(ROOT / "config.yaml")) if use_config else Config()
    s, notes = load([EVENTS], config)
    assert notes == []
    pub = {k: v.meta.published.value for k, v in s.items()}
    assert pub == {
        "000": "2023-12-04",
        "001": "2023-12-05",
        "002": None,
        "003": "2023-12-05",
        "004": "2023-12-05T15:26",
    }
    outlet = {k: v.meta.outlet.value for k, v in s.items()}
    assert outlet["001"] == "Radio Habana Cuba"
    assert outlet["002"] == "Iran Press"
    assert outlet["004"] == "Afghan Voice Agency"
    assert outlet["000"] is None and outlet["003"] is None  # never guessed
    origin = s["004"].meta.origin.value
    assert origin == ("Tasnim News Agency" if use_config else "Tasnim News")
    assert "dateline" in (s["001"].meta.published.basis or "")
    assert "December 4, 2023" in (s["001"].meta.published.basis or "")
    assert "Publish date" in (s["004"].meta.published.basis or "")
    assert s["001"].meta.url.value.startswith("https://www.radiohc.cu/")
    assert (
        s["004"].meta.title.value
        == "Leader of the Islamic Revolution Urges Formation of Global Alliance against West"
    )
    assert (
        s["001"].meta.title.value
        == "Ayatollah Khamenei says Iran and Cuba must form coalition to counter U.S. imperialism"
    )


def test_photo_credit_is_not_the_outlet() -> None:
    text = (
        "Talks in Tehran\n\nThe Leader met the president. (Photo by leader.ir)\n\nMore text follows here.\n"
    )
    s = source_from_text(text, sid="x", path="x.txt")
    assert s.meta.outlet.value is None


def test_dateline_with_agency_and_year() -> None:
    s = source_from_text("WASHINGTON, March 3, 2021 (AP) — The Senate voted.", sid="x", path="x.txt")
    assert s.meta.published.value == "2021-03-03" and s.meta.outlet.value == "AP"


def test_dateline_without_a_year_gets_none() -> None:
    s = source_from_text("Tehran, December 5 (RHC)-- The talks ended.", sid="x", path="x.txt")
    assert s.meta.published.value is None and s.meta.outlet.value == "RHC"
    # the month and day are kept for the events stage, which may find the year in other sources
    assert s.meta.published.partial == "--12-05"
    assert s.meta.published.basis == "dateline 'Tehran, December 5 (RHC)--' gives the month and day, no year"


def test_a_dateline_with_a_region_after_the_city() -> None:
    s = source_from_text(
        "Quake\n\nLIMA, Peru (AP) — A magnitude 7.1 earthquake struck.", sid="x", path="x.txt"
    )
    assert s.meta.outlet.value == "AP"


def test_a_date_in_the_path_is_not_overwritten_by_a_dateline_without_a_year() -> None:
    s = source_from_text("LIMA, Oct 16 (Reuters) - The toll rose.", sid="x", path="2025/10/16/x.txt")
    assert s.meta.published.value == "2025-10-16"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        (
            "By MARIA SANCHEZ Associated Press",
            "Maria Sanchez",
        ),  # the outlet the dateline names, after the name
        ("By Guillermo Olmo, BBC Mundo", "Guillermo Olmo"),
        ("By Jane Doe | Reuters", "Jane Doe"),
        ("By Marco Aquino", "Marco Aquino"),
    ],
)
def test_a_byline_gives_the_name_without_the_outlet(line: str, author: str) -> None:
    text = f"Quake kills 40\n\n{line}\n\nLIMA, Peru (AP) — A magnitude 7.1 earthquake struck. The Associated Press said."
    s = source_from_text(text, sid="x", path="x.txt")
    assert s.meta.author.value == author


def test_front_matter_is_strongest_after_config(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        "---\ntitle: Talks\npublished: 2020-01-02\noutlet: Example Times\n---\nPublish date 5 May 2021\n"
    )
    s, _ = load([p])
    src = s["a"]
    assert (src.meta.title.value, src.meta.published.value, src.meta.outlet.value) == (
        "Talks",
        "2020-01-02",
        "Example Times",
    )
    assert src.meta.published.basis == "front matter"
    assert src.text.startswith("---") and src.body_start > 0


def test_broken_front_matter_is_noted(tmp_path: Path) -> None:
    p = tmp_path / "b.md"
    p.write_text("---\ntitle: [unclosed\n---\nOn 4 December 2023 talks were held.\n")
    s, notes = load([p])
    assert "b" in s and any("front matter" in n for n in notes)


def test_front_matter_that_yaml_refuses_is_read_as_plain_lines(tmp_path: Path) -> None:
    p = tmp_path / "c.md"
    p.write_text(
        "---\ntitle: Shutdown averted: live updates\ndate: 2024-03-23\noutlet: 'Capitol Daily'\n---\nText.\n"
    )
    s, notes = load([p])
    meta = s["c"].meta
    assert (meta.title.value, meta.published.value, meta.outlet.value) == (
        "Shutdown averted: live updates",
        "2024-03-23",
        "Capitol Daily",
    )
    assert len(notes) == 1 and "read as plain 'key: value' lines" in notes[0] and "without it" not in notes[0]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Senate approves bill\n\nMarch 23, 2024 — The Senate on Saturday approved a bill.\n", "2024-03-23"),
        ("Senate approves bill\n23 March 2024\n\nThe Senate on Saturday approved a bill.\n", "2024-03-23"),
        (
            "Senate approves bill\n\nSaturday 23 March 2024 12:30 GMT\n\nThe Senate approved a bill.\n",
            "2024-03-23T12:30",
        ),
        # the Guardian's stamp (a dot in the time), a time after "at", a byline before the date
        ("Fed holds rates\n\nWed 20 Mar 2024 14.02 GMT\n\nThe Fed held rates.\n", "2024-03-20T14:02"),
        ("Fed holds rates\n\nMarch 20, 2024 at 10:15 a.m. EDT\n\nThe Fed held rates.\n", "2024-03-20T10:15"),
        ("Fed holds rates\nBy Jane Doe, Staff Writer | 2024-03-20\n\nThe Fed held rates.\n", "2024-03-20"),
        # a date inside a sentence dates what the sentence tells, not the page
        ("Senate approves bill\n\nHe said March 23, 2024 was a big day.\n", None),
    ],
)
def test_a_date_printed_under_the_headline_is_the_publication_date(text: str, published: str | None) -> None:
    src = source_from_text(text, sid="a", path="a.txt")
    assert src.meta.published.value == published
    if published:
        assert src.meta.published.basis.startswith("date line")


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Updated 3:15 PM EST, March 20, 2024", "2024-03-20T15:15"),
        ("Published: 20/03/2024 10:15", "2024-03-20T10:15"),
        ("Published: 03/20/2024", "2024-03-20"),
        ("Updated 12:05 a.m. GMT, 21 March 2024", "2024-03-21T00:05"),
    ],
)
def test_publication_labels_with_times_and_day_first_numbers(line: str, published: str) -> None:
    src = source_from_text(f"Fed holds rates\n\n{line}\n\nThe Fed held rates.\n", sid="a", path="a.txt")
    assert src.meta.published.value == published
    assert src.meta.published.basis.startswith("publication label")


def test_front_matter_is_no_part_of_the_first_sentence(tmp_path: Path) -> None:
    from timeline_tui.annotate import annotate_source

    text = "---\ntitle: Vote\ndate: 2024-03-23\n---\n**14:32 GMT** The Senate vote is under way.\n"
    doc = annotate_source(source_from_text(text, sid="a", path="a.md", fmt="md"), Config())
    first = doc.sentences[0]
    assert text[first[0] : first[1]] == "**14:32 GMT** The Senate vote is under way."


def test_config_files_entry_wins(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text("date 2023-12-05 The talks.\n")
    cfg = tmp_path / "config.yaml"
    cfg.write_text("files:\n  c.txt: {published: 2023-12-01, outlet: Wire}\n")
    s, _ = load([p], load_config(str(cfg)))
    assert s["c"].meta.published.value == "2023-12-01" and "files entry" in s["c"].meta.published.basis


def test_date_in_path(tmp_path: Path) -> None:
    d = tmp_path / "2009" / "06" / "27"
    d.mkdir(parents=True)
    (d / "story.txt").write_text("The talks went on.")
    s, _ = load([tmp_path])
    assert s["story"].meta.published.value == "2009-06-27"


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(b"\xff\xfe" + "Café talks".encode("utf-16-le"))
    (tmp_path / "cp.txt").write_bytes("Caf\xe9 \u201ctalks\u201d".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 talks\r\nline two")
    s, notes = load([tmp_path])
    assert s["u16"].text == "Café talks" and s["u16"].encoding == "utf-16"
    assert s["cp"].text == "Café “talks”" and any("cp1252" in n for n in notes)
    assert s["bom"].text == "Café talks\r\nline two"


def test_skipped_files_get_one_note_each(tmp_path: Path) -> None:
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def" * 10)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "ok.txt").write_text("fine")
    os.symlink(".", tmp_path / "loop")
    s, notes = load([tmp_path])
    assert list(s) == ["ok"]
    for name in ("img.txt", "empty.txt", "nul.txt", "notes.pdf"):
        assert sum(name in n for n in notes) == 1, notes


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        load([tmp_path / "nope"])


def test_colliding_stems_get_distinct_ids(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text("text")
    s, _ = load([tmp_path])
    assert sorted(s) == ["a_story", "b_story"]


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Talks</title><meta property='og:site_name' content='Example News'>"
        "<meta property='article:published_time' content='2023-12-05T10:00:00'>"
        "<script>var x = 'On 1 January 1999';</script></head><body><article><h1>Talks in Tehran</h1>"
        "<p>On 4 December 2023 Ayatollah Khamenei met President Miguel Díaz-Canel in Tehran. The two sides "
        "signed seven documents of cooperation in many fields.</p></article></body></html>"
    )
    s, _ = load([p])
    src = s["page"]
    assert "Díaz-Canel" in src.text and "var x" not in src.text
    assert src.meta.published.value.startswith("2023-12-05") and src.meta.outlet.value == "Example News"
    # the heading is a sentence of its own, not the start of the paragraph's first one
    from timeline_tui.annotate.sentences import split_sentences

    first = [src.text[a:b] for a, b in split_sentences(src.text)][:2]
    assert first == ["Talks in Tehran", first[1]] and first[1].startswith("On 4 December 2023")


def test_other_date_formats_are_normalised_in_metadata(tmp_path: Path) -> None:
    p = tmp_path / "d.md"
    p.write_text("---\npublished: 2023/12/05\n---\nThe talks.\n")
    s, notes = load([p])
    assert s["d"].meta.published.value == "2023-12-05" and notes == []
    q = tmp_path / "e.md"
    q.write_text("---\npublished: sometime soon\n---\nThe talks.\n")
    s, notes = load([q])
    assert s["e"].meta.published.value is None and any("cannot read" in n for n in notes)


def test_random_bytes_are_skipped_as_binary() -> None:
    # a short binary file that holds no NUL byte and decodes as Latin-1 or cp1252: its control
    # characters (C1 ones included) give it away
    import random

    from timeline_tui.ingest.files import Skip, decode

    for seed in range(100):
        data = random.Random(seed).randbytes(100)
        with pytest.raises(Skip, match="binary"):
            decode(data, Path("x.txt"))
    # text with a form feed and an escape sequence is text
    assert decode(b"Page one\x0cPage two \x1b[1mbold\x1b[0m", Path("y.txt")).text.startswith("Page")


def test_an_unconfigured_article_url_names_its_site_as_the_outlet() -> None:
    text = "Senate passes bill\nhttps://www.example.com/news/2024/03/23/senate-passes-bill\n\nThe Senate passed it.\n"
    meta = source_from_text(text, sid="a", path="a.txt").meta
    assert (meta.outlet.value, meta.published.value) == ("example.com", "2024-03-23")
    assert "no configured outlet" in meta.outlet.basis
    # a link inside a paragraph is no article URL: no outlet from it
    text = "Senate passes bill\n\nThe Senate passed it, https://twitter.com/x/status/1 shows.\n"
    assert source_from_text(text, sid="b", path="b.txt").meta.outlet.value is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Sam Carter, BBC Sport", "BBC Sport"),
        ("By Sam Carter, Associated Press Writer", "Associated Press"),  # the job words after it dropped
        ("By Sam Carter | Reuters", "Reuters"),
        ("By Sam Carter, BBC News, Washington", "BBC News"),
        ("By Sam Carter, BBC Mundo", "BBC Mundo"),
        ("By Sam Carter, The New York Times", "The New York Times"),
        # a job or a place is no outlet
        ("By Sam Carter, Political Correspondent", None),
        ("By Sam Carter, Staff Writer", None),
        ("By Sam Carter, US Editor", None),
        ("By Sam Carter, Washington", None),
    ],
)
def test_a_byline_names_the_outlet_after_the_author(line: str, outlet: str | None) -> None:
    text = f"City top the table\n\n{line}\n\nPublished 3 March 2024\n\nManchester City won on Sunday.\n"
    s = source_from_text(text, sid="x", path="x.txt")
    assert (s.meta.outlet.value, s.meta.author.value) == (outlet, "Sam Carter")
