#!/usr/bin/env python3
"""Evaluate quote detection and speaker attribution on PolNeAR (dev split).

    .venv/bin/python scripts/eval_polnear.py [DIR] [--errors N]

Gold: the attributions of one annotator per document (the first .ann file in name order) whose Content
contains quote marks (“ ” or ", or the pairs of apostrophes and backquotes some papers use). Predictions are what the product reports as direct quotations:
statements, with the later parts of a statement interrupted by its own attribution joined to the first
("“A,” she said. “B.”" is one, as in the gold's discontinuous Content), and quoted fragments of
reported speech that have a reporting cue, spanning the clause the product gives as their content
("described Clinton as a “disgrace”"); unattributed short terms (titles, scare quotes) are kept by the
product but are not quotations. A prediction matches a gold quotation when its parts cover more than
30% of the gold content's characters (each gold and each prediction used once). The plain measure
(every quoted span on its own, no joining) is printed too. Speaker accuracy, over matched pairs with a
gold Source: the predicted speaker mention overlaps the gold Source span, or the predicted speaker's
name shares a (folded) word of three letters or more with the gold Source text.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from timeline_tui.annotate import annotate_source
from timeline_tui.annotate.people import resolve_people
from timeline_tui.config import Config
from timeline_tui.ingest import source_from_text
from timeline_tui.util.names import fold

QUOTE_MARKS = re.compile(r"[“”\"]|''|``")


def read_ann(path: Path, text: str) -> list[dict]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, _ = line.split("\t", 2)
            typ, *offs = mid.split(" ", 1)
            parts = []
            for seg in offs[0].split(";"):
                a, b = seg.split()
                parts.append((int(a), int(b)))
            spans[tid] = (typ, parts)
        elif line.startswith("E"):
            _, body = line.split("\t", 1)
            rel = dict(x.split(":", 1) for x in body.split())
            rels.append(rel)
    out = []
    for rel in rels:
        content = spans.get(rel.get("Content", ""))
        if not content:
            continue
        parts = content[1]
        ctext = " ".join(text[a:b] for a, b in parts)
        if not QUOTE_MARKS.search(ctext):
            continue
        source = spans.get(rel.get("Source", ""))
        out.append(
            {
                "content": parts,
                "text": ctext,
                "source": source[1] if source else None,
                "source_text": " ".join(text[a:b] for a, b in source[1]) if source else None,
            }
        )
    return out


def overlap(a: tuple[int, int], parts: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default="/work/shared/data/polnear")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument(
        "--context", type=int, default=0, help="with --errors: characters of text around a wrong speaker"
    )
    args = ap.parse_args()
    root = Path(args.dir) / "dev"
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((root / "attributions").glob("*.ann")):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    config = Config()
    n_gold = n_pred = tp = 0
    n_pred_stmt = tp_stmt = 0
    sp_total = sp_ok = 0
    fps, fns, bad_sp = [], [], []
    n_raw = tp_raw = n_terms_dropped = 0
    t0 = time.perf_counter()
    docs = []
    for doc_id, paths in sorted(anns.items()):
        tpath = root / "text" / f"{doc_id}.txt"
        if not tpath.exists():
            continue
        text = tpath.read_text(encoding="utf-8")
        src = source_from_text(text, sid=doc_id, path=str(tpath), config=config)
        docs.append((annotate_source(src, config), read_ann(paths[0], text)))
    resolve_people([d for d, _ in docs], config)
    elapsed = time.perf_counter() - t0
    for doc, gold in docs:
        text = doc.source.text
        raw = doc.quotes
        # what the product reports as direct quotations: statements (a later part of a statement
        # interrupted by its attribution joins its first part) and attributed fragments
        # ("called her “disgusting”", spanning their reported clause); unattributed short terms
        # (titles, scare quotes) are kept by the product but are not quotations
        first: dict[int, list] = {}
        preds = []
        for q in raw:
            span = (q.content_start, q.content_end) if q.content_start is not None else (q.start, q.end)
            if q.continues is not None and q.continues in first:
                first[q.continues].append(span)
                continue
            parts = [span]
            first[q.start] = parts
            if q.is_term and q.cue is None:
                n_terms_dropped += 1
                continue
            preds.append((q, parts))
        n_gold += len(gold)
        n_pred += len(preds)
        n_pred_stmt += sum(1 for q, _ in preds if not q.is_term)
        used: set[int] = set()
        for g in gold:
            glen = sum(b - a for a, b in g["content"])
            best = None
            for i, (_q, parts) in enumerate(preds):
                if i in used:
                    continue
                if sum(overlap(sp, g["content"]) for sp in parts) > 0.3 * glen:
                    best = i
                    break
            if best is None:
                fns.append(f"{doc.source.id}: {g['text'][:140]!r}")
                continue
            used.add(best)
            tp += 1
            q = preds[best][0]
            if not q.is_term:
                tp_stmt += 1
            if g["source"]:
                sp_total += 1
                ok = False
                if q.speaker_start is not None and overlap((q.speaker_start, q.speaker_end), g["source"]) > 0:
                    ok = True
                elif q.speaker:
                    words = {w for w in fold(q.speaker).split() if len(w) >= 3}
                    ok = bool(words & {w for w in fold(g["source_text"]).split() if len(w) >= 3})
                if ok:
                    sp_ok += 1
                else:
                    mention = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
                    line = f"{doc.source.id}: gold {g['source_text']!r} pred {q.speaker!r} via {mention!r}: {q.text[:80]!r}"
                    if args.context:
                        lo = max(0, min(q.start, g["source"][0][0]) - args.context)
                        hi = max(q.end, g["source"][-1][1]) + args.context
                        line += "\n      | " + text[lo:hi].replace("\n", " / ")
                    bad_sp.append(line)
        for i, (q, _parts) in enumerate(preds):
            if i not in used:
                fps.append(f"{doc.source.id}: {'TERM ' if q.is_term else ''}{q.text[:120]!r}")
        # the plain measure: every quoted span on its own, no joining, no content clause
        n_raw += len(raw)
        used_raw: set[int] = set()
        for g in gold:
            glen = sum(b - a for a, b in g["content"])
            for i, q in enumerate(raw):
                if i not in used_raw and overlap((q.start, q.end), g["content"]) > 0.3 * glen:
                    used_raw.add(i)
                    tp_raw += 1
                    break
    p = tp / n_pred if n_pred else 0
    r = tp / n_gold if n_gold else 0
    f = 2 * p * r / (p + r) if p + r else 0
    print(
        f"PolNeAR dev: {len(docs)} documents, {n_gold} gold direct quotations, {n_pred} predicted quotations "
        f"({n_pred - n_pred_stmt} of them attributed fragments; {n_terms_dropped} unattributed terms not "
        f"counted); annotated in {elapsed:.2f} s"
    )
    print(f"quotes   P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    pr = tp_raw / n_raw if n_raw else 0
    rr = tp_raw / n_gold if n_gold else 0
    fr = 2 * pr * rr / (pr + rr) if pr + rr else 0
    print(
        f"every quoted span on its own ({n_raw}, terms included, no joining): P {pr:.3f}  R {rr:.3f}  F1 {fr:.3f}"
    )
    ps = tp_stmt / n_pred_stmt if n_pred_stmt else 0
    rs_ = tp_stmt / n_gold if n_gold else 0
    fs = 2 * ps * rs_ / (ps + rs_) if ps + rs_ else 0
    print(f"statements only (no fragments): P {ps:.3f}  R {rs_:.3f}  F1 {fs:.3f}")
    print(
        f"speaker accuracy {sp_ok / sp_total if sp_total else 0:.3f}  ({sp_ok}/{sp_total} matched quotes with a gold source)"
    )
    if args.errors:
        for title, items in (("FALSE POSITIVES", fps), ("FALSE NEGATIVES", fns), ("WRONG SPEAKERS", bad_sp)):
            print(f"\n== {title} ({len(items)})")
            for line in items[: args.errors]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
