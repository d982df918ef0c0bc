"""The rule tables (rules/*.yaml) load as the words they list."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

RULES = Path(__file__).resolve().parent.parent / "src" / "timeline_tui" / "rules"


def _list_items(node: object, path: str) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _list_items(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((f"{path}[{i}]", v))
            out += _list_items(v, f"{path}[{i}]")
    return out


@pytest.mark.parametrize("table", sorted(p.name for p in RULES.glob("*.yaml")))
def test_no_word_of_a_list_is_read_as_a_boolean(table: str) -> None:
    # YAML 1.1 reads a bare on, off, yes, no as true or false: "on" in a word list must be quoted
    data = yaml.safe_load((RULES / table).read_text(encoding="utf-8"))
    assert [p for p, v in _list_items(data, table) if isinstance(v, bool)] == []
