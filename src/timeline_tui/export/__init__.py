"""Exporters (YAML, JSON, CSV, Markdown, TimelineJS) and the loader of exported YAML/JSON.

``render(timeline, fmt) -> str``; ``write_export(timeline, path, fmt)`` writes atomically (a failed
export never truncates an existing file); ``load_timeline(path) -> Timeline`` reads a
``timeline-tui/1`` YAML or JSON export back (without source texts).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from ..config import describe_yaml_error
from ..errors import UserError
from ..model import Timeline
from ..util.atomic import atomic_write_text
from ..util.gcpause import gc_paused
from ..util.yamlio import safe_load
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


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when built with it

_STR, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_NULL, _BOOL = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers


def _one_pattern(resolvers: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str] | None:
    """The resolvers' patterns as one alternation (each keeps its own verbose flag): one match
    call answers whether any of them matches."""
    if not resolvers:
        return None
    return re.compile(
        "|".join(("(?x:" if rx.flags & re.VERBOSE else "(?:") + rx.pattern + ")" for _tag, rx in resolvers)
    )


#: PyYAML's implicit resolvers by first character (with those for any character), as one pattern
#: each: most strings start with a letter none is registered for, and are strings without a test
_ANY_FIRST = _IMPLICIT.get(None, [])
_RESOLVERS = {
    first: _one_pattern(list(resolvers) + _ANY_FIRST)
    for first, resolvers in _IMPLICIT.items()
    if first is not None
}
_RESOLVE_ANY = _one_pattern(_ANY_FIRST)


def _plain_is_str(value: str) -> bool:
    """Whether ``value`` written plain reads back as a string (not a number, bool, date or null):
    PyYAML's own implicit resolvers, looked up by first character as its serializer does."""
    resolver = _RESOLVERS.get(value[:1], _RESOLVE_ANY)
    return resolver is None or resolver.match(value) is None


_Scalar = yaml.ScalarEvent
_PLAIN_NULL = (True, False)
#: the events of scalars that recur: libyaml's emitter copies what it needs from an event, so one
#: event object can stand at many places of the stream
_NULL_EVENT = _Scalar(None, _NULL, _PLAIN_NULL, "null")
_BOOL_EVENTS = {
    True: _Scalar(None, _BOOL, _PLAIN_NULL, "true"),
    False: _Scalar(None, _BOOL, _PLAIN_NULL, "false"),
}
#: mapping keys (a schema's few dozen names), as events
_KEY_EVENTS: dict[str, yaml.ScalarEvent] = {}


def _str_event(text: str) -> yaml.ScalarEvent:
    style = "|" if "\n" in text and text == text.strip("\n ") and "\r" not in text else None
    return _Scalar(None, _STR, (_plain_is_str(text), True), text, style=style)


def _yaml_events(data: object, out: list[yaml.Event]) -> None:
    """Append the events PyYAML's SafeDumper would serialize for ``data`` (plain dicts, lists, str,
    int, bool, None): block style, insertion order, no aliases, multi-line strings as literal blocks.

    Producing the events directly skips the representer and serializer layers, which are Python
    even with libyaml and cost three times the emitting itself; libyaml still decides quoting,
    escaping and line folding, so the text is byte-identical to ``yaml.dump`` with those options
    (a unit test compares them)."""
    kind = type(data)
    if kind is str:
        out.append(_str_event(data))  # type: ignore[arg-type]
    elif kind is dict:
        out.append(yaml.MappingStartEvent(None, _MAP, True, flow_style=False))
        keys = _KEY_EVENTS
        for key, value in data.items():  # type: ignore[attr-defined]
            if type(key) is str:
                event = keys.get(key)
                if event is None:
                    event = _str_event(key)
                    if len(keys) < 4096:  # a schema's keys; never a corpus's worth of strings
                        keys[key] = event
                out.append(event)
            else:
                _yaml_events(key, out)
            vkind = type(value)
            if vkind is str:
                out.append(_str_event(value))
            elif value is None:
                out.append(_NULL_EVENT)
            elif vkind is int:
                out.append(_Scalar(None, _INT, _PLAIN_NULL, str(value)))
            else:
                _yaml_events(value, out)
        out.append(yaml.MappingEndEvent())
    elif kind is list or kind is tuple:
        out.append(yaml.SequenceStartEvent(None, _SEQ, True, flow_style=False))
        for value in data:  # type: ignore[attr-defined]
            if type(value) is str:
                out.append(_str_event(value))
            else:
                _yaml_events(value, out)
        out.append(yaml.SequenceEndEvent())
    elif kind is bool:
        out.append(_BOOL_EVENTS[data])  # type: ignore[index]
    elif kind is int:
        out.append(_Scalar(None, _INT, _PLAIN_NULL, str(data)))
    elif data is None:
        out.append(_NULL_EVENT)
    elif isinstance(data, str | dict | list | tuple | int):  # subclasses: as their base
        _yaml_events(_as_base(data), out)
    else:
        raise TypeError(f"cannot export {type(data).__name__} as YAML")


def _as_base(data: object) -> object:
    """A subclass instance of str, dict, list, tuple, int or bool as an instance of its base."""
    for base in (bool, str, dict, list, tuple, int):
        if isinstance(data, base):
            return base(data)  # type: ignore[call-overload]
    return data


def _yaml_stream(data: object) -> Iterator[yaml.Event]:
    """The whole document's events, built one top-level entry (one event, one source ...) at a time,
    so that only that entry's events are in memory at once."""
    yield yaml.StreamStartEvent()
    yield yaml.DocumentStartEvent(explicit=False)
    buf: list[yaml.Event] = []
    if isinstance(data, dict):
        yield yaml.MappingStartEvent(None, _MAP, True, flow_style=False)
        for key, value in data.items():
            _yaml_events(key, buf)
            if isinstance(value, list | tuple):
                buf.append(yaml.SequenceStartEvent(None, _SEQ, True, flow_style=False))
                for item in value:
                    _yaml_events(item, buf)
                    yield from buf
                    buf.clear()
                buf.append(yaml.SequenceEndEvent())
            else:
                _yaml_events(value, buf)
            yield from buf
            buf.clear()
        yield yaml.MappingEndEvent()
    else:
        _yaml_events(data, buf)
        yield from buf
    yield yaml.DocumentEndEvent(explicit=False)
    yield yaml.StreamEndEvent()


def render_yaml(timeline: Timeline) -> str:
    data = timeline_to_dict(timeline)
    with gc_paused():  # hundreds of thousands of short-lived events: nothing cyclic to collect
        return yaml.emit(_yaml_stream(data), Dumper=_Dumper, allow_unicode=True, width=100)


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
        data = safe_load(raw)
    except yaml.YAMLError as e:
        raise UserError(describe_yaml_error(path, e)) from None
    return timeline_from_dict(data, path)
