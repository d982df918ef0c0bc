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
import re
from dataclasses import dataclass
from functools import cache

from ..config import Config
from ..model import PersonMention, Quote, Source
from ..rules import load_rules

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class _Rules:
    trailing_np: re.Pattern[str]
    leading_np: re.Pattern[str]
    verb: re.Pattern[str]
    colon_np: re.Pattern[str]
    adding_np: re.Pattern[str]
    term_max_words: int
    max_chars: int
    max_paragraphs: int


@cache
def rules() -> _Rules:
    r = load_rules("quotes")
    verbs = sorted({str(v) for v in r["verbs"]}, key=len, reverse=True)
    alt = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    np = (
        r"(?:[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'.-]*){0,3}|(?:the|a|an|his|her|their|its|one|another)\s+"
        r"[\w’'-]+(?:\s+[\w’'-]+){0,3}?|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
    )
    return _Rules(
        trailing_np=re.compile(
            rf"[\s,*_]*(?:(?P<np>{np})\s+(?:also\s+|then\s+|later\s+)?(?P<v>{alt})|(?P<v2>{alt})\s+(?P<np2>{np}))(?![\w-])"
        ),
        leading_np=re.compile(
            rf"(?P<np>{np})\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+)?(?P<v>{alt})(?:\s+(?:reporters|that|on\s+\w+|in\s+a\s+statement))?[\s,:]*(?:that\s*,?\s*)?[*_]*$"
        ),
        verb=re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I),
        colon_np=re.compile(
            r"(?:^|[\n.!?]\s*)(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})(?P<v>:)[\s*_]*$", re.M
        ),
        adding_np=re.compile(
            rf"(?P<np>{np})\s+(?:{alt}),\s+(?P<v>adding|saying|continuing|noting|explaining)(?:\s+later)?,?[\s*_:]*$"
        ),
        term_max_words=int(r["term_max_words"]),
        max_chars=int(r["max_quote_chars"]),
        max_paragraphs=int(r["max_paragraphs"]),
    )


_MARKS = re.compile(r"[\"“”„«»]")
_PARA = re.compile(r"\n[ \t*_>]*\r?\n")


def quote_spans(text: str, start_at: int = 0) -> list[tuple[int, int]]:
    """(start, end) of double-quoted passages, marks included, in text order."""
    r = rules()
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, start_at)]
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(marks)
    while i < n:
        pos, ch = marks[i]
        if ch in CLOSE_DOUBLE and ch != "»":
            i += 1  # a stray closing mark
            continue
        # find the closing mark: the next ” or " (a new “ first means this one was never closed)
        j = i + 1
        end = None
        while j < n:
            p2, c2 = marks[j]
            if p2 - pos > r.max_chars:
                break
            if c2 in CLOSE_DOUBLE or (c2 == STRAIGHT and ch == STRAIGHT):
                # a curly opening is closed by a curly mark only (straight ones inside are nested
                # quotes); a straight opening by either (mixed marks: " … ”)
                end = p2 + 1
                break
            if c2 in OPEN_DOUBLE:
                break
            j += 1
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


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def find_quotes(
    source: Source, sentences: list[tuple[int, int]], mentions: list[PersonMention], config: Config
) -> list[Quote]:
    r = rules()
    text = source.text
    spans = quote_spans(text, source.body_start)
    sent_starts = [s for s, _ in sentences]
    people = list(mentions)
    m_starts = [m.start for m in people]
    q_ranges = spans

    def inside_quote(pos: int) -> bool:
        i = bisect.bisect_right([q[0] for q in q_ranges], pos) - 1
        return i >= 0 and q_ranges[i][0] <= pos < q_ranges[i][1]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(sent_starts, pos) - 1
        return sentences[i] if 0 <= i < len(sentences) else (max(0, pos - 300), min(len(text), pos + 300))

    def mentions_in(a: int, b: int) -> list[PersonMention]:
        i = bisect.bisect_left(m_starts, a)
        out = []
        while i < len(people) and people[i].start < b:
            if not inside_quote(people[i].start):
                out.append(people[i])
            i += 1
        return out

    quotes: list[Quote] = []
    previous: Quote | None = None
    for qs, qe in spans:
        content = text[qs:qe]
        inner = content.strip('"“”„«» \n*_')
        is_term = _words(inner) <= r.term_max_words and not re.search(r"[.!?;:]", inner)
        q = Quote(start=qs, end=qe, text=content, is_term=is_term)
        s_start, s_end = sentence_of(qs)
        # the sentence holding the opening mark, and the one holding the closing mark
        e_start, e_end = sentence_of(max(qs, qe - 1))
        speaker: PersonMention | None = None
        cue = None
        # trailing: “…,” the Leader stated.  /  “…” he recalled.  /  “…,” said Khamenei.
        tail_end = min(len(text), qe + 120)
        nl = text.find("\n", qe)
        if nl != -1:
            tail_end = min(tail_end, nl)
        tail = text[qe:tail_end]
        tm = re.match(r"[\s,*_]*", tail)
        lead_skip = tm.end() if tm else 0
        cands = mentions_in(qe, tail_end)
        verbs = list(r.verb.finditer(text, qe, tail_end))
        if verbs and verbs[0].start() - qe <= 60:
            v = verbs[0]
            near = [c for c in cands if abs(c.start - v.start()) <= 45 and c.start >= qe + lead_skip - 1]
            if near and not re.search(r"[.!?]", text[qe + lead_skip : min(near[0].start, v.start())]):
                speaker, cue = near[0], v
        # leading: X said, “…”  /  He continued, “…”  /  X stated that “…”
        # a quote opening a paragraph after "X reports:" / "He said:" takes its cue from there
        introduced = text[max(0, qs - 3) : qs].strip(" \t*_") == "" and text[:qs].rstrip(
            " \t\r\n*_"
        ).endswith(":")
        if speaker is None:
            head_start = max(s_start if not introduced else 0, qs - 250)
            prev_q = bisect.bisect_left([x[1] for x in q_ranges], qs) - 1
            if prev_q >= 0 and q_ranges[prev_q][1] > head_start:
                head_start = q_ranges[prev_q][1]
            vs = [v for v in r.verb.finditer(text, head_start, qs) if not inside_quote(v.start())]
            if vs:
                v = vs[-1]
                before = mentions_in(head_start, v.start())
                after = [c for c in mentions_in(v.end(), qs) if c.start - v.end() <= 30]
                if before:
                    # the subject: the first person of the clause holding the verb
                    clause_start = max(
                        (m.end() for m in re.finditer(r"[;]|\.\s", text[head_start : v.start()])), default=0
                    )
                    in_clause = [b for b in before if b.start >= head_start + clause_start] or before
                    speaker, cue = in_clause[0], v
                elif after:
                    speaker, cue = after[0], v
        # elsewhere in the closing sentence: a person and a reporting verb
        if speaker is None:
            lo, hi = min(s_start, e_start), max(s_end, e_end)
            vs = [v for v in r.verb.finditer(text, lo, hi) if not inside_quote(v.start())]
            ms = mentions_in(lo, hi)
            if vs and ms:
                speaker, cue = ms[0], vs[0]
        np_span: tuple[int, int] | None = None
        if speaker is None:
            # a speaker that is no known person: "“…,” the announcer said", "The commission said, “…”"
            tm2 = r.trailing_np.match(text, qe, tail_end)
            if tm2:
                g = "np" if tm2["np"] else "np2"
                np_span, cue_m = (
                    (tm2.start(g), tm2.end(g)),
                    (tm2.start("v" if tm2["v"] else "v2"), tm2.end("v" if tm2["v"] else "v2")),
                )
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
            if np_span is not None:
                q.speaker_start, q.speaker_end = np_span
                q.cue = " ".join(text[cue_m[0] : cue_m[1]].split())
                q.cue_start, q.cue_end = cue_m
                np_text = text[np_span[0] : np_span[1]]
                q.speaker = (
                    np_text
                    if np_text[:1].isupper()
                    and np_text.split()[0].lower()
                    not in (
                        "the",
                        "a",
                        "an",
                        "he",
                        "she",
                        "it",
                        "they",
                        "we",
                        "i",
                        "his",
                        "her",
                        "their",
                        "its",
                    )
                    else None
                )
        if speaker is not None:
            q.speaker = speaker.name
            q.speaker_start, q.speaker_end = speaker.start, speaker.end
            q.speaker_id = speaker.person_id
        elif (
            np_span is None
            and previous is not None
            and not is_term
            and previous.speaker_start is not None
            and qs - previous.end < 400
        ):
            # the text runs on: a quote right after another, with no cue of its own
            gap = text[previous.end : qs]
            if not r.verb.search(gap) or _words(gap) < 3:
                q.speaker = previous.speaker
                q.speaker_start, q.speaker_end = previous.speaker_start, previous.speaker_end
                q.speaker_id = previous.speaker_id
        if cue is not None:
            q.cue = " ".join(cue.group().split())
            q.cue_start, q.cue_end = cue.start(), cue.end()
        quotes.append(q)
        if not is_term:
            previous = q
    return quotes
