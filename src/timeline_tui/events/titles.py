"""Short, readable event titles: who did what ("Khamenei meets Díaz-Canel in Tehran").

The event word (met, received, visited, signed, revolution ...) is the one most passages use, from the
table in rules/events.yaml; people come from the event, the place from "in/to <Capitalised>" in the
passages. Without an event word the shortest passage is shortened at a word boundary.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..model import Event
from ..util.names import fold
from .text import tables

MAX_LEN = 80


@cache
def _rule_patterns() -> list[tuple[dict, re.Pattern[str]]]:
    out = []
    for rule in tables()["event_words"]:
        alt = "|".join(re.escape(fold(str(w))) for w in rule["match"])
        out.append((rule, re.compile(rf"\b(?:{alt})\b")))
    return out


def _short(name: str) -> str:
    parts = name.split()
    return parts[-1] if len(parts) > 1 else name


def _place(texts: list[str], people_names: set[str]) -> str:
    counts: Counter[str] = Counter()
    preps = "|".join(str(p) for p in tables()["place_prepositions"])
    for t in texts:
        for m in re.finditer(
            rf"\b(?:{preps}|visited|visiting|visits)\s+((?:[A-Z][a-zà-ÿ]+)(?:\s+[A-Z][a-zà-ÿ]+)?)\b", t
        ):
            place = m.group(1)
            if fold(place) in people_names or any(fold(w) in people_names for w in place.split()):
                continue
            if place.split()[0] in (
                "The",
                "His",
                "Her",
                "Their",
                "Mr",
                "December",
                "January",
                "Monday",
                "Tuesday",
            ):
                continue
            counts[place] += 1
    if not counts:
        return ""
    place, n = counts.most_common(1)[0]
    return f" in {place}" if n >= 1 else ""


def make_title(
    event: Event,
    texts: list[str],
    names: dict[str, str],
    sources: set[str],
    *,
    phrase: str | None = None,
    period_texts: list[str] | None = None,
) -> str:
    if phrase:
        return _fit(phrase)  # "the 1979 Islamic Revolution" -> "Islamic Revolution"
    if period_texts:
        # a period: its own clause ("the Palestinians have been subjected to ... over the past 75 years")
        clause = min((t for t in period_texts if len(t.split()) >= 6), key=len, default=None)
        if clause:
            return _fit(_trim(clause[0].upper() + clause[1:]))
    people = [names[p] for p in event.people if p in names]
    folded_names = {fold(n) for n in people} | {fold(_short(n)) for n in people}
    joined = " ".join(fold(t) for t in texts[:30])
    best = None
    best_n = 0
    for rule, pat in _rule_patterns():
        n = len(pat.findall(joined))
        if n > best_n:
            best, best_n = rule, n
            if n >= max(2, len(texts)):
                break
    if best is not None:
        place = _place(texts, folded_names)
        a = _short(people[0]) if people else ""
        b = _short(people[1]) if len(people) > 1 else ""
        if best.get("noun"):
            # a named happening: the capitalised phrase holding the word ("Islamic Revolution")
            word = str(best["match"][0])
            for t in texts:
                m = re.search(rf"((?:[A-Z][\w’'-]+\s+){{1,3}}){word.capitalize()}\b", t)
                if m:
                    return _fit(f"{m.group(1)}{word.capitalize()}")
        template = best["both"] if a and b else best["one"] if a else None
        if template:
            if "visits" in template and place.startswith(" in "):
                place = " " + place[4:]  # "Raisi visits Havana"
            return _fit(template.format(A=a, B=b, P=place, O=""))
    if event.end:
        t = min(texts, key=len)
        return _fit(_trim(t))
    return _fit(_trim(min(texts, key=len)))


def _trim(text: str) -> str:
    text = re.sub(r"[*_]+", "", " ".join(text.split()))
    return text.rstrip(".")


def _fit(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= MAX_LEN:
        return title
    cut = title[: MAX_LEN - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
