#!/usr/bin/env python3
"""A digest of everything the parser and the cross-document stages produce, per corpus: run it before
and after a change meant to be speed-only, and the digests must not move.

    .venv/bin/python bench/digest.py [--generated 1000] [--only NAME ...] [--show]

Corpora (each skipped when absent): the bundled sample (events/), the TimeML texts (tagger output on
each document's text and DCT), the PolNeAR dev texts, the two Timeline17 topics and N generated
articles (bench/gen_corpus.py, seed 7). For each: the annotations (sentences, time expressions with
every field, person mentions, quotes), and the YAML export of the timeline derived from them.
``--show`` prints the first annotation lines of each corpus too, to see what is hashed.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))


def _plain(obj: object) -> object:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name != "source"}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (set, frozenset)):
        return sorted(_plain(x) for x in obj)  # type: ignore[type-var]
    return obj


def _annotation_lines(doc: object) -> list[str]:
    d = doc  # SourceAnnotations
    out = [json.dumps({"sentences": d.sentences}, sort_keys=True)]  # type: ignore[attr-defined]
    for kind in ("timexes", "mentions", "quotes"):
        out += [json.dumps({kind: _plain(x)}, sort_keys=True, default=str) for x in getattr(d, kind)]
    return out


def _files(path: Path) -> list[tuple[str, Path]]:
    return [(f.relative_to(path).as_posix(), f) for f in sorted(path.rglob("*")) if f.is_file()]


def corpus_digest(name: str, paths: list[Path], show: bool) -> str:
    from timeline_tui.config import Config
    from timeline_tui.export import render
    from timeline_tui.pipeline import annotate_paths, timeline_from_docs

    config = Config()
    docs = annotate_paths(paths, config, jobs=1, use_cache=False)
    h = hashlib.sha256()
    lines = 0
    for d in docs:
        h.update(d.source.id.encode())
        for line in _annotation_lines(d):
            h.update(line.encode())
            lines += 1
            if show and lines <= 5:
                print(f"  {name}: {line[:160]}")
    ann = h.hexdigest()[:16]
    export = hashlib.sha256(render(timeline_from_docs(docs, config), "yaml").encode()).hexdigest()[:16]
    return f"{name:12} {len(docs):5} docs {lines:7} annotations  annotations {ann}  export {export}"


def timeml_digest() -> str:
    from timeml_corpus import read_corpus

    from timeline_tui.annotate.time import tag

    h = hashlib.sha256()
    n = 0
    docs = read_corpus(DATA / "timeml")
    for d in docs:
        for t in tag(d.text, d.dct):
            h.update(json.dumps(_plain(t), sort_keys=True).encode())
            n += 1
    return f"{'timeml':12} {len(docs):5} docs {n:7} timexes      tag() {h.hexdigest()[:16]}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", type=int, default=1000)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    want = set(args.only) if args.only else None
    corpora: list[tuple[str, list[Path]]] = [("sample", [ROOT / "events"])]
    if (DATA / "polnear" / "dev" / "text").is_dir():
        corpora.append(("polnear", [DATA / "polnear" / "dev" / "text"]))
    for topic in ("bpoil_bbc", "haiti_bbc"):
        if (DATA / "timeline17" / topic).is_dir():
            corpora.append((topic, [DATA / "timeline17" / topic / "InputDocs"]))
    if args.generated:
        # a fixed place: the export names each source's path
        tmp = Path(tempfile.gettempdir()) / "timeline-tui-digest" / f"generated-{args.generated}"
        if not tmp.is_dir():
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(args.generated), str(tmp)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        corpora.append(("generated", [tmp]))
    if (DATA / "timeml").is_dir() and (want is None or "timeml" in want):
        print(timeml_digest(), flush=True)
    for name, paths in corpora:
        if want is None or name in want:
            print(corpus_digest(name, paths, args.show), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
