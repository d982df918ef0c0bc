import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_tui.util.atomic import atomic_open, atomic_write_text
from timeline_tui.util.names import fold, slugify
from timeline_tui.util.text import safe_for_terminal, same_length_clean


def test_fold_is_case_accent_and_punctuation_insensitive() -> None:
    assert fold("Díaz-Canel") == fold("Diaz Canel") == "diaz canel"
    assert fold("  Ayatollah KHAMENEI ") == "ayatollah khamenei"
    assert fold("Straße") == "strasse"
    assert fold("Хаменеи") == "хаменеи"  # other scripts are kept, not dropped
    assert slugify("Miguel Díaz-Canel") == "miguel-diaz-canel"


def test_escape_sequences_and_controls_are_removed() -> None:
    hostile = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c\x07d\x9b2Je\x00f\tg\nh"
    assert safe_for_terminal(hostile) == "ared bcdef\tg\nh"
    assert safe_for_terminal("x\ny", keep_newlines=False) == "x y"
    # Rich markup is not an escape: it stays as literal text (rendering must not parse it)
    assert safe_for_terminal("[bold red]x[/]") == "[bold red]x[/]"


def test_same_length_clean_keeps_offsets() -> None:
    text = "a\x1b[31mb\x00c"
    assert len(same_length_clean(text)) == len(text)
    assert "\x1b" not in same_length_clean(text)


def test_atomic_write_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    atomic_write_text(target, "old\n")
    with pytest.raises(RuntimeError), atomic_open(target) as stream:
        stream.write("partial")
        raise RuntimeError("boom")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]  # no temporary file left behind
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"


def test_atomic_write_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    target.write_text("x")
    os.chmod(target, 0o640)
    atomic_write_text(target, "y")
    assert (target.stat().st_mode & 0o777) == 0o640


def test_atomic_write_to_a_pipe_writes_into_it_and_keeps_it(tmp_path: Path) -> None:
    # "-o /dev/null", "-o /dev/stdout": renaming a file over a device would replace the device
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write_text(fifo, "timeline\n")
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert os.read(reader, 100) == b"timeline\n"
    finally:
        os.close(reader)


def test_atomic_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "exports" / "timeline.yaml"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab-_ 1é.\n", max_size=14), st.sampled_from(["a", "ab", "ba", "B"]))
def test_in_lower_case_finds_the_word_whole(text: str, word: str) -> None:
    import re

    from timeline_tui.util.text import in_lower_case

    want = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None
    assert in_lower_case(word, text) == want
    assert in_lower_case("Business", "the business editor") and not in_lower_case("Business", "e-business")
