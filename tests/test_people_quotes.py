"""People and quotes on the sample corpus and on small real sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline_tui.annotate import annotate_source
from timeline_tui.annotate.people import resolve_people
from timeline_tui.annotate.quotes import quote_spans
from timeline_tui.annotate.time import tag
from timeline_tui.config import Config, load_config
from timeline_tui.ingest import load_sources, source_from_text
from timeline_tui.model import SourceAnnotations

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"


def corpus(config: Config) -> dict[str, SourceAnnotations]:
    docs = [annotate_source(s, config) for s in load_sources([EVENTS], config, lambda n: None)]
    resolve_people(docs, config)
    return {d.source.id[:3]: d for d in docs}


@pytest.fixture(scope="module", params=["config", "empty"])
def docs(request: pytest.FixtureRequest) -> dict[str, SourceAnnotations]:
    config = load_config(str(ROOT / "config.yaml")) if request.param == "config" else Config()
    return corpus(config)


def statements(doc: SourceAnnotations) -> list[tuple[str, str | None]]:
    return [(q.text.strip('"“”*')[:30], q.speaker_id) for q in doc.quotes if not q.is_term]


KH, DC = "ali-khamenei", "miguel-diaz-canel"


def test_every_direct_quote_with_its_speaker(docs: dict[str, SourceAnnotations]) -> None:
    expected = {
        "000": [KH, KH, KH, KH, KH, DC, DC, DC],
        "001": [KH, KH],
        "002": [KH, KH, KH, DC, DC],
        "003": [],
        "004": [KH, KH, KH, KH, KH, DC, DC, DC],
    }
    for key, speakers in expected.items():
        got = statements(docs[key])
        assert [s for _, s in got] == speakers, (key, got)


def test_pronoun_is_the_salient_subject_not_the_nearest_name(docs: dict[str, SourceAnnotations]) -> None:
    doc = docs["004"]
    q = next(q for q in doc.quotes if "personality of Mr. Castro" in q.text)
    assert doc.source.text[q.speaker_start : q.speaker_end] == "he"
    assert q.speaker_id == KH and q.cue == "recalled"


def test_trailing_and_mixed_marks(docs: dict[str, SourceAnnotations]) -> None:
    doc = docs["004"]
    q = next(q for q in doc.quotes if q.text.startswith('"By focusing'))
    assert q.text.endswith("”") and q.cue == "stated"
    assert doc.source.text[q.speaker_start : q.speaker_end] == "the Leader"


def test_quote_across_a_paragraph_break(docs: dict[str, SourceAnnotations]) -> None:
    doc = docs["000"]
    last = [q for q in doc.quotes if not q.is_term][-1]
    assert "\n\n" in last.text and last.text.rstrip().endswith("”")
    assert last.speaker_id == DC


def test_terms_are_kept_but_marked(docs: dict[str, SourceAnnotations]) -> None:
    terms = [q.text for q in docs["004"].quotes if q.is_term]
    assert terms == [
        '"revolutionary honesty"',
        '"revolutionary steadfastness"',
        '"revolutionary seriousness"',
    ]


def test_people_clusters(docs: dict[str, SourceAnnotations]) -> None:
    ids = {m.person_id for d in docs.values() for m in d.mentions if m.person_id}
    assert {KH, DC, "ebrahim-raisi", "fidel-castro", "mohammad-baqer-qalibaf"} <= ids
    assert len(ids) == 5, ids  # no people made of headlines or places
    # Raeisi (001) and Raisi (003/004) are one person; Díaz-Canel with and without the accent
    raisi = {m.text for d in docs.values() for m in d.mentions if m.person_id == "ebrahim-raisi"}
    assert {"Ebrahim Raeisi", "Raisi"} <= raisi
    dc = {m.text for d in docs.values() for m in d.mentions if m.person_id == DC}
    assert {"Miguel Díaz-Canel", "Miguel Diaz-Canel"} <= dc


def test_titles_resolve_in_context(docs: dict[str, SourceAnnotations]) -> None:
    titles = {(m.text.lower(), m.person_id) for d in docs.values() for m in d.mentions if m.kind == "title"}
    assert ("the leader", KH) in titles
    assert ("the cuban president", DC) in titles
    assert ("the late leader of cuba", "fidel-castro") in titles


def test_people_without_config_get_slug_ids() -> None:
    docs = corpus(Config())
    people = resolve_people(list(docs.values()), Config())
    names = {p.id: p.name for p in people}
    assert names[DC] == "Miguel Díaz-Canel"
    assert names[KH] == "Ali Khamenei"


def src(text: str) -> SourceAnnotations:
    s = source_from_text(text, sid="t", path="t.txt")
    d = annotate_source(s, Config())
    resolve_people([d], Config())
    return d


def _speaker_mentions(text: str) -> list[str | None]:
    """The text of the mention (or phrase) that names each quotation's speaker."""
    return [
        text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
        for q in src(text).quotes
    ]


def test_leading_cue_with_colon() -> None:
    d = src('Prime Minister Jane Holloway told reporters: "We will not back down from this fight."')
    q = d.quotes[0]
    assert q.speaker == "Jane Holloway" and q.cue == "told reporters"


def test_trailing_said_name() -> None:
    d = src('"The budget is balanced for the first time in a decade," said Finance Minister Tom Ruiz.')
    assert d.quotes[0].speaker == "Tom Ruiz"


def test_a_verb_after_a_closed_quote_that_says_something_of_its_own_is_no_attribution() -> None:
    d = src(
        "French President Emmanuel Macron met Turkish President Recep Tayyip Erdogan. "
        'Macron later said: "We will not give up." Erdogan added that Turkey would mediate.'
    )
    assert d.quotes[0].speaker == "Emmanuel Macron"
    # a short attribution after the closed quote still is one
    d = src('Turkish President Recep Tayyip Erdogan spoke. "We will not give up." Erdogan said on Monday.')
    assert d.quotes[0].speaker == "Recep Tayyip Erdogan"


def test_names_of_international_news_without_a_title() -> None:
    d = src("Keir Starmer met Olaf Scholz and Giorgia Meloni. Later Ursula von der Leyen joined them.")
    assert {m.name for m in d.mentions if m.name} == {
        "Keir Starmer",
        "Olaf Scholz",
        "Giorgia Meloni",
        "Ursula von der Leyen",
    }
    # places that share a name's start are no people
    d = src("Shares rose on the Sao Paulo Stock Exchange and at Marina Bay Sands in Singapore.")
    assert [m.name for m in d.mentions if m.name] == []


def test_nested_single_quotes_stay_inside() -> None:
    text = "Senator Ann Lee said, \"They called it 'a disgrace' and walked out of the room.\""
    assert quote_spans(text) == [(text.index('"'), len(text))]


def test_unbalanced_mark_never_swallows_the_document() -> None:
    text = 'He said, "this never closes.\n\nA new paragraph. ' + "More text. " * 500
    spans = quote_spans(text)
    assert spans and spans[0][1] <= text.index("\n\n")


def test_curly_quote_with_nested_straight_quotes() -> None:
    text = 'She said, “Mr Raisi\'s government is a "work and action" government, so deals will move.”'
    assert quote_spans(text) == [(text.index("“"), len(text))]


def test_dash_byline_after_a_quote() -> None:
    d = src("“The plan helps nobody in my town. We need work, not slogans.” ― Maria Delgado\n")
    assert d.quotes[0].speaker == "Maria Delgado" and d.quotes[0].cue == "―"


def test_statement_continued_after_its_attribution() -> None:
    d = src(
        "“These are hard times,” said Peter Lang, a lawyer for the union, who has followed the case "
        "for years. “I do not know what the company intends. I doubt it can pay.”"
    )
    first, second = d.quotes
    assert first.speaker == second.speaker == "Peter Lang"
    assert first.is_term is False  # a short quote that is said is a statement
    assert second.continues == first.start


def test_one_cue_several_quoted_parts() -> None:
    d = src("“That,” the minister said, “is why we will vote against the bill.”")
    first, second = d.quotes
    assert second.continues == first.start and second.speaker_start == first.speaker_start


def test_fragment_of_reported_speech_has_its_content_clause() -> None:
    text = "Governor Ray Miles described the mayor as a “disgrace” after the budget vote on Tuesday."
    q = src(text).quotes[0]
    assert q.is_term and q.cue == "described" and q.speaker == "Ray Miles"
    assert text[q.content_start : q.content_end] == (
        "the mayor as a “disgrace” after the budget vote on Tuesday"
    )


def test_colon_introduced_quoted_paragraph() -> None:
    d = src("Senator Ann Price made the following comment:\n\n“Young people who want work deserve better.”\n")
    assert d.quotes[0].speaker == "Ann Price"


def test_closing_mark_opening_a_line_and_mixed_marks_the_other_way() -> None:
    text = '”Fear. I am afraid of what comes next.” ― Luis Ortega\n“Immunity deals are not a requirement," he said.\n'
    spans = quote_spans(text)
    assert spans[0] == (0, text.index("” ―") + 1)
    assert spans[1] == (text.index("“Imm"), text.index('" he') + 1)


def test_a_subject_that_is_no_person() -> None:
    text = "The commission says on its website that “there were issues with Donald Trump’s audio.”"
    q = src(text).quotes[0]
    assert text[q.speaker_start : q.speaker_end] == "The commission" and q.cue == "says"


def test_speaker_after_the_verb_follows_it_directly() -> None:
    text = "“That was outrageous,” the former strategist said in an interview with CNN’s Wolf Blitzer."
    q = src(text).quotes[0]
    assert text[q.speaker_start : q.speaker_end] == "the former strategist"


def test_given_names_and_places() -> None:
    d = src("David Axelrod called on Howard Dean to apologize. N. Korea said the test was a success.")
    names = {m.name for m in d.mentions if m.name}
    assert {"David Axelrod", "Howard Dean"} <= names
    assert not any("Korea" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Fed Chair Jerome Powell told reporters that rates would stay.", "Jerome Powell"),
        ("Majority Leader Mitch McConnell said the vote would wait.", "Mitch McConnell"),
        ("Speaker Nancy Pelosi said the House would act.", "Nancy Pelosi"),
        # British spelling, in apposition
        ("The UN's Chief Humanitarian Aid Co-ordinator, John Holmes, says $360m is needed.", "John Holmes"),
    ],
)
def test_a_role_word_before_a_name_is_no_part_of_it(sentence: str, name: str) -> None:
    assert {m.name for m in src(sentence).mentions if m.name} == {name}


def test_names_with_the_arabic_article_in_lower_case() -> None:
    d = src(
        "Qatari Foreign Ministry spokesman Majed al-Ansari said the truce would hold. "
        '"We are working hard," al-Ansari said. Syrian President Bashar al-Assad met '
        "Egyptian President Abdel Fattah el-Sisi."
    )
    names = {m.name for m in d.mentions if m.name}
    assert {"Majed al-Ansari", "Bashar al-Assad", "Abdel Fattah el-Sisi"} <= names
    assert [q.speaker for q in d.quotes] == ["Majed al-Ansari"]


def test_transcript_lines_and_quotes_running_over_paragraphs() -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"HOST: Will the senator attend the debate tomorrow night?\n\n'
        '"MARTIN: She will not. The campaign decided that last week.\n\n'
        '"But the truth is that voters want to hear about jobs.\n\n'
        '"HOST: Thank you, Governor."\n'
    )
    qs = src(text).quotes
    assert [q.speaker for q in qs] == ["Host", "Martin", "Martin", "Host"]
    assert qs[2].continues == qs[1].start
    assert text[qs[1].content_start : qs[1].content_end].startswith("She will not.")


def test_names_with_an_age_or_a_description_are_people() -> None:
    d = src("Quina Jones, 25, marched downtown. Tim Hess, a real estate developer, disagreed.")
    names = {m.name for m in d.mentions if m.name}
    assert {"Quina Jones", "Tim Hess"} <= names


def test_a_name_with_a_home_town_in_apposition_is_a_speaker() -> None:
    # PolNeAR (NYT): the quotation was nobody's
    text = (
        "Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam ''for the nation's rights, "
        "knowing that back home we didn't have the rights.''"
    )
    d = src(text)
    assert "Johnnie Wilson" in {m.name for m in d.mentions}
    assert [q.speaker for q in d.quotes] == ["Johnnie Wilson"]


def test_a_described_name_does_not_run_back_over_a_blank_line() -> None:
    d = src("A Museum Opens\n\nQuina Jones, 25, said she would vote early.")
    assert [m.text for m in d.mentions if m.kind == "name"] == ["Quina Jones"]


def test_a_bare_surname_does_not_chain_two_people() -> None:
    d = src(
        "Donald Trump spoke in Ohio. Trump said taxes would fall. "
        "Melania Trump, his wife, spoke later. Trump waved."
    )
    people = resolve_people([d], Config())
    assert {"Donald Trump", "Melania Trump"} <= {p.name for p in people}


def test_pronouns_skip_people_the_text_would_not_call_so() -> None:
    d = src("Hillary Clinton met Bill Gates on Monday. She said the talks went well.")
    she = next(m for m in d.mentions if m.kind == "pronoun")
    assert she.name == "Hillary Clinton"
    d = src("Bill Gates met Hillary Clinton on Monday. She said the talks went well.")
    she = next(m for m in d.mentions if m.kind == "pronoun")
    assert she.name == "Hillary Clinton"


def test_countries_and_bodies_can_speak() -> None:
    text = 'Police say they have "adequate resources" to secure the city.'
    q = src(text).quotes[0]
    assert text[q.speaker_start : q.speaker_end] == "Police" and q.cue == "say"


def test_participle_before_the_quote_takes_the_main_subject() -> None:
    d = src("After saying her foot was “so swollen I could barely walk,” Mary Holt was taken to a hospital.")
    assert d.quotes[0].speaker == "Mary Holt"


def test_first_named_subject_when_no_person_speaks() -> None:
    text = 'The statement noted they had previously said they would take "further significant measures" soon.'
    q = src(text).quotes[0]
    assert text[q.speaker_start : q.speaker_end] == "The statement"


def speaker_text(text: str, i: int = 0) -> str | None:
    q = src(text).quotes[i]
    return text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None


def test_title_abbreviation_before_a_trailing_name() -> None:
    text = (
        "Tom Reyes added, “We are ready.”\nNot everyone agreed.\n"
        "“The plan was rushed and nobody read it,” Sen. Claire Dunmore (D-Mo.) said."
    )
    assert src(text).quotes[1].speaker == "Claire Dunmore"


def test_a_sentence_after_a_closed_quote_is_not_its_attribution() -> None:
    text = (
        'Mayor Jennifer Ross said she backs the release but said "the question is the timing." '
        'Gov. Paul Hart said it would be "improper" to act now.'
    )
    assert src(text).quotes[0].speaker == "Jennifer Ross"


def test_a_subordinate_clause_after_the_quote_is_no_attribution() -> None:
    text = (
        "The ad ends with footage of Mark Dalton saying during the debate, “That makes me smart,” "
        "when Helen Ward blasted him for not paying tax."
    )
    assert src(text).quotes[0].speaker == "Mark Dalton"


def test_a_name_after_a_determiner_is_no_trailing_speaker() -> None:
    text = "Helen Ward is describing as “unhinged” a Mark Dalton tweet about the former beauty queen."
    assert src(text).quotes[0].speaker == "Helen Ward"


def test_a_name_after_the_verb_and_a_new_clause_is_no_speaker() -> None:
    text = "“He really does love us,” Melanie said, and soon the balloons were dropping and Mark Dalton was waving."
    assert speaker_text(text) == "Melanie"


def test_the_colon_sentence_gives_the_cue() -> None:
    text = (
        "Helen Ward mentioned the remarks as examples of his disrespect. In one post Friday, "
        "Mark Dalton wrote: “Did Helen help her become a citizen so she could use her in the debate?”"
    )
    assert src(text).quotes[0].speaker == "Mark Dalton"


def test_a_possessive_before_a_reporting_word_makes_it_a_noun() -> None:
    text = 'Minyon Moore, a senior adviser, called Mr. Dalton\'s remarks on Saturday "a true wake-up call" to voters.'
    assert src(text).quotes[0].speaker == "Minyon Moore"


def test_a_body_named_by_a_direction_and_a_place_speaks() -> None:
    text = 'South Korea accused the North\'s leader of "fanatic recklessness."'
    assert speaker_text(text) == "South Korea"


def test_a_name_after_the_verb_that_a_verb_follows_is_not_the_speaker() -> None:
    text = 'However, 63 percent said Helen Ward was "justified" in keeping her diagnosis private.'
    assert speaker_text(text) == "63 percent"


def test_the_previous_sentence_gives_its_verbs_own_subject() -> None:
    text = (
        "The administration may wait while Secretary of State John Kerry negotiates, Adam Schiff said. "
        '"The other factor is the appearance of taking sides."'
    )
    assert src(text).quotes[0].speaker == "Adam Schiff"


def test_a_non_person_source_after_a_comma_ending_quote() -> None:
    text = "He cited four loopholes. “The ability to use real estate losses to offset other income,” The Hill reported."
    assert speaker_text(text) == "The Hill"


def test_according_to_names_the_outer_source() -> None:
    text = (
        'The mayor was greeted with chants of "Bobby!" at a labor conference last month, according to '
        "state AFL-CIO President Doris Crouse-Mays."
    )
    assert src(text).quotes[0].speaker == "Doris Crouse-Mays"
    text = 'According to a civil complaint filed by the SEC, the developers ran a "massive fraudulent scheme" for years.'
    assert speaker_text(text) == "a civil complaint filed by the SEC"


def test_a_participle_after_the_main_clause_takes_its_subject() -> None:
    text = (
        "In August, several environmental groups granted Mr. Clarke an extension on a court order, "
        'saying his "start-up capital was less than expected."'
    )
    assert speaker_text(text) == "several environmental groups"


def test_a_name_across_a_line_break_spans_both_words() -> None:
    # hard-wrapped text: the mention covers the name as written, so text[start:end] is its text
    text = "Iran's President Ebrahim\nRaisi met Miguel  Díaz-Canel in Tehran, the agency said.\n"
    src = source_from_text(text, sid="wrapped", path="wrapped.txt", config=Config())
    doc = annotate_source(src, Config())
    names = {m.name: m for m in doc.mentions if m.kind == "name"}
    assert {"Ebrahim Raisi", "Miguel Díaz-Canel"} <= set(names)
    for m in doc.mentions:
        assert src.text[m.start : m.end] == m.text
    assert names["Ebrahim Raisi"].text == "Ebrahim\nRaisi"


def test_a_surname_two_people_share_follows_honorific_then_the_subject() -> None:
    # "Clinton" alone once the source names Hillary and Bill: "Mrs Clinton" is Hillary; a bare
    # "Clinton" is the one the story names in full most often (then first), not the one sorted first
    text = (
        "Secretary of State Hillary Clinton arrived in Port-au-Prince on Saturday.\n\n"
        "Mrs Clinton met President Rene Preval at the airport, where she promised more aid.\n\n"
        "Former President Bill Clinton, the UN special envoy, will visit next week.\n\n"
        "Clinton said the United States would stay. Hillary Clinton later flew home.\n"
    )
    src = source_from_text(text, sid="clintons", path="clintons.txt", config=Config())
    doc = annotate_source(src, Config())
    by_start = {m.start: m.name for m in doc.mentions}
    mrs = text.index("Mrs Clinton") + len("Mrs ")
    bare = text.index("Clinton said")
    she = text.index("she promised")
    assert by_start[mrs] == "Hillary Clinton"
    assert by_start[bare] == "Hillary Clinton"
    assert by_start[she] == "Hillary Clinton"
    # "Former President Bill Clinton, the UN special envoy": the name without its qualified title
    assert by_start[text.index("Bill Clinton")] == "Bill Clinton"


@pytest.mark.parametrize(
    ("text", "phrase", "person"),
    [
        # config.yaml titles Díaz-Canel "Cuban President" and Khamenei "Leader": in stories that do
        # not name them (BBC, Haiti earthquake), "the president" and "the DUP leader" are others
        ("Rene Preval spoke on Tuesday. The president said the palace had collapsed.", "The president", None),
        (
            "Revelations of the DUP leader , Peter Robinson 's , family problems increased pressure .",
            "the DUP leader",
            None,
        ),
        # ... while a title as configured still finds them
        ("The Cuban president arrived in Tehran on Monday.", "The Cuban president", "Miguel Díaz-Canel"),
        ("The Leader received the guests on Monday.", "The Leader", "Ali Khamenei"),
    ],
)
def test_a_configured_person_not_named_is_found_by_a_title_as_configured_only(
    text: str, phrase: str, person: str | None
) -> None:
    config = load_config(str(ROOT / "config.yaml"))
    doc = annotate_source(source_from_text(text, sid="c", path="c.txt", config=config), config)
    at = text.index(phrase)
    assert next(m.name for m in doc.mentions if m.start == at) == person


def test_the_leader_of_a_rescue_unit_is_not_the_configured_leader() -> None:
    # config.yaml titles Khamenei "Leader"; in another story "the leader of a special US rescue unit"
    # set off by commas (even with spaces before them, as tokenised text has) is the named man
    config = load_config(str(ROOT / "config.yaml"))
    text = (
        "2012 Thomas Ewald , the leader of a special US rescue unit , tells the Miami Herald it is likely.\n"
    )
    src = source_from_text(text, sid="unit", path="unit.txt", config=config)
    doc = annotate_source(src, config)
    leader = next(m for m in doc.mentions if m.text == "the leader")
    assert leader.name == "Thomas Ewald"
    text = "The head of the team said the leader of a rescue unit had arrived.\n"
    src = source_from_text(text, sid="unit2", path="unit2.txt", config=config)
    doc = annotate_source(src, config)
    assert all(m.name != "Ali Khamenei" for m in doc.mentions)


def test_quotes_in_apostrophe_and_backquote_style() -> None:
    # Penn Treebank style (``…''), as in TimeML and Timeline17, and the New York Times' ''…''
    for text, speaker in [
        (
            "Aid is `` most urgently needed , '' Leonard Robertson told the BBC on Tuesday .\n",
            "Leonard Robertson",
        ),
        (
            "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist in Washington.\n",
            "Douglas Holtz-Eakin",
        ),
    ]:
        src = source_from_text(text, sid="ptb", path="ptb.txt", config=Config())
        doc = annotate_source(src, Config())
        assert len(doc.quotes) == 1, text
        q = doc.quotes[0]
        assert q.text.startswith(("``", "''")) and q.text.endswith("''")
        assert src.text[q.start : q.end] == q.text
        assert q.speaker == speaker
    # an apostrophe pair closing a word is no opening mark
    src = source_from_text("The students'' union met on Monday.\n", sid="p2", path="p2.txt", config=Config())
    assert annotate_source(src, Config()).quotes == []


def test_a_name_used_as_a_modifier_does_not_speak() -> None:
    # PolNeAR (NYT): the fragment's attribution names two people; "the Clinton proposals" is hers
    # only as a modifier, and the quote is Mr. Holtz-Eakin's
    d = src(
        "Douglas Holtz-Eakin, a conservative economist, studied the plans. ''I have admiration for the "
        "mechanics'' of the Clinton proposals, Mr. Holtz-Eakin said. Hillary Clinton did not reply."
    )
    q = next(q for q in d.quotes if "admiration" in q.text)
    assert q.speaker == "Douglas Holtz-Eakin"


#: real sentences (the BP and Haiti coverage, PolNeAR) and the people they name: places, bodies,
#: titles, captions, initials and sentence ends around names
_NAMED = [
    pytest.param(
        # the BP oil spill coverage: "Prince William Sound" had become a person, and every later "Sound"
        # him; "The Coast Guard said" made one of the Coast Guard
        "Oil from the Exxon Valdez reached Prince William Sound in 1989. Fishermen in the Sound said "
        "the herring never came back. The US Coast Guard said on Monday that crews from Prince Edward "
        "Island had joined the clean-up. Prince William visited the Gulf coast, and William said he "
        "was moved.",
        {"Prince William"},
        id="a_place_or_body_named_after_a_title_or_before_a_verb_is_no_person",
    ),
    pytest.param(
        # the BP oil spill coverage and PolNeAR: ranks and offices before a name found without them, and
        # titles run in after it, had made "Adm Thad", "Chairman Jeff Bingaman", "CEO John Stumpf"
        "The cap is holding, said Adm Thad Allen, the US incident commander, on Wednesday. Senate "
        "Energy Committee Chairman Jeff Bingaman said the rig had probably failed. Warren grilled Wells "
        "Fargo CEO John Stumpf on Tuesday, and Stumpf said he was sorry. Elizabeth Warren was unmoved.",
        {"Thad Allen", "Jeff Bingaman", "John Stumpf", "Elizabeth Warren"},
        id="titles_before_and_after_a_name_are_no_part_of_it",
    ),
    pytest.param(
        # BBC pages as extracted: a pull quote's "End Quote", then the speaker's name, outlet and role run
        # into the next sentence ("Ed Overton Environmental": the source names Ed Overton alone and
        # writes "environmental" in lower case)
        "The spill is a disaster for the region. End Quote Mark Mardell BBC North America editor "
        "Addressing reporters at the White House, she agreed with calls for BP to pay. It is too early "
        "to say. End Quote Prof Ed Overton Environmental scientist Apart from the damage, the cost is "
        "unknown. It was a mistake. End Quote Tony Hayward Former BP chief executive The company said "
        "it would pay every claim. Ed Overton said the environmental damage would last for years.",
        {"Mark Mardell", "Ed Overton", "Tony Hayward"},
        id="captions_run_into_the_text_give_no_people",
    ),
    pytest.param(
        # the Haiti coverage: "Haitian Fredo Dupoux", "Firefighter John Mazzey", "MP Tobias Ellwood",
        # "FRANK Frank Thorp" were people, and so were the Tax Policy Center and the Sierra Club
        "Haitian Fredo Dupoux said the city was gone. Firefighter John Mazzey said they had found a "
        "girl alive. MP Tobias Ellwood said Britain would send more. FRANK Frank Thorp said the road "
        "was open. The Tax Policy Center said the plan would cost more, and the Sierra Club said so too.",
        {"Fredo Dupoux", "John Mazzey", "Tobias Ellwood", "Frank Thorp"},
        id="nationalities_offices_and_bodies_are_no_part_of_a_name",
    ),
    pytest.param(
        # PolNeAR: "said George W" (the initial cut the name), "Donald J. Trump. Many" (run over the
        # sentence's end), "Clinton's N" (N.Y.U.), "NBC’s Lester Holt", "Sens. Jeff Merkley", "Kim Jong"
        # (the "Un" taken for the UN), "Louis" (St. Louis), and "Jim" for Gov. Jim Justice
        "The war was a mistake, said George W. Bush on Tuesday. Voters heard Donald J. Trump. Many "
        "left. Hillary Clinton's N.Y.U. speech was long. NBC’s Lester Holt asked the first question. "
        "Sens. Jeff Merkley and Jon Tester said no. Kim Jong Un said the test was a success. The "
        "debate in St. Louis on Sunday was the second. Gov. Jim Justice said he would run.",
        {
            "George W. Bush",
            "Donald J. Trump",
            "Hillary Clinton",
            "Lester Holt",
            "Jeff Merkley",
            "Jon Tester",
            "Kim Jong Un",
            "Jim Justice",
        },
        id="initials_sentence_ends_and_abbreviations_around_names",
    ),
    pytest.param(
        # the BP oil spill coverage: bylines run the role's first word into the name ("Robert Peston
        # Business", "Ross Hawkins Political"), and a state after a name ("George Barisich Louisiana")
        # had been part of it, and so had a byline's beat ("David Shukman Environment correspondent") and
        # a role after or before it ("Jamie Robertson Presenter", "Shrimper Randy Nunez"); "Tony Blair
        # spokesman" keeps Blair
        "Robert Peston Business editor The board will meet before the end of the year. Ross Hawkins "
        "Political correspondent The vote is close. The business of politics is political. End Quote "
        "George Barisich Louisiana fisherman `` People laugh at us when we say this . Tony Blair "
        "spokesman Alastair Campbell said the editor was wrong. By David Shukman Environment "
        "correspondent , BBC News The spill was vast. Jamie Robertson Presenter , BBC World News "
        "The shares fell. Shrimper Randy Nunez said the season was lost.",
        {
            "Robert Peston",
            "Ross Hawkins",
            "George Barisich",
            "Tony Blair",
            "Alastair Campbell",
            "David Shukman",
            "Jamie Robertson",
            "Randy Nunez",
        },
        id="a_role_run_into_a_name_and_a_state_after_it_are_no_part_of_it",
    ),
]


@pytest.mark.parametrize(("text", "people"), _NAMED)
def test_the_people_a_text_names(text: str, people: set[str]) -> None:
    assert {m.name for m in src(text).mentions if m.kind == "name"} == people


@pytest.mark.parametrize("width", [256])
def test_spelled_out_word_classes_match_what_the_word_pattern_matches(width: int) -> None:
    from timeline_tui.annotate.people import _WORDSPLIT, _wordsplit_below

    fast = _wordsplit_below(width)
    # every character below the width, alone, at the start of a word, and inside one
    for c in map(chr, range(width)):
        for probe in (c, f"a{c}b", f" {c}x "):
            assert fast.split(probe) == _WORDSPLIT.split(probe), (hex(ord(c)), probe)


def test_tokens_of_texts_of_each_width_are_the_same_words() -> None:
    from timeline_tui.annotate.people import _tokenize

    for text in (
        "Ms. Díaz-Canel said 3 things.",  # Latin-1
        "“Raisi’s visit,” the O’Neill aide said.",  # beyond Latin-1
        "Emoji 🙂 Jane Doe said.",  # beyond it
        "İstanbul’s mayor said.",  # lower-casing moves offsets
    ):
        tokens = _tokenize(text, 0)
        words = [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
        assert words == re.findall(r"[^\W\d_][\w'’.-]*", text)
        assert [w.lower().rstrip(".") for w in words] == tokens.lows


def test_single_quoted_quotations_in_a_text_without_double_quotes() -> None:
    # British style: single marks for quotations; apostrophes, "'90s" and "rock 'n' roll" are none
    text = (
        "Publish date 12 May 2024\n\n'This is a disgrace,' said Labour MP Diane Abbott on Sunday.\n\n"
        "The Smiths' house, in the '90s style, was sold. It's done.\n\n"
        "'I'm not going anywhere,' she told the BBC.\n"
    )
    doc = annotate_source(source_from_text(text, sid="uk", path="uk.txt"), Config())
    got = [(q.text, q.speaker, q.is_term) for q in doc.quotes]
    assert got == [
        ("'This is a disgrace,'", "Diane Abbott", False),
        ("'I'm not going anywhere,'", "Diane Abbott", False),
    ], got
    # with double quotes in the text, single marks are nested quotes or apostrophes, as before
    assert quote_spans("He said \"it is 'fine' now\" and 'we agree' today.") == [(8, 26)]


def test_markup_attribute_values_are_no_quotations() -> None:
    # PolNeAR (Western Journal, Huffington Post): embedded tweets kept as markup in the text
    text = (
        'Pence said the debate went well.\n<tweet tweet-id="783499116076687360"><tweet/>.\n'
        '<tweet pic="pic.twitter.com/" author="carlquintanilla">The blue arrow is Warren.</tweet>.\n'
        '"It was a good night," he said.'
    )
    assert [text[a:b] for a, b in quote_spans(text)] == ['"It was a good night,"']


def test_a_short_sentence_quoted_after_a_colon_is_a_statement() -> None:
    text = 'Publish date 12 May 2024\n\nThe Prime Minister said: "We will not be deflected."\n'
    doc = annotate_source(source_from_text(text, sid="pm", path="pm.txt"), Config())
    assert [(q.text, q.is_term) for q in doc.quotes] == [('"We will not be deflected."', False)]


def test_a_title_then_a_name_in_apposition_is_the_speaker() -> None:
    text = 'Publish date 12 May 2024\n\nThe Prime Minister, Keir Starmer, said: "We will not be deflected."\n'
    doc = annotate_source(source_from_text(text, sid="pm", path="pm.txt"), Config())
    assert [m.name for m in doc.mentions if m.kind == "name"] == ["Keir Starmer"]
    assert [q.speaker for q in doc.quotes] == ["Keir Starmer"]


def test_a_period_after_a_name_ending_in_an_accented_letter_ends_the_sentence() -> None:
    from timeline_tui.annotate.sentences import split_sentences

    text = '"They came here in 2007," said Teodoro Huamán. "Eighteen years later we are still waiting."'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        '"They came here in 2007," said Teodoro Huamán.',
        '"Eighteen years later we are still waiting."',
    ]
    # an initial is still no end: "J. Doe"
    assert len(split_sentences("Then J. Doe left. He came back.")) == 2


def test_a_period_after_a_number_with_a_letter_ends_the_sentence() -> None:
    """ "the 1990s." and "$5m." end with one letter that is no initial: the quote after them is a
    sentence of its own, not the fragment of a statement."""
    from timeline_tui.annotate.sentences import split_sentences

    text = (
        '"She never once raised her voice in court," said Chief Justice Anna Whitford, who clerked for her '
        'in the 1990s. "She didn\'t need to." They raised $5m. It was at 5p.m. Friday.'
    )
    assert [text[a:b] for a, b in split_sentences(text)][1:] == [
        '"She didn\'t need to."',
        "They raised $5m.",
        "It was at 5p.m. Friday.",
    ]
    doc = annotate_source(source_from_text(text, sid="obit", path="obit.txt"), Config())
    last = doc.quotes[1]
    assert (last.text, last.speaker, last.content_start) == ('"She didn\'t need to."', "Anna Whitford", None)


def test_a_sentence_ends_before_a_tokenised_opening_quote() -> None:
    """Tokenised news (TimeML, Timeline17) opens quotations with two backquotes and a space: the
    sentence before them ends there, so its tense is not read from the quotation's "will"."""
    from timeline_tui.annotate.sentences import split_sentences

    text = (
        "Neil Fritzsche , of Lincolnshire Fire and Rescue , said his team used heavy machinery to pull "
        "away a slab from a collapsed building on Monday to find `` a lady '' . \n"
        "`` We will keep going , '' he told the BBC ."
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Neil Fritzsche , of Lincolnshire Fire and Rescue , said his team used heavy machinery to pull "
        "away a slab from a collapsed building on Monday to find `` a lady '' .",
        "`` We will keep going , '' he told the BBC .",
    ]
    tx = next(t for t in tag(text, "2010-01-19") if t.text == "Monday")
    assert tx.value == "2010-01-18"
    # a quotation mark run on to a lower-case word opens no sentence
    assert len(split_sentences("He said . ``we will go''")) == 1


def test_a_pronoun_after_an_unnamed_speaker_is_not_the_last_named_person() -> None:
    text = (
        "Publish date 24 June 2025\n\nKeir Starmer is facing a rebellion over the welfare bill.\n\n"
        "The prime minister's spokesperson said on Tuesday that the vote would go ahead. "
        '"We are not going to pull the bill," she said.\n\n'
        'Rachel Reeves defended the cuts. "We inherited a mess," she said.\n'
    )
    doc = annotate_source(source_from_text(text, sid="uk", path="uk.txt"), Config())
    assert [(q.text, q.speaker) for q in doc.quotes] == [
        ('"We are not going to pull the bill,"', None),
        ('"We inherited a mess,"', "Rachel Reeves"),
    ]


def test_a_role_of_its_own_is_not_another_sources_plain_role_noun(tmp_path: Path) -> None:
    from timeline_tui.pipeline import build_timeline

    (tmp_path / "peru.txt").write_text(
        "Quake\n\nPublished 16 October 2025\n\nInterior Minister Juan José Santiváñez said 14 people were missing.\n",
        encoding="utf-8",
    )
    (tmp_path / "uk.txt").write_text(
        "Revolt\n\nPublished 24 June 2025\n\nThe prime minister said on Tuesday that the vote would go ahead.\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path], Config(), use_cache=False, jobs=1)
    uk = tl.docs["uk"]
    assert [(m.text, m.person_id) for m in uk.mentions if m.kind == "title"] == [("The prime minister", None)]


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        # "Judge" may begin a name ("Mike Judge"), but before a name read with its title it is the title
        (
            "Chief Judge Rowan Wilson said the court would lower its flag.",
            "Rowan Wilson",
            ["chief judge", "judge"],
        ),
        ("Federal Judge Rowan Wilson ruled on Monday.", "Rowan Wilson", ["judge"]),
        ("Forecaster Simon King said gusts had reached 93mph.", "Simon King", ["forecaster"]),
        ("Mike Judge said the show would return.", "Mike Judge", []),
    ],
)
def test_a_title_that_may_begin_a_name_is_read_as_the_title(
    sentence: str, name: str, roles: list[str]
) -> None:
    doc = annotate_source(
        source_from_text(f"Publish date 12 May 2024\n\n{sentence}\n", sid="j", path="j.txt"), Config()
    )
    assert [(m.name, m.roles) for m in doc.mentions if m.kind == "name"] == [(name, roles)]


def test_a_speaker_phrase_ending_with_a_named_person_is_that_person() -> None:
    text = (
        "Publish date 20 June 2025\n\n"
        '"The jury has spoken clearly," U.S. Attorney Morris Pasqual told reporters outside the courthouse. '
        '"Public office is not for sale."\n'
    )
    doc = annotate_source(source_from_text(text, sid="c", path="c.txt"), Config())
    assert [(q.speaker, q.cue) for q in doc.quotes] == [("Morris Pasqual", "told reporters")] * 2


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        # a role of several words is read whole; a qualifier that makes another role keeps its head
        # out ("the president" of the same story is not the vice president)
        ("Vice President Kamala Harris said the talks would resume.", "Kamala Harris", ["vice president"]),
        ("Former Vice President Mike Pence said so on Monday.", "Mike Pence", ["vice president"]),
        (
            "Chief Financial Officer Tom Reed said the company would buy back $5 billion of stock.",
            "Tom Reed",
            ["chief financial officer", "officer"],
        ),
        ("Deputy Prime Minister Ann Lee said so.", "Ann Lee", ["deputy prime minister", "minister"]),
        ("Cuban President Miguel Diaz-Canel said so.", "Miguel Diaz-Canel", ["cuban president", "president"]),
    ],
)
def test_the_roles_a_title_gives(sentence: str, name: str, roles: list[str]) -> None:
    doc = annotate_source(
        source_from_text(f"Publish date 12 May 2024\n\n{sentence}\n", sid="r", path="r.txt"), Config()
    )
    assert [(m.name, m.roles) for m in doc.mentions if m.kind == "name"] == [(name, roles)]


def test_particles_inside_a_name() -> None:
    text = (
        "Published 3 March 2024\n\n"
        "Erik ten Hag, whose side have now lost four of their last six league games, said his players "
        'had "given everything". Ursula von der Leyen said on Monday that talks would go on.\n'
    )
    doc = annotate_source(source_from_text(text, sid="p", path="p.txt"), Config())
    assert [m.name for m in doc.mentions if m.kind == "name"] == ["Erik ten Hag", "Ursula von der Leyen"]
    assert [q.speaker for q in doc.quotes] == ["Erik ten Hag"]


def test_a_family_name_with_its_particles_is_a_mention_of_the_person() -> None:
    text = (
        "Published 3 March 2024\n\n"
        "Ursula von der Leyen arrived in Kyiv on Monday. Von der Leyen met ministers, and Erik ten "
        "Hag watched the match. Later, von der Leyen and Ten Hag left.\n"
    )
    assert [(m.text, m.name) for m in src(text).mentions if m.kind == "name"] == [
        ("Ursula von der Leyen", "Ursula von der Leyen"),
        ("Von der Leyen", "Ursula von der Leyen"),
        ("Erik ten Hag", "Erik ten Hag"),
        ("von der Leyen", "Ursula von der Leyen"),
        ("Ten Hag", "Erik ten Hag"),
    ]


def test_a_capitalised_role_inside_a_proper_name_is_no_mention() -> None:
    text = "Published 3 March 2024\n\nManchester City moved to the top of the Premier League on Sunday.\n"
    doc = annotate_source(source_from_text(text, sid="m", path="m.txt"), Config())
    assert [m.text for m in doc.mentions] == []


def test_a_short_form_of_a_given_name_is_the_same_person() -> None:
    texts = {
        "a": "Publish date 13 February 2024\n\nSenate Majority Leader Chuck Schumer said the vote was historic. "
        "Ivanka Trump said she was not there.\n",
        "b": "Publish date 13 February 2024\n\nSenate Majority Leader Charles Schumer said on Tuesday that "
        "history settles every account. Donald Trump said otherwise.\n",
    }
    docs = [annotate_source(source_from_text(t, sid=k, path=f"{k}.txt"), Config()) for k, t in texts.items()]
    people = resolve_people(docs, Config())
    by_name = {p.name: sorted(p.aliases) for p in people}
    assert by_name["Chuck Schumer"] == ["Charles Schumer"] or by_name["Charles Schumer"] == ["Chuck Schumer"]
    assert "Ivanka Trump" in by_name and "Donald Trump" in by_name  # other given names stay apart


def test_a_hyphenated_title_and_a_name_not_ending_in_the_family_name() -> None:
    """ "Director-General" introduces a name like any title (its token is the hyphenated word), and
    "Tedros" alone is the person news calls by that first word: the quotes of both outlets are his."""
    text = (
        "Title\n\nWHO Director-General Tedros Adhanom Ghebreyesus spoke in Geneva. "
        '"This does not mean the threat is over," Tedros told reporters.\n\n'
        "UN Secretary-General Antonio Guterres spoke too.\n"
    )
    doc = annotate_source(source_from_text(text, sid="ap", path="ap.txt"), Config())
    assert [(m.text, m.name) for m in doc.mentions if m.kind == "name"] == [
        ("Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus"),
        ("Tedros", "Tedros Adhanom Ghebreyesus"),
        ("Antonio Guterres", "Antonio Guterres"),
    ]
    assert doc.quotes[0].speaker == "Tedros Adhanom Ghebreyesus"


def test_no_person_across_a_blank_line_or_in_an_organisation() -> None:
    text = (
        "Mpox emergency lifted\n\nBy Amina Yusuf, Health Reporter\n\nKinshasa — The World Health "
        "Organization said on Friday the outbreak no longer posed a risk. Network Rail says lines are shut.\n"
    )
    doc = annotate_source(source_from_text(text, sid="l", path="l.txt"), Config())
    assert [m.text for m in doc.mentions if m.kind == "name"] == []


def test_a_body_named_after_its_head_and_a_portfolio_are_no_person() -> None:
    text = (
        "Title\n\nThe Office for Budget Responsibility said borrowing would rise. The Institute for Fiscal "
        "Studies said so too. The Minister of Foreign Affairs Hossein Amir-Abdollahian said no. Homeland "
        "Security Secretary Alejandro Mayorkas said yes.\n"
    )
    doc = annotate_source(source_from_text(text, sid="b", path="b.txt"), Config())
    assert sorted({m.name for m in doc.mentions if m.name}) == [
        "Alejandro Mayorkas",
        "Hossein Amir-Abdollahian",
    ]


def test_a_day_named_before_that_is_no_part_of_what_was_said() -> None:
    text = (
        "Title\n\nIsraeli Prime Minister Benjamin Netanyahu said on Tuesday that the army would enter Rafah "
        '"with or without a deal". Officials said Friday that the plan was "dead".\n'
    )
    doc = annotate_source(source_from_text(text, sid="x", path="x.txt"), Config())
    assert [text[q.content_start : q.content_end] for q in doc.quotes if q.content_start is not None] == [
        'the army would enter Rafah "with or without a deal"',
        'the plan was "dead"',
    ]


def test_a_name_that_goes_on_after_the_word_news_calls_the_person_by() -> None:
    text = (
        'Title\n\nChinese President Xi Jinping received Luiz Inácio Lula da Silva on Tuesday. "No one will stop it," said '
        'Lula. Donald Trump met him. "Yes," said Trump. Xi said it was good.\n'
    )
    doc = annotate_source(source_from_text(text, sid="b", path="b.txt"), Config())
    assert [(m.text, m.name) for m in sorted(doc.mentions, key=lambda m: m.start) if m.kind == "name"] == [
        ("Xi Jinping", "Xi Jinping"),
        ("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva"),
        ("Lula", "Luiz Inácio Lula da Silva"),
        ("Donald Trump", "Donald Trump"),
        ("Trump", "Donald Trump"),
        ("Xi", "Xi Jinping"),
    ]


def test_the_words_after_a_body_and_on_name_the_body() -> None:
    text = (
        "Published 30 September 2016\n\nThe Commission on Presidential Debates said there was a problem "
        "with the microphone. The Council on Foreign Relations says otherwise.\n"
    )
    assert [m.name for m in src(text).mentions if m.kind == "name"] == []


def test_a_headline_word_after_a_name_is_no_part_of_it() -> None:
    # a possessive ends a name, and "Is"/"Are" capitalised in title case are no name's words
    text = (
        "Politifact: Donald Trump Is Right About Chicago\n\n"
        "Published 30 September 2016\n\nDemocrat voters worry about Hillary Clinton's Health Issues, and "
        "Mr. Trump's RT appearance drew criticism. Hillary Clinton said so.\n"
    )
    names = {m.name for m in src(text).mentions if m.kind == "name"}
    assert names <= {"Donald Trump", "Hillary Clinton", "Trump"}, names
    text = "Published 30 September 2016\n\nThe Justice Against Sponsors of Terrorism Act was passed.\n"
    assert "Against Sponsors" not in {m.name for m in src(text).mentions}


def test_a_month_after_a_day_is_no_given_name() -> None:
    text = (
        "Live\n\nPublished 14 January 2010\n\nAs it happened : Haiti earthquake 14 Jan Live coverage of the "
        "quake.\nOn 1 May Labour won the vote, Jan Smith said. Jan Egeland said the aid was arriving.\n"
    )
    names = {m.name for m in src(text).mentions if m.kind == "name"}
    assert names == {"Jan Smith", "Jan Egeland"}, names


def _names(d: SourceAnnotations) -> set[str]:
    return {m.name for m in d.mentions if m.name}


@pytest.mark.parametrize(
    ("text", "named", "not_named"),
    [
        # who is told is no speaker, and often a show or an outlet
        (
            '"It is not just the hacking," Adam Schiff told Capital Download on Wednesday. Schiff said so.',
            "Adam Schiff",
            "Capital Download",
        ),
        # ... but a name a few words after "told" is a person's
        ("She told me how JD Hill, one of the senior curators involved, gave the idea.", "JD Hill", None),
        # a headline's verb before a given name is no part of the name
        (
            "Hold Melania Trump to her husband's standards.\n\nTrump said it was fine.",
            "Melania Trump",
            "Hold Melania Trump",
        ),
        (
            "Meet Chris Caddell, a shrimper. Caddell says the season is over.",
            "Chris Caddell",
            "Meet Chris Caddell",
        ),
        # a show's title closed by quote marks
        (
            "RT licenses ''Politicking'' and ''Larry King Now'' for its channel. Larry King said so.",
            "Larry King",
            "Larry King Now''",
        ),
        # a name right after the article is a paper's, a team's or a building's
        ("Or, as The Daily Beast called them in an article last week, it was a plan.", None, "Daily Beast"),
        (
            "Fans filled the streets where the Charlotte Panthers played the Vikings.",
            None,
            "Charlotte Panthers",
        ),
        # a role alone after another is no name; a project's head ends a body's name (BBC, Haiti)
        (
            "Lord Mark Malloch-Brown , former United Nations Deputy Secretary-General , discusses the aid .",
            "Mark Malloch-Brown",
            "Secretary-General",
        ),
        (
            "There have been few reports , but Global Orphan Project posted a video it said had been filmed .",
            None,
            "Orphan Project",
        ),
        # a place's words after a place's honorific, a place's head, a role or a count at a
        # name's edge (BBC, BP oil spill)
        ("Oil reached San Francisco Bay , the San Francisco Chronicle reported .", None, "Francisco Bay"),
        (
            "Oil reached San Francisco Bay , the San Francisco Chronicle reported .",
            None,
            "Francisco Chronicle",
        ),
        ("BP Vice-President Kent Wells said the cap held .", "Kent Wells", "BP Vice-President"),
        ("Reports said BP Vice-President spoke .", None, "BP Vice-President"),
        ("Gulf Coast said the beaches were closed .", None, "Gulf Coast"),
        # a verb in -ing opening a sentence before a surname; a paper's head (BBC)
        (
            "Obama 's agenda failed . Expecting Obama to know what to do is a recipe for chaos . Obama says so .",
            None,
            "Expecting Obama",
        ),
        (
            "Reports in Sydney Morning Herald say the appeal raised $ 1m , Herald says .",
            None,
            "Sydney Morning Herald",
        ),
        # a word and a company's letters, a caption's words run into a name; a roman numeral is a
        # name's (BBC, BP oil spill and Haiti earthquake)
        ("Initially BP said the cap was holding .", None, "Initially BP"),
        ("Thad Allen Letter to BP said the well must be sealed .", None, "Allen Letter"),
        ("Politics Daily reported that Mr Obama was angry .", None, "Politics Daily"),
        ("Pope Benedict XVI said he would pray for Haiti .", "Benedict XVI", None),
        # a ship's name after its prefix (BBC, Haiti earthquake)
        (
            "The aircraft carrier , USS Carl Vinson , will act as a floating airport , Adm Ted Branch said .",
            "Ted Branch",
            "Carl Vinson",
        ),
        # bodies' and places' names (BBC, Haiti earthquake)
        ("National Football League , Major League Baseball and others will donate .", None, "Baseball"),
        (
            "National Football League , Major League Baseball and others will donate .",
            None,
            "League Baseball",
        ),
        ("A BBC correspondent in Santo Domingo said Wednesday that aid came first .", None, "Santo Domingo"),
        ("Flights from Santo Domingo landed , Virgin Atlantic said .", None, "Virgin Atlantic"),
        ("Medecins Sans Frontieres said its hospital had collapsed .", None, "Sans Frontieres"),
        # a body's name after "Al" (NYT, 20 September 2016)
        (
            "Aid workers have been targeted by insurgents affiliated with Al Qaeda. Al Gore said so.",
            "Al Gore",
            "Al Qaeda",
        ),
        # ... or an indefinite article: a name made a modifier (BBC, BP oil spill)
        (
            "A Deepwater Horizon worker told the BBC a leak was found . Horizon said so .",
            None,
            "Deepwater Horizon",
        ),
        # ... or a year between them: a ship's, named as the spill's (BBC, BP oil spill)
        (
            "It is 20 times the size of the 1989 Exxon Valdez spill . Conversely , the Exxon Valdez "
            "claimed the lives of several thousand sea otters .",
            None,
            "Exxon Valdez",
        ),
        # the words after a name that name a happening or a building
        (
            'Mr. King is also taking part in "Barack Obama Election Day," a designated day.',
            "Barack Obama",
            "Barack Obama Election",
        ),
        (
            "The George W. Bush Presidential Center in Dallas runs a program.",
            None,
            "George W. Bush Presidential",
        ),
        ("The ship sailed into Prince William Sound Science Center waters.", None, "William Sound Science"),
        # the last word of a body's name after a title with "of" ...
        ("said Kate Nicholas, Associate Director of World Vision.", "Kate Nicholas", "Vision"),
        ("The new Chairman of the Caribbean Community said so.", None, "Community"),
        # ... unless the source gives it a first name
        ("Secretary of State Kerry said so. John Kerry left on Monday.", "John Kerry", None),
        ("An official of the US Second Fleet said the ships were ready.", None, "Second Fleet"),
        # a nickname in quote marks
        (
            "Clinton cited Trump's references to Machado as “Miss Piggy” and “Miss Housekeeping”.",
            None,
            "Housekeeping",
        ),
        ("``Mr. Trump'' was there, Donald Trump said.", "Donald Trump", "Trump''"),
        # a word before a surname the source writes after a given name elsewhere: a caption run in
        (
            "Philadelphia Inquirer Obama said the spill was a disaster. Later Barack Obama flew to the Gulf.",
            "Barack Obama",
            "Philadelphia Inquirer Obama",
        ),
        # a number or a plural title opening a sentence is no part of a name
        ("Two Oxfam workers were hurt in the quake. Oxfam said so.", None, "Two Oxfam"),
        ("Presidents Obama and Bush met on Saturday. Obama said aid was coming.", None, "Presidents Obama"),
        # an honorific inside a run-in caption starts the name
        (
            "- Michael Murray, Greensboro, North Carolina, Anon Prof Ershaghi says: it would not work.",
            None,
            "Anon Prof Ershaghi",
        ),
        (
            "Adm Thad Allen Retired from the Coast Guard in 2010, Thad Allen said.",
            "Thad Allen",
            "Thad Allen Retired",
        ),
    ],
)
def test_names_run_into_other_words(text: str, named: str | None, not_named: str | None) -> None:
    names = _names(src(text))
    if named:
        assert named in names, names
    if not_named:
        assert not_named not in names, names


def test_a_name_one_caption_runs_into_words_is_the_name_other_sources_write() -> None:
    """ "Simon Boxall Southampton" (a caption run into the text) in one source, "Simon Boxall" in two
    others: one person, Simon Boxall."""
    texts = [
        "Prof Simon Boxall said the oil was dispersing. Simon Boxall said more.",
        "Simon Boxall said the plume would reach the coast in August.",
        "End Quote Simon Boxall Southampton University Dr Chris Reddy of the Woods Hole Oceanographic "
        "Institution said it. Boxall said the oil was dispersing.",
    ]
    docs = [
        annotate_source(source_from_text(t, sid=f"s{i}", path=f"s{i}.txt"), Config())
        for i, t in enumerate(texts)
    ]
    assert "Simon Boxall Southampton" in {m.name for m in docs[2].mentions}
    people = resolve_people(docs, Config())
    assert [p.name for p in people] == ["Chris Reddy", "Simon Boxall"]
    assert {m.person_id for d in docs for m in d.mentions if "Boxall" in m.text} == {"simon-boxall"}


def test_a_longer_name_several_sources_write_is_kept() -> None:
    texts = [
        "Martin Luther said the church was wrong. Martin Luther wrote more.",
        "Martin Luther said so again in 1520.",
        "Martin Luther King said he had a dream.",
        "Martin Luther King said it again in Memphis.",
    ]
    docs = [
        annotate_source(source_from_text(t, sid=f"s{i}", path=f"s{i}.txt"), Config())
        for i, t in enumerate(texts)
    ]
    assert {p.name for p in resolve_people(docs, Config())} == {"Martin Luther", "Martin Luther King"}


def test_the_verb_s_own_subject_a_paper_speaks_not_the_sentence_s_first_person() -> None:
    d = src(
        "But Mr. Schultz and Mr. King are playing the equestrians to Russia's Trojan horse (or, as The "
        "Daily Beast called them in an article last week, ''Manchurian anchors'')."
    )
    q = next(q for q in d.quotes if "Manchurian" in q.text)
    assert d.source.text[q.speaker_start : q.speaker_end] == "The Daily Beast"


def test_an_honorific_of_the_other_gender_calls_someone_else_by_the_surname() -> None:
    d = src(
        "Bill Clinton visited the camp on Monday. Mrs Clinton said the crisis was the worst she had "
        "seen. Clinton said the aid would come."
    )
    by_text = [(d.source.text[m.start : m.end], m.name) for m in d.mentions]
    assert ("Mrs Clinton"[4:], "Clinton") in by_text
    assert ("she", "Clinton") in by_text
    assert by_text[-1] == ("Clinton", "Bill Clinton")


def test_a_shared_surname_after_a_title_is_the_one_the_source_so_titles() -> None:
    # BBC, 12 July 2010: Michelle Obama is named first, then "President Barack Obama"; "President
    # Obama" and "the Obama administration" are his, not hers (who would win as the first named)
    d = src(
        "The moratorium was reworked in the hope of gaining the approval of a federal court that "
        "rejected the Obama administration 's earlier ban , saying it was too broad .\n"
        "The news of progress on the cap comes ahead of a planned visit to the region by First Lady "
        "Michelle Obama , who is expected to be briefed by officials .\n"
        "President Barack Obama , who has visited the area several times , has labeled the spill the "
        "nation 's worst-ever environmental disaster .\n"
        "The commission is charged by President Obama with providing recommendations .\n"
    )
    by_start = {m.start: m.name for m in d.mentions}
    text = d.source.text
    assert by_start[text.index("Obama administration")] == "Barack Obama"
    assert by_start[text.index("Obama with")] == "Barack Obama"
    assert by_start[text.index("Michelle Obama")] == "Michelle Obama"


@pytest.mark.parametrize(
    ("text", "phrase", "person"),
    [
        # "the former president" is no sitting president; the sitting one stays "the president"
        (
            "President Barack Obama spoke in Ohio on Monday. Former President Bill Clinton also "
            "campaigned there. The former president said the race was close. The president agreed.",
            "The former president",
            "Bill Clinton",
        ),
        (
            "President Barack Obama spoke in Ohio on Monday. Former President Bill Clinton also "
            "campaigned there. The former president said the race was close. The president agreed.",
            "The president",
            "Barack Obama",
        ),
        # BBC, BP oil spill: Bob Dudley "was the former chief of the BP-TNK joint venture", while
        # Tony Hayward is BP's chief executive: nobody the story titles "former" is Hayward
        (
            "BP chief executive Tony Hayward will step down. Bob Dudley will take over. The former "
            "chief said he was ready.",
            "The former chief",
            None,
        ),
        (
            "Fidel Castro, the late leader of Cuba, met him in 2001. The late leader said so.",
            "The late leader",
            "Fidel Castro",
        ),
    ],
)
def test_a_role_no_longer_held_names_only_who_held_it(text: str, phrase: str, person: str | None) -> None:
    d = src(text)
    at = d.source.text.index(phrase)
    m = next(m for m in d.mentions if m.start == at)
    assert m.name == person


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Barack Obama met Mitch McConnell, who said the plan was "dead on arrival."', "Mitch McConnell"),
        (
            "Barack Obama has had a frosty relationship with Mitch McConnell, now the Senate majority "
            'leader, who in 2010 said the GOP\'s goal was to make Obama a "one-term president."',
            "Mitch McConnell",
        ),
    ],
)
def test_the_person_a_relative_who_stands_for_is_the_speaker(text: str, speaker: str) -> None:
    (q,) = src(text).quotes
    assert q.speaker == speaker


def test_a_who_after_another_name_in_a_list_is_not_the_last_known_person_s() -> None:
    d = src(
        "The ceremony featured John Lewis, a congressman from Georgia, as well as celebrities like "
        "Patti LaBelle and Stevie Wonder, who joked of the museum, ''I haven't seen it yet, but I'm going to.''"
    )
    assert all(q.speaker != "Patti LaBelle" for q in d.quotes)


def _people_of(texts: list[str]) -> dict[str, list[str]]:
    docs = [
        annotate_source(source_from_text(t, sid=f"s{i}", path=f"s{i}.txt"), Config())
        for i, t in enumerate(texts)
    ]
    return {p.name: p.aliases for p in resolve_people(docs, Config())}


def test_a_generational_suffix_is_no_family_name() -> None:
    people = _people_of(
        [
            "Joseph R. Biden Jr said the plan would pass. Joseph R. Biden Jr spoke again.",
            "Joe Biden said the plan would pass.",
            "George Bush Sr said so in 1991. George W. Bush said so in 2003. George W. Bush left.",
        ]
    )
    assert "Joe Biden" in people["Joseph R. Biden Jr"]
    assert "George Bush Sr" in people and "George W. Bush" in people


def test_a_bare_name_spelt_like_a_surname_does_not_chain_two_people() -> None:
    """ "Robert" (a surname spelt like "Roberts") joins one of them, not both."""
    people = _people_of(
        [
            "Jennifer Roberts said the city would recover. Jennifer Roberts spoke again.",
            "John Roberts said the court would rule. John Roberts said more. John Roberts left.",
            "Mr. Robert said the plan was fine.",
        ]
    )
    assert "Jennifer Roberts" in people and "John Roberts" in people


def test_a_subject_with_a_phrase_in_apposition_is_the_speaker() -> None:
    # PolNeAR (Washington Post, NYT): both quotations were nobody's
    text = (
        "Even China, Pyongyang's only ally and its economic lifeline to the outside world, said it was "
        '"resolutely opposed" to the test.\n\n'
        "Officials at Homeland Security Investigations, a division of Immigration and Customs "
        'Enforcement, said applicants "may try to use increasingly sophisticated methods to circumvent" '
        "the program.\n\n"
        "Hillary Clinton spoke out about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that "
        "the killings should be recognized as “intolerable.”"
    )
    spoken = _speaker_mentions(text)
    assert spoken == ["Even China", "Homeland Security Investigations", "Hillary Clinton"]


def test_put_it_is_a_cue_only_as_a_reporting_phrase() -> None:
    text = (
        'As Steven M. Rosenthal, a tax lawyer, recently put it, "Did Trump lower his taxes through '
        'legal tax avoidance, or illegal tax evasion?"\n\n'
        "Pat Robertson seemed to have put it all down to the wrath of God, who has shown his anger on "
        'the "devil-worshipping" Haitians.'
    )
    qs = src(text).quotes
    assert [(q.speaker, q.cue) for q in qs] == [("Steven M. Rosenthal", "put it"), (None, None)]


def test_an_adverb_between_a_subject_and_its_cue() -> None:
    # PolNeAR (USA Today): the description was no speaker with "has repeatedly" before the verb
    text = (
        "Donald Trump isn't saying much about debate preparation.\n\n"
        "The Republican presidential nominee has repeatedly wondered whether the moderators will be "
        '"fair" to him.\n\n'
        'The party\'s platform committee publicly stated the rules were "final."'
    )
    spoken = _speaker_mentions(text)
    assert spoken == ["The Republican presidential nominee", "The party's platform committee"]


def test_a_surname_of_three_letters_is_a_mention_of_the_full_name() -> None:
    # PolNeAR (Western Journal): "Ham" alone was nobody, and his quotations went to Obama
    text = (
        "Retired U.S. Air Force Gen. Norman Ham is speaking out about the commander in chief.\n\n"
        "In an interview, Ham made it clear he had major misgivings about the armed forces.\n\n"
        "Ham described Hillary Clinton as “a lifetime politician.”"
    )
    d = src(text)
    assert [m.name for m in d.mentions if m.text == "Ham"] == ["Norman Ham", "Norman Ham"]
    assert [q.speaker for q in d.quotes] == ["Norman Ham"]


def test_a_name_after_a_preposition_is_no_subject_for_a_pronoun() -> None:
    # "serving under Obama": Obama is no subject of the sentence, so not the "he" of the next one
    text = (
        "Serving under Barack Obama left Gen. Norman Ham demoralized.\n\n"
        "“We’re paying ransom to the largest state sponsor of terrorism in the world,” he said."
    )
    assert [q.speaker for q in src(text).quotes] == ["Norman Ham"]


def test_a_cue_in_a_clause_before_the_main_one_gives_way_to_the_main_clauses() -> None:
    # PolNeAR (Western Journal): "he acknowledged" in the while-clause took the quotation from Ham
    text = (
        "Gen. Norman Ham spoke to a radio host on Monday.\n\n"
        "While he acknowledged funding was a major reason he felt demoralized serving under Barack "
        "Obama, Ham also noted several “intangibles” left him further disillusioned.\n\n"
        "As Ms. Margarita Simonyan put it in a statement, “The West has lost.”"
    )
    qs = src(text).quotes
    assert [(q.speaker, q.cue) for q in qs] == [("Norman Ham", "noted"), ("Margarita Simonyan", "put it")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # PolNeAR (Western Journal, New York Times, Washington Post): a quoted phrase a verb of likening
        # or condemning applies to something is its subject's words, not a scare quote
        (
            "At a rally, Donald Trump likened the refugees to a “vicious snake” in a song about a woman.",
            "Donald Trump",
            "likened",
        ),
        (
            'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution" - a charge '
            "that might have stung.",
            "Laurence H. Tribe",
            "likened",
        ),
        (
            "In a White House statement, President Obama condemned Friday's test as \"provocative and "
            'destabilizing" to regional stability.',
            "Obama",
            "condemned",
        ),
    ],
)
def test_a_verb_of_likening_or_condemning_attributes_the_phrase_it_quotes(
    text: str, speaker: str, cue: str
) -> None:
    (q,) = src(text).quotes
    assert (q.speaker, q.cue) == (speaker, cue)


def test_a_name_with_an_initial_in_apposition_before_the_verb_is_a_person() -> None:
    # PolNeAR (New York Times): "Laurence" is no listed given name, and the name stands between
    # commas after a description, so no rule read it, and the description was the speaker
    text = (
        'Another critic, Laurence H. Tribe, said the rules were "burning the Constitution" and '
        "should go.\n\nThe board's chairman, Mark Gale, said nothing."
    )
    d = src(text)
    assert [m.name for m in d.mentions] == ["Laurence H. Tribe", "Mark Gale"]
    assert [q.speaker for q in d.quotes] == ["Laurence H. Tribe"]
