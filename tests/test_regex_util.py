"""util.regex.word_alternation: a trie-shaped alternation that matches what the flat one matches."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline_tui.util.regex import word_alternation


def _flat(words: list[str], suffix: str = "") -> str:
    """The alternation the rule modules built before: longest words first."""
    items = sorted(set(words), key=lambda w: (-len(w), w))  # ties in a fixed order
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") + suffix for w in items) + ")"


def test_a_trie_of_titles() -> None:
    alt = word_alternation(["president", "prime minister", "premier", "pres"], suffix=r"\.?")
    assert alt == r"(?:pr(?:e(?:mier\.?|s(?:ident\.?|\.?))|ime\s+minister\.?))"
    pat = re.compile(rf"(?i:{alt})\s+(?P<name>[A-Z]\w+)")
    assert pat.match("Prime  Minister Sharif")["name"] == "Sharif"
    assert pat.match("Pres. Biden").group() == "Pres. Biden"


def test_longer_words_are_preferred_and_shorter_ones_tried_after() -> None:
    alt = word_alternation(["gen", "general"])
    # the longer word wins when the rest matches, the shorter one when only it lets the rest match
    assert re.match(rf"{alt}\b", "general store").group() == "general"
    assert re.match(rf"{alt}eralissimo", "generalissimo").group() == "generalissimo"


def test_atoms_and_per_word_suffixes() -> None:
    alt = word_alternation(
        ["new year's", "jan", "january"], suffix=lambda w: r"\.?" if len(w) <= 4 else "", atoms={"'": "['’]"}
    )
    pat = re.compile(alt, re.I)
    assert pat.fullmatch("New Year’s") and pat.fullmatch("Jan.") and not pat.fullmatch("January.")


def test_word_lists_a_trie_cannot_reproduce_keep_the_plain_alternation() -> None:
    assert word_alternation([" ", "  a"]) == r"(?:\s+\s+a|\s+)"
    assert word_alternation(["said", "Sa"]) == "(?:said|Sa)"


def test_no_words_matches_nothing() -> None:
    assert re.search(word_alternation([]), "anything") is None


_words = st.lists(st.text(alphabet="ab .", min_size=1, max_size=5), min_size=1, max_size=8)


@settings(max_examples=300)
@example(words=[" ", "  a"], text="  A", suffix="")  # a space run: the plain alternation is kept
@example(words=["Sa", "said"], text="said", suffix="")  # one letter in two cases: likewise
@example(words=["gen", "general", "gen.x"], text="gen.y general", suffix=r"\.?")
@given(_words, st.text(alphabet="abAB .x", max_size=30), st.sampled_from(["", r"\.?"]))
def test_matches_what_the_flat_alternation_matches(words: list[str], text: str, suffix: str) -> None:
    for tail in ("", r"(?![ab])", r"\s+x"):
        for flags in (0, re.I):
            flat = re.compile(_flat(words, suffix) + tail, flags)
            trie = re.compile(word_alternation(words, suffix=suffix) + tail, flags)
            for i in range(len(text) + 1):
                a, b = flat.match(text, i), trie.match(text, i)
                assert (a and a.span()) == (b and b.span()), (words, text, i, tail)


def test_ignore_case_classes_match_what_re_ignorecase_matches() -> None:
    # every code point, against (?i:x) for each ASCII letter: İ, ı, the Kelvin sign and the long s
    # are the ones Unicode case folding adds
    from timeline_tui.util.regex import _IGNORECASE_CLASS

    everything = "".join(map(chr, range(0x110000))).replace("\n", "")
    for letter, cls in _IGNORECASE_CLASS.items():
        assert re.findall(f"(?i:{letter})", everything) == re.findall(cls, everything), letter


def test_an_ignore_case_trie_matches_like_a_case_insensitive_one() -> None:
    words = ["president", "prime minister", "sen", "senator", "sheikh", "king"]
    dot = r"\.?"
    plain = re.compile("(?i:" + word_alternation(words, suffix=dot) + r")\b")
    classes = re.compile(word_alternation(words, suffix=dot, ignore_case=True) + r"\b")
    for text in ["PRIME  Minister", "Sen. Smith", "SENATOR", "ſheikh", "\u212aing", "presidents", "King"]:
        a, b = plain.match(text), classes.match(text)
        assert (a and a.group()) == (b and b.group()), text
    # the first letter is a class: re skips the other branches on it
    assert classes.pattern.startswith("(?:(?:[kK\u212a]")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="Ab x\n\t", max_size=40), st.integers(min_value=0, max_value=45))
def test_line_start_matches_are_finditer_s(text: str, pos: int) -> None:
    from timeline_tui.util.regex import _opens_at_line_start, line_start_matches

    assert _opens_at_line_start(re.compile(r"(?m)^\s*x")) and _opens_at_line_start(re.compile(r"(?im)^x"))
    assert not _opens_at_line_start(re.compile(r"(?m)^a|b")) and not _opens_at_line_start(re.compile(r"^x"))
    pos = min(pos, len(text))
    for pattern in [r"(?m)^[ \t]*(?P<a>[A-Z]\w*)(?:\s+\w+)?", r"(?m)^\s*x", r"(?m)^$", r"(?m)^a|b", r"^A"]:
        pat = re.compile(pattern)
        want = [(m.span(), m.groups()) for m in pat.finditer(text, pos)]
        assert [(m.span(), m.groups()) for m in line_start_matches(pat, text, pos)] == want, pattern


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abz AZ09-.'’é\u0130\n\t\U0001f600", max_size=40))
@example("in march 2023, they met")
@example("")
def test_lower_word_lines_are_the_runs_of_a_to_z(text: str) -> None:
    from timeline_tui.util.regex import lower_word_lines, split_runs

    words, starts, _ends = split_runs(re.compile("([a-z]+)"), text)
    pieces, piece_starts = lower_word_lines(text)
    assert len(piece_starts) == len(pieces) + 1
    got = [(s, p[:-1].decode()) for s, p in zip(piece_starts, pieces, strict=False) if p != b"\n"]
    assert got == list(zip(starts, words, strict=False))
    assert all(p.endswith(b"\n") for p in pieces)
