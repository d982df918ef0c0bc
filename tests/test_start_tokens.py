"""util.regex.start_tokens: where a pattern can start matching, read from its parse, and the
tagger's use of it (trying each pattern only at such tokens near its triggers)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline_tui.annotate.time.engine import Tagger
from timeline_tui.util.regex import lowered_in_place, start_tokens

B = r"(?<![\w$£€#@/.-])"


def test_words_and_optional_modifiers() -> None:
    st_ = start_tokens(re.compile(B + r"(?:(?:last|this|next)\s+)?(?:monday|mon\.?|tuesday)(?!\w)"))
    assert st_ is not None
    assert st_.letters == ("las", "mon", "nex", "thi", "tue") and not st_.digit and not st_.other


def test_digits_short_words_and_marks() -> None:
    st_ = start_tokens(re.compile(r"(?:a\s+|\d+\s+|['’])(?:years?|90s)"))
    assert st_ is not None
    # "a" is read as a whole word ("a year", not "and")
    assert st_.letters == () and st_.words == ("a",) and st_.digit and st_.other == frozenset("'’")


def test_a_case_insensitive_pattern_reads_as_the_lower_cased_text() -> None:
    st_ = start_tokens(re.compile(r"(?:FY|fiscal)\s*\d{4}", re.I))
    assert st_ is not None and st_.letters == ("fis",) and st_.words == ("fy",)  # "FY2010": the word "fy"


def test_a_longer_prefix_adds_nothing_to_a_shorter_one() -> None:
    st_ = start_tokens(re.compile(r"(?:in|inside|at)\b"))
    assert st_ is not None and st_.letters == ("at", "in") and st_.words == ()


def test_a_short_word_is_read_whole_beside_longer_prefixes() -> None:
    st_ = start_tokens(re.compile(B + r"(?:a|about|almost)\s+(?:year|week)s?"))
    assert st_ is not None and st_.letters == ("abo", "alm") and st_.words == ("a",)
    # a match that can end after "a" lets any word that begins with "a" start it: the whole word
    # "a" then adds nothing
    st_ = start_tokens(re.compile(B + r"a(?:\s+year)?"))
    assert st_ is not None and st_.letters == ("a",) and st_.words == ()


def test_what_cannot_be_told() -> None:
    for pattern, flags in [
        (r"\w+day", 0),  # a general class
        (r"(?:last\s+)?", 0),  # the empty string
        (r".onday", 0),  # any character
        (r"(?i:monday)", 0),  # flags inside
        (r"\s+monday", 0),  # white space first
        (r"éte", 0),  # a letter outside ASCII
        (r"Monday", 0),  # an upper-case letter, while words are read lower-cased
    ]:
        assert start_tokens(re.compile(pattern, flags)) is None, pattern


_piece = st.sampled_from(
    [
        "last",
        "la",
        "l",
        "the",
        "a",
        "an",
        r"\d+",
        r"\d",
        "['’]",
        "monday",
        "mon",
        r"[0-3]?\d",
        "th",
        "(?:y|ye)",
    ]
)
_sep = st.sampled_from([r"\s+", r"\s*", "", "-", r"\.?"])
_group = st.builds(
    lambda pieces, rep: "(?:" + "|".join(pieces) + ")" + rep,
    st.lists(_piece, min_size=1, max_size=3),
    st.sampled_from(["", "?", "+", "*", "{2}"]),
)


@settings(max_examples=300, deadline=None)
@example(parts=[("(?:a)?", ""), ("(?:\\d)", "")], text="a1 1")
@example(parts=[("(?:l)+", ""), ("(?:a)", "")], text="lla")  # a repeated letter before another
@given(
    st.lists(st.tuples(_group, _sep), min_size=1, max_size=3),
    st.text(alphabet="alsthemonydAT019 -'’.", max_size=40),
)
def test_every_match_starts_at_such_a_token(parts: list[tuple[str, str]], text: str) -> None:
    pattern = re.compile(B + "".join(g + s for g, s in parts))
    found = start_tokens(pattern)
    if found is None:
        return
    lowered = text.lower()
    for m in pattern.finditer(lowered):
        if m.end() == m.start():
            continue
        q = m.start()
        word = re.match(r"[a-z]+", lowered[q:])
        if word:
            w = word.group()
            assert w.startswith(found.letters) or w in found.words, (pattern.pattern, text, q)
        elif lowered[q].isdigit():
            assert found.digit
        else:
            assert lowered[q] in found.other


SENTENCES = [
    "On Monday evening, 4 December 2023, the two presidents met; twenty-two years ago Fidel Castro visited.",
    "The company's fiscal 2023 results, released Dec. 5 at 3:30 p.m. EST, beat the year-earlier period.",
    "In the '90s and the 1980s, over the past 75 years, every week, each year; earlier that day, last spring.",
    "Shares rose 5.3% to $27 million in the third quarter of FY2010; 2010 votes were cast in mid-1990.",
    "It was the end of the year, the week of March 3; on Christmas Eve and New Year's Day, at noon.",
    "ALL CAPS HEADLINE: TALKS ON TUESDAY, 12/05/2023 — post-1945 order; a year and a half later.",
]


def test_tokens_give_the_same_candidates_as_scanning_the_windows() -> None:
    by_tokens = Tagger()
    by_windows = Tagger()
    by_windows._start_masks = None  # every pattern scans the windows around its triggers
    texts = SENTENCES + [
        p.read_text(encoding="utf-8")
        for p in sorted((Path(__file__).resolve().parent.parent / "events").glob("*.txt"))
    ]
    for text in texts:
        lowered = lowered_in_place(text)
        a = sorted(c[:4] for c in by_tokens.candidates(text, lowered))
        b = sorted(c[:4] for c in by_windows.candidates(text, lowered))
        assert a == b
        assert a  # every text has time expressions


def test_a_text_that_cannot_be_lower_cased_in_place_is_scanned_as_before() -> None:
    # "İ" lower-cases to two characters: the offsets would move, so the windows are scanned instead
    text = "İstanbul talks were held on Monday, 4 December 2023, a week after the last round."
    assert lowered_in_place(text) is text
    by_tokens, by_windows = Tagger(), Tagger()
    by_windows._start_masks = None
    a = sorted(c[:4] for c in by_tokens.candidates(text, text))
    assert a == sorted(c[:4] for c in by_windows.candidates(text, text))
    assert {c[3] for c in a} >= {"dmy", "weekday"}


def test_dates_in_a_text_with_a_dotted_capital_i_are_found() -> None:
    # a Turkish name anywhere in the article used to hide every month and weekday name from the
    # trigger words (looked up as written, capitalised)
    from timeline_tui.annotate.time import tag

    found = tag("İbrahim Kalın met them in Ankara on Monday, 4 December 2023.", "2023-12-06")
    assert [(t.text, t.value) for t in found] == [("Monday, 4 December 2023", "2023-12-04")]
