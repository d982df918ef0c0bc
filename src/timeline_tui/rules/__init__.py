"""Rule tables (word lists and patterns) kept as data, separate from the engines that use them.

Each ``<name>.yaml`` in this package is one table family; ``load_rules(name)`` returns it parsed with
``yaml.safe_load``'s safe loader (libyaml's when available; cached).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..util.yamlio import safe_load


@cache
def load_rules(name: str) -> Any:
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return safe_load(text)
