"""Short, readable event titles: who did what ("Khamenei meets Díaz-Canel in Tehran").

The event word (met, received, visited, signed, revolution ...) is the one most passages use, from the
table in rules/events.yaml; people come from the event, the place from "in/to <Capitalised>" in the
passages. Without an event word the shortest passage is shortened at a word boundary.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from ..annotate.people import family_name
from ..model import Event
from ..rules import load_rules
from ..util.names import fold
from ..util.text import in_lower_case
from .text import capitalised, folded_content_words, tables

MAX_LEN = 80


@cache
def _rule_patterns() -> list[tuple[dict, re.Pattern[str]]]:
    out = []
    for rule in tables()["event_words"]:
        alt = "|".join(re.escape(fold(str(w))) for w in rule["match"])
        out.append((rule, re.compile(rf"\b(?:{alt})\b")))
    return out


def _short(name: str) -> str:
    """What a title calls a person: the family name ("Díaz-Canel", "Xi")."""
    return family_name(name) if len(name.split()) > 1 else name


@cache
def not_places() -> frozenset[str]:
    """Capitalised words after "in/to/at" that are no place, nor a happening's name: month and weekday
    names, determiners."""
    calendar = load_rules("calendar")
    words = [*calendar["months"], *calendar["weekdays"]]
    return frozenset(w.capitalize() for w in words) | frozenset(str(w) for w in tables()["not_places"])


def _forms(name: str, called: str) -> list[str]:
    """What passages may call a person: the name, its surname, what the sources call them."""
    return sorted({name, _short(name)} | ({called} if called else set()), key=len, reverse=True)


#: what stands for the person in a passage matched against the phrases: the phrases are compiled
#: once per kind, not once per person (a pattern of all the phrases costs a millisecond to compile)
_WHO = "\x01"


@cache
def _said_of_pattern(kind: str) -> re.Pattern[str]:
    """The phrases of rules/events.yaml that say of a person (written ``{name}``) what a title of
    ``kind`` claims, as one pattern over passages whose mentions of that person are ``_WHO``."""
    phrases = [str(x).replace("{name}", _WHO) for x in tables()["title_roles"][kind]]
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.I)


@lru_cache(maxsize=4096)
def _who_pattern(name: str, called: str = "") -> re.Pattern[str]:
    """The person's forms (the name, its surname, what the sources call the person: ``called``) as
    words (cached: an event's people recur across its passages and events)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in _forms(name, called)) + r")\b", re.I)


def _says_of(kind: str, name: str, called: str, text: str) -> bool:
    """Whether one passage says of the person what a title of ``kind`` claims."""
    return _said_of_pattern(kind).search(_who_pattern(name, called).sub(_WHO, text)) is not None


def _naming(name: str, texts: list[str], called: str) -> list[str]:
    """The passages in which one of the person's forms occurs at all: the only ones the phrases
    can match (so the pattern is built only for people a passage names)."""
    forms = [f.lower() for f in _forms(name, called)]
    return [t for t in texts if any(f in t.lower() for f in forms)]


def _said_of(kind: str, name: str, texts: list[str], called: str = "") -> bool:
    """Whether a passage says of ``name`` what a title of ``kind`` would claim: that this person
    died ("dead"), or won ("winner")."""
    naming = _naming(name, texts, called)
    if not naming:
        return False
    return any(_says_of(kind, name, called, t) for t in naming)


def _said_by_most(name: str, texts: list[str], called: str = "") -> bool:
    """Whether at least half of the passages say that ``name`` spoke: an event most passages tell
    in other words is no statement of theirs."""
    texts = texts[:30]  # as many as _rules_by_use reads the event words from
    naming = _naming(name, texts, called)
    if 2 * len(naming) < len(texts):
        return False
    return 2 * sum(1 for t in naming if _says_of("speaker", name, called, t)) >= len(texts)


@cache
def _place_pattern() -> re.Pattern[str]:
    preps = "|".join(str(p) for p in tables()["place_prepositions"])
    # a place's words may be joined by hyphens: "Port-au-Prince", "Stratford-upon-Avon"
    # ("Tehran-based" is no place)
    word = r"[A-Z][a-zà-ÿ]+(?:(?:-[a-zà-ÿ]+)*-[A-Z][a-zà-ÿ]+)*"
    return re.compile(rf"\b(?:{preps}|visited|visiting|visits)\s+({word}(?:[ \t]+{word})*)\b(?!-)")


@cache
def _demonym_endings() -> tuple[str, ...]:
    return tuple(str(x) for x in tables()["demonym_endings"])


#: a lower-case word next ("Iranian revolutionaries")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")


def _place(texts: list[str], people_names: set[str]) -> str:
    counts: Counter[str] = Counter()
    no_place = not_places()
    # one scan over the passages joined by a NUL: no match can run over it (it is neither a letter
    # nor white space, and a word boundary, as each passage's end and start are), so the matches
    # are each passage's, in order
    joined = "\0".join(texts)
    for m in _place_pattern().finditer(joined):
        words = m.group(1).split()
        while len(words) > 1 and words[-1] in no_place:
            words.pop()  # "in Washington At a briefing": a sentence run into the place
        if len(words) > 3 or words[0] in no_place:
            continue
        place = " ".join(words)
        if fold(place) in people_names or any(fold(w) in people_names for w in words):
            continue
        if all(in_lower_case(w, joined) for w in words):
            continue  # "the best thing he can do is to Resign": a word, capitalised
        if words[-1].endswith(_demonym_endings()) and _LOWER_WORD_AFTER.match(joined, m.end()):
            continue  # "a fascination to Iranian revolutionaries": a people's adjective
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
    plain_texts: list[str] | None = None,
    direct: list[bool] | None = None,
    called: dict[str, str] | None = None,
    happening: tuple[str, str] | None = None,
) -> str:
    """A short title: a named happening, who did what by the event-word rules, else the shortest
    passage. ``texts`` are the passages with their role phrases blanked (for the rules: "the Leader of
    the Islamic Revolution" is no revolution); ``plain_texts`` the passages as written, for a title
    that is a passage ("The minister resigned on Monday", not "resigned on Monday"); ``direct`` tells
    which passages date the event themselves ("in March 2021", not "seven months after the raid"):
    a title that is a passage is one of those when there are any. ``happening``: the name the
    passages give the happening they mostly date ("Haiti earthquake") and its word ("earthquake"):
    it titles the event unless an event-word rule of that word does ("Clinton and Trump debate")."""
    if phrase:
        return _fit(phrase)  # "the 1979 Islamic Revolution" -> "Islamic Revolution"
    if period_texts:
        # a period: its own clause ("the Palestinians have been subjected to ... over the past 75 years")
        clause = min((t for t in period_texts if len(t.split()) >= 6), key=len, default=None)
        if clause:
            return _fit(_trim(capitalised(clause)))
    called = called or {}

    def short(name: str) -> str:
        """What the title calls a person: what the sources call them alone ("Lula"), else the
        family name."""
        return called.get(name) or _short(name)

    people = [names[p] for p in event.people if p in names]
    folded_names = {fold(n) for n in people} | {fold(short(n)) for n in people}
    for rule in _rules_by_use(texts):
        if happening and happening[1] not in rule["match"]:
            continue  # "Preval meets …" for the day of the earthquake most passages name
        # the place of the passages that use the rule's word ("visited Tehran"), not another
        # passage's ("Bhopal", in a letter among the evidence of Obama's trips to the Gulf)
        place = _place(_using(rule, texts), folded_names)
        if rule.get("noun"):
            # a named happening: the capitalised phrase holding the word ("Islamic Revolution")
            word = str(rule["match"][0])
            for t in texts:
                m = re.search(rf"((?:[A-Z][\w’'-]+\s+){{1,3}}){word.capitalize()}\b", t)
                if m:
                    return _fit(f"{m.group(1)}{word.capitalize()}")
        if rule.get("only"):
            # who died, who won, who spoke: only a person the passages say it of
            who = next((p for p in people if _said_of(str(rule["only"]), p, texts, called.get(p, ""))), None)
            if who is None:
                continue
            if rule.get("says") and not _said_by_most(who, texts, called.get(who, "")):
                # "Mr Suttles said the top kill, which had been going on since Wednesday, had
                # failed", one passage of six that date the top kill: the event is not his statement
                continue
            if not rule.get("says"):
                return _fit(str(rule["one"]).format(A=short(who), B="", P=place, O=""))
            people = [who, *(p for p in people if p != who and short(p) != short(who))]
        if rule.get("first") and len(people) > 1:
            # "Xi Jinping received Lula": the host first, whoever the passages name first
            host = next(
                (p for p in people if _said_of(str(rule["first"]), p, texts, called.get(p, ""))), None
            )
            if host is not None:
                people = [host, *(p for p in people if p != host)]
        a = short(people[0]) if people else ""
        b = short(people[1]) if len(people) > 1 else ""
        if rule.get("says") and a:
            said = _what_was_said(a, plain_texts or texts)
            if said:
                return _fit(said)
        if a and b and rule.get("second_only"):
            second = people[1]
            if not _said_of(str(rule["second_only"]), second, texts, called.get(second, "")):
                b = ""  # "Obama will make his fourth visit to the region": he visits nobody named
        if a and not b and not place and rule.get("needs_place"):
            continue  # "Obama visits": where, or whom, no passage says
        template = rule["both"] if a and b else rule.get("one") if a else None
        if a and not template:
            continue  # a rule for two people, and one is named: the next event word
        if (
            a
            and not b
            and rule.get("one_only")
            and not _said_of(str(rule["one_only"]), people[0], texts, called.get(people[0], ""))
        ):
            continue  # "the committee had met on Thursday, Tedros said": he held no meeting
        if template:
            p = place
            if "visits" in template and not b and p.startswith(" in "):
                p = " " + p[4:]  # "Raisi visits Havana"
            return _fit(template.format(A=a, B=b, P=p, O=""))
        break  # the event word most passages use, and nobody to title it with
    if happening:
        return _fit(happening[0])
    passages = plain_texts or texts
    if direct is not None and any(direct):
        passages = [t for t, d in zip(passages, direct, strict=True) if d]
    return _fit(_trim(_central(passages)))


#: words a passage counts as longer than it is, so that a short one that tells what the others tell
#: wins over a long one that tells it too (and over a short one that tells nothing of it)
CENTRAL_LENGTH_PAD = 3
#: how many passages make the shared words tell (below, the shortest passage titles)
CENTRAL_MIN = 10
#: a passage no title is made of while another is left: a quotation's, a caption's or a byline's run
#: into the text ("NEW CAP FOR LEAKING OIL WELL In June …", "Clare Spencer | 09:51 UK time …")
_NOT_A_TITLE = re.compile(r"^\W*[\"“‘'`]|\||\b[A-Z]{3,}\s+[A-Z]{3,}\b")


def _central(passages: list[str]) -> str:
    """The passage that tells most of what the others tell, for its length: the one whose content
    words the other passages share most, per word ("The Deepwater Horizon rig exploded on 20 April,
    killing 11 workers", not the shortest, "The spill began"). With fewer than ``CENTRAL_MIN``
    passages, the shortest (what few passages share tells little)."""
    if len(passages) < CENTRAL_MIN:
        return min(passages, key=len)
    sample = [p for p in passages[:64] if not _NOT_A_TITLE.search(p)] or passages[:64]
    bags = [folded_content_words(fold(p)) for p in sample]
    df = Counter(w for bag in bags for w in bag)

    def score(i: int) -> tuple[float, int]:
        shared = sum(df[w] - 1 for w in bags[i])
        return shared / (len(sample[i].split()) + CENTRAL_LENGTH_PAD), -len(sample[i])

    return sample[max(range(len(sample)), key=score)]


@cache
def _statement_verbs() -> dict[str, str]:
    return {str(k): str(v) for k, v in tables()["statement_verbs"].items()}


@lru_cache(maxsize=1024)
def _said_patterns(who: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For a person's short name: the words after their reporting verb (skipping a time phrase up to
    "that"), and a quotation that opens a passage attributed to them."""
    verbs = "|".join(sorted(_statement_verbs(), key=len, reverse=True))
    skip = "|".join(re.escape(str(w)) for w in tables()["statement_not_content"])
    name = re.escape(who)
    # what was said runs to the passage's end, or to a quotation that opens a sentence of its own
    # ("Medvedev says BP may not survive the crisis “What I know is …"); a quotation inside it is
    # part of it ("said BP had to pay “a lot of money this year”")
    said = re.compile(
        rf"\b{name}\b(?:\s?,[^,]{{1,60}},|\s?,)?\s+(?P<verb>{verbs})\b"
        rf"(?:(?:\s+[\w’'-]+){{0,10}}?\s+that)?\s+(?P<what>(?!(?:{skip})\b)[^\W\d_]"
        rf"(?:(?!``|'')(?:[^“”\"]|[“\"][^“”\"]{{1,60}}[”\"])|``[^`'“”\"]{{1,60}}'')*?)"
        rf"[.!?]?\s*(?:$|(?:``|[“\"])\s*[A-Z])"
    )
    quoted = re.compile(
        rf"^\s*[“\"](?P<q>[^“”\"]{{8,120}}?)[,.!?]?[”\"],?\s+(?:[\w’'.-]+\s+){{0,6}}?{name}\b"
    )
    return said, quoted


#: the fewest words after a reporting verb that tell what was said
STATEMENT_MIN_WORDS = 3


def _what_was_said(who: str, texts: list[str]) -> str | None:
    """A statement's title from what a passage says the person said ("Johnson says he would not
    bring the bill to a vote quickly", 'Sánchez: “We will not leave anyone behind”'), from the
    shortest passage that tells it; None when none does."""
    said, quoted = _said_patterns(who)
    for t in sorted(texts, key=len):
        t = " ".join(t.split())
        m = said.search(t)
        # a word or two after the verb tell when or how, not what ('“…,” Trump said Monday.')
        if m and len((what := m["what"].rstrip(" ,;:")).split()) >= STATEMENT_MIN_WORDS:
            return f"{who} {_statement_verbs()[m['verb']]} {what}"
        m = quoted.match(t)
        if m:
            return f"{who}: “{m['q'].strip()}”"
    return None


def _using(rule: dict, texts: list[str]) -> list[str]:
    """The passages in which a rule's event words occur (as ``_rules_by_use`` counts them)."""
    pattern = next(pat for r, pat in _rule_patterns() if r is rule)
    not_words = _not_event_words()
    return [t for t in texts if pattern.search(not_words.sub(" ", fold(t)))]


@cache
def _rule_words() -> tuple[dict[str, tuple[int, ...]], dict[int, frozenset[str]], frozenset[str]]:
    """How ``_rule_counts`` counts: the single words the rules of ``_rule_patterns`` list (word ->
    the rules listing it), the first words of each rule's phrases ("held" of "held talks"), and all
    these words. Folded text is words of letters and digits between spaces, so a rule's pattern
    ``\b(?:w1|w2|...)\b`` matches exactly the text's words it lists, as long as none of its phrases
    can match: none begins with a word of the text."""
    by_word: dict[str, list[int]] = {}
    phrase_firsts: dict[int, frozenset[str]] = {}
    for i, (rule, _pat) in enumerate(_rule_patterns()):
        forms = {fold(str(w)) for w in rule["match"]}
        for f in forms:
            if f.isalnum():
                by_word.setdefault(f, []).append(i)
        firsts = {f.split()[0] if f.split() else "" for f in forms if not f.isalnum()}
        if firsts:
            phrase_firsts[i] = frozenset(firsts)
    vocabulary = frozenset(by_word) | frozenset().union(*phrase_firsts.values())
    return {w: tuple(ids) for w, ids in by_word.items()}, phrase_firsts, vocabulary


def _rule_counts(joined: str) -> list[int]:
    """``len(pattern.findall(joined))`` for each rule of ``_rule_patterns``, on folded text: from
    the counts of the words it lists, or with its pattern when one of its phrases could match."""
    by_word, phrase_firsts, vocabulary = _rule_words()
    words = Counter(filter(vocabulary.__contains__, joined.split()))
    counts = [0] * len(_rule_patterns())
    for w, n in words.items():
        for i in by_word.get(w, ()):
            counts[i] += n
    for i, firsts in phrase_firsts.items():
        if "" in firsts or not words.keys().isdisjoint(firsts):
            counts[i] = len(_rule_patterns()[i][1].findall(joined))
    return counts


@cache
def _not_event_words() -> re.Pattern[str]:
    """The phrases of events.yaml not_event_words, on folded text ("signs of life"), and the words
    not_yet_words puts after the passage's time ("the upcoming presidential debates")."""
    not_yet = "|".join(re.escape(fold(str(w))) for w in tables()["not_yet_words"])
    return re.compile(
        r"\b(?:"
        + "|".join(re.escape(fold(str(w))) for w in tables()["not_event_words"])
        + rf"|(?:{not_yet})(?:\s+[\w-]+){{1,2}}"
        + r")\b"
    )


def _rules_by_use(texts: list[str]) -> list[dict]:
    """The event-word rules the passages use, the one to title with first: the most used, where the
    first rule (in table order) used by every passage (and at least twice) wins at once; then the
    others, most used first."""
    joined = _not_event_words().sub(" ", " ".join(fold(t) for t in texts[:30]))
    uses = _rule_counts(joined)
    counts = [(uses[i], i, rule) for i, (rule, _pat) in enumerate(_rule_patterns())]
    best: tuple[int, int, dict] | None = None
    for c in counts:
        if best is None or c[0] > best[0]:
            best = c
            if c[0] >= max(2, len(texts)):
                break
    if best is None or best[0] == 0:
        return []
    rest = sorted((c for c in counts if c[0] > 0 and c[1] != best[1]), key=lambda c: (-c[0], c[1]))
    return [best[2]] + [c[2] for c in rest]


#: a list item's marker at the start of a passage ("- The council will meet", "2. Repairs"), or the
#: time that heads an entry of a live page ("08:40 GMT The Met Office's red warning …")
_LIST_MARKER = re.compile(r"^(?:[-–—•+]|\d{1,2}[.)]|\d{1,2}[:.]\d\d(?:\s*[A-Z]{2,4})?(?=\s+[A-Z]))\s+")


def _trim(text: str) -> str:
    text = re.sub(r"[*_]+", "", " ".join(text.split()))
    return _LIST_MARKER.sub("", text.lstrip()).rstrip(".")


#: a period (or comma) closing a title inside its closing quote: 'had shown "remarkable resilience."'
_END_IN_QUOTE = re.compile(r"[.,;](?=[\"”’']+$)")


#: a tokenised text's marks (Penn Treebank style: "-LRB- 1925 GMT -RRB-", "`` effectively dead ''",
#: "BP 's"), written back as prose for a title (the evidence keeps the text as written)
_PTB_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_TOKEN = re.compile(r"-[LR][RSC]B-")
_PTB_SPACES = [
    (re.compile(r"``\s*"), "“"),
    # '' opening a word is an opening mark (''It's anti-reform,'' as some papers write), else closing
    (re.compile(r"(?:^|(?<=[\s(\[]))''(?=\S)"), "“"),
    (re.compile(r"\s*''"), "”"),
    (re.compile(r"([(\[{])\s+"), r"\1"),
    (re.compile(r"\s+([)\]}])"), r"\1"),
    (re.compile(r"\s+([,.;:!?%]|'s\b|’s\b|n't\b)"), r"\1"),
    (re.compile(r"([$£€])\s+(?=\d)"), r"\1"),
]


#: what only a tokenised text writes
_PTB_TELLTALE = re.compile(r"-[LR][RSC]B-|``|''| [,;:](?: |$)| 's\b| n't\b")


def _detokenised(title: str) -> str:
    if _PTB_TELLTALE.search(title) is None:
        return title
    title = _PTB_TOKEN.sub(lambda m: _PTB_TOKENS.get(m.group(), m.group()), title)
    for pattern, repl in _PTB_SPACES:
        title = pattern.sub(repl, title)
    return title


def _fit(title: str) -> str:
    title = _END_IN_QUOTE.sub("", _detokenised(" ".join(title.split())))
    if len(title) <= MAX_LEN:
        return title
    cut = title[: MAX_LEN - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
