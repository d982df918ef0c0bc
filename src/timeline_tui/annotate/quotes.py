"""Quotations and who said them.

Quote marks: curly, straight and mixed (a story may open with " and close with ”); a quote may run on
over a paragraph break; an unclosed mark ends its quote at the paragraph (it never swallows the rest of
the document). Short quotes without sentence punctuation are terms or scare quotes.

Speakers: a leading cue in the same sentence ("He said, “…”", "X stated that “…”"), a trailing one
("“…,” the Leader stated.", "“…” he recalled.", "“…,” said X"), else a reporting verb with a person in
the sentence, else the speaker of the quote just before when the text runs on.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from ..config import Config
from ..model import PersonMention, Quote, Source
from ..rules import load_rules
from ..util import regex_store
from ..util.regex import lowered_in_place, word_alternation
from .people import rules as people_rules

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class _Rules:
    trailing_np: re.Pattern[str]
    leading_np: re.Pattern[str]
    verb: re.Pattern[str]
    #: ``verb`` without re.I, for lower-cased text (4x faster than matching case-insensitively)
    verb_lower: re.Pattern[str]
    colon_np: re.Pattern[str]
    adding_np: re.Pattern[str]
    dash_np: re.Pattern[str]
    subject_np: re.Pattern[str]
    appositive_subject_np: re.Pattern[str]
    inverted_np: re.Pattern[str]
    #: a clause opening with a subordinating conjunction, to its comma
    subordinate: re.Pattern[str]
    #: the cues that report only before a comma, colon, dash or "in" (for ``fullmatch``)
    punctuated_cue: re.Pattern[str]
    term_max_words: int
    max_chars: int
    max_paragraphs: int


@cache
def rules() -> _Rules:
    r = load_rules("quotes")
    verbs = {str(v) for v in r["verbs"]}
    alt = word_alternation(verbs)  # longest first, as a trie
    np = (
        r"(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?|"
        r"[A-Z][\w.-]*['’]s\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?|"
        r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'.-]*){0,3}|(?:the|a|an|his|her|their|its|one|another)\s+"
        r"[\w’'-]+(?:\s+[\w’'-]+){0,3}?|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I|"
        r"(?:[Oo]nly\s+|[Aa]bout\s+|[Nn]early\s+|[Aa]lmost\s+|[Jj]ust\s+)?\d[\d,.]*\s*(?:percent|%)"
        r"(?:\s+of\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?)"
    )
    return _Rules(
        trailing_np=regex_store.compile(
            rf"[\s,*_]*(?:(?P<np>{np})\s+(?:also\s+|then\s+|later\s+|further\s+)?(?P<v>{alt})|(?P<v2>{alt})\s+(?P<np2>{np}))(?![\w-])"
        ),
        leading_np=regex_store.compile(
            rf"(?P<np>{np}),?\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+)?(?P<v>{alt})(?:\s+(?:reporters|that|on\s+\w+|in\s+a\s+statement))?[\s,:]*(?:that\s*,?\s*)?[*_]*$"
        ),
        verb=regex_store.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I),
        verb_lower=regex_store.compile(
            rf"(?<![\w-])(?:{word_alternation(v.lower() for v in verbs)})(?![\w-])"
        ),
        colon_np=regex_store.compile(
            r"(?:^|[\n.!?]\s*)(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})(?P<v>:)[\s*_]*$", re.M
        ),
        adding_np=regex_store.compile(
            rf"(?P<np>{np})\s+(?:{alt}),\s+(?P<v>adding|saying|continuing|noting|explaining)(?:\s+later)?,?[\s*_:]*$"
        ),
        dash_np=regex_store.compile(
            r"[^\S\n]*(?P<v>[―—–]|--)[^\S\n]*(?P<np>[A-Z][\w’'.-]*(?:[^\S\n]+(?:de[^\S\n]+|van[^\S\n]+)?"
            r"[A-Z][\w’'.-]*){0,4})[^\S\n,]*(?:$|\n|\(|,)"
        ),
        subject_np=regex_store.compile(
            rf"(?<![\w’'-])(?P<np>{np})\s+(?:also\s+|then\s+|later\s+|further\s+|has\s+|had\s+|have\s+|would\s+|will\s+)?(?:[a-z]+ly\s+)?$"
        ),
        # the same with a phrase in apposition between the subject and its verb ("China, Pyongyang's
        # only ally, said"); not a place's state or country ("in Tulsa, Oklahoma, arguing")
        appositive_subject_np=regex_store.compile(
            rf"(?<![\w’'-])(?P<np>{np}),\s+(?=[a-z]|[^\s,]+\s)[^,;:\n\"“”]{{3,90}}?,\s+(?:also\s+|then\s+|later\s+)?$"
        ),
        inverted_np=regex_store.compile(
            rf"(?:^|(?<=[.!?\n])\s*)(?P<v>[Ss]aid|[Ss]ays|[Aa]dded|[Aa]sked|[Ww]rote|[Tt]weeted)\s+(?P<np>{np})\s*[:,]\s*$",
            re.M,
        ),
        subordinate=regex_store.compile(
            rf"\s*(?:{word_alternation(str(w) for w in r['subordinators'])})\s[^,;:\n\"“”]{{3,200}}?,"
        ),
        punctuated_cue=regex_store.compile(word_alternation(str(c) for c in r["punctuated_cues"]), re.I),
        term_max_words=int(r["term_max_words"]),
        max_chars=int(r["max_quote_chars"]),
        max_paragraphs=int(r["max_paragraphs"]),
    )


#: double quotation marks, and the Penn Treebank's pairs of backquotes and apostrophes (``…'') that
#: corpora and some wire feeds use for “…”; the pattern opens with one character class, so that
#: ``re`` skips to the next candidate in C
_MARKS = re.compile(r"[\"“”„«»`'](?:(?<=`)`|(?<=')'|(?<=[\"“”„«»]))")
_PTB = {"``": "“", "''": "”"}


def _mark_of(text: str, m: re.Match[str]) -> str:
    """The mark as one character: "``" opens; "''" closes, but opens a word after white space."""
    mark = m.group()
    if mark == "''":
        pos, after = m.start(), m.end()
        opens = pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([—-"
        if opens and after < len(text) and text[after].isalnum():
            return "“"
    return _PTB.get(mark, mark)


_PARA = re.compile(r"\n[ \t*_>]*\r?\n")


#: a single quotation mark that can open a quotation: at a word's start, after white space, a
#: bracket, a dash or a colon (not "'90s", not "rock 'n' roll", not half of a tokenised '')
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))['‘](?!['`])(?=[^\W\d_]|[‘\"“])(?!n['’]\s)", re.M)
#: one that can close it: after a non-space, before white space, punctuation or the end (not the
#: apostrophe inside "don't", nor the one opening "'s")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'`])['’](?=[\s,.;:!?)\]—–-]|$)")


def _single_quote_spans(text: str, start_at: int, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of single-quoted quotations, as British news writes them ('We will not be
    deflected,' he said): an opening mark at a word's start, closed by the next closing one in its
    paragraph, with two words or more between (a single quoted word is a term, or an apostrophe)."""
    spans: list[tuple[int, int]] = []
    pos = start_at
    while True:
        m = _SINGLE_OPEN.search(text, pos)
        if m is None:
            return spans
        start = m.start()
        para = _PARA.search(text, start)
        stop = min(para.start() if para else len(text), start + max_chars)
        close = _SINGLE_CLOSE.search(text, start + 2, stop)
        # "the Smiths' house": a closing mark right after an s, before a word, is an apostrophe; so
        # is the second mark of "rock 'n' roll"
        while close is not None and (
            (text[close.start() - 1] == "s" and text[close.end() : close.end() + 2].strip()[:1].isalpha())
            or text[close.start() - 2 : close.start()] in ("'n", "‘n")
        ):
            close = _SINGLE_CLOSE.search(text, close.end(), stop)
        if close is None:
            pos = m.end()
            continue
        inner = text[start + 1 : close.start()]
        if len(inner.split()) >= 2:
            spans.append((start, close.end()))
            pos = close.end()
        else:
            pos = m.end()


def quote_spans(text: str, start_at: int = 0) -> list[tuple[int, int]]:
    """(start, end) of quoted passages, marks included, in text order: double-quoted ones, or in a
    text that has none, single-quoted ones (British style: 'We will not be deflected,' he said)."""
    spans = _double_quote_spans(text, start_at)
    if not spans and ("'" in text or "‘" in text):
        spans = _single_quote_spans(text, start_at, rules().max_chars)
    # a value after "=" is markup's, no quotation (<tweet tweet-id="783499116076687360">)
    return [s for s in spans if not (s[0] and text[s[0] - 1] == "=")]


def _double_quote_spans(text: str, start_at: int = 0) -> list[tuple[int, int]]:
    """(start, end) of double-quoted passages, marks included, in text order."""
    r = rules()
    # (position, mark as one character, its length): ``…'' read as “…”, and '' as an opening mark
    # before a word it starts (''It's anti-reform,'' the style of some papers)
    marks = [(m.start(), _mark_of(text, m), m.end() - m.start()) for m in _MARKS.finditer(text, start_at)]
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(marks)
    while i < n:
        pos, ch, size = marks[i]
        if ch in CLOSE_DOUBLE and ch != "»":
            # a closing mark opening a line before a word is used as an opening one (”Fear. I am …”);
            # anywhere else it is a stray closing mark
            after = pos + size
            if not ((pos == 0 or text[pos - 1] == "\n") and after < len(text) and text[after].isalnum()):
                i += 1
                continue
            ch = "“"
        # find the closing mark: the next ” or " (a new “ first means this one was never closed)
        j = i + 1
        end = None
        first_straight = None  # (index, position) of the first straight mark after a curly opening
        while j < n:
            p2, c2, size2 = marks[j]
            if p2 - pos > r.max_chars:
                break
            if c2 == STRAIGHT and _opens_paragraph(text, p2):
                # a paragraph that opens with a mark continues or starts a quote: the quote before
                # it was left open, as news does for a quote running over several paragraphs
                break
            if c2 in CLOSE_DOUBLE or (c2 == STRAIGHT and ch == STRAIGHT):
                # a curly opening is closed by a curly mark only (straight ones inside are nested
                # quotes); a straight opening by either (mixed marks: " … ”)
                end = p2 + size2
                break
            if c2 in OPEN_DOUBLE:
                break
            if c2 == STRAIGHT and first_straight is None:
                first_straight = (j, p2)
            j += 1
        if (
            first_straight is not None
            and (end is None or _PARA.search(text, pos, end))
            and _PARA.search(text, pos, first_straight[1]) is None
        ):
            # “ … " with no curly close in its paragraph: mixed marks the other way round
            j, end = first_straight[0], first_straight[1] + 1
        if end is not None:
            paragraphs = len(_PARA.findall(text, pos, end))
            if paragraphs > r.max_paragraphs:
                end = None
        if end is None:
            # unclosed: the quote ends with its paragraph
            para = _PARA.search(text, pos)
            stop = para.start() if para else len(text)
            stop = min(stop, pos + r.max_chars)
            if stop - pos > 1:
                spans.append((pos, stop))
            while i < n and marks[i][0] < stop:
                i += 1
            continue
        spans.append((pos, end))
        i = j + 1
    return spans


_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|your|my|these|those|such|any|some|many|several|whose|"
    r"of\s+[A-Z]?[\w-]+|(?<![\w’'])(?!(?:he|she|it|that|there|who|what|here)['’]s)[\w.-]+['’]s)\s+)$",
    re.I,
)


def _object_of(text: str, m: PersonMention) -> bool:
    """ "the fatal shooting of Keith Lamont Scott": a person after a preposition is no speaker."""
    ls = max(text.rfind("\n", 0, m.start) + 1, m.start - 60)
    return people_rules().object_before.search(text, ls, m.start) is not None


def _participle(text: str, v: re.Match[str]) -> bool:
    """ "DuVernay said, emphasizing why …": a participle that goes on with the same speaker."""
    return v.group().lower().endswith("ing") and text[max(0, v.start() - 2) : v.start()] == ", "


def _any_between(starts: list[int], a: int, b: int) -> bool:
    """Whether a sorted list of positions has one in [a, b)."""
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _noun_use(text: str, v: re.Match[str]) -> bool:
    """ "the claims", "his remarks", "32% of Republican claims": a reporting word used as a noun."""
    return _DETERMINER_BEFORE.search(text, max(0, v.start() - 40), v.start()) is not None


#: what follows a cue of ``punctuated_cue`` that reports
_PUNCTUATION_AFTER = re.compile(r"\s*[,:—–]|\s+in\s")
_LABEL = re.compile(r"(?:[\"“]|``)\s*(?P<np>[A-Z][A-Z.'’ -]{1,30}[A-Z.]):\s+")
_PARA_START = re.compile(r"\n[ \t*_>]*\r?\n[ \t*_>]*$")


def _opens_paragraph(text: str, pos: int) -> bool:
    """A mark at the start of a paragraph, before a word: an opening mark, whatever its shape."""
    return (
        pos + 1 < len(text)
        and (text[pos + 1].isalnum() or text[pos + 1] in "(“‘'")
        and _PARA_START.search(text, max(0, pos - 12), pos) is not None
    )


_WORD_RUN = re.compile(r"\w+")


#: a colon introducing the quotation right after it ("said: “We will not be deflected.”")
_COLON_BEFORE = re.compile(r":[\s*_]*$")


def _words(s: str) -> int:
    return len(_WORD_RUN.findall(s))


def _at_most_words(s: str, n: int) -> bool:
    """``_words(s) <= n``, without reading past the word after the n-th (a long quotation has
    hundreds)."""
    return next(itertools.islice(_WORD_RUN.finditer(s), n, None), None) is None


#: how far from a quotation its sentence is read for a speaker and a reporting verb
_SENTENCE_REACH = 1000


def find_quotes(
    source: Source,
    sentences: list[tuple[int, int]],
    mentions: list[PersonMention],
    config: Config,
    quote_ranges: list[tuple[int, int]] | None = None,
) -> list[Quote]:
    """The source's quotations with their speakers. ``quote_ranges``: ``quote_spans`` of the source,
    when the caller has them already."""
    r = rules()
    text = source.text
    spans = quote_ranges if quote_ranges is not None else quote_spans(text, source.body_start)
    sent_starts = [s for s, _ in sentences]
    people = list(mentions)
    m_starts = [m.start for m in people]
    q_ranges = spans
    q_starts = [q[0] for q in q_ranges]
    q_ends = [q[1] for q in q_ranges]
    # reporting verbs are found in the lower-cased text (same offsets) when lower-casing keeps them
    low = lowered_in_place(text)
    verb_text, verb_pat = (low, r.verb_lower) if low is not text else (text, r.verb)

    def verbs_in(a: int, b: int) -> list[re.Match[str]]:
        return [
            v
            for v in verb_pat.finditer(verb_text, a, b)
            if not r.punctuated_cue.fullmatch(v.group()) or _PUNCTUATION_AFTER.match(text, v.end())
        ]

    def inside_quote(pos: int) -> bool:
        i = bisect.bisect_right(q_starts, pos) - 1
        return i >= 0 and q_ranges[i][0] <= pos < q_ranges[i][1]

    def sentence_of(pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, at most _SENTENCE_REACH characters either side: a text without
        sentence punctuation (a list, a transcript) is one "sentence", and scanning all of it for
        each quotation would make the work grow with the square of its length."""
        i = bisect.bisect_right(sent_starts, pos) - 1
        if not 0 <= i < len(sentences):
            return max(0, pos - 300), min(len(text), pos + 300)
        a, b = sentences[i]
        return max(a, pos - _SENTENCE_REACH), min(b, pos + _SENTENCE_REACH)

    def mentions_in(a: int, b: int) -> list[PersonMention]:
        i = bisect.bisect_left(m_starts, a)
        out = []
        while i < len(people) and people[i].start < b:
            if not inside_quote(people[i].start):
                out.append(people[i])
            i += 1
        return out

    def cues_in(a: int, b: int) -> list[re.Match[str]]:
        """Reporting verbs between a and b, outside quotes and not used as nouns."""
        return [v for v in verbs_in(a, b) if not inside_quote(v.start()) and not _noun_use(text, v)]

    quotes: list[Quote] = []
    previous: Quote | None = None
    for qs, qe in spans:
        content = text[qs:qe]
        inner = content.removeprefix("``").removeprefix("''").removesuffix("''").strip("\"“”„«»‘’' \n*_")
        s_start, s_end = sentence_of(qs)
        # a few words without sentence punctuation of their own are a term or scare quote; so are a
        # few words that end the sentence they sit in ("an episode of “Shark Tank.”")
        body = inner.rstrip(".,!?;:")
        is_term = _at_most_words(inner, r.term_max_words) and not re.search(r"[.!?;:]", body)
        if (
            is_term
            and body != inner
            and (text[s_start:qs].strip(" *_\t") == "" or _COLON_BEFORE.search(text, s_start, qs))
        ):
            is_term = False  # “We won.” opening its sentence is a statement
        q = Quote(start=qs, end=qe, text=content, is_term=is_term)
        # the sentence holding the opening mark, and the one holding the closing mark
        e_start, e_end = sentence_of(max(qs, qe - 1))
        speaker: PersonMention | None = None
        cue = None
        np_span: tuple[int, int] | None = None
        cue_m: tuple[int, int] = (0, 0)
        label = _LABEL.match(text, qs, qe)
        # trailing: “…,” the Leader stated.  /  “…” he recalled.  /  “…,” said Khamenei.
        tail_end = min(len(text), qe + 120)
        nl = text.find("\n", qe)
        if nl != -1:
            tail_end = min(tail_end, nl)
        tail = text[qe:tail_end]
        tm = re.match(r"[\s,*_]*", tail)
        lead_skip = tm.end() if tm else 0
        cands = mentions_in(qe, tail_end)
        verbs = verbs_in(qe, tail_end)
        if label:
            # a transcript line: "PENCE: Well, look, …"
            np_span, cue_m = (label.start("np"), label.end("np")), (label.end("np"), label.end("np") + 1)
        elif verbs and verbs[0].start() - qe <= 60:
            v = verbs[0]
            near = [
                c
                for c in cands
                if abs(c.start - v.start()) <= 45
                and c.start >= qe + lead_skip - 1
                # after the verb, the speaker follows it directly ("said Rep. Butterfield"), not
                # "said in an interview with CNN’s Wolf Blitzer"
                and (c.start < v.start() or _follows_verb(text[v.end() : c.start]))
                and not _modifier_use(text, c, v.start())
            ]
            between = text[qe + lead_skip : min(near[0].start, v.start())] if near else ""
            closed = re.search(r"\.[\s*_]*[\"”»]?[\s*_]*$", content) is not None
            # after a quote that closes its sentence, “….” Smith said. ends right after the verb;
            # “….” Gov. Hart said it would be “improper” is a sentence of its own
            # … and "Erdogan added that Turkey would mediate." after it says something of its own
            if (
                near
                and _trailing_gap(between, closed)
                and (
                    not closed
                    or (_SHORT_END.match(text, v.end()) and not _OWN_CONTENT.match(text, v.start()))
                )
            ):
                speaker, cue = near[0], v
        # a byline after a dash: “…” ― Pamela Padilla
        if speaker is None:
            dm = r.dash_np.match(text, qe, min(len(text), qe + 80))
            if dm:
                named = [c for c in cands if dm.start("np") <= c.start < dm.end("np")]
                if named:
                    speaker = named[0]
                    q.cue, q.cue_start, q.cue_end = dm["v"], dm.start("v"), dm.end("v")
                else:
                    np_span, cue_m = (dm.start("np"), dm.end("np")), (dm.start("v"), dm.end("v"))
        if speaker is None and np_span is None and not is_term and re.search(r",[\s*_]*[\"”»]?$", content):
            # “…,” The Hill reported.  /  “…,” the union wrote.  (a comma hands the quote on)
            tm2 = r.trailing_np.match(text, qe, tail_end)
            if tm2 and tm2["np"] and not _not_a_speaker(tm2["np"]):
                np_span, cue_m = (tm2.start("np"), tm2.end("np")), (tm2.start("v"), tm2.end("v"))
        if speaker is None and np_span is None:
            # "According to Yahoo News, …", "…, according to their attorneys": the outer source
            lo, hi = min(s_start, e_start), max(s_end, e_end)
            for am in _ACCORDING.finditer(text, lo, hi):
                if inside_quote(am.start()):
                    continue
                # a person named in the source phrase, not as an owner ("Clinton's spokesman")
                named = [
                    c
                    for c in mentions_in(am.start("np"), am.end("np"))
                    if not re.search(r"['’]s\b", text[am.start("np") : c.start])
                    and not text.startswith(("'s", "’s"), c.end)
                ]
                if named:
                    speaker = named[0]
                    q.cue, q.cue_start, q.cue_end = " ".join(am["v"].split()), am.start("v"), am.end("v")
                else:
                    np_span, cue_m = (am.start("np"), am.end("np")), (am.start("v"), am.end("v"))
                break
        trailing = speaker is not None or np_span is not None
        # leading: X said, “…”  /  He continued, “…”  /  X stated that “…”
        # a quote opening a paragraph after "X reports:" / "He said:" takes its cue from there
        before_q = text[max(0, qs - 400) : qs].rstrip(" \t\r\n*_")
        introduced = before_q.endswith(":")
        if speaker is None and np_span is None:
            if introduced:
                # the sentence that ends in the colon
                colon_at = max(0, qs - 400) + len(before_q) - 1
                head_start = max(sentence_of(colon_at)[0], qs - 250)
            else:
                head_start = max(s_start, qs - 250)
            prev_q = bisect.bisect_left(q_ends, qs) - 1
            if prev_q >= 0 and q_ranges[prev_q][1] > head_start:
                head_start = q_ranges[prev_q][1]
            vs = cues_in(head_start, qs)
            if vs:
                # the outermost attribution wins: "She said she recalls him being “confused”" is hers;
                # the first reporting verb with a person right before it
                v = vs[-1]
                # …within the sentence of the last cue
                last_sentence = max(head_start, sentence_of(v.start())[0])
                subjects = [
                    (cand, r.subject_np.search(text, last_sentence, cand.start()))
                    for cand in vs
                    if cand.start() >= last_sentence
                ]
                sub = r.subordinate.match(text, last_sentence)
                if sub is not None:
                    # "While he acknowledged …, Ham also noted “…”": the cues of the clause before
                    # the main one count only when the main clause has none
                    main_cues = [c for c in subjects if c[0].start() > sub.end()]
                    subjects = main_cues or subjects
                direct: list[PersonMention] = []
                for cand, sm_c in subjects:
                    if sm_c and (direct := mentions_in(sm_c.start("np"), sm_c.end("np"))):
                        v = cand
                        break
                if not direct and not mentions_in(head_start, v.start()):
                    # no person at all: the first verb with a named subject ("The statement noted
                    # they had previously said they would take “…”")
                    v = next(
                        (
                            cand
                            for cand, sm_c in subjects
                            if sm_c
                            and sm_c["np"].split()[0].lower() not in _PRONOUN_WORDS
                            and not _not_a_speaker(sm_c["np"])
                        ),
                        v,
                    )
                before = mentions_in(head_start, v.start())
                after = [
                    c
                    for c in mentions_in(v.end(), qs)
                    if c.start - v.end() <= 30 and not _clause_subject(text, c)
                ]
                sm = r.subject_np.search(text, head_start, v.start())
                main = (
                    _main_subject(text, sentence_of(v.start())[0], v.start())
                    if not direct
                    and _PARTICIPLE_AFTER_CLAUSE.search(text, max(0, v.start() - 12), v.start())
                    and v.group().lower().endswith("ing")
                    else None
                )
                antecedent = None if direct else _who_antecedent(text, before, v.start())
                if antecedent is not None:
                    # "Mitch McConnell, now the Senate majority leader, who in 2010 said …": the
                    # person the relative pronoun stands for
                    speaker, cue = antecedent, v
                elif main is not None:
                    # a participle after the main clause: "In August, several environmental groups
                    # granted Mr. Clarke an extension …, saying his “…”" is the groups'
                    named = [
                        c
                        for c in mentions_in(main[0], main[1])
                        if c.start == main[0] or text[main[0] : c.start].lower() in ("the ", "")
                    ]
                    if named:
                        speaker, cue = named[0], v
                    else:
                        np_span, cue_m = main, (v.start(), v.end())
                elif direct:
                    # the subject right before the verb: "Asked about Trump's remark, Clinton said"
                    speaker, cue = direct[-1], v
                elif (
                    before
                    and sm
                    and (
                        _proper_subject(sm["np"])
                        or (_NAMED_BODY.fullmatch(sm["np"]) and before[-1].end <= sm.start("np"))
                    )
                ):
                    # a name the people stage does not know, right before the verb: "…, Kall said:",
                    # "Mr. King … (or, as The Daily Beast called them …, “…”)"
                    np_span, cue_m = (sm.start("np"), sm.end("np")), (v.start(), v.end())
                elif before:
                    # the subject: the first person of the clause holding the verb ("Ayatollah
                    # Khamenei, the Leader of the Islamic Revolution, said")
                    clause_start = max(
                        (m.end() for m in re.finditer(r"[;]|\.\s", text[head_start : v.start()])), default=0
                    )
                    in_clause = [b for b in before if b.start >= head_start + clause_start] or before
                    speaker, cue = in_clause[0], v
                elif sm or (
                    not before and (sm := r.appositive_subject_np.search(text, head_start, v.start()))
                ):
                    # a subject that is no person: "The New York Post reported Clinton would “…”",
                    # "Officials at Homeland Security Investigations, a division of …, said"
                    np_span, cue_m = (sm.start("np"), sm.end("np")), (v.start(), v.end())
                elif after:
                    speaker, cue = after[0], v
        if speaker is None and np_span is None:
            # "Said Ellis: “…”"
            im = r.inverted_np.search(text, max(s_start if not introduced else 0, qs - 120), qs)
            if im:
                named = mentions_in(im.start("np"), im.end("np"))
                if named:
                    speaker, cue = named[0], None
                    q.cue, q.cue_start, q.cue_end = im["v"], im.start("v"), im.end("v")
                else:
                    np_span, cue_m = (im.start("np"), im.end("np")), (im.start("v"), im.end("v"))
        # the statement runs on after its own attribution: “A,” said X, a lawyer. “B.”
        # …or over paragraphs, each opening with a mark and only the last one closed
        continued_para = (
            previous is not None
            and np_span is None
            and speaker is None
            and text[previous.end : qs].strip() == ""
            and previous.text.rstrip()[-1:] not in '"”»'
        )
        runs_on = (
            speaker is None
            and np_span is None
            and previous is not None
            and not is_term
            and (previous.speaker is not None or previous.speaker_start is not None)
            and qs - previous.end < 400
            and (continued_para or _PARA.search(text, previous.end, qs) is None)
        )
        if runs_on and previous is not None:
            gap = text[previous.end : qs]
            own_cue = continued_para or (
                previous.cue_start is not None and previous.end <= previous.cue_start < qs
            )
            # the gap is the attribution itself: "“A,” said Rep. G.K. Butterfield (D-N.C.), head of
            # the caucus. “B.”" (no other reporting verb after the cue)
            attribution_only = (
                own_cue
                and previous.cue_end is not None
                and len(gap) <= 300
                and not any(
                    not _noun_use(text, v) and not _participle(text, v)
                    for v in verbs_in(previous.cue_end, qs)
                )
            )
            if continued_para or attribution_only or not r.verb.search(gap) or _words(gap) < 3:
                q.speaker = previous.speaker
                q.speaker_start, q.speaker_end = previous.speaker_start, previous.speaker_end
                q.speaker_id = previous.speaker_id
                q.cue, q.cue_start, q.cue_end = previous.cue, previous.cue_start, previous.cue_end
                if own_cue:
                    q.continues = previous.continues if previous.continues is not None else previous.start
            else:
                runs_on = False
        # elsewhere in the closing sentence: a person and a reporting verb
        if speaker is None and np_span is None and not runs_on:
            lo, hi = min(s_start, e_start), max(s_end, e_end)
            vs = cues_in(lo, hi)
            ms = [
                m
                for m in mentions_in(lo, hi)
                if vs
                and (m.start < vs[0].start() or _follows_verb(text[vs[0].end() : m.start]))
                and not _object_of(text, m)
            ]
            if vs and ms:
                sm = r.subject_np.search(text, max(lo, vs[0].start() - 80), vs[0].start())
                direct = [m for m in ms if sm and sm.start("np") <= m.start < sm.end("np")]
                speaker, cue = (direct or ms)[0], vs[0]
        if speaker is None and np_span is None and not runs_on:
            # a speaker that is no known person: "“…,” the announcer said", "The commission said, “…”"
            tm2 = r.trailing_np.match(text, qe, tail_end)
            if tm2:
                g = "np" if tm2["np"] else "np2"
                np_span, cue_m = (
                    (tm2.start(g), tm2.end(g)),
                    (tm2.start("v" if tm2["v"] else "v2"), tm2.end("v" if tm2["v"] else "v2")),
                )
                trailing = True
            else:
                lo = max(0 if introduced else s_start, qs - 200)
                lm = r.leading_np.search(text, lo, qs)
                if lm:
                    np_span, cue_m = (lm.start("np"), lm.end("np")), (lm.start("v"), lm.end("v"))
                else:
                    # "Pamela Padilla: “…”" and "Trump said, adding later, “…”"
                    cm = r.colon_np.search(text, lo, qs) or r.adding_np.search(text, lo, qs)
                    if cm:
                        np_span, cue_m = (cm.start("np"), cm.end("np")), (cm.start("v"), cm.end("v"))
        if speaker is None and np_span is None and not runs_on and text[s_start:qs].strip(" *_") == "":
            # a quote that is a sentence of its own, after a sentence with a speaker and a reporting
            # verb: "His partner, Lawrence Cummings, called him a master. “He showed again …”"
            i = bisect.bisect_right(sent_starts, qs) - 1
            if i > 0:
                ps, pe = sentences[i - 1]
                if _PARA.search(text, ps, qs) is None and not _any_between(q_starts, ps, pe):
                    vs = verbs_in(ps, pe)
                    ms = mentions_in(ps, vs[0].start()) if vs else []
                    if ms:
                        # the verb's own subject ("… while John Kerry negotiates …, Schiff said."),
                        # else the sentence's first person
                        sm = r.subject_np.search(text, ps, vs[0].start())
                        direct = [m for m in ms if sm and sm.start("np") <= m.start < sm.end("np")]
                        speaker, cue = (direct or ms)[0], vs[0]
        if speaker is None and np_span is None and not runs_on and q.cue is None:
            # no speaker yet, but a reporting verb governs the quote in its sentence: "wondered
            # whether the moderators will be “fair”", "“Trump exaggerates,” PolitiFact claimed"
            lo, hi = min(s_start, e_start), max(s_end, e_end)
            before_v = cues_in(lo, qs)
            after_v = cues_in(qe, hi)
            v = before_v[-1] if before_v else (after_v[0] if after_v else None)
            if v is not None:
                floor = lo if before_v else qe
                sm = r.subject_np.search(text, max(floor, v.start() - 80), v.start())
                ms = mentions_in(floor, v.start())
                if ms:
                    speaker, cue = ms[0], v
                elif sm:
                    np_span, cue_m = (sm.start("np"), sm.end("np")), (v.start(), v.end())
                else:
                    q.cue = " ".join(text[v.start() : v.end()].split())
                    q.cue_start, q.cue_end = v.start(), v.end()
        if (
            np_span is not None
            and not text.startswith(("according", "According"), cue_m[0])
            and _not_a_speaker(text[np_span[0] : np_span[1]])
        ):
            # "After …", "Republican": a capitalised word that names nobody; the cue still stands
            np_span = None
            q.cue = " ".join(text[cue_m[0] : cue_m[1]].split())
            q.cue_start, q.cue_end = cue_m
        if (
            speaker is None
            and np_span is None
            and not runs_on
            and q.cue_start is not None
            and q.cue_start < qs
            and (q.cue or "").lower().endswith("ing")
            and _words(text[s_start : q.cue_start]) <= 1
        ):
            # "After saying her foot was “so swollen …,” she was …": the participle's subject is
            # the main clause's, after the quote
            main = [c for c in mentions_in(qe, max(s_end, e_end)) if not _object_of(text, c)]
            if main:
                speaker = main[0]
        if speaker is None and np_span is None and not runs_on and introduced:
            # "Sanders made the following comment:" + a quoted paragraph: the introducing sentence's
            # first person
            colon = text[max(0, qs - 400) : qs].rstrip(" \t\r\n*_")
            colon_end = max(0, qs - 400) + len(colon)
            cs, _ce = sentence_of(colon_end - 1)
            ms = [m for m in mentions_in(cs, colon_end) if not _object_of(text, m)]
            if ms:
                speaker = ms[0]
                q.cue, q.cue_start, q.cue_end = ":", colon_end - 1, colon_end
        if np_span is not None and speaker is None:
            # "U.S. Attorney Morris Pasqual told reporters": the phrase ends with a person the source
            # names (its head), who is the speaker; not "the lawyer for Donald Trump"
            inner = [
                m
                for m in mentions_in(np_span[0], np_span[1])
                if m.kind == "name" and m.end == np_span[1] and not _object_of(text, m)
            ]
            if inner:
                speaker, np_span = inner[-1], None
                q.cue = " ".join(text[cue_m[0] : cue_m[1]].split())
                q.cue_start, q.cue_end = cue_m
        if np_span is not None:
            q.speaker_start, q.speaker_end = np_span
            q.cue = " ".join(text[cue_m[0] : cue_m[1]].split())
            q.cue_start, q.cue_end = cue_m
            np_text = text[np_span[0] : np_span[1]]
            if np_text.isupper() and len(np_text) > 3:
                np_text = np_text.title()  # a transcript's "PENCE:"
            q.speaker = (
                np_text if np_text[:1].isupper() and np_text.split()[0].lower() not in _NOT_NAMES else None
            )
        if speaker is not None:
            q.speaker = speaker.name
            q.speaker_start, q.speaker_end = speaker.start, speaker.end
            q.speaker_id = speaker.person_id
        if cue is not None:
            q.cue = " ".join(text[cue.start() : cue.end()].split())
            q.cue_start, q.cue_end = cue.start(), cue.end()
        # “This is a disgusting day,” said Rep. Butterfield: a short quote that is said is a statement
        if is_term and trailing and re.search(r",\s*[\"”]$", content):
            q.is_term = False
        if label:
            q.content_start, q.content_end = label.end(), qe
        else:
            _content_span(q, text, (min(s_start, e_start), max(s_end, e_end)))
        if q.continues is None and quotes and q.cue_start is not None and not runs_on:
            last = quotes[-1]
            # one attribution, several quoted parts: “That,” Mr. Obama said, “is …”  /
            # X called him a “nasty guy,” an “anchor baby” and “unstable”
            if (
                last.cue_start == q.cue_start
                and last.is_term == q.is_term
                and _PARA.search(text, last.end, qs) is None
                and (q.content_start is None or q.content_start == last.content_start)
            ):
                q.continues = last.continues if last.continues is not None else last.start
        quotes.append(q)
        if not q.is_term:
            previous = q
    return quotes


_ACCORDING = re.compile(
    # the word boundary before "According" is checked after its first letter: the scan skips to A/a in C
    r"(?P<v>[Aa](?<!\w.)ccording\s+to)\s+(?P<np>(?:[\w’'.-]+\s+){0,11}?[\w’'.-]*[\w’'])(?=\s*[,.;:]|\s*$)",
    re.M,
)
_SHORT_END = re.compile(r"[^.!?\n\"“”]{0,50}(?:[.!?]|$)", re.M)
#: a reporting verb that goes on to what was said ("added that Turkey would mediate", "said:")
_OWN_CONTENT = re.compile(r"\w+(?:\s+\w+)?\s+that\b|\w+\s*:", re.I)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,4}|[A-Z])\.")
_SUBORDINATE = re.compile(
    r"(?<![\w-])(?:when|while|as|after|before|because|if|since|until|and|but|where|an?)(?![\w-])"
)


_PARTICIPLE_AFTER_CLAUSE = re.compile(r",\s+(?:while\s+|before\s+|after\s+)?$")


@cache
def _clause_rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """From quotes.yaml: an opening phrase, a finite verb, a verb right after a name, quantifiers."""
    r = load_rules("quotes")
    aux = "|".join(re.escape(str(w)) for w in r["auxiliaries"])
    intro = "|".join(re.escape(str(w)) for w in r["intro_words"])
    return (
        re.compile(rf"[\s*_]*(?:(?:{intro})\b[^,.;:\n]{{0,80}},\s*)?"),
        re.compile(rf"(?<![\w’'-])(?:{aux}|[a-z]+ed)(?![\w’'-])"),
        re.compile(rf"\s+(?:{aux}|[a-z]+ed|[a-z]+s)(?![\w-])"),
        frozenset(str(w) for w in r["subject_quantifiers"]),
    )


def _main_subject(text: str, s_start: int, limit: int) -> tuple[int, int] | None:
    """The subject of the sentence's main clause: the words before its first finite verb, after an
    opening phrase ("In August, several environmental groups granted …" → "several environmental
    groups"); None when that is no short noun phrase."""
    intro, finite, _after_name, _quantifiers = _clause_rules()
    m = intro.match(text, s_start, limit)
    a = m.end() if m else s_start
    v = finite.search(text, a, limit)
    if v is None:
        return None
    np = text[a : v.start()].rstrip()
    comma = np.find(",")
    if comma != -1:
        np = np[:comma].rstrip()  # "China, Pyongyang's only ally, said": the head before the apposition
    words = np.split()
    if not words or len(words) > 6 or re.search(r"[.!?;:“”\"]", np) or not _is_subject_start(words[0]):
        return None
    return a, a + len(np)


def _is_subject_start(word: str) -> bool:
    low = word.lower()
    return word[:1].isupper() or low in _DETERMINERS or low in _PRONOUN_WORDS or low in _clause_rules()[3]


def _clause_subject(text: str, m: PersonMention) -> bool:
    """ "63 percent said Clinton was “justified”": a name after the verb that a verb follows is the
    subject of the reported clause, not the speaker."""
    return _clause_rules()[2].match(text, m.end) is not None


def _trailing_gap(between: str, closed: bool = False) -> bool:
    """What may stand between a quote and its trailing attribution's name: "Sen. " in "“…,” Sen.
    Claire McCaskill said", but not a sentence end or a new clause ("“…,” when Clinton blasted him").
    After a quote that closes its sentence (“….”), "Gov. Pat McCrory said" begins a new one."""
    if not closed:
        between = _ABBREVIATION.sub("", between)
    return not re.search(r"[.!?]", between) and _words(between) <= 2 and not _SUBORDINATE.search(between)


_THE_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")


def _modifier_use(text: str, m: PersonMention, verb_start: int) -> bool:
    """A name used as a modifier, "the Clinton proposals": an article before it and a lower-case
    word after it (other than the reporting verb) say it names no speaker."""
    after = _LOWER_WORD_AFTER.match(text, m.end)
    return (
        after is not None
        and after.end() - 1 != verb_start
        and _THE_BEFORE.search(text, max(0, m.start - 5), m.start) is not None
    )


def _follows_verb(gap: str) -> bool:
    """A name after the verb follows it directly ("said Rep. Butterfield", "said former President
    Obama"), not "said in an interview with CNN’s Wolf Blitzer" or "said, and soon, … Trump was"."""
    return not _PREP_GAP.search(gap) and len(gap.split()) <= 3 and not re.search(r"[,;:]|\band\b", gap)


_NOT_NAMES = frozenset(("the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "their", "its"))
_PREP_GAP = re.compile(
    r"(?<![\w-])(?:in|with|to|at|on|for|of|by|from|about|after|before|during)(?![\w-])|[;:]\s"
)
_CLAUSE_WORDS = frozenset(
    ("and", "or", "but", "that", "which", "who", "to", "of", "as", "than", "when", "while")
)
_PRONOUN_WORDS = frozenset(("he", "she", "it", "they", "we", "i", "you"))
_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "one", "another"))


#: a relative "who" (after an apposition in lower case, maybe: not "… and Stevie Wonder, who") and
#: at most five words before a verb: what comes between a person and the verb whose subject the
#: person is ("McConnell, now the Senate majority leader, who in 2010 said")
_WHO_BEFORE_VERB = re.compile(
    r",?\s+(?:(?!(?:and|or|as)\b)[a-z][^,;.!?\n]{0,80},\s+)?who\s+(?:[\w’'-]+\s+){0,5}$"
)


def _who_antecedent(text: str, before: list[PersonMention], verb_start: int) -> PersonMention | None:
    """The person a relative "who" right before a verb stands for: the last person named before it."""
    if not before:
        return None
    last = before[-1]
    return last if _WHO_BEFORE_VERB.fullmatch(text, last.end, verb_start) else None


#: "The Daily Beast", "The New York Times": the name of a paper or a body, article and all
_NAMED_BODY = re.compile(r"The(?:\s+[A-Z][\w’'&.-]*)+")


def _proper_subject(np_text: str) -> bool:
    """A capitalised name that could say something: "Kall", "Ryan Ellis" (not "The", "Republican")."""
    words = np_text.split()
    return (
        bool(words)
        and words[0][:1].isupper()
        and words[0].lower() not in _DETERMINERS
        and not _not_a_speaker(np_text)
    )


def _not_a_speaker(np_text: str) -> bool:
    words = np_text.split()
    first = words[0].lower().rstrip(".,") if words else ""
    if words and words[-1].lower() in _CLAUSE_WORDS:
        return True  # "Korea's latest nuclear test and": a stretch of clause, not a subject
    if (
        first in _DETERMINERS
        or first in _NOT_NAMES
        or any(w.lower().strip(".,’'") in _speaking_bodies() for w in words)
    ):
        return False
    return first in people_rules().not_names


@cache
def _speaking_bodies() -> frozenset[str]:
    """Words that are no person's name but say things: "Japan called it …", "Police say …"."""
    people = load_rules("people")
    return frozenset(
        str(x).lower() for x in [*people.get("places", []), *load_rules("quotes")["speaking_bodies"]]
    )


#: what opens a reported clause after its cue and is no part of it: a comma or colon, "that", and a
#: day named before "that" ("said on Tuesday that the army would enter Rafah")
_CONTENT_LEAD = re.compile(
    r"[\s,:]*(?:(?:(?:on|last|this)\s+)?[A-Z][a-z]+(?:\s+(?:morning|afternoon|evening|night))?\s+(?=that\b))?"
    r"(?:that\b)?[\s,:*_]*"
)
_LEAD_IN = re.compile(r"^[\s,:*_]*(?:that\b)?[\s,:*_]*$")


def _content_span(q: Quote, text: str, sentence: tuple[int, int]) -> None:
    """The reported clause a quoted fragment belongs to: "X said the plan was “a con”" → from after
    the cue to the end of the sentence; "The plan was “a con,” X said" → from the sentence start."""
    if q.cue_start is None or q.cue_end is None:
        return
    s_start, s_end = sentence
    if s_start <= q.cue_start and q.cue_end <= q.start:
        lead = text[q.cue_end : q.start]
        # a whole statement right after its cue is its own content; a term there still belongs to
        # its clause ("emphasized that “revolutionary honesty” … are the common features")
        if (_LEAD_IN.match(lead) and not q.is_term) or _words(lead) > 40:
            return
        lm = _CONTENT_LEAD.match(text, q.cue_end, q.start)
        a = lm.end() if lm else q.cue_end
        b = s_end
        while b > q.end and text[b - 1] in " \t\n.,;*_":
            b -= 1
        q.content_start, q.content_end = a, max(b, q.end)
    elif q.end <= q.cue_start < s_end and s_start < q.start:
        lead = text[s_start : q.start]
        if lead.strip(" *_\t") == "" or _words(lead) > 40:
            return
        q.content_start, q.content_end = s_start, q.end
