#!/usr/bin/env python3
"""Evaluate the TIMEX3 tagger on TimeML news (TimeBank + AQUAINT, TempEval-3 training form).

    .venv/bin/python scripts/eval_timeml.py [DIR] [--errors N] [--subset TimeBank|AQUAINT]

Prints relaxed (overlap) and strict (same extent) precision/recall/F1, type accuracy and value accuracy
over relaxed matches, and value F1 = relaxed F1 x value accuracy, overall and per gold type. Values
match exactly, except that an unpadded gold week ("2000-W7") equals its ISO form ("2000-W07").
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeml_corpus import read_corpus

from timeline_tui.annotate.time import tag

_WEEK = re.compile(r"-W(\d)(?!\d)")


def same_value(pred: str, gold: str) -> bool:
    """Exact value match, reading the gold's unpadded ISO weeks ("2000-W7") as the padded form the
    standard writes ("2000-W07"); nothing else is normalised."""
    return pred == gold or pred == _WEEK.sub(r"-W0\1", gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default="/work/shared/data/timeml")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--subset", default=None, help="only the documents under DIR/SUBSET (TimeBank, AQUAINT)")
    args = ap.parse_args()
    root = Path(args.dir) / args.subset if args.subset else Path(args.dir)
    if not root.is_dir():
        print(f"eval_timeml: {root}: no such folder", file=sys.stderr)
        return 2
    docs = read_corpus(root)
    n_gold = n_pred = relaxed = strict = type_ok = value_ok = 0
    per_type: Counter[str] = Counter()
    per_type_hit: Counter[str] = Counter()
    per_type_val: Counter[str] = Counter()
    fps: list[str] = []
    fns: list[str] = []
    bad_values: list[str] = []
    chars = 0
    t0 = time.perf_counter()
    for d in docs:
        chars += len(d.text)
        pred = tag(d.text, d.dct)
        n_gold += len(d.timexes)
        n_pred += len(pred)
        used: set[int] = set()
        for g in d.timexes:
            per_type[g.type] += 1
            match = None
            for i, p in enumerate(pred):
                if i not in used and p.start < g.end and g.start < p.end:
                    match = (i, p)
                    break
            if match is None:
                fns.append(
                    f"{d.name}: {g.text!r} {g.type} {g.value} | …{d.text[max(0, g.start - 50) : g.end + 30]!r}"
                )
                continue
            i, p = match
            used.add(i)
            relaxed += 1
            per_type_hit[g.type] += 1
            if p.start == g.start and p.end == g.end:
                strict += 1
            if p.type == g.type:
                type_ok += 1
            if same_value(p.value, g.value):
                value_ok += 1
                per_type_val[g.type] += 1
            else:
                bad_values.append(
                    f"{d.name} dct={d.dct}: {g.text!r} gold={g.value} ({g.type}) pred={p.text!r} {p.value} ({p.type})"
                )
        for i, p in enumerate(pred):
            if i not in used:
                fps.append(
                    f"{d.name}: {p.text!r} {p.type} {p.value} | …{d.text[max(0, p.start - 50) : p.end + 30]!r}"
                )
    elapsed = time.perf_counter() - t0
    rp, rr, rf = prf(relaxed, n_pred, n_gold)
    sp, sr, sf = prf(strict, n_pred, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    print(
        f"TimeML evaluation: {len(docs)} documents, {n_gold} gold TIMEX3, {n_pred} predicted "
        f"({chars / 1e6:.2f} MB tagged in {elapsed:.2f} s)"
    )
    print(f"relaxed  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    print(f"strict   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"type accuracy  {type_acc:.3f}")
    print(f"value accuracy {value_acc:.3f}")
    print(f"value F1       {rf * value_acc:.3f}")
    print("per gold type: recall (relaxed) / value accuracy")
    for t in sorted(per_type):
        hit = per_type_hit[t]
        print(
            f"  {t:9} n={per_type[t]:5}  recall {hit / per_type[t]:.3f}  value acc {per_type_val[t] / hit if hit else 0:.3f}"
        )
    if args.errors:
        for title, items in (
            ("FALSE POSITIVES", fps),
            ("FALSE NEGATIVES", fns),
            ("WRONG VALUES", bad_values),
        ):
            print(f"\n== {title} ({len(items)})")
            for line in items[: args.errors]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
