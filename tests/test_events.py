"""Events of the sample corpus, end to end through the real pipeline (with and without configuration)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_tui.config import Config, load_config
from timeline_tui.model import Event, Timeline
from timeline_tui.pipeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"
ALL = {"000", "001", "002", "003", "004"}


@pytest.fixture(scope="module", params=["config", "empty"])
def timeline(request: pytest.FixtureRequest) -> Timeline:
    config = load_config(str(ROOT / "config.yaml")) if request.param == "config" else Config()
    return build_timeline([EVENTS], config, use_cache=False, jobs=1)


def sources(ev: Event) -> set[str]:
    return {e.source[:3] for e in ev.evidence}


def find(tl: Timeline, date: str, person: str | None = None) -> Event:
    matches = [e for e in tl.events if e.date == date and (person is None or person in e.people)]
    assert matches, f"no event on {date}: {[(e.date, e.title) for e in tl.events]}"
    return max(matches, key=lambda e: e.corroboration)


def test_the_meeting_is_one_event_from_all_five(timeline: Timeline) -> None:
    ev = find(timeline, "2023-12-04")
    assert sources(ev) == ALL and ev.corroboration == 5
    assert {"ali-khamenei", "miguel-diaz-canel"} <= set(ev.people)
    assert ev.granularity == "day"
    assert ev.title == "Khamenei meets Díaz-Canel in Tehran"
    # 003's sentence opens with its publication label ("date 2023-12-05 Ayatollah ..."): left out
    e003 = next(e for e in ev.evidence if e.source.startswith("003"))
    assert e003.text.startswith("Ayatollah Khamenei made the remarks")
    # 002 has no date of its own: its "Monday evening" is dated through the inferred publication date
    e002 = next(e for e in ev.evidence if e.source.startswith("002"))
    assert e002.time is not None and e002.time.text == "Monday evening"
    assert "inferred" in e002.time.explanation


def test_inferred_publication_date_is_explained(timeline: Timeline) -> None:
    rec = next(s for s in timeline.sources if s.id.startswith("002"))
    assert rec.published == "2023-12-05"
    assert rec.basis["published"].startswith("inferred from 3 corroborating sources")


def test_castro_visit_twenty_two_years_earlier(timeline: Timeline) -> None:
    ev = find(timeline, "2001")
    assert sources(ev) == ALL and ev.granularity == "year"
    assert "fidel-castro" in ev.people
    texts = {e.time.text for e in ev.evidence if e.time}
    # TimeML: "22 years after Fidel Castro … paid a visit" is the duration "22 years" (P22Y), "after"
    # its signal; the visit it points to dates the event
    assert {"twenty-two years ago", "22 years ago", "22 years"} <= texts
    after = next(e.time for e in ev.evidence if e.time and e.time.text == "22 years")
    assert after.value == "P22Y" and "22 years after" in after.explanation


def test_raisi_visit_earlier_this_year(timeline: Timeline) -> None:
    ev = find(timeline, "2023", "ebrahim-raisi")
    assert ev.granularity == "year" and "Havana" in ev.title


def test_seven_documents_signed(timeline: Timeline) -> None:
    ev = find(timeline, "2023-12-05", "ebrahim-raisi")
    assert "seven cooperation documents" in ev.evidence[0].text
    assert "sign" in ev.title


def test_revolution_with_undated_mentions_linked(timeline: Timeline) -> None:
    ev = find(timeline, "1979")
    assert ev.title == "Islamic Revolution"
    dated = {e.source[:3] for e in ev.evidence if e.time}
    linked = {e.source[:3] for e in ev.evidence if e.time is None}
    assert dated == {"001", "003"}
    assert {"000", "002", "004"} <= linked
    assert all("Islamic" in e.text or "islamic" in e.text for e in ev.evidence)


def test_two_years_a_dash_joins_are_one_period(tmp_path: Path) -> None:
    tl = _stories(
        tmp_path,
        {
            "a": ("Published 6 March 2024", "The club won the league in the 2008-09 season, its best ever."),
            "b": ("Published 6 March 2024", "Mr Graham was an aide to Senator Kennedy in 1977 and 1979."),
        },
    )
    (season,) = [e for e in tl.events if sources(e) == {"a"}]
    assert (season.date, season.end) == ("2008", "2009")
    assert season.evidence[0].time is not None and season.evidence[0].time.text == "2008-09"
    # years joined by a word, with no "from" or "between", stay two years
    assert sorted((e.date, e.end) for e in tl.events if sources(e) == {"b"}) == [
        ("1977", None),
        ("1979", None),
    ]


def test_a_time_made_an_adjective_of_a_thing_dates_no_event(tmp_path: Path) -> None:
    tl = _stories(
        tmp_path,
        {
            "a": (
                "Published 25 September 2016",
                "Mr. Obama opened the museum by ringing a large bell from an 18th-century black church.",
            ),
            "b": (
                "Published 25 September 2016",
                "Coal would have a declining role in a 21st-century economy.",
            ),
            "c": ("Published 25 September 2016", "The museum shows a 1950s-era Soviet tank."),
            "d": ("Published 25 September 2016", "The 1970s-era oil crisis changed the industry."),
            "e": ("Published 25 September 2016", "It was an 18th-century revolution in farming."),
            # unhyphenated: a noun after the century, not a verb or a function word
            "f": ("Published 25 September 2016", "The second century saint, Irenaeus, wrote on evil."),
            "g": ("Published 25 September 2016", "The 19th century saw the city grow tenfold."),
        },
    )
    assert sorted((e.date, "".join(sorted(sources(e)))) for e in tl.events) == [
        ("17", "e"),
        ("18", "g"),
        ("197", "d"),
    ]


def test_the_75_year_period(timeline: Timeline) -> None:
    ev = find(timeline, "1948")
    assert ev.end == "2023" and sources(ev) == ALL


def test_no_noise_events(timeline: Timeline) -> None:
    dates = sorted(e.date for e in timeline.events)
    assert dates == ["1948", "1979", "2001", "2023", "2023-12-04", "2023-12-05"], [
        (e.date, e.title) for e in timeline.events
    ]


def test_quote_groups_line_up_renderings(timeline: Timeline) -> None:
    meeting = find(timeline, "2023-12-04")
    groups = {q.id: q for q in timeline.quotes}
    alliance = [q for q in timeline.quotes if any("capacities should be used" in v.text for v in q.variants)]
    assert len(alliance) == 1
    g = alliance[0]
    assert g.speaker == "ali-khamenei" and g.event == meeting.id
    assert {v.source[:3] for v in g.variants} >= {"000", "001", "004"}
    assert g.id in meeting.quotes and all(q in groups for q in meeting.quotes)
    gaza = [q for q in timeline.quotes if any("unacceptable genocide" in v.text for v in q.variants)]
    assert len(gaza) == 1 and gaza[0].speaker == "miguel-diaz-canel"
    # 001 quotes only the words "unacceptable genocide" in reported speech: the same statement
    assert {v.source[:3] for v in gaza[0].variants} == {"000", "001", "002", "004"}


def test_translated_terms_form_one_statement(timeline: Timeline) -> None:
    """ "revolutionary honesty/sincerity/…" as four outlets render the Leader's words."""
    groups = [
        q
        for q in timeline.quotes
        if any(
            w in v.text.lower()
            for v in q.variants
            for w in ("revolutionary honesty", "revolutionary sincerity")
        )
    ]
    assert len(groups) == 1
    g = groups[0]
    assert g.speaker == "ali-khamenei" and g.event == find(timeline, "2023-12-04").id
    assert {v.source[:3] for v in g.variants} == {"000", "001", "002", "004"}
    assert any("sincerity" in v.text for v in g.variants) and any("honesty" in v.text for v in g.variants)


def test_ids_are_stable(timeline: Timeline) -> None:
    again = build_timeline([EVENTS], Config(), use_cache=False, jobs=1)
    assert [e.id for e in again.events] == [e.id for e in timeline.events]
    assert sorted(q.id for q in again.quotes) == sorted(q.id for q in timeline.quotes)


def test_chronological_order(timeline: Timeline) -> None:
    from timeline_tui.dates import sort_key

    keys = [sort_key(e.date) for e in timeline.events]
    assert keys == sorted(keys)


def test_conflicting_dates_are_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2023-12-05\nTalks\n\nAyatollah Ali Khamenei met Cuban President Miguel Díaz-Canel in Tehran on "
        "December 4, 2023, and the two leaders discussed an alliance against sanctions.\n"
    )
    (tmp_path / "b.txt").write_text(
        "date 2023-12-05\nTalks\n\nAyatollah Ali Khamenei met Cuban President Miguel Díaz-Canel in Tehran on "
        "December 4, 2023, and the two leaders discussed an alliance against sanctions.\n"
    )
    (tmp_path / "c.txt").write_text(
        "date 2023-12-05\nTalks\n\nAyatollah Ali Khamenei met Cuban President Miguel Díaz-Canel in Tehran on "
        "December 3, 2023, where the two leaders discussed an alliance against sanctions.\n"
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    meeting = [e for e in tl.events if e.granularity == "day"]
    assert len(meeting) == 1, [(e.date, e.title) for e in tl.events]
    ev = meeting[0]
    assert ev.date == "2023-12-04" and ev.corroboration == 3
    assert [(c.date, c.sources) for c in ev.conflicts] == [("2023-12-03", ["c"])]


def test_ties_among_common_words_do_not_depend_on_insertion_order() -> None:
    from collections import Counter

    from timeline_tui.events import _commonest

    a = Counter({"talks": 2, "havana": 1, "visit": 1, "meeting": 1})
    b = Counter({"meeting": 1, "visit": 1, "talks": 2, "havana": 1})
    assert _commonest(a, 2) == _commonest(b, 2) == [("talks", 2), ("havana", 1)]
    assert _commonest(a) == _commonest(b)


def _port_talks(tmp_path: Path) -> None:
    """Two dated reports of the same meeting a week apart, and an undated one that fits both."""
    for name, published, day in (("a", "2024-03-05", "March 4"), ("b", "2024-03-12", "March 11")):
        (tmp_path / f"{name}.txt").write_text(
            f"---\npublished: {published}\n---\nPort talks\n\nJane Doe and John Roe met in Lagos on Monday, "
            f"{day}, 2024, to discuss the new port, officials said.\n",
            encoding="utf-8",
        )
    (tmp_path / "c.txt").write_text(
        "Port talks\n\nJane Doe and John Roe met in Lagos on Monday to discuss the new port, officials said.\n",
        encoding="utf-8",
    )


def test_an_inferred_date_does_not_depend_on_the_order_of_the_evidence(tmp_path: Path) -> None:
    from timeline_tui.annotate.people import resolve_people
    from timeline_tui.events.infer import infer_publication_dates
    from timeline_tui.pipeline import annotate_paths

    _port_talks(tmp_path)
    results = []
    for order in ((0, 1, 2), (1, 0, 2)):
        docs = annotate_paths([tmp_path], Config(), use_cache=False, jobs=1)
        docs = [docs[i] for i in order]
        resolve_people(docs, Config())
        inferred = infer_publication_dates(docs)
        results.append((inferred["c"]["published"].value, inferred["c"]["published"].basis))
    # one vote each: the tie goes to the later date, whichever report comes first
    assert (
        results[0]
        == results[1]
        == (
            "2024-03-12",
            "inferred from 1 corroborating source published 2024-03-12 (b)",
        )
    )


def _titles(tmp_path: Path, articles: dict[str, str]) -> dict[str, str]:
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    return {e.date: e.title for e in tl.events}


def test_a_title_says_who_died_only_when_a_passage_says_it(tmp_path: Path) -> None:
    # the explosion killed eleven workers; the president named in the same passage did not die
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2010-04-22\n\nPresident Barack Obama said the explosion on the rig "
            "on 20 April 2010 killed 11 workers.\n",
            "b.txt": "Publish date 2010-04-23\n\nThe blast on 20 April 2010 killed 11 workers, "
            "President Barack Obama said in Washington.\n",
        },
    )
    assert not titles["2010-04-20"].startswith("death of"), titles
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 1995-11-06\n\nPrime Minister Yitzhak Rabin was assassinated in Tel "
            "Aviv on 4 November 1995, the agency said.\n",
            "b.txt": "Publish date 1995-11-07\n\nThe assassination of Prime Minister Yitzhak Rabin on "
            "4 November 1995 shocked Israel, officials said.\n",
        },
    )
    assert titles["1995-11-04"].startswith("death of Rabin"), titles


def test_a_month_is_no_place_in_a_title(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2010-06-20\n\nPresident Barack Obama met his adviser David Axelrod "
            "on 14 June 2010, as he had in June.\n",
        },
    )
    assert titles["2010-06-14"] == "Obama meets Axelrod", titles


def test_a_passage_title_keeps_its_role_phrases(tmp_path: Path) -> None:
    # the role phrase is left out only where the event-word rules read the passage
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2024-03-05\n\nThe minister resigned on Monday after the vote, officials said.\n"
        },
    )
    assert titles["2024-03-04"] == "The minister resigned on Monday after the vote", titles


def test_a_closing_reporting_clause_is_no_part_of_the_title_of_what_it_reports(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2024-05-10\n\nThe river burst its banks on Thursday night, Mayor John "
            "Smith said on Friday.\n\nOn Wednesday, the council said it would build a new wall along the "
            "river.\n",
        },
    )
    assert titles["2024-05-09"] == "The river burst its banks on Thursday night", titles
    assert titles["2024-05-10"] == "Smith statement", titles  # the saying is Friday's
    # a long clause after the verb is what the passage reports: the passage stays whole
    assert titles["2024-05-08"].startswith("On Wednesday, the council said it would build"), titles


def test_passages_naming_nobody_merge_on_their_wording(tmp_path: Path) -> None:
    # three outlets report the quake without naming anyone: one event with three sources, not three
    articles = {
        "a.txt": "Publish date 2010-01-13\n\nA magnitude 7.0 earthquake struck Haiti on 12 January 2010, "
        "destroying much of the capital Port-au-Prince.\n",
        "b.txt": "Publish date 2010-01-14\n\nThe earthquake that struck Haiti on 12 January 2010 "
        "destroyed much of the capital, Port-au-Prince.\n",
        "c.txt": "Publish date 2010-01-15\n\nMuch of Port-au-Prince was destroyed when the earthquake "
        "struck Haiti on 12 January 2010.\n",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    quake = [e for e in tl.events if e.date == "2010-01-12"]
    assert len(quake) == 1 and quake[0].corroboration == 3, [(e.date, e.title) for e in tl.events]


def test_one_passage_does_not_redate_what_most_sources_say() -> None:
    from timeline_tui.events import _supported_value

    many = {f"s{i}" for i in range(44)}
    # the cluster took "2010-W15" from one passage ("nearly two weeks ago"); 44 sources say April
    assert _supported_value("2010-W15", {"2010-04": many, "2010-W15": {"s99"}}, 45) == "2010-04"
    # a day a quarter of the sources give stays the event's date
    assert (
        _supported_value("2023-12-04", {"2023-12": {"a", "b", "c"}, "2023-12-04": {"d"}}, 4) == "2023-12-04"
    )
    # nothing better backed: the cluster's date stands
    assert _supported_value("2001", {"2001": {"a"}, "2023": {"b", "c", "d", "e", "f"}}, 6) == "2001"


def test_quotes_nobody_is_known_to_have_said_group_only_as_copies(tmp_path: Path) -> None:
    same = "``We have at least 300 people in a 100 bed hospital,'' an aid worker told the agency.\n"
    articles = {
        "a.txt": "Publish date 2010-01-14\n\nOn 13 January 2010 the clinics were full. " + same,
        "b.txt": "Publish date 2010-01-15\n\nOn 13 January 2010 the clinics were full. " + same,
        "c.txt": "Publish date 2010-01-15\n\nOn 13 January 2010 the clinics were full. ``We have people "
        "in the hospital who need water,'' a nurse told the agency.\n",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    sizes = sorted(len(g.variants) for g in tl.quotes)
    assert sizes == [1, 2], [(g.speaker, [v.text for v in g.variants]) for g in tl.quotes]


def _synthetic_candidates(seed: int, n: int) -> list:
    """Candidates over a few sources, people, words and dates of every granularity, some periods."""
    import random

    from timeline_tui.events import Candidate
    from timeline_tui.model import Source, SourceAnnotations, Timex

    rng = random.Random(seed)
    docs = [
        SourceAnnotations(source=Source(id=f"s{i:02d}", path="", text="", format="txt", encoding="utf-8"))
        for i in range(12)
    ]
    values = [
        "2023",
        "2023-12",
        "2023-W49",
        "2023-Q4",
        "2023-12-04",
        "2023-12-05",
        "2023-12-11",
        "2022",
        "2022-06-01",
        "199",
        "2023-02-30",
    ]
    people = [f"p{i}" for i in range(6)]
    vocab = [f"w{i}" for i in range(40)]
    out = []
    for k in range(n):
        value = rng.choice(values)
        end = "2023" if rng.random() < 0.1 else None
        t = Timex(start=0, end=4, text="x", type="DATE", value=value, granularity="day")
        out.append(
            Candidate(
                doc=rng.choice(docs),
                start=k,
                end=k + 1,
                timex=t,
                value=value,
                end_value=end,
                people=frozenset(rng.sample(people, rng.choice((0, 0, 1, 1, 2, 3)))),
                words=frozenset(rng.sample(vocab, rng.randint(0, 12))),
                text="",
            )
        )
    return out


def _reference_merge(cands: list) -> list:
    """``merge`` as first written, with ``_similar`` called on every compatible cluster."""
    from collections import defaultdict

    from timeline_tui.dates import intervals_compatible, sort_key, value_interval
    from timeline_tui.events import MAX_COMPARE, Cluster, _similar

    cands = sorted(cands, key=lambda c: (sort_key(c.value), c.doc.source.id, c.start))
    clusters: list[Cluster] = []
    by_block: dict = defaultdict(list)
    for c in cands:
        iv = value_interval(c.value)
        year = iv[0].year if iv else 0
        keys = [(year, "v:" + c.value[:4])] + [(year, "p:" + p) for p in sorted(c.people)]
        seen: set[int] = set()
        best, best_score = None, 0.0
        for k in keys:
            for ci in reversed(by_block.get(k, [])[-MAX_COMPARE:]):
                if ci in seen:
                    continue
                seen.add(ci)
                cl = clusters[ci]
                if (c.end_value is None) != (cl.end_value is None):
                    continue
                if not intervals_compatible(iv, cl.interval):
                    continue
                score = _similar(c, cl)
                needed = 0.45 if c.value == cl.value else 0.6
                if score >= needed and score > best_score:
                    best, best_score = ci, score
        if best is None:
            clusters.append(Cluster(value=c.value, end_value=c.end_value))
            best = len(clusters) - 1
        clusters[best].add(c)
        for k in keys:
            block = by_block[k]
            if not (block and block[-1] == best) and best not in block[-MAX_COMPARE:]:
                block.append(best)
    return clusters


@pytest.mark.parametrize("seed", range(6))
def test_merge_scores_as_similar_does(seed: int) -> None:
    """merge computes _similar inline and skips the wording when it cannot matter: the same clusters,
    with the same top words refreshed at the same times, as calling _similar on every comparison."""
    from timeline_tui.events import merge

    def shape(clusters: list) -> list:
        return [
            (cl.value, cl.end_value, [(c.doc.source.id, c.start) for c in cl.members], cl._top, cl._top_size)
            for cl in clusters
        ]

    cands = _synthetic_candidates(seed, 600)
    assert shape(merge(cands)) == shape(_reference_merge(cands))


def _link_pattern(contexts: list[str]):
    import re

    ctx = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in contexts)
    return re.compile(rf"\b(?:{ctx})\s+(?:the\s+)?")


@pytest.mark.parametrize("seed", range(4))
def test_leads_near_the_phrases_are_the_leads_of_a_full_scan(seed: int) -> None:
    """link_undated looks for a context only just before a phrase's first word; it must find the
    matches a scan of the whole text finds and a phrase word follows (white space runs, words that
    only begin like a context or a phrase, punctuation, a text's start)."""
    import random
    import re

    from timeline_tui.events import _lead_reach, _leads
    from timeline_tui.events.text import tables

    contexts = [str(x).lower() for x in tables()["link_contexts"]]
    lead = _link_pattern(contexts)
    reach = _lead_reach(contexts)
    assert reach == 3
    firsts = {"islamic", "piper", "the"}
    token = re.compile(r"\w+")
    pieces = [w for x in contexts for w in x.split()] + [
        "the",
        "islamic",
        "islamics",
        "piper",
        "x",
        "(",
        ",",
        "aftermath",
    ]
    spaces = [" ", " ", " ", "  ", "\n", " \t ", " " * 45, ""]
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(rng.randint(0, 30)))
        want = [
            m.span()
            for m in lead.finditer(text)
            if (fw := token.match(text, m.end())) is not None and fw.group() in firsts
        ]
        assert [m.span() for m in _leads(text, lead, firsts, reach)] == want, text
        assert [m.span() for m in _leads(text, lead, firsts, None)] == want


def test_contexts_whose_matches_could_overlap_are_scanned_in_full() -> None:
    from timeline_tui.events import _lead_reach

    assert _lead_reach(["end of", "of the"]) is None  # "end of the ..." holds a start of "of the"
    assert _lead_reach(["the end of"]) is None  # after "since the", "the end of" could start
    assert _lead_reach(["re-election of"]) is None  # not words of letters
    assert _lead_reach(["end of", "start of"]) == 3


def test_content_words_of_folded_text() -> None:
    from timeline_tui.events.text import folded_content_words, tables

    stop = tables()["stopwords_set"]

    def reference(folded: str) -> frozenset[str]:
        return frozenset(w for w in folded.split() if len(w) >= 3 and w not in stop and not w.isdecimal())

    for text in (
        "the leader met the president in tehran on 4 december 2023",
        "x yy zzz 123 12a 2023 ٣٤٥ ab abc abc about",
        "",
        "   ",
    ):
        assert folded_content_words(text) == reference(text)
        assert folded_content_words(text) == reference(text)  # the second time from the table


def test_event_word_uses_are_counted_as_each_rule_pattern_counts() -> None:
    import random

    from timeline_tui.events.titles import _rule_counts, _rule_patterns
    from timeline_tui.util.names import fold

    rules = _rule_patterns()
    words = [str(w) for rule, _ in rules for w in rule["match"]]
    words += ["held", "paid", "a", "talks", "the", "visitor", "revolutions", "meetings", "x"]
    rng = random.Random(3)
    for _ in range(500):
        joined = fold(" ".join(rng.choice(words) for _ in range(rng.randint(0, 40))))
        if rng.random() < 0.3:
            joined = joined.replace(" ", "  ", 1)  # a passage that folds to nothing
        assert _rule_counts(joined) == [len(pat.findall(joined)) for _rule, pat in rules], joined


def test_place_of_passages_scanned_at_once() -> None:
    from timeline_tui.events.titles import _place

    texts = ["Raisi visited", "Havana on Monday and met in Tehran", "talks in", "Tehran Province", "to Cuba"]
    # 'visited' ends a passage and 'Havana' starts the next: no place; each passage on its own
    assert _place(texts, set()) == " in Tehran"
    assert _place(["He went to Cuba.", "He flew to Cuba", "to Havana"], {"cuba"}) == " in Havana"


def test_token_set_scores_as_the_text_does() -> None:
    from rapidfuzz import fuzz

    from timeline_tui.events.quotes import token_set
    from timeline_tui.util.names import fold

    texts = [
        "the issue of palestine is not only related to the recent war",
        "the issue of palestine is not only related to the recent occurrences in gaza and the war",
        "we will not we will not accept it",
        "a a a",
        "díaz canel said the revolution will go on",
        "",
    ]
    for a in texts:
        for b in texts:
            for cutoff in (0, 62, 90):
                want = fuzz.token_set_ratio(fold(a), fold(b), score_cutoff=cutoff)
                assert (
                    fuzz.token_set_ratio(token_set(fold(a)), token_set(fold(b)), score_cutoff=cutoff) == want
                )


@pytest.mark.parametrize("in_order", [True, False])
def test_a_passage_s_mentions_with_and_without_the_index_range(in_order: bool) -> None:
    """Candidates keep the range of their passage's mentions when the source lists mentions in the
    order of their starts; otherwise titles and people order look for them as before."""
    from timeline_tui.events import _order_people, _without_roles, candidates
    from timeline_tui.model import PersonMention, Source, SourceAnnotations, Timex

    text = "On 4 December 2023 the Leader of the Revolution Khamenei met Raisi and Castro in Tehran."

    def mention(word: str, kind: str, pid: str) -> PersonMention:
        start = text.index(word)
        return PersonMention(start, start + len(word), word, kind, word, pid)  # type: ignore[arg-type]

    mentions = [
        mention("Leader of the Revolution", "title", "k"),
        mention("Khamenei", "name", "k"),
        mention("Raisi", "name", "r"),
        mention("Castro", "name", "c"),
    ]
    if not in_order:
        mentions = [mentions[2], mentions[0], mentions[3], mentions[1]]
    doc = SourceAnnotations(
        source=Source(id="a", path="", text=text, format="txt", encoding="utf-8"),
        sentences=[(0, len(text))],
        timexes=[
            Timex(
                start=3,
                end=18,
                text="4 December 2023",
                type="DATE",
                value="2023-12-04",
                granularity="day",
                anchor="absolute",
            )
        ],
        mentions=mentions,
    )
    (c,) = candidates([doc])
    assert (c.m_lo >= 0) is in_order
    assert c.mentions() == [m for m in mentions if c.start <= m.start < c.end]
    assert _without_roles(c, c.end) == text.replace("Leader of the Revolution", "")
    first = "k" if in_order else "r"
    assert _order_people([c], ["c", "k", "r"])[0] == first


def test_a_title_place_is_a_whole_capitalised_run_and_no_capitalised_word() -> None:
    from timeline_tui.events.titles import _place

    # the whole name, not its first two words
    texts = ["Ed Overton, an environmental scientist at Louisiana State University, said"]
    assert _place(texts, set()) == " in Louisiana State University"
    assert (
        _place(["the slick reached the shore in Prince William Sound"], set()) == " in Prince William Sound"
    )
    # a sentence run into the place by an extraction is no part of it
    assert _place(["President Obama in Washington At a briefing he said"], set()) == " in Washington"
    # words joined by hyphens are one name; a hyphenated adjective is no place
    assert _place(["Rescuers searched the rubble in Port-au-Prince"], set()) == " in Port-au-Prince"
    assert _place(["He works in Tehran-based offices"], set()) == ""
    # a word the passages also write in lower case, capitalised in a reader's comment, is no place
    texts = [
        "the best thing Obama can do for America is to Resign immediately",
        "all he has to do is resign",
    ]
    assert _place(texts, set()) == ""
    # a place whose words are also common words stays one when one of them is not
    assert _place(["they met in New York", "a new plan"], set()) == " in New York"
    # a people's adjective is no place; the place it is of stays one
    assert _place(["a fascination to Iranian revolutionaries"], set()) == ""
    assert _place(["the talks in Tehran ended", "patrols in Chinese waters"], set()) == " in Tehran"


def test_configured_people_no_source_names_are_not_the_corpus_people(tmp_path: Path) -> None:
    from timeline_tui.config import load_config

    (tmp_path / "a.txt").write_text(
        "Publish date 2024-05-12\n\nSir Keir Starmer met President Emmanuel Macron in Paris on Friday.\n",
        encoding="utf-8",
    )
    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        "people:\n  - name: Keir Starmer\n    aliases: [Sir Keir]\n  - name: Ali Khamenei\n", encoding="utf-8"
    )
    tl = build_timeline([tmp_path / "a.txt"], load_config(cfg), use_cache=False, jobs=1)
    assert sorted(p.name for p in tl.people) == ["Emmanuel Macron", "Keir Starmer"]


def _timeline_of(tmp_path: Path, files: dict[str, str]) -> Timeline:
    """The timeline of ``files`` (file name -> text), written into ``tmp_path``."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return build_timeline([tmp_path], Config(), use_cache=False, jobs=1)


def test_a_dateline_is_no_part_of_the_passage_it_opens(tmp_path: Path) -> None:
    ap = (
        "Truce extended\n\nUpdated 6:42 PM GMT, November 27, 2023\n\n"
        "JERUSALEM (AP) — Israel and Hamas agreed Monday to extend their cease-fire in Gaza by two days.\n"
    )
    tl = _timeline_of(tmp_path, {"ap.txt": ap})
    (ev,) = [e for e in tl.events if e.date == "2023-11-27"]
    assert ev.evidence[0].text.startswith("Israel and Hamas agreed Monday")
    assert not ev.title.startswith("JERUSALEM")


def test_a_dateline_without_a_year_takes_its_year_from_the_other_sources(tmp_path: Path) -> None:
    ap = (
        "Quake in Peru\n\nUpdated 9:14 AM EDT, October 15, 2025\n\n"
        "LIMA, Peru (AP) — President Dina Boluarte declared a state of emergency on Wednesday after the quake.\n"
    )
    reuters = (
        "Peru toll rises\n\nLIMA, Oct 16 (Reuters) - President Dina Boluarte flew to Ayacucho, where the death "
        "toll rose to 52, officials said.\n"
    )
    tl = _timeline_of(tmp_path, {"ap.txt": ap, "reuters.txt": reuters})
    (rec,) = [s for s in tl.sources if s.id == "reuters"]
    # the dateline's day, not the day of the source the year came from
    assert rec.published == "2025-10-16"
    assert rec.basis["published"].startswith("dateline 'LIMA, Oct 16 (Reuters) -'; year from the median")


def test_a_dateline_without_a_year_and_nothing_to_date_it_stays_undated_and_says_why(tmp_path: Path) -> None:
    reuters = "Peru toll rises\n\nLIMA, Oct 16 (Reuters) - The death toll rose to 52, officials said.\n"
    tl = _timeline_of(tmp_path, {"reuters.txt": reuters})
    (rec,) = tl.sources
    assert rec.published is None
    assert rec.basis["published"] == "dateline 'LIMA, Oct 16 (Reuters) -' gives the month and day, no year"


def test_a_year_and_a_name_title_an_event_with_the_happening_noun(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Quake\n\nPublished 15 October 2025\n\nThe 2007 Pisco earthquake killed more than 500 people in Peru.\n"
        "In 2007 Obama won the support of many voters in Iowa, a poll found.\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    titles = sorted(e.title for e in tl.events if e.date == "2007")
    assert "Pisco earthquake" in titles
    assert "Obama" not in titles  # a year that "the" does not open names no happening


def _events_of(tmp_path: Path, stories: dict[str, str]) -> dict[str, list[tuple[str, list[str]]]]:
    """Date -> (title, sources) of each event, from stories (id -> body) published in 2010."""
    files = {
        f"{sid}.txt": f"Story {sid}\n\nPublished 2 June 2010\n\n{body}\n" for sid, body in stories.items()
    }
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for e in _timeline_of(tmp_path, files).events:
        out.setdefault(e.date, []).append((e.title, sorted({x.source for x in e.evidence})))
    return {day: sorted(events) for day, events in out.items()}


def test_one_named_happening_of_a_year_told_in_other_words_is_one_event(tmp_path: Path) -> None:
    stories = {
        "a": "The spill could soon eclipse the 1989 Exxon Valdez disaster as the worst in US history.",
        "b": "The spill is threatening to eclipse the 1989 Exxon Valdez leak off Alaska, officials warned.",
        "c": "Fishermen still remember the Exxon Valdez oil spill in 1989, which ruined their catch.",
        "d": "The leak is already 20 times the size of the 1989 Exxon Valdez spill, scientists believe.",
        "e": "Engineers cited the 1979 Ixtoc I leak in the Gulf of Mexico, which took nine months to stop.",
        "f": "In the Ixtoc spill of 1979, shrimp catches fell by as much as 70%, a study found.",
    }
    events = _events_of(tmp_path, stories)
    assert events["1989"] == [("Exxon Valdez disaster", ["a", "b", "c", "d"])]
    # a name's word may be one capital letter ("Ixtoc I"), and "Ixtoc I leak" is the Ixtoc spill
    assert events["1979"] == [("Ixtoc I leak", ["e", "f"])]


def test_a_name_with_two_kinds_of_happening_in_one_year_is_two_events(tmp_path: Path) -> None:
    stories = {
        "a": "Aid groups recalled the 2008 Haiti hurricane season, when four storms struck the island.",
        "b": "Turnout was low in the Haiti elections of 2008, observers said at the time.",
        "c": "Many families never recovered from the 2008 Haiti floods, the report found.",
    }
    assert sorted(src for _, src in _events_of(tmp_path, stories)["2008"]) == [["a"], ["b"], ["c"]]


def _sources_by_event_of_the_day(tmp_path: Path, stories: dict[str, str]) -> list[list[str]]:
    """The sources of each event of 12 January 2010, from stories (id -> body) published two days later."""
    for sid, body in stories.items():
        (tmp_path / f"{sid}.txt").write_text(
            f"Story {sid}\n\nPublished 14 January 2010\n\n{body}\n", encoding="utf-8"
        )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    day = [e for e in tl.events if e.date == "2010-01-12"]
    return sorted(sorted({x.source for x in e.evidence}) for e in day)


def test_one_day_told_in_other_words_is_one_event_and_another_happening_that_day_is_not(
    tmp_path: Path,
) -> None:
    stories = {
        "a": "The 7.0-magnitude quake struck south of Port-au-Prince on Tuesday, flattening homes.",
        "b": "As many as 200,000 people died when the magnitude 7.0 quake struck Port-au-Prince on 12 January.",
        "c": "Tuesday's quake near Port-au-Prince was the worst in two centuries, with homes flattened.",
        "d": "Brazil beat Argentina 2-1 in a friendly football match in Rio de Janeiro on Tuesday evening.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b", "c"], ["d"]]


def _stories(tmp_path: Path, stories: dict[str, tuple[str, str]]) -> Timeline:
    """The timeline of stories: id -> (publication line, body)."""
    return _timeline_of(
        tmp_path,
        {
            f"{sid}.txt": f"Story {sid}\n\n{published}\n\n{body}\n"
            for sid, (published, body) in stories.items()
        },
    )


def test_a_day_whose_passages_date_a_named_happening_is_titled_by_its_name(tmp_path: Path) -> None:
    day = "Published 14 January 2010"
    tl = _stories(
        tmp_path,
        {
            "a": (day, "Thousands are feared dead after Tuesday's quake, the worst in two centuries."),
            "b": (day, "The Haiti earthquake struck south of the capital on Tuesday, flattening homes."),
            # a tokenised text ("Tuesday 's") names it too
            "c": (day, "Rescuers searched the rubble left by Tuesday 's earthquake in the Haiti capital ."),
            "d": (day, "Aid flights landed on Thursday, two days after the Haiti earthquake of Tuesday."),
            # a passage of another event word does not title the day most passages name the quake by
            "e": (day, "President Rene Preval met Jean-Max Bellerive after Tuesday's quake to plan the aid."),
            # a week that holds the day tells the same happening
            "f": (
                "Published 19 January 2010",
                "Buildings weakened by last week's quake collapsed on Monday.",
            ),
            # and so does a count from the happening
            "g": (
                "Published 19 January 2010",
                "Nearly a week after the Haiti earthquake struck, survivors wait.",
            ),
        },
    )
    (ev,) = [e for e in tl.events if e.date == "2010-01-12"]
    assert ev.title == "Haiti earthquake"
    assert sources(ev) == {"a", "b", "c", "d", "e", "f", "g"}
    assert ev.conflicts == []
    # "nearly a week after" gives the day roughly, the others exactly: the date is no approximation
    assert not ev.approximate


def test_a_weekday_read_in_the_wrong_week_joins_the_happening_it_names(tmp_path: Path) -> None:
    day = "Published 14 January 2010"
    tl = _stories(
        tmp_path,
        {
            "a": (day, "Thousands are feared dead after Tuesday's quake, the worst in two centuries."),
            "b": (day, "Many buildings collapsed in the capital in Tuesday's quake, officials said."),
            "c": (day, "The UN headquarters was among the buildings destroyed in Tuesday's quake."),
            # written on Thursday 21 January: "last Tuesday" reads as the 19th
            "d": (
                "Published 21 January 2010",
                "Up to 200,000 people died in last Tuesday's quake, the UN said.",
            ),
            # another happening of that later Tuesday stays its own
            "e": (
                "Published 21 January 2010",
                "Tuesday's aid conference in Montreal agreed a plan, the UN said.",
            ),
        },
    )
    (ev,) = [e for e in tl.events if e.date == "2010-01-12"]
    assert sources(ev) == {"a", "b", "c", "d"}
    assert [(c.date, c.sources) for c in ev.conflicts] == [("2010-01-19", ["d"])]
    assert [sources(e) for e in tl.events if e.date == "2010-01-19"] == [{"e"}]


#: four stories written after the debate of Monday 26 September 2016 that date it by its weekday
_DEBATE_COVERED = {
    sid: ("Published 28 September 2016", body)
    for sid, body in {
        "a": "Clinton won Monday's debate at Hofstra, polls showed.",
        "b": "Trump blamed his microphone for Monday's debate performance, aides said.",
        "c": "Both campaigns argued over Monday's debate, the first of three, on Tuesday.",
        "d": "Viewers said the moderator of Monday's debate was fair, a poll found.",
    }.items()
}


def test_a_weekday_either_side_of_publication_joins_at_a_lower_ratio(tmp_path: Path) -> None:
    """Sources published between two Mondays read "Monday's debate" as the past one; twice as many
    sources date the debate to the later Monday: it was coming. A source that could only mean the
    earlier Monday keeps its own event."""
    tl = _stories(
        tmp_path,
        {
            **_DEBATE_COVERED,
            # written on Friday 23 and Sunday 25 September, before it
            "e": ("Published 23 September 2016", "Trump has complimented the moderator of Monday's debate."),
            "f": ("Published 25 September 2016", "Pence said the tweet about Monday's debate was a joke."),
        },
    )
    (ev,) = [e for e in tl.events if e.date == "2016-09-26"]
    assert sources(ev) == {"a", "b", "c", "d", "e", "f"}
    assert [(c.date, sorted(c.sources)) for c in ev.conflicts] == [("2016-09-19", ["e", "f"])]
    # a minority source written before the earlier Monday could only mean it: below the usual ratio
    # the two stay apart
    (tmp_path / "b").mkdir()
    tl = _stories(
        tmp_path / "b",
        {
            **_DEBATE_COVERED,
            "e": ("Published 23 September 2016", "Trump has complimented the moderator of Monday's debate."),
            "f": ("Published 17 September 2016", "Pence will watch Monday's debate from Indiana."),
        },
    )
    by_day = {e.date: sources(e) for e in tl.events if e.date in ("2016-09-19", "2016-09-26")}
    assert by_day == {"2016-09-19": {"e", "f"}, "2016-09-26": {"a", "b", "c", "d"}}


def test_a_happening_named_after_a_compound_or_before_a_bare_weekday_is_that_day_s(tmp_path: Path) -> None:
    after = "Published 28 September 2016"
    tl = _stories(
        tmp_path,
        {
            **_DEBATE_COVERED,
            # a compound's last noun, and a happening right before a weekday
            "e": (
                after,
                "The commission says a microphone failed during Monday night's first general election debate.",
            ),
            "f": (
                after,
                "The nominee aggressively attacked a fraud and a scam artist during the first presidential debate Monday night.",
            ),
        },
    )
    assert [sources(e) for e in tl.events if e.date == "2016-09-26"] == [{"a", "b", "c", "d", "e", "f"}]


def test_a_generic_name_of_a_day_s_happening_is_the_happening_of_that_day(tmp_path: Path) -> None:
    stories = {
        "a": "The 7.0-magnitude quake struck south of Port-au-Prince on Tuesday, flattening homes.",
        "b": "Tuesday's quake near Port-au-Prince was the worst in two centuries, officials said.",
        "c": "Since Tuesday's catastrophe, more than 40 countries have sent rescue teams.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b", "c"]]


def test_a_happening_s_verb_dates_it_in_a_passage_naming_someone_when_nothing_comes_between(
    tmp_path: Path,
) -> None:
    stories = {
        "a": "The 7.0-magnitude quake struck south of Port-au-Prince on Tuesday, flattening homes.",
        "b": "Tuesday's quake near Port-au-Prince was the worst in two centuries, officials said.",
        "c": "Ann Barnes has been missing since the quake hit the capital on Tuesday.",
        # the time is another verb's, or another noun's
        "d": "After the quake hit, Bill Clinton flew to Miami on Tuesday to raise funds for charity.",
        "e": "Hillary Clinton's comments Tuesday on the shooting drew sharp criticism from her rivals.",
        "f": "The shooting on Tuesday in Tulsa is under review by the department, officers said.",
        "g": "Tuesday's shooting of Terence Crutcher in Tulsa is under review, the department said.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b", "c"], ["d"], ["e"], ["f", "g"]]


def test_the_time_heading_a_live_entry_is_no_part_of_its_title(tmp_path: Path) -> None:
    text = (
        "Storm Darragh live\n\nBBC News\nPublished 7 December 2024\n\n"
        "09:15 GMT\nMore than 200,000 homes are without power across Wales and south-west England.\n"
    )
    tl = _timeline_of(tmp_path, {"live.txt": text})
    titles = [e.title for e in tl.events]
    assert "More than 200,000 homes are without power across Wales and south-west England" in titles


def test_the_evidence_time_is_the_expression_that_gives_the_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "October 24, 2025\n\nNet income rose to $2.1 billion, or $1.05 per share, in the quarter ended "
        "Sept. 30, the company said.\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False)
    (ev,) = [e for e in tl.events if e.date == "2025-09-30"]
    assert [(e.time.text, e.time.value) for e in ev.evidence if e.time] == [("Sept. 30", "2025-09-30")]


@pytest.mark.parametrize(
    ("text", "date", "title"),
    [
        # what a when-clause says happened at the time before it
        (
            "It is the deadliest earthquake in Turkey since 1939, when a quake in Erzincan killed about "
            "33,000 people.",
            "1939",
            "A quake in Erzincan killed about 33,000 people",
        ),
        (
            "Sarah was in Haiti on 20 January 2010 when an aftershock hit, measuring 6.1 on the Richter scale.",
            "2010-01-20",
            "An aftershock hit, measuring 6.1 on the Richter scale",  # a dot inside a number ends nothing
        ),
        # a relative clause holding the time tells of its subject
        (
            "Lopez, who took over as CEO in March 2022, has cut costs and laid off about 4,000 workers.",
            "2022-03",
            "Lopez took over as CEO in March 2022",
        ),
        # the happening a signal names right before the time
        (
            "The last aid package was approved in December 2022, nearly a year after Russia's full-scale "
            "invasion on Feb. 24, 2022.",
            "2022-02-24",
            "Russia's full-scale invasion",
        ),
        # a duration counted from a happening: that happening
        (
            "The World Health Organization on Friday declared the emergency over, a little more than a "
            "year after it first sounded the alarm.",
            "2023",
            "It first sounded the alarm",
        ),
        # a happening still to come is not what happened at the time
        (
            "Bernie Sanders offered some pointed advice to Hillary Clinton on Tuesday in the upcoming "
            "presidential debates.",
            "2024-02-13",
            "Bernie Sanders offered some pointed advice to Hillary Clinton on Tuesday in…",
        ),
        # too vague a name ("the accident") leaves the passage as the title
        (
            "Shares have fallen by half since the accident on 20 April 2010, traders said.",
            "2010-04-20",
            "Shares have fallen by half since the accident on 20 April 2010",
        ),
    ],
)
def test_a_title_tells_what_happened_at_the_time(tmp_path: Path, text: str, date: str, title: str) -> None:
    titles = _titles(tmp_path, {"a.txt": f"Publish date 2024-02-13\n\n{text}\n"})
    assert titles[date] == title, titles


@pytest.mark.parametrize(
    ("text", "date", "title"),
    [
        (
            "House Speaker Mike Johnson said on Monday night that he would not bring the bill to a vote quickly.",
            "2024-02-12",
            "Johnson says he would not bring the bill to a vote quickly",
        ),
        (
            "Prime Minister Pedro Sánchez declared three days of national mourning from Thursday.",
            "2024-02-15",
            "Sánchez declares three days of national mourning from Thursday",
        ),
        # a word after the verb tells when, not what: the quotation is what was said
        (
            '"The unfairness of the tax laws is unbelievable," Donald Trump said Monday.',
            "2024-02-12",
            "Trump: “The unfairness of the tax laws is unbelievable”",
        ),
        (
            '"We will not leave anyone behind," Prime Minister Pedro Sánchez said in a televised address on '
            "Wednesday.",
            "2024-02-14",
            "Sánchez: “We will not leave anyone behind”",
        ),
        # nothing said that a title could hold: the statement itself
        ("Mayor Ann Lee said so in a statement on Monday.", "2024-02-12", "Lee statement"),
        # a long phrase before "that"; a quotation inside what was said
        (
            "Russian President Dmitry Medvedev said in an interview with the Wall Street Journal on Thursday "
            "that BP had to pay “a lot of money this year”.",
            "2024-02-15",
            "Medvedev says BP had to pay “a lot of money this year”",
        ),
        # what was said ends where a quotation opens a sentence of its own
        (
            "President Dmitry Medvedev says BP may not survive the crisis “What I know is that BP will have "
            "to pay,” he said on Thursday.",
            "2024-02-15",
            "Medvedev says BP may not survive the crisis",
        ),
    ],
)
def test_a_statement_is_titled_by_what_was_said(tmp_path: Path, text: str, date: str, title: str) -> None:
    titles = _titles(tmp_path, {"a.txt": f"Publish date 2024-02-16\n\n{text}\n"})
    assert titles[date] == title, titles


def test_a_statement_title_names_only_the_person_who_spoke(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2025-10-09\n\nProsecutors said the scheme began in 2016, shortly after "
            "Garza's re-election.\n\nHer son, David Ellison, said she had been in declining health since "
            "suffering a stroke in late 2023.\n\nAslef general secretary Mick Whelan said members had "
            '"no choice" after a pay offer of 3% was tabled on 19 June.\n',
        },
    )
    # Garza is named, but the prosecutors speak: no "Garza statement"
    assert titles["2016"].startswith("Prosecutors said the scheme began in 2016"), titles
    # a comma after the name, and a quoted phrase in what was said
    assert titles["2023"].startswith("Ellison says she had been in declining health"), titles
    assert titles["2025-06-19"].startswith('Whelan says members had "no choice"'), titles


def test_a_passage_that_counts_from_an_event_does_not_title_it(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2025-10-09\n\nThe scheme ran for years until agents of the FBI raided "
            "Garza's office at City Hall in March 2021.\n\nGarza resigned in October 2021, seven months after the FBI raid on his "
            "City Hall office.\n",
        },
    )
    # one event of both passages; the shorter one reports the resignation
    assert titles["2021-03"].startswith("The scheme ran for years until agents of the FBI raided"), titles


def test_a_period_that_is_a_noun_of_its_clause_stays_in_the_title(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2025-03-18\n\nShe spent her last two decades teaching at Willamette University.\n"
        },
    )
    assert list(titles.values()) == ["She spent her last two decades teaching at Willamette University"], (
        titles
    )
    # after "of" it is the noun's complement: "the events of", cut there, says nothing
    titles = _titles(
        tmp_path,
        {
            "b.txt": "Publish date 2010-01-28\n\nPeople here have been resilient, but Haiti remains a "
            "country deeply shaken by the events of the past two weeks.\n"
        },
    )
    assert "Haiti remains a country deeply shaken by the events of the past two weeks" in titles.values(), (
        titles
    )


def test_two_days_of_one_month_are_one_event_on_the_first(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2025-07-30\n\nThe central bank's next meeting is on Sept. 16-17 in Washington.\n"
        },
    )
    assert list(titles) == ["2025-09-16"], titles
    # a range across two months, and its two days joined by "and"
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2024-03-20\n\nThe Fed will meet next on April 30 and May 1 in Washington.\n",
            "b.txt": "Publish date 2024-03-21\n\nThe central bank's next meeting is on April 30 to May 1.\n",
        },
    )
    assert list(titles) == ["2024-04-30"], titles


def test_a_title_ends_without_the_period_inside_its_closing_quote(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2024-03-20\n\nTreasury Secretary Janet Yellen said on Tuesday that the economy "
            'had shown "remarkable resilience."\n'
        },
    )
    assert titles == {"2024-03-19": 'Yellen says the economy had shown "remarkable resilience"'}, titles


def test_a_closed_quotation_before_a_period_does_not_open_its_title(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": 'Publish date 2025-07-30\n\nJerome Powell said inflation had "come down a great deal" '
            "over the past 12 months but remained above target.\n"
        },
    )
    (title,) = titles.values()
    assert title.startswith("Jerome Powell said inflation had come down a great deal but remained"), title


def test_a_statement_after_a_live_entry_belongs_to_its_event_and_an_organisation_is_no_person(
    tmp_path: Path,
) -> None:
    (tmp_path / "live.md").write_text(
        "---\ntitle: Storm live\npublished: 2024-12-07\n---\n\n"
        "**10:42 GMT** Network Rail says trees have fallen onto lines at more than 20 locations.\n\n"
        "**09:50 GMT** The Met Office says gusts of 93mph were recorded at Aberdaron overnight. "
        '"This is a very dangerous situation," said chief meteorologist Paul Gundersen.\n\n'
        "**08:30 GMT** National Grid says engineers have restored power to 40,000 customers since Friday "
        "night.\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    assert [p.name for p in tl.people] == ["Paul Gundersen"]
    (q,) = tl.quotes
    (ev,) = [e for e in tl.events if e.id == q.event]
    assert ev.title.startswith("The Met Office says gusts of 93mph"), ev.title


def test_an_undated_passage_naming_nobody_is_dated_by_the_dated_passages_that_share_its_words(
    tmp_path: Path,
) -> None:
    (tmp_path / "ap.txt").write_text(
        "WHO ends emergency\n\nPublished: September 5, 2025\n\nGENEVA (AP) — The World Health Organization on "
        "Friday declared that the mpox outbreak in Africa is no longer a global health emergency.\n",
        encoding="utf-8",
    )
    (tmp_path / "local.txt").write_text(
        "Mpox emergency lifted\n\nKinshasa — The World Health Organisation has ended its mpox emergency, "
        "declaring on Friday that the outbreak no longer posed an international risk.\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    local = next(s for s in tl.sources if s.id == "local")
    assert local.published == "2025-09-05" and "corroborating source" in local.basis["published"]
    (ev,) = tl.events
    assert sorted(e.source for e in ev.evidence) == ["ap", "local"]
    # the place's dateline opens no passage
    assert next(e.text for e in ev.evidence if e.source == "local").startswith(
        "The World Health Organisation"
    )


def test_a_statement_at_no_dated_passage_goes_to_the_latest_of_equal_events(tmp_path: Path) -> None:
    (tmp_path / "uk.md").write_text(
        "---\ntitle: Budget\npublished: 2024-10-31\n---\n\n"
        'Chancellor Rachel Reeves has defended the Budget, insisting that she had "no choice" but to repair '
        "the public finances.\n\nSir Keir Starmer said on Tuesday that working people would be protected.\n\n"
        "Speaking on Thursday morning, the chancellor said the package was needed.\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    (q,) = [q for q in tl.quotes if "no choice" in q.variants[0].text]
    assert next(e for e in tl.events if e.id == q.event).date == "2024-10-31"


def test_a_dateline_of_a_place_and_its_state_opens_no_title(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2025-09-09\n\nCUPERTINO, Calif. — Apple on Tuesday unveiled the iPhone 17 lineup.\n"
        },
    )
    assert titles == {"2025-09-09": "Apple on Tuesday unveiled the iPhone 17 lineup"}, titles


def test_a_passage_of_two_happenings_titles_each_by_its_own_clause(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": 'Publish date 2024-05-04\n\nEgyptian officials said on Friday that a deal was "closer than '
            'ever", but Israeli Prime Minister Benjamin Netanyahu said on Tuesday that the army would enter '
            'Rafah "with or without a deal".\n'
        },
    )
    assert titles["2024-05-03"] == 'Egyptian officials said on Friday that a deal was "closer than ever"', (
        titles
    )
    assert titles["2024-04-30"].startswith("Netanyahu says the army would enter Rafah"), titles


def test_a_title_calls_people_as_the_sources_do_and_names_the_host_first(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2025-05-14\n\nChinese President Xi Jinping received Luiz Inácio Lula da Silva in Beijing on "
            'Tuesday. "No one will stop us," said Lula.\n'
        },
    )
    assert titles["2025-05-13"] == "Xi receives Lula in Beijing", titles


def test_a_comment_posting_stamp_dates_no_event(tmp_path: Path) -> None:
    # BBC "Have your say" comments: the stamp tells when a reader posted, not something that happened;
    # what the comment mentions is still dated, and its passage leaves the stamp out
    page = (
        "Publish date 2010-05-29\n\nBP began its top kill attempt on Wednesday, the company said.\n\n"
        "At 2:40 pm on 28 May 2010, richard33p wrote: I just wonder if British would accept this from "
        "an American company.\n\n"
        "At 13:11 2nd Jun 2010, bakuboy wrote: lynn_k wrote: The rig exploded on 20 April 2010 and BP "
        "has done too little since.\n"
    )
    tl = _timeline_of(tmp_path, {"bbc.txt": page})
    dates = {e.date: e for e in tl.events}
    assert "2010-05-28" not in dates and "2010-06-02" not in dates, sorted(dates)
    assert "2010-05-26" in dates
    assert dates["2010-04-20"].evidence[0].text.startswith("The rig exploded on 20 April 2010")


def test_a_day_a_columnist_wrote_on_is_an_event(tmp_path: Path) -> None:
    # no time of day: "On Monday, Smith wrote:" is what Smith did that day, not a comment's stamp
    text = (
        "Publish date 2010-05-29\n\nOn Monday, the chairman of the committee, Henry Waxman, wrote: BP cut "
        "corners on the well to save time and money.\n"
    )
    tl = _timeline_of(tmp_path, {"a.txt": text})
    assert [e.date for e in tl.events] == ["2010-05-24"]


def test_a_page_update_stamp_dates_no_event(tmp_path: Path) -> None:
    # a page's "Last updated" stamp in its body dates the page, not a happening; prose "was last
    # updated on Monday" is not a stamp
    page = (
        "Publish date 2010-08-27\n\nOil spill costs\n\n26 August 2010 Last updated at 14:30 GMT\n\n"
        "In 2002 the tanker Prestige broke up off Spain's Galician coast.\n\n"
        "Page last updated at 07:41 GMT, Wednesday, 9 June 2010 08:41 UK\n\n"
        "The company said its estimate of the leak was last updated on Monday by engineers.\n"
    )
    tl = _timeline_of(tmp_path, {"bbc.txt": page})
    assert sorted(e.date for e in tl.events) == ["2002", "2010-08-23"]


def test_an_event_most_sources_tell_in_other_words_is_no_statement(tmp_path: Path) -> None:
    # one passage of three reports what Suttles said of the top kill: its title tells the top kill
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2010-05-27\n\nBP began its top kill attempt on Wednesday, pumping heavy "
            "drilling mud into the well.\n",
            "b.txt": "Publish date 2010-05-28\n\nThe top kill attempt, which began on Wednesday, involves "
            "pumping heavy drilling mud into the well.\n",
            "c.txt": "Publish date 2010-05-30\n\nMr Doug Suttles said the top kill attempt, which had been "
            "going on since Wednesday, had failed to stop the heavy drilling mud.\n",
        },
    )
    assert titles == {"2010-05-26": "The top kill attempt began on Wednesday"}, titles


def test_a_visit_names_whom_or_where_a_passage_says(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            # the second person was not visited: no "Obama visits Hayward"; nowhere named: the passage
            "a.txt": "Publish date 2010-06-09\n\nPresident Barack Obama, on his fourth trip to the region on "
            "Tuesday, criticised BP chief executive Tony Hayward.\n",
            # whom a passage says was visited
            "b.txt": "Publish date 2010-01-20\n\nUN Secretary-General Ban Ki-moon visited President René "
            "Préval on Sunday to discuss the relief effort.\n",
        },
    )
    assert titles["2010-06-08"].startswith("President Barack Obama, on his fourth trip"), titles
    assert titles["2010-01-17"] == "Ban visits Préval", titles


def test_the_time_heading_a_live_entry_in_four_digits_is_no_part_of_its_title(tmp_path: Path) -> None:
    text = (
        "Haiti earthquake live\n\nPublished 13 January 2010\n\n"
        "2034 The US televangelist Pat Robertson claims the nation swore a pact to the devil two centuries "
        "ago.\n2021 Rescuers pull a woman from the rubble of a hotel in Port-au-Prince.\n"
        "1958 The first aid flights land at the airport in Port-au-Prince.\n"
    )
    titles = {e.title for e in _timeline_of(tmp_path, {"live.txt": text}).events}
    assert "Rescuers pull a woman from the rubble of a hotel in Port-au-Prince" in titles, titles
    assert not any(t.startswith(("2034", "2021", "1958")) for t in titles), titles


def test_an_entry_headed_by_its_time_is_titled_by_the_entry(tmp_path: Path) -> None:
    # a chronology run into one passage: each year's event is its own entry, without its heading
    text = (
        "Publish date 2010-05-01\n\nWorst oil spills\n\nApril 2010: Blast at BP's Deepwater Horizon rig causes "
        "crude to spill at a rate of 5,000 barrels a day 1991: 520m gallons deliberately released from Iraqi "
        "oil tankers to impede US invasion 1989: 11m gallons spilt into Alaska's Prince William Sound in the "
        "Exxon Valdez disaster\n\n2 May: BP starts drilling the first of two relief wells.\n"
    )
    titles = {e.date: e.title for e in _timeline_of(tmp_path, {"a.txt": text}).events}
    assert titles["1991"] == "520m gallons deliberately released from Iraqi oil tankers to impede US invasion"
    assert titles["1989"].startswith("11m gallons spilt into Alaska's Prince William Sound"), titles
    assert titles["2010-04"].startswith("Blast at BP's Deepwater Horizon rig"), titles
    assert titles["2010-05-02"] == "BP starts drilling the first of two relief wells", titles


def test_who_is_quoted_at_an_event_is_one_of_its_people(tmp_path: Path) -> None:
    text = (
        "Publish date 2024-03-20\n\nWASHINGTON (AP) — The Federal Reserve left its benchmark interest rate "
        "unchanged Wednesday and signaled that it still expects to cut rates three times this year.\n\n"
        "Chair Jerome Powell said at a news conference that the Fed would need more evidence. \"We're not "
        'going to overreact," Powell said.\n'
    )
    tl = _timeline_of(tmp_path, {"ap.txt": text})
    (ev,) = [e for e in tl.events if e.date == "2024-03-20"]
    assert ev.quotes and "jerome-powell" in ev.people, (ev.quotes, ev.people)


def test_a_range_of_months_or_years_is_one_period(tmp_path: Path) -> None:
    text = (
        "Publish date 2024-03-20\n\nThe central bank raised its key rate 11 times from March 2022 to July "
        "2023.\n\nBetween 2010 and 2015 the company's output doubled in every region.\n\n"
        "The plant was expanded in 2001 and 2005, the company said.\n"
    )
    tl = _timeline_of(tmp_path, {"a.txt": text})
    got = sorted((e.date, e.end, e.title) for e in tl.events)
    assert got == [
        ("2001", None, "The plant was expanded in 2001 and 2005"),
        ("2005", None, "The plant was expanded in 2001 and 2005"),
        ("2010", "2015", "The company's output doubled in every region"),
        ("2022-03", "2023-07", "The central bank raised its key rate 11 times"),
    ], got
    (period,) = [e for e in tl.events if e.date == "2022-03"]
    assert period.evidence[0].time is not None and period.evidence[0].time.text == "March 2022 to July 2023"


def test_passages_of_a_day_that_name_its_happening_are_one_event(tmp_path: Path) -> None:
    # few words in common and different people, but each dates "the earthquake" (or "quake") itself
    stories = {
        "a": "President René Préval said Tuesday's quake had destroyed the presidential palace.",
        "b": "Rescuers led by Ken Tillman searched Port-au-Prince for survivors of the 12 January earthquake.",
        "c": "Tuesday's earthquake killed tens of thousands and left many more homeless.",
        "d": "Brazil beat Argentina 2-1 in a friendly football match in Rio de Janeiro on Tuesday evening.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b", "c"], ["d"]]


def test_a_happening_that_took_place_on_the_day_is_named_by_its_passage(tmp_path: Path) -> None:
    # "The … quake … struck … on Tuesday" dates the quake as "Tuesday's quake" does, though the day
    # stands after the verb; "after the quake hit, Obama spoke on Tuesday" dates what Obama did
    stories = {
        "a": "The tremor, Haiti's worst in two centuries, struck south of the capital on Tuesday.",
        "b": "Lt Gen Ken Keen said Tuesday's earthquake had destroyed the presidential palace.",
        "c": "After the quake hit, President Barack Obama spoke to reporters in Washington on Tuesday.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b"], ["c"]]


def test_the_day_of_a_dateline_dates_no_event(tmp_path: Path) -> None:
    # the dispatch's day, whether or not the dateline gave the source its outlet
    body = (
        "WASHINGTON, August 11 (Xinhua) --\n\n"
        "U.S. Secretary of State Madeleine Albright said on Tuesday that aid would flow to Kenya.\n"
    )
    files = {
        "wire.txt": f"Kenya aid\n\nPublished 12 August 1998\n\n{body}",
        "paper.md": f"---\ntitle: Kenya aid\npublished: 1998-08-12\noutlet: Daily Paper\n---\n{body}",
    }
    tl = _timeline_of(tmp_path, files)
    assert [(e.date, e.title, e.corroboration) for e in tl.events] == [
        ("1998-08-11", "Albright says aid would flow to Kenya", 2)
    ]


def test_the_time_a_figure_is_compared_with_dates_no_event(tmp_path: Path) -> None:
    text = (
        "Retail\n\nPublished 14 March 2024\n\n"
        "Consumer prices rose 3.2% in February from a year earlier, the Labor Department said.\n\n"
        "Retail sales were up 1.5% compared with a year ago.\n\n"
        "Profits at the chain were higher than in 2022, its chief executive told shareholders.\n\n"
        "The chain opened its first store more than ten years ago in Ohio, the company said.\n\n"
        "Its output rose from 2001 to 2005, when the plant was expanded again.\n\n"
        "Critics say the chain's service went down the drain from 2019 onward.\n"
    )
    tl = _timeline_of(tmp_path, {"a.txt": text})
    assert sorted(e.date for e in tl.events) == ["2001", "2014", "2019", "2024-02"], [
        (e.date, e.title) for e in tl.events
    ]


def test_signs_of_life_are_no_signing(tmp_path: Path) -> None:
    text = (
        "Publish date 2010-01-23\n\nArchbishop Joseph Serge Miot and Charles Benoit were mourned in "
        "Port-au-Prince on Friday, where rescuers saw no new signs of life under the rubble.\n"
    )
    (title,) = _titles(tmp_path, {"a.txt": text}).values()
    assert "sign agreements" not in title, title


def test_a_time_of_a_schedule_dates_no_event(tmp_path: Path) -> None:
    text = (
        "Publish date 2010-01-22\n\nThe programme in Haitian Creole airs at 10:40 and 23:40 every "
        "Saturday, and at 02:40 on Sunday.\n\nTwo people were pulled alive from the rubble in "
        "Port-au-Prince on Friday, rescuers said.\n"
    )
    titles = _titles(tmp_path, {"a.txt": text})
    assert list(titles.values()) == [
        "Two people were pulled alive from the rubble in Port-au-Prince on Friday"
    ], titles


def test_a_quotation_is_shown_without_markup(tmp_path: Path) -> None:
    # as evidence is: markdown emphasis and a paragraph break inside the quotation are not its text
    text = (
        'Publish date 2023-12-05\n\nKhamenei said **"revolutionary honesty" and "revolutionary '
        'resoluteness"** are common features of the two revolutions.\n\nKhamenei said: "Those who were '
        'constantly**\n\ncomplaining are silent now."\n'
    )
    tl = _timeline_of(tmp_path, {"a.txt": text})
    texts = [v.text for g in tl.quotes for v in g.variants]
    assert texts and all("*" not in t and "\n" not in t for t in texts), texts
    assert any("constantly complaining" in t for t in texts), texts


def test_a_debate_is_a_happening_of_its_day(tmp_path: Path) -> None:
    # each passage dates "the debate" itself; the event is titled by what they did
    stories = {
        "a": "Hillary Clinton and Donald Trump met in their first debate on Tuesday at Hofstra University.",
        "b": "Instant polls showed Hillary Clinton was the winner of Tuesday's debate with Donald Trump.",
        "c": "Donald Trump debated Hillary Clinton on Tuesday, and the debate drew 84 million viewers.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b", "c"]]
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    (ev,) = [e for e in tl.events if e.date == "2010-01-12"]
    assert ev.title.startswith(("Clinton and Trump debate", "Trump and Clinton debate")), ev.title


def test_a_period_title_leaves_out_the_approximate_preposition_and_quote_marks(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2010-01-13\n\n`` The fault line has been locked solid for about the last "
            "250 years , '' said Dr Roger Musson .\n"
        },
    )
    assert "The fault line has been locked solid" in titles.values(), titles


def test_an_event_only_dated_roughly_is_approximate(tmp_path: Path) -> None:
    tl = _stories(
        tmp_path,
        {
            "a": ("Published 6 March 2024", "The plant opened about 20 years ago, the mayor said."),
            "b": ("Published 6 March 2024", "The old bridge collapsed in 2011 during a storm."),
        },
    )
    assert [(sources(e), e.approximate) for e in tl.events] == [({"a"}, True), ({"b"}, False)]


def test_a_title_s_place_is_that_of_the_passages_using_its_event_word(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2010-06-03\n\nPresident Barack Obama will visit the Gulf coast on Friday, "
            "his third trip there since the spill began.\n",
            "b.txt": "Publish date 2010-06-03\n\nOn Friday, Barack Obama will answer letters from readers in "
            "Bhopal and Ohio.\n",
        },
    )
    assert not any("visits Bhopal" in t for t in titles.values()), titles


def test_a_telethon_told_in_other_words_is_one_event(tmp_path: Path) -> None:
    stories = {
        "a": "Stars from Madonna to Bono sang in Tuesday's telethon for the survivors, raising millions.",
        "b": "The telethon on Tuesday raised a record sum for disaster relief, organisers said.",
        "c": "Viewers pledged more than expected during Tuesday's two-hour telethon in Los Angeles.",
    }
    assert _sources_by_event_of_the_day(tmp_path, stories) == [["a", "b", "c"]]


def test_an_undated_passage_naming_a_dated_happening_by_its_name_alone_is_linked(tmp_path: Path) -> None:
    tl = _stories(
        tmp_path,
        {
            "a": (
                "Published 10 June 2010",
                "The leak may eclipse the 1989 Exxon Valdez spill as the worst in US history.",
            ),
            "b": (
                "Published 11 June 2010",
                "Reilly ran the agency during the Exxon Valdez oil spill, and now chairs the panel.",
            ),
        },
    )
    (ev,) = [e for e in tl.events if e.date == "1989"]
    assert {(x.source, x.time is None) for x in ev.evidence} == {("a", False), ("b", True)}


def test_a_host_receives_only_a_person_a_passage_says_was_received(tmp_path: Path) -> None:
    titles = _titles(
        tmp_path,
        {
            "a.txt": "Publish date 2024-02-13\n\nGeorge Clooney hosted a benefit concert on Friday featuring "
            "Brad Pitt and Julia Roberts.\n",
            "b.txt": "Publish date 2024-02-13\n\nPresident Xi Jinping received Prime Minister Anthony Albanese "
            "in Beijing on Monday.\n",
        },
    )
    assert "receives" not in titles["2024-02-09"], titles
    assert titles["2024-02-12"] == "Xi receives Albanese in Beijing", titles


def test_a_well_told_event_is_titled_by_the_passage_most_like_the_others(tmp_path: Path) -> None:
    # BBC, BP oil spill: the shortest passage of the rig's explosion, "The spill began on 20 April",
    # tells least of what the others tell; the passage whose words the others share most titles it
    bodies = [
        "The spill began on 20 April .",
        "The Deepwater Horizon rig exploded on 20 April , killing 11 workers .",
        "Oil has been leaking since the Deepwater Horizon rig exploded on 20 April .",
        "Eleven workers died when the Deepwater Horizon rig exploded on 20 April .",
        "The Deepwater Horizon oil rig exploded on 20 April and sank two days later .",
        "BP 's Deepwater Horizon rig exploded on 20 April , killing 11 people .",
        "Eleven people were killed when the Deepwater Horizon rig exploded on 20 April .",
        "The Deepwater Horizon rig exploded and sank off Louisiana on 20 April .",
        "The leak started when the Deepwater Horizon drilling rig exploded on 20 April .",
        "Shares have halved since the Deepwater Horizon rig exploded on 20 April .",
        "The Deepwater Horizon rig , leased by BP , exploded on 20 April .",
    ]
    stories = {f"s{i:02d}": ("Published 15 July 2010", b) for i, b in enumerate(bodies)}
    tl = _stories(tmp_path, stories)
    ev = max(tl.events, key=lambda e: e.corroboration)
    assert (ev.date, ev.corroboration) == ("2010-04-20", 11)
    assert "Deepwater Horizon rig exploded" in ev.title, ev.title


@pytest.mark.parametrize(
    ("published", "body", "day", "in_title", "in_evidence"),
    [
        # Timeline17's BBC articles are tokenised (Penn Treebank marks): the title is written back
        # as prose, the evidence stays as written
        (
            "Published 16 July 2010",
            "BP 's executive said the flow of oil was shut off at 1425 local time -LRB- 1925 GMT -RRB- "
            "on 15 July .",
            "2010-07-15",
            "BP's executive said the flow of oil was shut off at 1425 local time (1925 GMT)",
            "-LRB- 1925 GMT -RRB-",
        ),
        # NYT (PolNeAR) writes ''…'' for quotes: an opening pair stays an opening mark, with its space
        (
            "Published 17 September 2016",
            "But the goal is not revenue; it's supposed to curb ''activist'' investors, the report "
            "said on 16 September 2016 .",
            "2016-09-16",
            "curb “activist” investors",
            "''activist''",
        ),
    ],
)
def test_a_tokenised_or_doubly_quoted_passage_titles_its_event_as_prose(
    tmp_path: Path, published: str, body: str, day: str, in_title: str, in_evidence: str
) -> None:
    tl = _stories(tmp_path, {"a": (published, body)})
    ev = next(e for e in tl.events if e.date == day)
    assert in_title in ev.title, ev.title
    assert in_evidence in ev.evidence[0].text
