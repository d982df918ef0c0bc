"""The tagger's patterns, built once from the word tables (rules/calendar.yaml, rules/time.yaml).

Each pattern has a name; the engine (engine.py) has one normaliser per name, as HeidelTime separates
its pattern files from its normalisation functions. Patterns mark the TIMEX3 extent with the named
group ``x`` when the match carries context that is not part of the expression (a leading "on").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...rules import load_rules
from ...util import regex_store
from ...util.regex import word_alternation


def _alt(words: list[str] | set[str], *, dot: bool = False) -> str:
    """Any of ``words``, longest first (a space matches any white space, an apostrophe either
    apostrophe), as a regex trie; with ``dot``, abbreviations of up to four letters may take a dot."""
    return word_alternation(
        words, suffix=lambda w: r"\.?" if dot and len(w) <= 4 else "", atoms={"'": "['’]"}
    )


@dataclass(frozen=True, slots=True)
class Tables:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    tens: list[str]
    spoken_centuries: dict[str, int]
    vague: frozenset[str]
    ordinals: dict[str, int]
    #: the word before "half" -> the half-year it names; those of ``halves_with_year`` only before
    #: "of" and a year
    halves: dict[str, int]
    halves_with_year: dict[str, int]
    decade_words: dict[str, int]
    units: dict[str, tuple[str, str]]
    relative: dict[str, int]
    offsets: dict[str, tuple[int, str]]
    day_words: dict[str, int]
    day_parts: dict[str, str]
    seasons: dict[str, str]
    #: [month, day], [month, weekday, n-th] or [0, days from Easter Sunday]
    holidays: dict[str, list[int]]
    #: (month, day) -> the famous events of that day: (year, name, words that name it after the day)
    named_days: dict[tuple[int, int], list[tuple[int, str, frozenset[str]]]]
    #: the numbers that name a famous day alone ("9/11") -> (year, month, day, the event's name)
    short_days: dict[str, tuple[int, int, int, str]]
    #: words after a holiday's name that make it a name ("Christmas Island")
    not_holiday_before: frozenset[str]
    date_mods: dict[str, str]
    duration_mods: dict[str, str]
    present_ref: frozenset[str]
    vague_durations: dict[str, str]
    adjectival: frozenset[str]
    not_nouns: frozenset[str]
    past_ref: frozenset[str]
    future_ref: frozenset[str]
    set_words: dict[str, str]
    count_nouns: frozenset[str]
    count_suffix: re.Pattern[str]
    live_page_days: int
    future_markers: re.Pattern[str]
    #: words after which a future marker in -ing tells what goes on, no plan ("have begun arriving")
    ongoing_before: frozenset[str]
    #: things named after a holiday ("Christmas trees")
    holiday_things: frozenset[str]
    #: future markers that are bare verbs ("arrive"): after "to", a past tense before them wins
    bare_future_verbs: frozenset[str]
    #: season word -> the words after which it is a noun ("the fall in the value")
    season_nouns_before: dict[str, frozenset[str]]
    past_markers: re.Pattern[str]
    #: both in one pattern, for one scan instead of two: a future marker (group ``f``) is tried
    #: first, then a past one (group ``ed`` for a word in -ed). Where the two would overlap ("expected"
    #: both, "held" in "to be held"), the past one is no past tense anyway (Context._past)
    tense_markers: re.Pattern[str]
    not_past_ed: frozenset[str]
    ed_adjective_after: frozenset[str]
    year_ago_quarter: re.Pattern[str]
    month_preceders: frozenset[str]
    month_determiners: frozenset[str]
    months_not_after_possessive: frozenset[str]
    #: a second day of the month after a date ("April 24 and 25"), and before one ("10-12 March",
    #: "the 14th and 15th of July"): rules/time.yaml day_joiners; group "d" the day, "j" the joiner
    day_after: re.Pattern[str]
    day_before: re.Pattern[str]
    #: a day of another month after a dash ("April 30-May 1", "Dec. 30 – Jan. 2, 2024"): groups
    #: "mon", "d" and "y" (the dash keeps the candidate search from starting there)
    month_day_after: re.Pattern[str]
    day_followers: frozenset[str]
    #: the words before "last" that make it the verb ("expected to last four days"), ending a text:
    #: rules/time.yaml last_verb_after
    last_verb_before: re.Pattern[str]
    #: a starting point's preposition ending a text ("travelling from "): rules/time.yaml
    #: start_prepositions
    start_before: re.Pattern[str]
    effect_before: re.Pattern[str]
    #: a deadline's preposition ending a text ("until "): rules/time.yaml deadline_prepositions
    deadline_before: re.Pattern[str]
    year_preceders: frozenset[str]
    time_zones: tuple[str, ...]
    #: the words before a bare 24-hour time ("at 11:00") that make it one
    clock_preceders: frozenset[str]
    #: a joining word and a 24-hour time in a zone, right after a four-digit number ("1500 & 1930GMT")
    clock_pair_after: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Patterns:
    tables: Tables
    #: (name, compiled pattern) in priority order (earlier wins a tie in length)
    items: tuple[tuple[str, re.Pattern[str]], ...]
    number: re.Pattern[str]
    #: any token some pattern needs: sentences without one are skipped
    trigger: re.Pattern[str]
    #: lower-case word -> bitmask of trigger classes; "digit" (a spoken number) is bit 0
    word_classes: dict[str, int]
    #: the class of a four-digit run that can be a year (1500-2099), as the year patterns read them,
    #: and of a two-digit run ending in 0 (the decade of "the '90s")
    year_bit: int
    tens_bit: int
    #: a four-digit year ending in 0 ("the 1990s"): the trigger of decades
    decade_year_bit: int
    #: the trigger class of one or two digits before a colon and two more ("11:00")
    colon_bit: int
    #: the trigger class of one or two digits before a slash: a famous day's short form ("9/11")
    slash_bit: int
    #: per pattern (same order as items): the classes one of which must occur near a match
    needs: tuple[int, ...]


def _named_days(
    rows: list[dict[str, object]],
) -> dict[tuple[int, int], list[tuple[int, str, frozenset[str]]]]:
    out: dict[tuple[int, int], list[tuple[int, str, frozenset[str]]]] = {}
    for row in rows:
        key = (int(row["month"]), int(row["day"]))  # type: ignore[call-overload]
        words = frozenset(str(w).lower() for w in row["words"])  # type: ignore[attr-defined]
        out.setdefault(key, []).append((int(row["year"]), str(row["name"]), words))  # type: ignore[call-overload]
    return out


@cache
def tables() -> Tables:
    cal = load_rules("calendar")
    t = load_rules("time")
    norm = lambda s: " ".join(str(s).lower().split())  # noqa: E731
    future = _alt([norm(x) for x in t["future_markers"]])
    past = r"(?:" + _alt([norm(x) for x in t["past_markers"]]) + r"|(?P<ed>[a-z]{2,}ed))(?![\w'-])"
    return Tables(
        months={norm(k): int(v) for k, v in cal["months"].items()},
        weekdays={norm(k): int(v) for k, v in cal["weekdays"].items()},
        numbers={norm(k): float(v) for k, v in t["numbers"].items()},
        tens=[norm(x) for x in t["tens"]],
        spoken_centuries={norm(k): int(v) for k, v in t["spoken_centuries"].items()},
        vague=frozenset(norm(x) for x in t["vague_numbers"]),
        ordinals={norm(k): int(v) for k, v in t["ordinals"].items()},
        halves={norm(k): int(v) for k, v in t["halves"].items()},
        halves_with_year={norm(k): int(v) for k, v in t["halves_with_year"].items()},
        decade_words={norm(k): int(v) for k, v in t["decade_words"].items()},
        units={norm(k): (str(v[0]), str(v[1])) for k, v in t["units"].items()},
        relative={norm(k): int(v) for k, v in t["relative_words"].items()},
        offsets={norm(k): (int(v[0]), str(v[1])) for k, v in t["offset_words"].items()},
        day_words={norm(k): int(v) for k, v in t["day_words"].items()},
        day_parts={norm(k): str(v) for k, v in t["day_parts"].items()},
        seasons={norm(k): str(v) for k, v in t["seasons"].items()},
        # [easter, days] is kept as [0, days]: month 0, counted from Easter Sunday
        holidays={norm(k): [0 if x == "easter" else int(x) for x in v] for k, v in t["holidays"].items()},
        not_holiday_before=frozenset(norm(x) for x in t["not_holiday_before"]),
        named_days=_named_days(t["named_days"]),
        short_days={
            str(r["short"]): (int(r["year"]), int(r["month"]), int(r["day"]), str(r["name"]))
            for r in t["named_days"]
            if r.get("short")
        },
        date_mods={norm(k): str(v) for k, v in t["date_mods"].items()},
        duration_mods={norm(k): str(v) for k, v in t["duration_mods"].items()},
        present_ref=frozenset(norm(x) for x in t["present_ref"]),
        vague_durations={norm(k): str(v) for k, v in t["vague_durations"].items()},
        adjectival=frozenset(norm(x) for x in t["adjectival"]),
        not_nouns=frozenset(norm(x) for x in t["not_nouns"]),
        past_ref=frozenset(norm(x) for x in t["past_ref"]),
        future_ref=frozenset(norm(x) for x in t["future_ref"]),
        set_words={norm(k): str(v) for k, v in t["set_words"].items()},
        count_nouns=frozenset(norm(x) for x in t["count_nouns"]),
        live_page_days=int(t["live_page_days"]),
        # a suffix not followed by another number ("2009 + 2010" adds years)
        count_suffix=re.compile("(?:" + _alt([str(x) for x in t["count_suffixes"]]) + r")(?!\s*\d)"),
        future_markers=re.compile(r"(?<![\w'])" + future + r"(?!\w)", re.I),
        ongoing_before=frozenset(norm(x) for x in t["ongoing_before"]),
        bare_future_verbs=frozenset(norm(x) for x in t["bare_future_verbs"]),
        holiday_things=frozenset(norm(x) for x in t["holiday_things"]),
        season_nouns_before={
            norm(k): frozenset(norm(x) for x in v) for k, v in t["season_nouns_before"].items()
        },
        past_markers=re.compile(r"(?<![\w'])" + past, re.I),
        tense_markers=re.compile(r"(?<![\w'])(?:(?P<f>" + future + r")(?!\w)|" + past + ")", re.I),
        not_past_ed=frozenset(norm(x) for x in t["not_past_ed"]),
        ed_adjective_after=frozenset(norm(x) for x in t["ed_adjective_after"]),
        year_ago_quarter=re.compile(_alt([norm(x) for x in t["year_ago_quarter"]])),
        month_preceders=frozenset(norm(x) for x in t["month_preceders"]),
        month_determiners=frozenset(norm(x) for x in t["month_determiners"]),
        months_not_after_possessive=frozenset(norm(x) for x in t["months_not_after_possessive"]),
        day_after=re.compile(
            r"[ \t]*(?P<j>" + _alt([norm(x) for x in t["day_joiners"]]) + r")[ \t]*(?:the[ \t]+)?"
            r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y>1[5-9]\d\d|20\d\d)\b)?(?![\w/:.,]\d|[-–]\d|\w)"
        ),
        day_before=re.compile(
            r"(?<![\w$£€#@/.,-])(?:the[ \t]+)?(?P<d>[0-3]?\d(?:st|nd|rd|th)?)[ \t]*(?P<j>"
            + _alt([norm(x) for x in t["day_joiners"]])
            + r")[ \t]*(?:the[ \t]+)?$"
        ),
        month_day_after=re.compile(
            r"[ \t]*[-–][ \t]*(?P<mon>"
            + _alt([norm(k) for k in cal["months"]])
            + r")\.?[ \t]+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y>1[5-9]\d\d|20\d\d))?(?![\w/:.,]\d|[-–]\d|\w)",
            re.I,
        ),
        day_followers=frozenset(norm(x) for x in t["day_followers"]),
        last_verb_before=re.compile(
            r"(?:(?<![\w'’])"
            + _alt([norm(x) for x in t["last_verb_after"] if str(x)[0] not in "'’"])
            + r"|['’]ll)\s+$",
            re.I,
        ),
        start_before=re.compile(
            r"\b(?:" + _alt([norm(x) for x in t["start_prepositions"]]) + r")\s+(?:on\s+)?$", re.I
        ),
        effect_before=re.compile(
            r"\b(?:" + _alt([norm(x) for x in t["effect_prepositions"]]) + r")\s+$", re.I
        ),
        deadline_before=re.compile(
            r"\b(?:" + _alt([norm(x) for x in t["deadline_prepositions"]]).replace(" ", r"\s+") + r")\s+$",
            re.I,
        ),
        time_zones=tuple(str(x) for x in t["time_zones"]),
        clock_preceders=frozenset(norm(x) for x in t["clock_preceders"]),
        clock_pair_after=re.compile(
            r"\s*(?:" + "|".join(re.escape(str(j)) for j in t["clock_joiners"]) + r")\s*"
            r"(?:[01]\d|2[0-3])[:.]?[0-5]\d\s*(?:"
            + "|".join(str(z) for z in t["time_zones"])
            + r")(?![A-Za-z])"
        ),
        year_preceders=frozenset(norm(x) for x in t["year_preceders"]),
    )


@cache
def patterns() -> Patterns:
    tb = tables()
    full_months = [m for m in tb.months if len(m) > 3 or m == "may"]
    abbr_months = [m for m in tb.months if len(m) <= 4 and m not in ("may", "june", "july")]
    month = "(?:" + _alt(full_months) + "|" + _alt(abbr_months) + r"\.?)"
    full_weekdays = [w for w in tb.weekdays if len(w) > 4]
    weekday_any = "(?:" + _alt(full_weekdays) + "|" + _alt([w for w in tb.weekdays if len(w) <= 4]) + r"\.?)"
    weekday = _alt(full_weekdays)
    small = [k for k, v in tb.numbers.items() if v < 10 and k not in ("a", "an", "half")]
    word_num = (
        "(?:"
        + _alt(tb.tens)
        + r"(?:[\s-]"
        + _alt(small)
        + ")?|"
        + _alt([k for k in tb.numbers if k not in ("a", "an")])
        + ")"
    )
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    num = f"(?:(?:{digits}|{word_num})(?:\\s+and\\s+a\\s+half|\\s+1/2)?|\\d+½|an?|{_alt(tb.vague)})"
    units = _alt(list(tb.units))
    sing_units = _alt([u for u in tb.units if not u.endswith("s") or u == "hours"])
    ordinal = _alt(list(tb.ordinals))
    teens = [k for k, v in tb.numbers.items() if 10 <= v < 20 and float(v).is_integer()]
    units1 = [k for k in small if " " not in k]
    spoken_year = (
        r"(?:(?:"
        + _alt(list(tb.spoken_centuries))
        + r")[\s-]+(?:hundred|"
        + _alt(teens)
        + "|"
        + _alt(tb.tens)
        + r"(?:[\s-]"
        + _alt(units1)
        + r")?)|(?<=year\s)two\s+thousand(?:\s+and)?(?:\s+(?:"
        + _alt(units1 + teens)
        + r"))?)(?![\w-])"
    )
    year = r"(?:1[5-9]\d\d|20\d\d|" + spoken_year + ")"
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    # white space without a blank line: a time on the line after its date is its time, one after a
    # blank line ("Published 7 December 2024" and then "08:40 GMT", an entry of a live page) is not
    ws = r"(?:[ \t]|\r?\n(?![ \t]*\r?\n))*"
    time_hm = (
        r"(?:"
        + ws
        + r"(?:[-–,|@]|at)?"
        + ws
        + r"(?P<H>[0-2]?\d)[:.](?P<M>[0-5]\d)(?:\s*(?P<ap>[ap]\.?m\.?))?)?"
    )
    date_mod = _alt(
        ["early", "mid", "late", "the beginning of", "the start of", "the middle of", "the end of"]
    )
    rel = _alt(list(tb.relative))
    parts = _alt(list(tb.day_parts))
    seasons = _alt(list(tb.seasons))
    offset = _alt(list(tb.offsets))
    dmods = _alt(list(tb.duration_mods))
    holidays = _alt(list(tb.holidays))
    refs = _alt(list(tb.present_ref | tb.past_ref | tb.future_ref | set(tb.vague_durations)))
    set_words = _alt(list(tb.set_words))
    zones = "|".join(tb.time_zones)
    B = r"(?<![\w$£€#@/.-])"  # start boundary: not inside a word, number, amount, handle or path
    E = r"(?![\w])"

    # before a date's year: white space on its line, or one line break (a wrapped line), not a blank
    # line ("Wednesday 13 January", a heading, and "1614 A-cui from Beijing …", a live page's entry,
    # are no 13 January 1614). (No case-dependent class here: the patterns are also run lower-cased.)
    year_gap = r"(?:[ \t]*\r?\n(?![ \t]*\r?\n))?[ \t]*"
    # a month or day with its year told relative to publication: "June last year", "April 30 of last
    # year", "30 April this year"
    rel_year = r"(?:,?\s+(?:of\s+)?(?P<rely>last|this|next)\s+year\b)?"

    spec: list[tuple[str, str]] = [
        # 2023-12-04, 2023-12-04T15:26
        (
            "iso",
            B
            + r"(?P<y>"
            + year
            + r")-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d))?"
            + E,
        ),
        # Tuesday 5 December 2023 - 15:26, 04 December 2023, 4 /Dec/ 2023, 5th of May 2001
        (
            "dmy",
            B + r"(?:(?P<wd>" + weekday_any + r"),?\s+)?(?:the\s+)?(?P<d>" + day + r")(?:\s+of)?\s*/?\s*"
            r"(?P<mon>" + month + r")[ \t]*/?[ \t]*,?" + year_gap + r"(?P<y>" + year + r")" + E + time_hm,
        ),
        # December 4, 2023; Dec. 4; Friday, Sept. 30
        (
            "mdy",
            B
            + r"(?:(?P<rel>last|next|this)\s+)?(?:(?P<wd>"
            + weekday_any
            + r"),?\s+)?(?P<mon>"
            + month
            + r")\s+(?P<d>"
            + day
            + r")"
            + E
            + r"(?:,?(?=\s)"
            + year_gap
            + r"(?P<y>"
            + year
            + r")"
            + E
            + r")?"
            + rel_year
            + time_hm,
        ),
        # 4 December, the 4th of December, 30 April last year
        (
            "dm",
            B
            + r"(?:(?P<wd>"
            + weekday_any
            + r"),?\s+)?(?:the\s+)?(?P<d>"
            + day
            + r")(?:\s+of)?\s+(?P<mon>"
            + month
            + r")"
            + E
            + rel_year,
        ),
        # 12/04/2023 (US order)
        # 12/4/2023 (month first, as US news writes it), 13/3/2024 (a day past 12 first: day first)
        (
            "slash",
            B
            + r"(?:(?P<m>0?[1-9]|1[0-2])/(?P<d>[0-3]?\d)|(?P<d2>1[3-9]|2\d|3[01])/(?P<m2>0?[1-9]|1[0-2]))/(?P<y>"
            + year
            + r")"
            + E,
        ),
        # 9/11, 7/7: the numbers that name a famous day alone (time.yaml named_days ``short``)
        ("shortday", B + r"(?P<sd>" + "|".join(re.escape(k) for k in tb.short_days) + r")(?![\w/]|\.\d)"),
        # 20.03.2024: day, month and year with dots (the European order)
        (
            "dotted",
            B + r"(?P<d>[0-2]?\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>" + year + r")" + E + r"(?!\.\d)",
        ),
        # early December 2023, July 1997, December of 2023
        (
            "my",
            B
            + r"(?:(?P<mod>"
            + date_mod
            + r")[-\s]+)?(?P<mon>"
            + month
            + r"),?(?=\s)(?:"
            + year_gap
            + r"of\s+)?"
            + year_gap
            + r"(?P<y>"
            + year
            + r")"
            + E,
        ),
        # December, last November, early December, the end of March
        (
            "month",
            B
            + r"(?:(?P<mod>"
            + date_mod
            + r")[-\s]+|(?P<rel>last|this|next|past|coming)\s+)?(?P<mon>"
            + _alt(full_months)
            + "|"
            + _alt([m for m in abbr_months if m not in ("mar", "jun", "jul")])
            + r"\.)"
            + E
            + rel_year,
        ),
        # fiscal 1989, FY1990, fiscal year 1990
        (
            "fiscal",
            B
            + r"(?:(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<y>"
            + year
            + r"|'?\d\d)|the\s+(?P<rel>current|latest|last|previous|next|coming)\s+fiscal\s+year)"
            + E,
        ),
        # the 1990s, the '90s, the early 1980s, the sixties
        (
            "decade",
            B
            + r"(?:the\s+)?(?:(?P<mod>"
            + date_mod
            + r")[-\s]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0['’]?s|['’](?P<d2>\d)0s|"
            r"(?P<w>" + _alt(list(tb.decade_words)) + r"))" + E,
        ),
        # the 20th century, the nineteenth century
        (
            "century",
            B + r"(?:the\s+)?(?:(?P<mod>" + date_mod + r")[-\s]+)?(?P<ord>" + ordinal + r")[-\s]century" + E,
        ),
        # 1979, mid-1990, in the year 2000
        (
            "year",
            r"(?:"
            + B
            + r"|(?<=-)(?:(?<=\bpost-)|(?<=\bpre-))|(?<=\b\d{4}[-–]))"  # "2010-2011": the range's second
            + r"(?:(?:the\s+)?year\s+(?=\d|two\s+thousand))?(?:(?P<mod>"
            + date_mod
            + r")[-\s]+)?(?P<y>"
            + year
            + r")"
            # not before a digit, except the second year of a range ("2010-2011", "2008-09",
            # "2008/09": a season, a fiscal year)
            + r"(?![\w%]|[.,]\d|-(?!\d{4}(?!\d)|\d\d(?![\d-]))\d|/(?!\d\d(?![\d/]))\d|:\d)",
        ),
        # the third quarter (of 1989), third-quarter, the latest quarter, the year-ago quarter
        (
            "quarter",
            B + r"(?:the\s+)?(?:(?P<relp>this|last|next)\s+year['’]s\s+|(?P<yp>" + year + r")\s+(?=[a-z]))?"
            r"(?:(?P<rel>last|this|next|current|latest|previous|recent|past|same|comparable|"
            r"year-ago|year-earlier|year\s+earlier|year\s+ago|prior-year|fiscal)\s+)?(?:(?P<ord>"
            + ordinal
            + r")[-\s]+)?"
            r"(?:fiscal[-\s]+)?(?:(?P<yq>"
            + year
            + r")\s+)?quarter"
            + E
            + r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>"
            + year
            + r")|(?P<rely>last|this|next)\s+year))?",
        ),
        # Q3, Q3 2024, Q3'24, Q3 FY24, 3Q24: a quarter by its code (a two-digit year only written so)
        (
            "qcode",
            B
            + r"(?:Q(?P<q>[1-4])(?:[ \t]*(?:[-/][ \t]*)?(?P<y>"
            + year
            + r")|[ \t]*['’](?P<y2>\d\d)|[ \t]*(?:FY|fiscal)[ \t]?['’]?(?P<yf>(?:19|20)?\d\d))?"
            r"|(?P<q2>[1-4])Q(?P<ya>\d\d))" + E,
        ),
        # H1 2025, H2'24, 1H24: a half-year by its code, with its year
        (
            "hcode",
            B
            + r"(?:H(?P<h>[12])(?:[ \t]*(?:[-/][ \t]*)?(?P<y>"
            + year
            + r")|[ \t]*['’](?P<y2>\d\d)|[ \t]*(?:FY|fiscal)[ \t]?['’]?(?P<yf>(?:19|20)?\d\d))"
            r"|(?P<h2>[12])H(?P<ya>\d\d))" + E,
        ),
        # the first half (of 2023)
        (
            "half",
            B
            + r"(?:the\s+)?(?P<ord>"
            + _alt(list(tb.halves))
            + r"|(?:"
            + _alt(list(tb.halves_with_year))
            + r")(?=\s+half\s+of\s+(?:the\s+year|(?:last|this|next)\s+year|"
            + year
            + r")"
            + E
            + r"))[-\s]+half"
            + E
            + r"(?:\s+of\s+(?:(?P<y>"
            + year
            + r")|(?P<rely>last|this|next)\s+year|(?P<they>the\s+year)"
            + E
            + r"))?",
        ),
        # last fall, this summer, the summer of 1979, winter 2023; that autumn, the following spring
        (
            "season",
            B
            + r"(?:(?P<narr>that(?:\s+same)?|the\s+(?:following|next|same|previous|preceding))\s+|(?P<the>the)\s+)?"
            r"(?:(?P<mod>early|late|mid)[-\s]+)?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<s>"
            + seasons
            + r")"
            + E
            + r"(?:\s+(?:of\s+)?(?P<y>"
            + year
            + r"))?",
        ),
        # today, yesterday morning, earlier today, tonight
        (
            "dayword",
            B
            + r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<w>"
            + _alt(list(tb.day_words))
            + r")"
            + E
            + r"(?:\s+(?P<part>"
            + parts
            + r"))?"
            + E,
        ),
        # this morning, last night
        ("thispart", B + r"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>" + parts + r")" + E),
        # Monday, on Monday evening, last Friday, next Tuesday
        (
            "weekday",
            B
            + r"(?:(?P<rel>last|this|next|past|coming|early|late)\s+)?(?P<wd>"
            + weekday
            + r")(?:['’]s)?"
            + r"(?:\s+(?P<part>"
            + parts
            + r"))?"
            + E,
        ),
        # earlier that day, that same day, the next day, the following morning, the day before
        (
            "narrday",
            B
            + r"(?:(?P<mod>earlier|later)\s+that\s+(?P<u1>day|morning|afternoon|evening|night|week|month|year)|"
            r"(?:on\s+)?that\s+(?:same\s+)?(?P<u2>day|morning|evening|night|year)|the\s+(?P<rel>next|following|previous|preceding)\s+"
            r"(?P<u3>day|morning|afternoon|evening|night)|the\s+day\s+(?P<ba>before|after))" + E,
        ),
        # earlier this year, later this month, early next year
        (
            "withinunit",
            B + r"(?P<mod>earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
            r"the\s+middle\s+of|mid)[-\s]+(?P<rel>this|last|next|the\s+same|in\s+the)\s+(?P<u>week|month|year|decade|century|quarter)"
            + E,
        ),
        # for the year ended Sept. 30 (a results period: the duration "the year")
        (
            "yearended",
            B + r"(?P<x>the\s+(?:fiscal\s+)?year)\s+(?:end(?:ed|ing)|that\s+end(?:ed|s))" + E,
        ),
        # results for the full year, for the year
        (
            "fullyear",
            B
            + r"(?:the\s+full\s+year|(?<=\bfor\s)the\s+year(?!\s+(?:end|ago|earlier|before|after|of|two|one|ahead|to\s+come)))"
            + E,
        ),
        # year-end, the end of the year, year's end, the beginning of the month, the middle of the week
        (
            "yearend",
            B
            + r"(?:(?P<mod>"
            + _alt(
                [" ".join(k.split()[:-1]) for k in tb.date_mods if k.startswith("the ") and k.endswith(" of")]
            ).replace(" ", r"\s+")
            + r")\s+of\s+the\s+(?P<u>year|month|week|decade)|year[-\s]end|year['’]s\s+end)"
            + E,
        ),
        # results news: the year-earlier period, year-ago (results), the latest period
        (
            "period",
            B + r"(?:(?:the\s+)?(?P<ago>year-earlier|year-ago)\s+period|(?P<ago2>year-earlier|year-ago)|"
            r"the\s+(?P<latest>latest|most\s+recent|current)\s+period|the\s+(?P<py>"
            + year
            + r")\s+period)"
            + E,
        ),
        # last week, this year, next month, the coming year, the same month
        (
            "relunit",
            B
            + r"(?P<the>the\s+)?(?P<rel>"
            + rel
            + r"|same|year-earlier|year-ago)\s+(?P<u>week|weekend|month|year|"
            r"decade|century|quarter)" + E,
        ),
        # the weekend
        ("weekend", B + r"(?:the|this|last|next)\s+weekend" + E),
        # 22 years ago, twenty-two years ago, a year earlier, two weeks later, 22 years after
        (
            "offset",
            B
            + r"(?:(?P<dmod>"
            + dmods
            + r")\s+)?(?P<n>"
            + num
            + r")[-\s]+(?P<u>"
            + units
            + r")(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>"
            + offset
            + r")"
            + E,
        ),
        # the past 75 years, three days, two-year, the first nine months, more than a decade
        (
            "duration",
            B + r"(?:(?P<pre>(?:the\s+)?(?:past|last|next|first|previous|coming|following|final|"
            r"remaining|latest|initial|same)|the)\s+)?(?:(?P<dmod>"
            + dmods
            + r")\s+)?(?P<n>"
            + num
            + r")(?:\s+(?:more|additional|further|extra))?[-\s]+(?P<u>"
            + units
            + r")"
            + E
            + r"(?P<half>\s+and\s+a\s+half)?(?P<old>[-\s]+old)?",
        ),
        # years, decades, months (bare plural: durations of unknown length) after for/in/over
        (
            "vague",
            r"\b(?:for|over|in|within|from)\s+(?P<x>(?P<u>years|decades|months|weeks|days|hours|centuries))"
            + E,
        ),
        # every week, each year, every other day, twice a year, daily
        (
            "set",
            B
            + r"(?:(?:every|each|per)\s+(?:(?P<n>"
            + num
            + r"|other)\s+)?(?P<u>"
            + units
            + "|"
            + weekday
            + r")|"
            # "every June", "each July": that month of every year
            r"(?:every|each)\s+(?P<smon>" + month + r")|"
            r"(?P<times>once|twice|thrice|"
            + num
            + r"\s+times)\s+(?:a|an|per|every|each)\s+(?P<u2>"
            + sing_units
            + r")|"
            # "on Fridays", "Tuesday nights": every such day (or part of it)
            r"(?P<wds>" + weekday + r")(?:s?\s+(?P<wdp>" + parts + r")s|s)|"
            r"(?P<w>" + set_words + r"))" + E,
        ),
        # now, recently, the future
        ("ref", B + r"(?P<w>" + refs + r")" + E),
        # 3:30 p.m., 10 a.m. EST, noon, midnight
        (
            "clock",
            B + r"(?:(?P<H>[01]?\d|2[0-3])(?:[:.](?P<M>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m" + E + r")"
            r"(?:\s+(?P<tz>[A-Z]{2,4}T))?|(?P<nm>noon|midnight|midday)"
            # 24-hour time before a time zone or "local time": "1930 CDT", "20:00 GMT", "1425 local time";
            # or before the same time in a zone, in brackets: "struck at 1653 (2153 GMT)"
            r"|(?P<HH>[01]\d|2[0-3])[:.]?(?P<MM>[0-5]\d)\s*(?:(?-i:"
            + zones
            + r")|local\s+time|(?=(?:\(|-LRB-)\s*[0-2]\d[:.]?[0-5]\d\s*(?-i:"
            + zones
            + r")))"
            # a bare one with a colon, after a word that makes it a time ("at 11:00": the handler)
            r"|(?P<H24>[01]?\d|2[0-3]):(?P<M24>[0-5]\d)(?![:.,]?\d))"
            + E
            + r"(?:,?\s+(?:on\s+)?(?:(?P<wd>"
            + weekday
            + r")(?!,?\s+\d)|(?P<mon>"
            + month
            + r")\s+(?P<d>"
            + day
            + r")"
            + E
            + r"(?:,?[ \t]+(?P<y>"
            + year
            + r")"
            + E
            + r")?))?"
            + E,
        ),
        # the week of March 6
        ("weekof", B + r"the\s+week\s+of\s+(?P<mon>" + month + r")\s+(?P<d>" + day + r")" + E),
        # the December quarter, the June-quarter results: the quarter that month ends or holds
        ("monthquarter", B + r"(?:the\s+)?(?P<mon>" + month + r")[-\s]quarter" + E),
        # Christmas, Thanksgiving Day (2023)
        ("holiday", B + r"(?P<h>" + holidays + r")(?:\s+(?P<y>" + year + r"))?" + E),
    ]
    flags = re.IGNORECASE
    items = tuple((name, regex_store.compile(p, flags)) for name, p in spec)
    number = re.compile(
        r"^(?:(?P<d>"
        + digits
        + r")|(?P<t>"
        + _alt(tb.tens)
        + r")[\s-](?P<u>"
        + _alt(small)
        + r")|(?P<w>.+))$",
        flags,
    )
    trigger_words = (
        list(tb.months)
        + list(tb.weekdays)
        + list(tb.units)
        + list(tb.day_words)
        + list(tb.seasons)
        + list(tb.present_ref | tb.past_ref | tb.future_ref)
        + list(tb.set_words)
        + list(tb.holidays)
        + list(tb.decade_words)
        + [
            "noon",
            "midnight",
            "fiscal",
            "quarter",
            "half",
            "century",
            "day",
            "morning",
            "evening",
            "night",
        ]
    )
    trigger = re.compile(r"\d|\b" + _alt(trigger_words) + r"\b", flags)
    classes = [
        "digit",
        "month",
        "weekday",
        "unit",
        "dayword",
        "daypart",
        "season",
        "ref",
        "set",
        "holiday",
        "fiscal",
        "decade",
        "century",
        "quarter",
        "half",
        "weekend",
        "noon",
        "yearword",
        "year",
        "tens",
        "decadeyear",
        "clockmark",
        "colon",
        "slashnum",
        "qhcode",
    ]
    bit = {c: 1 << i for i, c in enumerate(classes)}
    word_classes: dict[str, int] = {}
    stop = {"the", "in", "at", "of", "a", "an", "right", "these", "one", "day", "s", "to"}

    def add(words: object, cls: str, keep_stop: bool = False) -> None:
        for phrase in words:  # type: ignore[attr-defined]
            for w in re.findall(r"[a-z]+", str(phrase).lower()):
                if keep_stop or w not in stop:
                    word_classes[w] = word_classes.get(w, 0) | bit[cls]

    add([*tb.spoken_centuries, "thousand"], "digit")
    add([*tb.spoken_centuries, "thousand"], "year")  # "nineteen ninety-six", "the year two thousand"
    add(tb.months, "month")
    add(tb.weekdays, "weekday")
    add(tb.units, "unit", keep_stop=True)
    add(tb.day_words, "dayword")
    add(tb.day_parts, "daypart")
    add(tb.seasons, "season")
    add(tb.present_ref | tb.past_ref | tb.future_ref | set(tb.vague_durations), "ref")
    add(tb.set_words, "set")
    add([f"{w}s" for w in tb.weekdays if len(w) > 4], "set")  # "on Fridays"
    # a holiday by its own words, not by the weekday or part of the day in its name ("Good Friday",
    # "Bonfire Night"): every weekday would otherwise be a holiday's trigger
    common = set(tb.weekdays) | set(tb.day_parts) | {"night"}
    add(
        [" ".join(w for w in re.findall(r"[a-z']+", h) if w not in common) or h for h in tb.holidays],
        "holiday",
    )
    add(["fiscal", "fy"], "fiscal")
    # the letter of a quarter's or a half's code ("Q3", "3Q24", "H1 2025"), a word of its own
    add(["q", "h"], "qhcode")
    add(
        tb.decade_words,
        "decade",
    )
    add(["century"], "century")
    add(["quarter", "quarters", "period"], "quarter")
    add(["half"], "half")
    add(["weekend"], "weekend")
    add(["noon", "midnight", "midday"], "noon")
    add(["year", "month"], "yearword")
    # what a time of day has beside its number: "a.m." (its "m"), "pm", a zone, "local time"
    add(["am", "pm", "m", "local", *tb.time_zones], "clockmark", keep_stop=True)
    # what a frequency has beside its unit: "every", "twice", "three times", "Tuesday nights"
    add(["every", "each", "per", "once", "twice", "thrice", "times"], "set")
    add([f"{w}s" for w in tb.day_parts], "set")
    need_map = {
        "iso": "year",
        "dmy": "month",
        "mdy": "month",
        "dm": "month",
        "slash": "year",
        "dotted": "year",
        "shortday": "slashnum",
        "qcode": "qhcode",
        "hcode": "qhcode",
        "my": "month",
        "month": "month",
        "fiscal": "fiscal",
        "decade": "decadeyear tens decade",
        "century": "century",
        "year": "year",
        "quarter": "quarter",
        "period": "quarter yearword",
        "yearend": "yearword unit",
        "yearended": "yearword",
        "fullyear": "yearword",
        "half": "half",
        "season": "season",
        "dayword": "dayword",
        "thispart": "daypart",
        "weekday": "weekday",
        "narrday": "unit daypart",
        "withinunit": "unit",
        "relunit": "unit",
        "weekend": "weekend",
        "offset": "unit",
        "duration": "unit",
        "vague": "unit",
        "set": "set",
        "ref": "ref",
        "clock": "clockmark noon colon",
        "holiday": "holiday",
        "weekof": "month",
        "monthquarter": "month",
    }
    needs = []
    for name, _ in items:
        mask = 0
        for c in need_map[name].split():
            mask |= bit[c]
        needs.append(mask)
    return Patterns(
        tables=tb,
        items=items,
        number=number,
        trigger=trigger,
        word_classes=word_classes,
        year_bit=bit["year"],
        tens_bit=bit["tens"],
        decade_year_bit=bit["decadeyear"],
        colon_bit=bit["colon"],
        slash_bit=bit["slashnum"],
        needs=tuple(needs),
    )
