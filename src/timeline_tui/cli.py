"""The command line: ``timeline-tui [PATH ...]`` (TUI), ``export``, ``annotate``, ``sources``, ``cache``.

Exit status 0 on success, 2 for usage or configuration mistakes (one line on stderr naming the file and
the problem), 1 for anything else. Notes about skipped files go to stderr, one line each.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__
from .config import Config, load_config
from .errors import UsageError, UserError
from .model import Filters, SourceAnnotations, Timeline
from .util.text import strip_controls

PROG = "timeline-tui"
COMMANDS = ("export", "annotate", "sources", "cache")
TIMELINE_SUFFIXES = (".yaml", ".yml", ".json")
#: options that take a value (to find the subcommand among the arguments)
_VALUE_OPTIONS = {
    "--config",
    "--jobs",
    "-j",
    "--person",
    "--outlet",
    "--since",
    "--until",
    "--search",
    "--min-outlets",
    "--format",
    "-f",
    "-o",
    "--output",
    "--published",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes as one line and exit status 2 (via UsageError)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _common(p: argparse.ArgumentParser, *, filters: bool = True) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files or folders (default: config sources)"
    )
    p.add_argument("--config", metavar="FILE", help="configuration file (default: ./config.yaml)")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="parse with N processes (default: all cores)")
    p.add_argument("--no-cache", action="store_true", help="parse everything again, ignoring the cache")
    if filters:
        g = p.add_argument_group("filters")
        g.add_argument("--person", action="append", default=[], metavar="NAME", help="by person (any alias)")
        g.add_argument(
            "--outlet", action="append", default=[], metavar="NAME", help="by outlet name or abbreviation"
        )
        g.add_argument(
            "--since", metavar="DATE", help="events ending on or after DATE (2001, 2023-12, 2023-12-04)"
        )
        g.add_argument("--until", metavar="DATE", help="events starting on or before DATE")
        g.add_argument("--search", metavar="TEXT", help="words that must appear (-word excludes)")
        g.add_argument("--min-outlets", type=int, metavar="N", help="events supported by at least N sources")


def build_parsers() -> dict[str, argparse.ArgumentParser]:
    tui = _Parser(prog=PROG, description="Explore the dated events in a folder of news articles.")
    tui.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _common(tui)
    tui.epilog = "commands: export, annotate, sources, cache (see 'timeline-tui COMMAND --help')"

    export = _Parser(prog=f"{PROG} export", description="Write the timeline (YAML by default).")
    _common(export)
    export.add_argument("-f", "--format", default="yaml", choices=["yaml", "json", "csv", "md", "timelinejs"])
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically); default (or '-') stdout"
    )

    annotate = _Parser(prog=f"{PROG} annotate", description="Print annotations as JSON Lines.")
    _common(annotate, filters=False)
    annotate.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date of sources that have none"
    )

    sources = _Parser(prog=f"{PROG} sources", description="List sources with their metadata and its basis.")
    _common(sources)
    sources.add_argument("--json", action="store_true", help="JSON instead of a table")

    cache = _Parser(prog=f"{PROG} cache", description="Show or clear the parse cache.")
    cache.add_argument("action", choices=["dir", "clear"], help="dir: print its location; clear: delete it")
    return {"": tui, "export": export, "annotate": annotate, "sources": sources, "cache": cache}


def split_command(argv: Sequence[str]) -> tuple[str, list[str]]:
    """The subcommand (or "" for the TUI) and the remaining arguments."""
    args = list(argv)
    i = 0
    while i < len(args):
        tok = args[i]
        if tok == "--":
            break
        if tok.startswith("-"):
            if tok in _VALUE_OPTIONS:
                i += 1
            i += 1
            continue
        if tok in COMMANDS:
            return tok, args[:i] + args[i + 1 :]
        break
    return "", args


# --------------------------------------------------------------------------------------------- helpers


class StderrProgress:
    """Progress on stderr when it is a terminal and the work takes more than about a second."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < 1.0 or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        label = strip_controls(label, keep_newlines=False)[-40:]
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<40}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()


def note(message: str) -> None:
    print(f"note: {strip_controls(message, keep_newlines=False)}", file=sys.stderr)


def filters_from_args(args: argparse.Namespace) -> Filters:
    from .timeline import validate_filters

    f = Filters(
        person=list(args.person),
        outlet=list(args.outlet),
        since=args.since,
        until=args.until,
        search=args.search,
        min_outlets=args.min_outlets,
    )
    validate_filters(f)
    return f


def outlet_aliases(config: Config) -> dict[str, list[str]]:
    return {o.name: [*o.abbreviations, *o.domains] for o in config.outlets}


def input_paths(args: argparse.Namespace, config: Config) -> list[Path]:
    if args.paths:
        paths = [Path(p) for p in args.paths]
        for p in paths:
            if not p.exists() and not p.is_symlink():
                raise UsageError(f"{p}: no such file or directory")
        if not _has_articles(paths):
            raise UsageError(f"{', '.join(map(str, paths))}: no article files in it ({_KINDS})")
        return paths
    if not config.sources:
        where = f"{config.path}: sources: empty" if config.path else "no config.yaml found"
        raise UsageError(f"{where}; give article files or folders, e.g. '{PROG} events/'")
    for p in config.sources:
        if not p.exists():
            raise UserError(f"{config.path}: sources: {p}: no such file or directory")
    if not _has_articles(config.sources):
        raise UserError(f"{config.path}: sources: no article files in them ({_KINDS})")
    return list(config.sources)


_KINDS = ".txt, .md, .html"


def _has_articles(paths: Sequence[Path]) -> bool:
    """Whether ``paths`` hold an article file, or are an exported timeline (stops at the first found)."""
    from .ingest.files import walk

    if any(p.is_file() and p.suffix.lower() in TIMELINE_SUFFIXES for p in paths):
        return True
    return next(walk(paths, lambda _note: None), None) is not None


def exported_timeline_path(paths: Sequence[Path]) -> Path | None:
    """The path of an exported timeline when that is the (single) input."""
    timelines = [p for p in paths if p.is_file() and p.suffix.lower() in TIMELINE_SUFFIXES]
    if not timelines:
        return None
    if len(paths) > 1:
        raise UsageError(f"{timelines[0]}: an exported timeline cannot be combined with other inputs")
    return timelines[0]


def _parse_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: expected a number of processes, at least 1")
    use_cache = not getattr(args, "no_cache", False)
    if not use_cache:
        from .util import regex_store

        regex_store.disable()  # --no-cache: nothing read from the cache directory, nothing written
    return {"jobs": jobs, "use_cache": use_cache}


def load_or_build(
    args: argparse.Namespace,
    config: Config,
    progress: Callable[[int, int, str], None],
    *,
    default_published: str | None = None,
) -> Timeline:
    paths = input_paths(args, config)
    kwargs = _parse_kwargs(args)
    exported = exported_timeline_path(paths)
    if exported is not None:
        from .export import load_timeline

        return load_timeline(exported)
    from .pipeline import build_timeline

    return build_timeline(
        paths, config, notes=note, progress=progress, default_published=default_published, **kwargs
    )


def attach_user_marks(timeline: Timeline, config: Config, paths: Sequence[Path]) -> None:
    """Stars, tags and notes from the sidecar, so exports carry them."""
    from .userdata import Sidecar, sidecar_path

    path = config.sidecar or sidecar_path(config.path, paths)
    marks = Sidecar(path).load()
    ids = {e.id for e in timeline.events}
    for event_id, mark in marks.items():
        if event_id in ids:
            timeline.user[event_id] = mark


# -------------------------------------------------------------------------------------------- commands


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    from .export import render, write_export
    from .timeline import apply_filters

    filters = filters_from_args(args)
    if args.output and Path(args.output).is_dir():
        raise UsageError(f"{args.output}: is a folder; give a file name for the export")
    progress = StderrProgress()
    timeline = load_or_build(args, config, progress)
    progress.finish()
    attach_user_marks(timeline, config, input_paths(args, config))
    view = apply_filters(timeline, filters, outlet_aliases(config))
    if args.output and args.output != "-":
        write_export(view, Path(args.output), args.format)
    else:
        sys.stdout.write(render(view, args.format))
    return 0


def cmd_sources(args: argparse.Namespace, config: Config) -> int:
    from .timeline import filter_sources

    filters = filters_from_args(args)
    progress = StderrProgress()
    timeline = load_or_build(args, config, progress)
    progress.finish()
    records = filter_sources(timeline, filters, outlet_aliases(config))
    if args.json:
        rows = [
            {
                "id": r.id,
                "path": r.path,
                "title": r.title,
                "outlet": r.outlet,
                "origin": r.origin,
                "published": r.published,
                "url": r.url,
                "author": r.author,
                "basis": r.basis,
            }
            for r in records
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = sys.stdout

    def clean(v: str | None) -> str:
        return strip_controls(v or "", keep_newlines=False)

    for r in records:
        outlet = clean(r.outlet) or "unknown outlet"
        if r.origin:
            outlet += f" (from {clean(r.origin)})"
        out.write(f"{clean(r.id)}  {clean(r.published) or 'undated':<16}  {outlet}\n")
        out.write(f"    title: {clean(r.title) or '-'}\n")
        out.write(f"    path: {clean(r.path)}\n")
        for name in ("published", "outlet", "origin", "url", "author", "title"):
            if name in r.basis and getattr(r, name):
                value = clean(getattr(r, name)) if name in ("url", "author") else ""
                extra = f"{value} " if value else ""
                out.write(f"    {name} basis: {extra}[{clean(r.basis[name])}]\n")
        for name in ("published", "outlet"):
            if not getattr(r, name):
                out.write(f"    {name}: unknown ({clean(r.basis.get(name)) or 'no cue found'})\n")
    out.write(f"{len(records)} of {len(timeline.sources)} sources\n")
    return 0


def annotation_lines(doc: SourceAnnotations) -> list[dict[str, Any]]:
    """The SPEC's JSON Lines records for one source: meta first, then spans in text order."""
    src = doc.source
    text = src.text

    def clean(v: str | None) -> str | None:
        return None if v is None else strip_controls(v)

    meta = src.meta
    fields = meta.fields()
    strongest = max(
        (f for f in fields.values() if f.value is not None and f.end > f.start),
        key=lambda f: f.end - f.start,
        default=None,
    )
    lines: list[dict[str, Any]] = [
        {
            "source": src.path,
            "kind": "meta",
            "start": strongest.start if strongest else 0,
            "end": strongest.end if strongest else 0,
            "text": clean(text[strongest.start : strongest.end]) if strongest else "",
            "title": clean(meta.title.value),
            "published": meta.published.value,
            "outlet": clean(meta.outlet.value),
            "url": clean(meta.url.value),
            "author": clean(meta.author.value),
            "origin": clean(meta.origin.value),
            "basis": {k: clean(f.basis) for k, f in fields.items() if f.value is not None},
            "encoding": src.encoding,
        }
    ]
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for t in doc.timexes:
        spans.append(
            (
                t.start,
                0,
                {
                    "source": src.path,
                    "kind": "timex",
                    "start": t.start,
                    "end": t.end,
                    "text": clean(t.text),
                    "type": t.type,
                    "value": t.value,
                    "granularity": t.granularity,
                    "anchor": t.anchor,
                    "explanation": clean(t.explanation),
                    "mod": t.mod,
                    "period_start": t.period_start,
                    "period_end": t.period_end,
                    "point": t.point,
                },
            )
        )
    for m in doc.mentions:
        spans.append(
            (
                m.start,
                1,
                {
                    "source": src.path,
                    "kind": "person",
                    "start": m.start,
                    "end": m.end,
                    "text": clean(m.text),
                    "person_id": m.person_id,
                    "name": clean(m.name),
                    "mention": m.kind,
                },
            )
        )
    for q in doc.quotes:
        spans.append(
            (
                q.start,
                2,
                {
                    "source": src.path,
                    "kind": "quote",
                    "start": q.start,
                    "end": q.end,
                    "text": clean(q.text),
                    "speaker": clean(q.speaker),
                    "speaker_id": q.speaker_id,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                    "cue": clean(q.cue),
                    "term": q.is_term,
                    "content_start": q.content_start,
                    "content_end": q.content_end,
                    "continues": q.continues,
                },
            )
        )
    spans.sort(key=lambda s: (s[0], s[1]))
    lines.extend(s[2] for s in spans)
    return lines


def cmd_annotate(args: argparse.Namespace, config: Config) -> int:
    from .dates import parse_user_date

    published = args.published
    if published is not None:
        try:
            parse_user_date(published)
        except ValueError:
            raise UsageError(f"--published {published}: expected a date such as 2023-12-05") from None
        if len(published) != 10:
            raise UsageError(f"--published {published}: expected a full date YYYY-MM-DD")
    paths = input_paths(args, config)
    if exported_timeline_path(paths) is not None:
        raise UsageError(f"{paths[0]}: annotate reads articles, not an exported timeline")
    kwargs = _parse_kwargs(args)
    from .pipeline import build_timeline

    progress = StderrProgress()
    timeline = build_timeline(
        paths, config, notes=note, progress=progress, default_published=published, **kwargs
    )
    progress.finish()
    out = sys.stdout
    for doc in timeline.docs.values():
        for line in annotation_lines(doc):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


def cmd_cache(args: argparse.Namespace) -> int:
    from .cache import cache_dir, clear_cache

    if args.action == "dir":
        print(cache_dir())
    else:
        n = clear_cache()
        print(f"removed {n} cached file{'s' if n != 1 else ''} from {cache_dir()}")
    return 0


def cmd_tui(args: argparse.Namespace, config: Config) -> int:
    filters = filters_from_args(args)
    paths = input_paths(args, config)
    exported = exported_timeline_path(paths)
    notes: list[str] = []
    kwargs = _parse_kwargs(args)
    from .tui import run_tui
    from .userdata import Sidecar, sidecar_path

    def load(progress: Callable[[int, int, str], None]) -> Timeline:
        if exported is not None:
            from .export import load_timeline

            return load_timeline(exported)
        from .pipeline import build_timeline

        return build_timeline(paths, config, notes=notes.append, progress=progress, **kwargs)

    sidecar = Sidecar(config.sidecar or sidecar_path(config.path, paths))
    title = str(exported or ", ".join(str(p) for p in paths))
    run_tui(load, filters=filters, sidecar=sidecar, outlet_aliases=outlet_aliases(config), title=title)
    for n in notes:
        note(n)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        command, rest = split_command(argv)
        parser = build_parsers()[command]
        args = parser.parse_args(rest)
        if command == "cache":
            return cmd_cache(args)
        config = load_config(args.config)
        for w in config.warnings:
            print(f"warning: {w}", file=sys.stderr)
        handler = {"export": cmd_export, "annotate": cmd_annotate, "sources": cmd_sources, "": cmd_tui}[
            command
        ]
        return handler(args, config)
    except UserError as e:
        print(f"{PROG}: {strip_controls(str(e), keep_newlines=False)}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        # the reader went away (`| head`): not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # anything else: one line, status 1 (TIMELINE_TUI_DEBUG=1 for the traceback)
        if os.environ.get("TIMELINE_TUI_DEBUG"):
            raise
        print(
            f"{PROG}: error: {type(e).__name__}: {strip_controls(str(e), keep_newlines=False)}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
