#!/usr/bin/env python3
"""Generate a realistic corpus of N articles from the sample articles' sentence shapes, with varied
dates, people, places and outlets (deterministic: same N and seed, same files).

    .venv/bin/python bench/gen_corpus.py 10000 bench/out/corpus [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FIRST = [
    "Ali",
    "Miguel",
    "Ebrahim",
    "Fidel",
    "Maria",
    "Jean",
    "Luis",
    "Amina",
    "Olga",
    "Kenji",
    "Sara",
    "Pedro",
    "Hassan",
    "Elena",
    "Tomas",
    "Ines",
    "Rafael",
    "Noor",
    "Viktor",
    "Lucia",
]
LAST = [
    "Khamenei",
    "Díaz-Canel",
    "Raisi",
    "Castro",
    "Moreau",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Haddad",
    "Kowalski",
    "Ferreira",
    "Nakamura",
    "Petrov",
    "Santos",
    "Qureshi",
    "Brennan",
    "Alvarez",
    "Novak",
    "Mensah",
    "Rossi",
]
PLACES = ["Tehran", "Havana", "Caracas", "Nairobi", "Jakarta", "Lisbon", "Hanoi", "Lima", "Accra", "Oslo"]
OUTLETS = [
    ("Radio Habana Cuba", "RHC"),
    ("Iran Press", "IP"),
    ("Afghan Voice Agency", "AVA"),
    ("Global Wire", "GW"),
    ("Northern Daily", "ND"),
    ("Coastal Times", "CT"),
    ("Andes News", "AN"),
    ("Pacific Report", "PR"),
]


def load_samples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "events").glob("*.txt"))]


def article(i: int, rng: random.Random, samples: list[str]) -> str:
    base = samples[i % len(samples)]
    pub = date(2000, 1, 1) + timedelta(days=rng.randrange(0, 9000))
    event = pub - timedelta(days=rng.choice([1, 1, 1, 2, 3]))
    a = (rng.choice(FIRST), rng.choice(LAST))
    b = (rng.choice(FIRST), rng.choice(LAST))
    place = rng.choice(PLACES)
    outlet, abbr = rng.choice(OUTLETS)
    text = base
    # people and places
    for old, new in (
        ("Khamenei", a[1]),
        ("Díaz-Canel", b[1]),
        ("Diaz-Canel", b[1]),
        ("Miguel", b[0]),
        ("Ali", a[0]),
        ("Tehran", place),
    ):
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    # dates: absolute forms and weekday of the event
    d, m, y = event.day, MONTHS[event.month - 1], event.year
    text = re.sub(r"\b0?4 December 2023\b", f"{d:02d} {m} {y}", text)
    text = re.sub(r"\bDecember 4, 2023\b", f"{m} {d}, {y}", text)
    text = re.sub(r"\b4 /Dec/ 2023\b", f"{d} /{m[:3]}/ {y}", text)
    text = re.sub(r"\b2023-12-05\b", pub.isoformat(), text)
    text = re.sub(
        r"\bTuesday 5 December 2023\b",
        f"{pub.strftime('%A')} {pub.day} {MONTHS[pub.month - 1]} {pub.year}",
        text,
    )
    text = re.sub(r"\bDecember 5\b", f"{MONTHS[pub.month - 1]} {pub.day}", text)
    text = re.sub(r"\bMonday\b", event.strftime("%A"), text)
    text = text.replace("(RHC)", f"({abbr})").replace("(IP)", f"({abbr})").replace("(AVA)", f"({abbr})")
    years = rng.choice([12, 22, 30, 41])
    text = re.sub(r"\b22 years\b", f"{years} years", text).replace("twenty-two years", f"{years} years")
    header = f"date {pub.isoformat()}\n{outlet} report {i}\n\n"
    return header + text


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    samples = load_samples()
    args.out.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(args.n):
        text = article(i, rng, samples)
        sub = args.out / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article_{i:06d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    print(f"wrote {args.n} articles, {size / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
