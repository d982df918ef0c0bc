"""Exporters (YAML, JSON, CSV, Markdown, TimelineJS) and the loader of exported YAML/JSON.

``render(timeline, fmt) -> str``; ``write_export(timeline, path, fmt)`` writes atomically (a failed
export never truncates an existing file); ``load_timeline(path) -> Timeline`` reads a
``timeline-tui/1`` YAML or JSON export back (without source texts).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml

from ..config import describe_yaml_error
from ..errors import UserError
from ..model import Timeline
from ..util.atomic import atomic_write_text
from .formats import render_csv, render_markdown, render_timelinejs
from .schema import FORMAT_ID, timeline_from_dict, timeline_to_dict

__all__ = [
    "FORMATS",
    "FORMAT_ID",
    "load_timeline",
    "render",
    "timeline_from_dict",
    "timeline_to_dict",
    "write_export",
]


_BaseDumper = getattr(
    yaml, "CSafeDumper", yaml.SafeDumper
)  # libyaml's emitter when built with it: ~10x faster


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Safe YAML with readable multi-line strings and no aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if "\n" in data and data == data.strip("\n ") and "\r" not in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_representer)


def render_yaml(timeline: Timeline) -> str:
    return yaml.dump(
        timeline_to_dict(timeline),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def render_json(timeline: Timeline) -> str:
    return json.dumps(timeline_to_dict(timeline), ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Timeline], str]] = {
    "yaml": render_yaml,
    "json": render_json,
    "csv": render_csv,
    "md": render_markdown,
    "timelinejs": render_timelinejs,
}


def render(timeline: Timeline, fmt: str = "yaml") -> str:
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise UserError(f"--format {fmt}: expected one of {', '.join(FORMATS)}") from None
    return renderer(timeline)


def write_export(timeline: Timeline, path: Path, fmt: str = "yaml") -> None:
    """Render first, then write atomically: an error leaves an existing ``path`` untouched."""
    text = render(timeline, fmt)
    try:
        atomic_write_text(Path(path), text)
    except OSError as e:
        raise UserError(f"{path}: cannot write export: {e.strerror or e}") from None


def load_timeline(path: Path) -> Timeline:
    """Read a ``timeline-tui/1`` export (YAML or JSON). Raises UserError naming the file and problem."""
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"{path}: cannot read timeline: {getattr(e, 'strerror', None) or e}") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        raise UserError(describe_yaml_error(path, e)) from None
    return timeline_from_dict(data, path)
