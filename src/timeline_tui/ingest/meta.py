"""Metadata cues in article text: publication labels, datelines, agency credits, URLs, signatures,
bylines, headline dates. The patterns are data (rules/meta.yaml); this module applies them.

Every value carries the basis it was found on and the span of its cue. Nothing is guessed: a dateline
without a year gets one only from another full date in the same text; an outlet is named only when the
text (or the configured outlet table) names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from ..config import Config
from ..model import MetaField
from ..rules import load_rules
from ..util.names import fold
from ..util.regex import line_start_matches
from ..util.yamlio import safe_load

HEAD = 3000
TAIL = 3000


@dataclass(frozen=True, slots=True)
class _Rules:
    date: re.Pattern[str]
    label_date: re.Pattern[str]
    date_line: re.Pattern[str]
    date_line_reach: int
    dateline: re.Pattern[str]
    credit: re.Pattern[str]
    url: re.Pattern[str]
    signature: re.Pattern[str]
    not_outlet: re.Pattern[str]
    meta_line: re.Pattern[str]
    path_date: re.Pattern[str]
    months: dict[str, int]
    initials_skip: frozenset[str]
    #: title words that start no outlet's name ("President Ali Khamenei" spells no "PAK")
    initials_not: frozenset[str]
    #: the part of a byline after the name: job words dropped from its end, outlet words
    byline_jobs: frozenset[str]
    byline_outlet_words: frozenset[str]


@cache
def rules() -> _Rules:
    cal = load_rules("calendar")
    meta = load_rules("meta")
    months: dict[str, int] = {str(k): int(v) for k, v in cal["months"].items()}
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    weekday_alt = "|".join(sorted((re.escape(w) for w in cal["weekdays"]), key=len, reverse=True))

    def fill(p: str) -> str:
        return p.replace("{MONTH}", f"(?i:{month_alt})").replace("{WEEKDAY}", f"(?i:{weekday_alt})")

    forms = [
        fill(f).replace("{TIME}", meta["time"]).replace("{TIME_FIRST}", meta["time_first"])
        for f in meta["date_forms"]
    ]
    # one alternation; group names repeat, so number each form's groups
    numbered = []
    for i, f in enumerate(forms):
        numbered.append(re.sub(r"\(\?P<(\w+)>", lambda m, i=i: f"(?P<{m.group(1)}{i}>", f))
    date_alt = "|".join(f"(?:{f})" for f in numbered)
    flags = re.IGNORECASE
    return _Rules(
        date=re.compile(date_alt, flags),
        label_date=re.compile(
            r"(?im)^[ \t*_#>]*(?P<label>" + meta["published_labels"] + r")(?P<date>" + date_alt + ")"
        ),
        date_line=re.compile(fill(meta["date_line"]).replace("{DATE}", date_alt), flags),
        date_line_reach=int(meta["date_line_reach"]),
        dateline=re.compile(fill(meta["dateline"])),
        credit=re.compile(meta["credit"]),
        url=re.compile(meta["url"]),
        signature=re.compile(meta["signature"]),
        not_outlet=re.compile(meta["not_outlet"]),
        meta_line=re.compile(meta["meta_lines"]),
        path_date=re.compile(meta["path_date"]),
        months=months,
        initials_skip=frozenset(meta["initials_skip"]),
        initials_not=frozenset(str(w).lower() for w in meta["initials_not"]),
        byline_jobs=frozenset(str(w).lower() for w in meta["byline_jobs"]),
        byline_outlet_words=frozenset(str(w).lower() for w in meta["byline_outlet_words"]),
    )


def _group(m: re.Match[str], name: str) -> str | None:
    for key, value in m.groupdict().items():
        if value is not None and key.rstrip("0123456789") == name:
            return value
    return None


def date_from_match(m: re.Match[str], months: dict[str, int]) -> str | None:
    """ "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" from a match of the date forms, None if not a real date."""
    year, day = _group(m, "year"), _group(m, "day")
    mon = _group(m, "mon")
    month_name = _group(m, "month")
    if year is None or day is None:
        return None
    month = int(mon) if mon else months.get(month_name.lower().rstrip(".")) if month_name else None
    if not month:
        return None
    if mon and month > 12 and int(day) <= 12:
        month, day = int(day), str(month)  # "20/03/2024": the day first
    try:
        d = date(int(year), month, int(day))
    except ValueError:
        return None
    hour, minute = _group(m, "hour"), _group(m, "minute")
    if hour is None or minute is None:
        return d.isoformat()
    h = int(hour)
    ampm = (_group(m, "ampm") or "").lower()
    if ampm and not 1 <= h <= 12:
        return d.isoformat()  # "13:15 pm" is no time
    if ampm == "p" and h < 12:
        h += 12
    elif ampm == "a" and h == 12:
        h = 0
    return f"{d.isoformat()}T{h:02d}:{minute}" if h < 24 else d.isoformat()


def parse_date(text: str) -> str | None:
    """A metadata date value (front matter, HTML metadata, config entries): our own forms first, then
    dateparser as a normaliser for other full-date formats ("2023/12/05", "5th of Dec. 2023")."""
    r = rules()
    m = r.date.search(text)
    if m:
        value = date_from_match(m, r.months)
        if value:
            return value
    return _dateparser_value(text.strip()[:80])


@cache
def _dateparser_value(text: str) -> str | None:
    """dateparser, only to normalise a value already known to be a date; a complete date is required
    (nothing is filled in from today), English only."""
    if not text or not any(ch.isdigit() for ch in text):
        return None
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date().isoformat() if parsed else None


def path_date(path: str) -> str | None:
    r = rules()
    for m in r.path_date.finditer(path):
        try:
            return date(int(m["year"]), int(m["mon"]), int(m["day"])).isoformat()
        except ValueError:
            continue
    return None


# ------------------------------------------------------------------------------------------ outlets


def _config_outlet(name: str, config: Config) -> str | None:
    key = fold(name)
    for o in config.outlets:
        if key == fold(o.name) or any(key == fold(a) for a in o.abbreviations):
            return o.name
    return None


def _domain_outlet(host: str, config: Config) -> str | None:
    host = host.lower()
    for o in config.outlets:
        for d in o.domains:
            if host == d or host.endswith("." + d):
                return o.name
    return None


_WORD = re.compile(r"[A-Za-z][a-z'’]*|&")


def expand_abbreviation(
    abbr: str, text: str, skip: frozenset[str], not_words: frozenset[str]
) -> tuple[str, int, int] | None:
    """A capitalised phrase whose initials spell ``abbr`` ("Radio Habana Cuba" for RHC), with its span,
    in the first 20,000 characters. Words are runs of ``_WORD``; a phrase's words are separated by
    nothing, a space or a hyphen; ``skip`` words ("of", "the") may sit between them, ``not_words``
    ("president") start none of them."""
    letters = [c for c in abbr.upper() if c.isalpha()]
    if len(letters) < 2 or len(letters) > 8:
        return None
    head = text[:20000]
    # the phrase starts with a word whose first letter is the (upper-case) initial: every occurrence
    # of that letter starts a word, since a word continues in lower case only; the words after it
    # are read one by one, not the whole head tokenised
    start = head.find(letters[0])
    while start != -1:
        k, last, pos = 0, None, start
        while k < len(letters):
            m = _WORD.match(head, pos)
            if m is None:
                break
            tok = m.group()
            if tok.lower() in skip and k > 0:
                last = m
            elif tok[0] != letters[k] or len(tok) < 2 or tok.lower() in not_words:
                break
            else:
                k += 1
                last = m
            # the next word: right after this one, or after one space or hyphen
            pos = m.end()
            if pos < len(head) and head[pos] in " -":
                pos += 1
        if k == len(letters) and last is not None:
            return head[start : last.end()], start, last.end()
        start = head.find(letters[0], start + 1)
    return None


def _initials_match(phrase: str, abbr: str, skip: frozenset[str]) -> bool:
    words = [t for t in _WORD.findall(phrase) if t.lower() not in skip]
    return len(words) >= 2 and "".join(t[0] for t in words).upper() == abbr.upper().replace(".", "")


@dataclass(slots=True)
class TextCues:
    published: MetaField
    outlet: MetaField
    origin: MetaField
    url: MetaField
    title: MetaField
    author: MetaField


def _field(value: str | None, basis: str, start: int = 0, end: int = 0) -> MetaField:
    return MetaField(value=value, basis=basis, start=start, end=end) if value else MetaField()


def _quote(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return f"'{s[:limit]}…'" if len(s) > limit else f"'{s}'"


#: a byline on a line of its own: "By Jane Doe"
_BYLINE = re.compile(
    r"(?m)^[ \t*_]*By\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}?)"
    r"(?:\s*(?:,|\||—|–|\s-)\s*(?P<rest>[^\n]{1,60}?))?[ \t*_]*\r?$"  # "By Jane Doe, BBC Mundo", "By Jane Doe | Reuters"
)
_BYLINE_PART = re.compile(r"\s*(?:,|\||—|–|\s-\s)\s*")


def _byline_outlet(rest: str, config: Config, r: _Rules) -> str | None:
    """The outlet a byline names after the author ("By Sam Carter, BBC Sport", "By Jane Doe,
    Associated Press Writer", "By Ann Lee | Reuters"): its first part, without the job words it ends
    with, when that is a configured outlet, a name ending in an outlet word ("Sport", "Press",
    "Times") or one opening with an outlet's abbreviation ("BBC Mundo"); not a job ("Political
    Correspondent", "Staff Writer")."""
    part = _BYLINE_PART.split(rest.strip(" *_"), maxsplit=1)[0]
    words = part.split()
    while words and words[-1].lower().strip(".") in r.byline_jobs:
        words.pop()
    if (
        not words
        or len(words) > 5
        or not all(w[0].isupper() or w.lower() in ("of", "the", "&") for w in words)
    ):
        return None
    name = " ".join(words)
    known = _config_outlet(name, config)
    ow = r.byline_outlet_words
    if known or words[-1].lower().strip(".") in ow or (words[0].isupper() and words[0].lower() in ow):
        return known or name
    return None


def find_cues(text: str, config: Config, body_start: int = 0) -> TextCues:
    r = rules()
    head_end = min(len(text), body_start + HEAD)
    head = text[:head_end]
    tail_start = max(head_end, len(text) - TAIL)
    published = MetaField()
    outlet = MetaField()
    origin = MetaField()
    url = MetaField()
    author = MetaField()

    # URL (article link): prefer one on a line of its own, else the first
    urls = [m for m in r.url.finditer(head)] + [m for m in r.url.finditer(text, tail_start)]
    best_url = None
    url_alone = False  # the article's URL on a line of its own, as saved pages print it
    for m in urls:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" <>*_\t\r")
        if (line == m["url"] or best_url is None) and "/" in m["url"][8:].rstrip("/"):
            best_url = m
            if line == m["url"]:
                url_alone = True
                break
    if best_url is not None:
        url = _field(best_url["url"], "URL in the text", best_url.start("url"), best_url.end("url"))

    # 1. a publication label: "Publish date Tuesday 5 December 2023 - 15:26", "date 2023-12-05"
    m = next(line_start_matches(r.label_date, head, body_start), None)
    if m:
        value = date_from_match(m, r.months)
        if value:
            published = _field(
                value, f"publication label {_quote(m.group())}", m.start("label"), m.end("date")
            )
    if not published.value:
        # 1b. a date printed under the headline: "23 March 2024", "March 23, 2024 — The Senate ..."
        reach = min(head_end, body_start + r.date_line_reach)
        m = next(line_start_matches(r.date_line, text[:reach], body_start), None)
        if m:
            value = date_from_match(m, r.months)
            if value:
                published = _field(
                    value, f"date line {_quote(m.group('date'))}", m.start("date"), m.end("date")
                )

    # 2. datelines: "Tehran, December 5 (RHC)--", "Tehran (IP) -", "Afghan Voice Agency (AVA) -"
    dateline_abbr: str | None = None
    for m in line_start_matches(r.dateline, head, body_start):
        if r.not_outlet.search(m.group()):
            continue
        abbr = m["agency"]
        city = m["city"].strip()
        dateline_abbr = abbr
        cue = _quote(m.group().strip(" *_"))
        name = _config_outlet(abbr, config)
        how = f"dateline {cue}"
        if name is None and _initials_match(city, abbr, r.initials_skip):
            name, how = city, f"agency credit {cue}"
        if name is None:
            exp = expand_abbreviation(abbr, text, r.initials_skip, r.initials_not)
            if exp is not None:
                name = exp[0]
                how = f"dateline {cue}, {abbr} spelled out as {_quote(exp[0])} in the text"
        if name is None:
            name = abbr
        elif _config_outlet(abbr, config) is None and _config_outlet(name, config):
            name = _config_outlet(name, config)
        outlet = _field(name, how, m.start(), m.end())
        if not published.value and m["month"] and m["day"]:
            published = _dateline_date(m, text, r, cue) or published
        break

    # 3. URL domain through the configured outlet table
    if not outlet.value and url.value and best_url is not None:
        name = _domain_outlet(best_url["host"], config)
        if name:
            outlet = _field(name, f"URL domain {best_url['host']}", url.start, url.end)

    # 4. a signature line at the end ("**Radio Habana Cuba**"), when something else confirms it
    if not outlet.value:
        for m in line_start_matches(r.signature, text, tail_start):
            name = m["name"]
            confirmed = _config_outlet(name, config) or (
                name if dateline_abbr and _initials_match(name, dateline_abbr, r.initials_skip) else None
            )
            if confirmed:
                outlet = _field(confirmed, f"signature line {_quote(m.group().strip())}", m.start(), m.end())

    # 4b. the byline's outlet: "By Sam Carter, BBC Sport"
    byline = next(line_start_matches(_BYLINE, head), None)
    if not outlet.value and byline is not None and byline["rest"]:
        name = _byline_outlet(byline["rest"], config, r)
        if name:
            outlet = _field(
                name,
                f"byline {_quote(byline.group().strip(' *_'))}",
                byline.start("rest"),
                byline.end("rest"),
            )

    # 5. no configured outlet has the URL's domain, and nothing else names one: the site itself
    # names the outlet ("example.com")
    if not outlet.value and url_alone and best_url is not None:
        host = best_url["host"].lower().removeprefix("www.")
        outlet = _field(host, f"URL domain {best_url['host']} (no configured outlet)", url.start, url.end)

    # agency credit at the end of the story: the original publisher of republished copy
    for m in r.credit.finditer(text, tail_start):
        agency = m["agency"]
        name = _config_outlet(agency, config) or agency
        if not outlet.value:
            outlet = _field(
                name, f"agency credit {_quote('/' + agency)}", m.start("agency") - 1, m.end("agency")
            )
        elif fold(name) != fold(outlet.value or ""):
            origin = _field(
                name,
                f"agency credit {_quote('/' + agency)} (republished copy)",
                m.start("agency") - 1,
                m.end("agency"),
            )

    # 5. a date in the URL path
    if not published.value and best_url is not None:
        d = path_date(best_url["url"])
        if d:
            published = _field(d, f"date in the URL {_quote(best_url['url'], 80)}", url.start, url.end)

    title = _title(text, body_start, r)
    if not published.value and title.value:
        m = r.date.search(title.value)
        if m and m.end() >= len(title.value) - 3:
            value = date_from_match(m, r.months)
            if value:
                published = _field(value, f"date in the headline {_quote(m.group())}", title.start, title.end)

    m = byline
    if m:
        name, end = m["name"], m.end("name")
        if outlet.value and name.lower().endswith(" " + outlet.value.lower()):
            name = name[: -len(outlet.value) - 1]  # "By MARIA SANCHEZ Associated Press"
            end = m.start("name") + len(name)
        if len(name.split()) <= 4:
            if name.isupper():
                name = " ".join(w.capitalize() for w in name.split())  # "MARIA SANCHEZ" -> "Maria Sanchez"
            author = _field(name, "byline", m.start("name"), end)
    return TextCues(published=published, outlet=outlet, origin=origin, url=url, title=title, author=author)


def _dateline_date(m: re.Match[str], text: str, r: _Rules, cue: str) -> MetaField | None:
    """Month and day from a dateline; the year from an explicit year, else from the nearest full date
    in the text (a dateline never gets an invented year)."""
    month = r.months.get(m["month"].lower().rstrip("."))
    day = int(m["day"])
    if not month:
        return None
    if m["year"]:
        try:
            return _field(date(int(m["year"]), month, day).isoformat(), f"dateline {cue}", m.start(), m.end())
        except ValueError:
            return None
    nearest: tuple[int, str, str] | None = None
    for dm in r.date.finditer(text[: m.end() + HEAD]):
        full = date_from_match(dm, r.months)
        if full is None:
            continue
        dist = abs(dm.start() - m.start())
        if nearest is None or dist < nearest[0]:
            nearest = (dist, full, dm.group())
    if nearest is None:
        try:
            date(2000, month, day)  # a leap year: 29 February is a day
        except ValueError:
            return None
        # the month and day are kept for the events stage, which may find the year in other sources
        return MetaField(
            basis=f"dateline {cue} gives the month and day, no year",
            start=m.start(),
            end=m.end(),
            partial=f"--{month:02d}-{day:02d}",
        )
    ref = date.fromisoformat(nearest[1][:10])
    year = ref.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    # a dateline is the day of publication, on or shortly after the events it reports
    if (ref - candidate).days > 182:
        year += 1
    elif (candidate - ref).days > 182:
        year -= 1
    try:
        value = date(year, month, day).isoformat()
    except ValueError:
        return None
    return _field(value, f"dateline {cue}, year from {_quote(nearest[2])}", m.start(), m.end())


_MD = re.compile(r"^[#>\s]*|[*_`]+|\s+$")


def _title(text: str, body_start: int, r: _Rules) -> MetaField:
    """The headline: the first line that is not metadata, joined with markdown continuation lines."""
    pos = body_start
    n = len(text)
    checked = 0
    while pos < n and checked < 12:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end]
        stripped = line.strip(" \t\r*_#>")
        if not stripped or set(stripped) <= set("-=*_ "):
            pos = end + 1
            continue
        checked += 1
        if r.meta_line.match(stripped) or re.fullmatch(r"[\d\W]+", stripped):
            label = r.label_date.match(line)
            if label and len(line) - label.end() > 80:
                return MetaField()  # "date 2023-12-05 Ayatollah Khamenei made ...": the story starts
            pos = end + 1
            continue
        if r.dateline.match(line) or len(stripped) > 220 or (stripped.endswith(".") and len(stripped) > 100):
            return MetaField()  # the story starts at once: no headline
        start, stop = pos, end
        # markdown hard breaks / unclosed emphasis continue the headline on the next lines
        while (text[start:stop].rstrip("\r").endswith("  ") or text[start:stop].count("*") % 2) and stop < n:
            nxt = text.find("\n", stop + 1)
            nxt = n if nxt < 0 else nxt
            if not text[stop + 1 : nxt].strip():
                break
            stop = nxt
        raw = text[start:stop]
        value = " ".join(_MD.sub("", part).strip(" *_") for part in raw.splitlines())
        value = " ".join(value.split()).strip(" *_")
        if not value:
            return MetaField()
        lead = len(raw) - len(raw.lstrip(" \t*_#>"))
        return MetaField(value=value, basis="first line of the text", start=start + lead, end=stop)
    return MetaField()


_PLAIN_FRONT_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*")


def _plain_front_matter(block: str) -> dict[str, Any] | None:
    """Front matter that is not valid YAML read as plain ``key: value`` lines (a value keeps every
    colon after the first; quotes around it go), when every line but blank and comment ones is one;
    else None."""
    out: dict[str, Any] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _PLAIN_FRONT_LINE.fullmatch(line)
        if m is None:
            return None
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        out[m.group(1)] = value or None
    return out or None


def front_matter(text: str) -> tuple[dict[str, Any] | None, int, str | None]:
    """(data, body_start, problem) for YAML front matter at the very top (``---`` ... ``---``)."""
    import yaml

    m = re.match(r"---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", text, re.S | re.M)
    if not m:
        return None, 0, None
    try:
        data = safe_load(m.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 2}" if mark is not None else ""
        problem = f"broken front matter{where}: {getattr(e, 'problem', None) or 'malformed YAML'}"
        plain = _plain_front_matter(m.group(1))
        if plain is None:
            return None, m.end(), problem
        # "title: Shutdown averted: live updates": YAML refuses the second colon, people write it
        return plain, m.end(), f"{problem}; read as plain 'key: value' lines"
    if data is None:
        return None, m.end(), None
    if not isinstance(data, dict):
        return None, 0, None  # a markdown rule, not front matter
    return data, m.end(), None
