"""The store of compiled rule patterns: the same patterns as re.compile, whatever the store holds."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from timeline_tui.util import regex_store

TEXTS = [
    "On Monday, 4 December 2023, Iran's Supreme Leader Ayatollah Ali Khamenei met Cuban President "
    "Miguel Díaz-Canel in Tehran, twenty-two years after Fidel Castro paid a visit.",
    "“These capacities should be used,” he said. The talks, held last week, ended at 1930 GMT.",
    "Profit rose 5% in the third quarter of fiscal 1989, said Jane Doe, a spokeswoman.",
]


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in a cache directory of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_store, "_entries", None)
    monkeypatch.setattr(regex_store, "_used", set())
    monkeypatch.setattr(regex_store, "_added", False)
    monkeypatch.setattr(regex_store, "_usable", None)  # an earlier --no-cache run turned it off
    return tmp_path


def _rule_patterns() -> list[re.Pattern[str]]:
    from timeline_tui.annotate.people import rules as people_rules
    from timeline_tui.annotate.quotes import rules as quote_rules
    from timeline_tui.annotate.time.patterns import patterns

    pats = [p for _name, p in patterns().items]
    for rules in (people_rules(), quote_rules()):
        for field in dataclasses.fields(rules):
            value = getattr(rules, field.name)
            pats += [
                v for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, re.Pattern)
            ]
    return pats


def _matches(pat: re.Pattern[str]) -> list[tuple[object, ...]]:
    return [(m.span(), m.groupdict(), m.groups()) for t in TEXTS for m in pat.finditer(t)]


def test_stored_patterns_match_as_re_compile_does(fresh_store: Path) -> None:
    pats = _rule_patterns()
    assert len(pats) > 40
    for pat in pats:
        first = regex_store.compile(pat.pattern, pat.flags & ~re.UNICODE)
        regex_store._save(os.getpid())
        regex_store._entries = None  # read back from the file
        again = regex_store.compile(pat.pattern, pat.flags & ~re.UNICODE)
        reference = re.compile(pat.pattern, pat.flags & ~re.UNICODE)
        assert again.groupindex == reference.groupindex and again.flags == reference.flags
        assert _matches(first) == _matches(again) == _matches(reference), pat.pattern[:80]


def test_a_corrupt_or_foreign_store_is_ignored(fresh_store: Path) -> None:
    regex_store.compile(r"(?P<y>\d{4})")
    regex_store._save(os.getpid())
    path = regex_store._path()
    assert path.is_file()
    for junk in (b"not a pickle", path.read_bytes()[:-20], b""):
        path.write_bytes(junk)
        regex_store._entries = None
        pat = regex_store.compile(r"(?P<y>\d{4}) (?i:dec)")
        assert pat.match("2023 DEC")["y"] == "2023"


def test_disabled_store_is_neither_read_nor_written(fresh_store: Path) -> None:
    regex_store.disable()
    pat = regex_store.compile(r"(?P<y>\d{4})")
    assert pat.match("2023")["y"] == "2023"
    regex_store._save(os.getpid())
    assert not regex_store._path().exists()


def test_only_the_process_that_read_the_store_writes_it(fresh_store: Path) -> None:
    regex_store.compile(r"worker-(\d+)")
    regex_store._save(os.getpid() + 1)  # a forked worker's exit
    assert not regex_store._path().exists()
    regex_store._save(os.getpid())
    assert regex_store._path().exists()
