"""The TIMEX3 tagger, one rule family at a time, on real sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from timeline_tui.annotate.time import tag
from timeline_tui.model import Timex

DCT = "2023-12-05"  # a Tuesday


def one(text: str, dct: str | None = DCT) -> tuple[str, str, str, str]:
    found = tag(text, dct)
    assert found, f"nothing tagged in {text!r}"
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t.text, t.type, t.value, t.anchor


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("with the President of Cuba - 4 /Dec/ 2023", "4 /Dec/ 2023", "2023-12-04"),
        ("his accompanying delegation on 04 December 2023, Ayatollah", "04 December 2023", "2023-12-04"),
        ("receives Díaz-Canel in Tehran on December 4, 2023. (Photo", "December 4, 2023", "2023-12-04"),
        ("date 2023-12-05 Ayatollah Khamenei made the remarks", "2023-12-05", "2023-12-05"),
        ("on the 5th of May 2001 it", "the 5th of May 2001", "2001-05-05"),
        ("On 12/04/2023 the talks began.", "12/04/2023", "2023-12-04"),
    ],
)
def test_full_dates(sentence: str, span: str, value: str) -> None:
    text, typ, val, anchor = one(sentence)
    assert (text, typ, val, anchor) == (span, "DATE", value, "absolute")


def test_date_with_time() -> None:
    assert one("Publish date Tuesday 5 December 2023 - 15:26")[1:3] == ("TIME", "2023-12-05T15:26")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The summit opened on Dec. 4 in Tehran.", "2023-12-04"),
        ("Talks are scheduled for Jan. 14 in Havana.", "2024-01-14"),
        ("It happened in October, officials said.", "2023-10"),
        ("The envoy will travel to Havana in February.", "2024-02"),
    ],
)
def test_dates_without_a_year_take_the_nearest_year(sentence: str, value: str) -> None:
    assert one(sentence)[2] == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("the 1979 Islamic Revolution", "1979"),
        ("in the 1990s", "199"),
        ("the early 1980s", "198"),
        ("in the twentieth century", "19"),
        ("results for fiscal 1989", "1989"),
        ("the third quarter of 1989", "1989-Q3"),
        ("the summer of 1979", "1979-SU"),
    ],
)
def test_years_decades_centuries_quarters(sentence: str, value: str) -> None:
    assert one(sentence)[2] == value


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        (
            "Ayatollah Khamenei had a meeting with the Cuban President in Tehran on Monday.",
            "Monday",
            "2023-12-04",
        ),
        ("met with Ayatollah Khamenei on Monday evening.", "Monday evening", "2023-12-04"),
        ("The two presidents will meet again on Friday.", "Friday", "2023-12-08"),
        ("Officials said last Friday that the talks failed.", "last Friday", "2023-12-01"),
        # a plan in the pluperfect is gone by: the Friday before
        ("The offer had been scheduled to expire Friday.", "Friday", "2023-12-01"),
        ("The vote had been due to take place on Friday.", "Friday", "2023-12-01"),
        ("The vote is scheduled to take place on Friday.", "Friday", "2023-12-08"),
        # a marker of plans after a verb of what is under way tells no plan
        ("Aid workers have begun arriving after Friday's earthquake.", "Friday", "2023-12-01"),
        ("Aid workers are arriving on Friday.", "Friday", "2023-12-08"),
        # written on a Tuesday, "last Monday" is not yesterday but the Monday of the week before
        ("He resigned last Monday, aides said.", "last Monday", "2023-11-27"),
        ("He resigned last Sunday, aides said.", "last Sunday", "2023-12-03"),
        ("Earlier today, the Leader received the delegation.", "Earlier today", "2023-12-05"),
        ("The minister arrived yesterday.", "yesterday", "2023-12-04"),
    ],
)
def test_weekdays_follow_tense_and_relative_days(sentence: str, span: str, value: str) -> None:
    text, _typ, val, anchor = one(sentence)
    assert (text, val, anchor) == (span, value, "published")


@pytest.mark.parametrize(
    ("sentence", "span", "value", "gran"),
    [
        ("his meeting with the late Fidel Castro 22 years ago", "22 years ago", "2001", "year"),
        ("the meeting he had twenty-two years ago with Fidel Castro", "twenty-two years ago", "2001", "year"),
        (
            "President Raisi visited Havana earlier this year upon an invitation",
            "earlier this year",
            "2023",
            "year",
        ),
        ("Prices rose last month.", "last month", "2023-11", "month"),
        ("The law passed last week.", "last week", "2023-W48", "week"),
        ("Profit fell from a year ago.", "a year ago", "2022", "year"),
        ("It began a decade ago.", "a decade ago", "2013", "year"),
    ],
)
def test_relative_offsets_keep_their_granularity(sentence: str, span: str, value: str, gran: str) -> None:
    t = tag(sentence, DCT)[0]
    assert (t.text, t.value, t.granularity, t.anchor) == (span, value, gran, "published")
    assert "2023-12-05" in t.explanation and span in t.explanation


def test_explanation_reads_well() -> None:
    t = tag("22 years ago", DCT)[0]
    assert t.explanation == "'22 years ago' relative to a source published 2023-12-05 → 2001"


def test_n_years_after_another_event() -> None:
    s = (
        "The visit of a Cuban president to Tehran took place 22 years after Fidel Castro, "
        "the then president of the country, paid a visit to Tehran."
    )
    t = tag(s, DCT)[0]
    # TimeML: the duration "22 years" (its signal "after" outside the extent), pointing to 2001
    assert (t.text, t.type, t.value, t.point, t.anchor) == ("22 years", "DURATION", "P22Y", "2001", "event")
    assert "minus 22 years" in t.explanation


def test_counted_durations_point_to_their_day() -> None:
    s = "On Oct. 11, the market fell. Three days later, it rose. A few days later it dropped again."
    got = [(t.text, t.type, t.value, t.point) for t in tag(s, "1989-10-30")]
    assert got == [
        ("Oct. 11", "DATE", "1989-10-11", None),
        ("Three days", "DURATION", "P3D", "1989-10-14"),
        ("A few days", "DURATION", "PXD", None),
    ]


def test_narrative_time() -> None:
    s = "The attack happened on Oct. 23, 1998. Earlier that day, police had searched the house."
    found = tag(s, "1999-01-22")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("Oct. 23, 1998", "1998-10-23", "absolute"),
        ("Earlier that day", "1998-10-23", "narrative"),
    ]


def test_a_day_after_since_leaves_the_narrative_where_it_is() -> None:
    # BBC, 15 July 2010: "since … 20 April" starts a period lasting until now; the time of day of the
    # news is on the day of publication, not on 20 April
    s = (
        "It is the first time the flow has stopped since an explosion on the Deepwater Horizon rig on 20 "
        "April . \nBP executive Kent Wells said the oil had been stopped at 1425 local time ."
    )
    found = {t.text: t.value for t in tag(s, "2010-07-15")}
    assert found["20 April"] == "2010-04-20"
    assert found["1425 local time"] == "2010-07-15T14:25"
    # a day without "since" still moves it
    found = {
        t.text: t.value
        for t in tag("The rig exploded on 20 April. It sank at 1000 local time.", "2010-07-15")
    }
    assert found["1000 local time"] == "2010-04-20T10:00"


def test_durations_and_periods() -> None:
    t = tag("the Palestinians have suffered over the past 75 years", DCT)[0]
    assert (t.text, t.type, t.value) == ("the past 75 years", "DURATION", "P75Y")
    assert (t.period_start, t.period_end) == ("1948", "2023")
    # decades and centuries counted in years: the past decade is 2013-2023, not the 2010s-2020s
    t = tag("Output has tripled over the past decade.", DCT)[0]
    assert (t.value, t.period_start, t.period_end) == ("P10Y", "2013", "2023")
    t = tag("It grew in the last two decades.", DCT)[0]
    assert (t.period_start, t.period_end) == ("2003", "2023")
    assert tag("the talks lasted three days", DCT)[0].value == "P3D"
    # "last" as the verb: a duration after it, no period ending at publication
    for text, span, value in [
        ("The operation is expected to last four days.", "four days", "P4D"),
        ("Supplies will last five days at most.", "five days", "P5D"),
        ("It'll last three hours, engineers said.", "three hours", "PT3H"),
    ]:
        (t,) = tag(text, DCT)
        assert (t.text, t.value, t.period_start) == (span, value, None), t
    t = tag("He spent the last four days in Paris.", DCT)[0]
    assert (t.text, t.period_end) == ("the last four days", "2023-12-05")
    assert tag("a two-year program", DCT)[0].value == "P2Y"
    assert tag("for several months", DCT)[0].value == "PXM"
    assert tag("in one minute", DCT)[0].value == "PT1M"


def test_a_capitalised_day_word_opening_or_ending_a_sentence_is_a_time() -> None:
    assert one("Today, the talks resume.")[2] == DCT
    assert one("THE TALKS: Today the pact ends.")[2] == DCT


def test_sets_and_refs() -> None:
    assert one("The council meets every week.")[1:3] == ("SET", "P1W")
    assert one("Trains run daily.")[1:3] == ("SET", "P1D")
    assert one("But now the tragedy in Gaza is so great")[2] == "PRESENT_REF"
    assert one("the recent events and the bombings in Gaza")[2] == "PAST_REF"
    assert one("cooperation in the future")[2] == "FUTURE_REF"


def test_quarters_seasons_weekends() -> None:
    assert one("Sales fell in the third quarter.", "1989-10-25")[2] == "1989-Q3"
    assert one("Profit rose last fall.", "1998-02-06")[2] == "1997-FA"
    assert one("It happened last fall in Ohio.", "1998-02-06")[2] == "1997-FA"
    assert one("They met in the fall of 1996.", "1998-02-06")[2] == "1996-FA"
    assert one("They met on Christmas Day.")[2] == "2022-12-25"  # met: the last one, not the coming one
    # a holiday on a weekday of its month: where it fell that year (Labor Day 2016: 5 September), not
    # mid-month (Washington Post, 8 September 2016)
    assert one("Scott threw open his back yard for a Labor Day cookout.", "2016-09-08")[2] == "2016-09-05"
    assert one("They met at Easter.", "2016-03-20")[2] == "2015-04-05"


def test_without_publication_date_nothing_is_invented() -> None:
    t = tag("met with Ayatollah Khamenei on Monday evening.", None)[0]
    assert t.value == "XXXX-XX-XX" and t.anchor == "none" and "unknown" in t.explanation
    assert tag("22 years ago", None)[0].value == "XXXX"
    assert tag("on 04 December 2023", None)[0].value == "2023-12-04"


@pytest.mark.parametrize(
    "sentence",
    [
        "We may see more talks.",
        "We will meet them.",
        "Sat down with the minister. The Sun rose.",
        "Protesters march on the capital.",
        "They will March on the capital, organisers said.",
        "The company paid $27 million.",
        "The measure won 2010 votes.",
        "Two of these self-sustaining 1500+ personnel battle groups are always ready.",
        "Two of these self-sustaining 1500 + personnel battle groups are always ready.",
        "The fund drew 2000-plus applicants.",
        "Call 555-1979 for details.",
        "Section 2023 of the act.",
        "Upgrade to version 2.2023 now",
        # a paper's or a show's name
        "“We were there under legitimate pretenses,” Figueroa told USA Today.",
        "The minister told BBC Radio 4's Today programme he would stay.",
        "She said on the Today show that the talks had failed.",
        # things named after a holiday (NYT, 28 September 2016)
        "It avoided shooting itself in the foot when it retaliated against Christmas trees rather than car engines.",
        # a fall that is a change, not an autumn (BBC, BP oil spill)
        "So the fall in the value of its shares and the axing of the dividend will have an impact .",
        "Cuba fell quite a lot with the fall of the USSR .",
    ],
)
def test_false_positives_are_rejected(sentence: str) -> None:
    found = [t for t in tag(sentence, DCT) if t.value not in ("PRESENT_REF", "FUTURE_REF")]
    assert found == [], found


def test_a_number_paired_with_a_zoned_clock_time_is_no_year() -> None:
    # a BBC page's schedule: "1500" is three in the afternoon, GMT like the time it is paired with
    text = "BBC World Service radio 1500 & 1930GMT on Fridays"
    assert [(t.text, t.type) for t in tag(text, "2010-06-01")] == [("1930GMT", "TIME"), ("Fridays", "SET")]
    assert all(t.text != "1400" for t in tag("The ban runs between 1400 and 1600 GMT.", DCT))
    # years joined by "and" stay years
    assert [t.value for t in tag("It happened in 1979 and 1980.", DCT)] == ["1979", "1980"]
    assert [t.value for t in tag("Revenue was counted for 2009 + 2010.", DCT)] == ["2009", "2010"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("BBC Radio 4's Money Box is broadcast on Saturdays at 12 noon.", "Saturdays", "XXXX-WXX-6"),
        ("Mr. Hunt sings on Monday and Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("The market opens on Friday mornings.", "Friday mornings", "XXXX-WXX-5TMO"),
    ],
)
def test_plural_weekdays_are_sets(sentence: str, text: str, value: str) -> None:
    found = {t.text: (t.type, t.value) for t in tag(sentence, DCT)}
    assert found[text] == ("SET", value)


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        # counted from the date after the signal, not from the publication date (2027 before)
        ("The vote took place three years after the 2021 election.", "2024"),
        ("He returned two years after the 1979 revolution.", "1981"),
        ("Two weeks after 4 December 2023, they met again.", "2023-12-18"),
        ("The talks began six months before the March 2020 lockdown.", "2019-09"),
        # a year gives no day to count days from: no point rather than an invented one
        ("Results came three days after the 2021 election.", None),
    ],
)
def test_a_duration_after_a_date_counts_from_that_date(sentence: str, point: str | None) -> None:
    duration = tag(sentence, "2024-03-05")[0]
    assert duration.type == "DURATION" and duration.point == point, duration.explanation
    if point is not None:
        assert duration.anchor == "event" and (
            "after" in duration.explanation or "before" in duration.explanation
        )
        assert "published" not in duration.explanation


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # a range of years names both (the second was taken for a count: "5 to 2005 votes")
        ("He served in the Senate from 1987 to 2005.", ["1987", "2005"]),
        ("Mr Graham served in the senate from 1987-2005.", ["1987", "2005"]),
        ("I worked in Haiti for five years from 2001–2006.", ["P5Y", "2001", "2006"]),
        # a season or fiscal year over two calendar years, the second in two digits
        ("The club won the league in the 2008-09 season.", ["2008", "2009"]),
        ("Revenue for fiscal 2023/24 fell 3%, the company said.", ["2023", "2024"]),
        ("He joined the team for the 1999-00 season.", ["1999", "2000"]),
        # two digits that are not the next year: no range of years ("2008-05" may be a month)
        ("The index bottomed out in 2008-05 and 2008-11.", []),
        # counts and phone numbers stay what they are
        ("Call 1979-2345 for details.", []),
        ("Turnout rose from 1500 to 2000 people.", ["1500"]),
        # a day past 12 first: day, month, year
        ("The ceasefire began on 13/3/2024.", ["2024-03-13"]),
        ("The ceasefire began on 3/13/2024.", ["2024-03-13"]),
    ],
)
def test_year_ranges_and_day_first_dates(sentence: str, values: list[str]) -> None:
    assert [t.value for t in tag(sentence, DCT)] == values


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        # a holiday takes the year its clause's tense points to, however near the other one is
        ("They will meet on Christmas Eve.", "2025-01-10", "2025-12-24"),
        ("They will meet again on New Year's Day.", "2025-01-10", "2026-01-01"),
        ("They met on Christmas Eve.", "2025-01-10", "2024-12-24"),
        # no tense: the nearest
        ("Shops close early on Christmas Eve.", "2024-12-20", "2024-12-24"),
    ],
)
def test_a_holiday_follows_the_tense_of_its_clause(sentence: str, dct: str, value: str) -> None:
    assert [t.value for t in tag(sentence, dct)] == [value]


def test_offsets_are_exact_on_crlf_text() -> None:
    text = "Line one.\r\nOn Monday, 4 December 2023, they met.\r\n"
    for t in tag(text, DCT):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        # a regular past tense pulls a bare month back, even when the next one is nearer
        ("He stepped down as chairman in March for health reasons.", "1989-11-02", "1989-03"),
        # a passive after "will be" is no past tense
        ("A ceremony will be held at the summit on April 24.", "1999-02-10", "1999-04-24"),
        ("The reduced dividend is payable Jan. 2 to holders of record.", "1989-11-02", "1990-01-02"),
        # "increased" is an adjective here; "will be paid" is the future
        ("The increased dividend will be paid Dec. 14.", "1989-10-26", "1989-12-14"),
        # a word in -ed after a determiner is an adjective: "would be paid" decides
        ("The split would be paid on a still unspecified date in January.", "1989-10-26", "1990-01"),
        ("The split would be paid on an unspecified date in January.", "1989-10-26", "1990-01"),
        # the control: a past tense pulls January back
        ("The split was paid on a date in January.", "1989-10-26", "1989-01"),
        # when something takes effect: the nearest, whatever the clause's tense
        ("The bank also created an office of the chairman, effective Feb. 1.", "1989-10-26", "1990-02-01"),
        ("The bank created the office, effective March 1.", "1989-03-20", "1989-03-01"),
        ("The bank created the office on Feb. 1.", "1989-10-26", "1989-02-01"),
        ("The deal the ministers signed takes effect from Jan. 1.", "2024-10-24", "2025-01-01"),
        ("The rule the board approved comes into force on March 1.", "2024-10-24", "2025-03-01"),
        ("The law took effect on Jan. 1.", "2024-10-24", "2024-01-01"),
    ],
)
def test_tense_of_bare_months(sentence: str, dct: str, value: str) -> None:
    assert one(sentence, dct)[2] == value


@pytest.mark.parametrize(
    ("sentence", "dct", "text", "value"),
    [
        ("Q4 2023 profit rose 12%.", "2024-02-01", "Q4 2023", "2023-Q4"),
        ("Sales in 3Q24 beat forecasts.", "2024-10-24", "3Q24", "2024-Q3"),
        ("Its Q2'24 margin fell.", "2024-10-24", "Q2'24", "2024-Q2"),
        # two digits as a fiscal year's are read: above 30, the 1900s
        ("Its Q3'95 margin fell.", "2024-10-24", "Q3'95", "1995-Q3"),
        ("It raised its Q1 FY25 guidance.", "2024-10-24", "Q1 FY25", "2025-Q1"),
        # a quarter's code alone: the nearest in the direction of the tense
        ("Q3 results beat forecasts, the company said.", "2024-10-24", "Q3", "2024-Q3"),
        ("Q4 sales rose, the company said.", "2024-02-01", "Q4", "2023-Q4"),
        ("Q1 sales will rise, the company said.", "2024-11-20", "Q1", "2025-Q1"),
        ("The H1 2025 outlook was raised.", "2024-10-24", "H1 2025", "2025-H1"),
        ("It posted a 1H24 loss.", "2024-10-24", "1H24", "2024-H1"),
        ("The deal closed on 20.03.2024 in Zurich.", "2024-10-24", "20.03.2024", "2024-03-20"),
    ],
)
def test_quarter_and_half_codes_and_dotted_dates(sentence: str, dct: str, text: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(sentence, dct)] == [(text, value)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The H1N1 virus spread quickly.",
        "Version 1.10.2024.1 fixed the bug.",
        "Its H2 fuel cells are costly.",
    ],
)
def test_codes_that_are_no_quarters_or_dates(sentence: str) -> None:
    assert tag(sentence, "2024-10-24") == []


def test_year_ago_after_a_named_quarter_is_that_quarter() -> None:
    text = (
        "Third-quarter profit rose 12% to $40 million. "
        "The company earned $35 million a year earlier, on sales of $1 billion."
    )
    found = {t.text: t.value for t in tag(text, "1989-10-26")}
    assert found["Third-quarter"] == "1989-Q3"
    assert found["a year earlier"] == "1988-Q3"
    # with no quarter in view, a year ago is a year
    assert {t.text: t.value for t in tag("The plant opened a year ago.", "1989-10-26")}[
        "a year ago"
    ] == "1988"


@pytest.mark.parametrize(
    ("sentence", "dct", "span", "value"),
    [
        ("Net income in the 1988 second quarter fell.", "1989-10-26", "the 1988 second quarter", "1988-Q2"),
        ("Sales in this year's third quarter rose.", "1989-10-26", "this year's third quarter", "1989-Q3"),
        ("The ratification began in February this year.", "1998-12-03", "February this year", "1998-02"),
        ("He resigned in June last year.", "1998-02-19", "June last year", "1997-06"),
        ("He resigned in July of last year.", "1998-02-19", "July of last year", "1997-07"),
        # a day with its year told relative to publication: the year the words give, whatever the
        # tense and distance would say
        ("She visited on April 30 last year.", "2024-03-05", "April 30 last year", "2023-04-30"),
        ("He came on July 4 of last year.", "2024-03-05", "July 4 of last year", "2023-07-04"),
        ("The deal closes on 30 April this year.", "2024-03-05", "30 April this year", "2024-04-30"),
        ("It was signed Jan. 5, last year.", "2024-03-05", "Jan. 5, last year", "2023-01-05"),
        ("Earnings for the current fiscal year will rise.", "1989-11-02", "the current fiscal year", "1989"),
        ("Results for fiscal 1988 were weak.", "1989-11-02", "fiscal 1988", "1988"),
        ("Prices have doubled in recent years.", "1998-02-13", "recent years", "PXY"),
    ],
)
def test_quarters_months_and_years_with_a_year_word(sentence: str, dct: str, span: str, value: str) -> None:
    got = {t.text: t.value for t in tag(sentence, dct)}
    assert got.get(span) == value, got


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Talks will resume in the coming weeks, the minister said.", "coming weeks", "PXW"),
        ("Analysts expect the economy to slow in coming months.", "coming months", "PXM"),
        ("Funds may sell some of their junk bonds in the weeks ahead.", "the weeks ahead", "PXW"),
        ("In the years to come, the island will need more power.", "the years to come", "PXY"),
        ("The climate will change in the coming decades.", "coming decades", "PXDE"),
    ],
)
def test_the_time_ahead_is_a_span_of_unknown_length(sentence: str, span: str, value: str) -> None:
    got = {t.text: (t.type, t.value) for t in tag(sentence, "1998-08-12")}
    assert got.get(span) == ("DURATION", value), got


@pytest.mark.parametrize(
    "sentence",
    [
        "The company cut its quarterly dividend to five cents.",
        "It raises questions about the future of the company.",
        "The group might come as soon as possible.",
    ],
)
def test_adjectives_and_conjunctions_are_no_time(sentence: str) -> None:
    assert tag(sentence, "1989-10-26") == []


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        (
            "Atlanta, nineteen ninety-six. A bomb blast shocks the Olympic games.",
            "nineteen ninety-six",
            "1996",
        ),
        ("In nineteen seventy-nine the Soviet Union invaded.", "nineteen seventy-nine", "1979"),
        ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "1997-01"),
        (
            "His promise to halve unemployment by the year two thousand was abandoned.",
            "the year two thousand",
            "2000",
        ),
    ],
)
def test_spoken_years_of_broadcast_transcripts(sentence: str, span: str, value: str) -> None:
    got = one(sentence, "1998-02-27")
    assert got[0] == span and got[2] == value


def test_spoken_numbers_that_are_no_year() -> None:
    assert tag("Nineteen people died and two thousand fled.", "1998-02-27") == []


def test_results_periods_follow_the_quarter_just_named() -> None:
    text = (
        "Net income rose 10% in the third quarter. In the year-earlier period, the company earned $5 "
        "million. Sales in the latest period were $1.76 billion, compared with year-earlier sales of $1.5 "
        "billion and $1.2 billion in the 1987 period."
    )
    got = [(t.text, t.value) for t in tag(text, "1989-11-02")]
    assert got == [
        ("the third quarter", "1989-Q3"),
        ("the year-earlier period", "1988-Q3"),
        ("the latest period", "1989-Q3"),
        ("year-earlier", "1988-Q3"),
        ("the 1987 period", "1987-Q3"),
    ]
    # without a quarter, "the latest period" dates nothing and a year-ago adjective is the year before
    assert [
        (t.text, t.value) for t in tag("Year-earlier profit was flat in the latest period.", "1989-11-02")
    ] == [("Year-earlier", "1988")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gonzalez said on CBS's ''60 Minutes.'' that he would stay.",
        'Secretary of State James Baker, speaking on ABC News\' "This Week," said the request was made.',
        "Iraq imports about three-quarters of its foodstuffs.",
        "Junk bonds account for more than a quarter of the entire market.",
    ],
)
def test_titles_and_fractions_are_no_times(sentence: str) -> None:
    assert tag(sentence, "1990-08-15") == []


def test_a_quarter_of_a_year_is_still_a_quarter() -> None:
    assert one("It announced a loss for the third quarter of $226.3 million.", "1989-10-26")[2] == "1989-Q3"


def test_next_to_is_no_future() -> None:
    text = (
        "Over 1,000 were injured since a bomb ripped through a building next to the embassy Friday morning."
    )
    assert one(text, "1998-08-08")[2] == "1998-08-07"


def test_last_and_next_with_a_month_day() -> None:
    text = "Police spotted the car on the morning of last Oct. 23. The trial begins next June 3."
    got = [(t.text, t.value) for t in tag(text, "1999-04-19")]
    assert got == [("last Oct. 23", "1998-10-23"), ("next June 3", "1999-06-03")]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("She stayed about 5 1/2 hours in Nairobi.", "about 5 1/2 hours", "PT5H30M"),
        ("They lived in refugee camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The talks took three and a half days.", "three and a half days", "P3DT12H"),
        ("He left Havana a year and a half ago.", "a year and a half ago", "1998-07"),
        ("Then, a week or so ago, the general moved.", "a week or so ago", "1999-W52"),
        ("He will appear before a judge at midday.", "midday", "2000-01-06T12:00"),
        ("The post-1959 politics split families.", "1959", "1959"),
        ("It expects to complete the sale by year-end.", "year-end", "2000"),
    ],
)
def test_fractions_approximations_and_period_ends(sentence: str, span: str, value: str) -> None:
    got = one(sentence, "2000-01-06")
    assert got[0] == span and got[2] == value


def test_that_year_is_the_year_the_text_last_named() -> None:
    text = "In 1998 he left for Cuba. Later that year he was jailed. He returned on Jan. 5. That year began well."
    got = [(t.text, t.value) for t in tag(text, "2000-01-28")]
    assert got == [
        ("1998", "1998"),
        ("Later that year", "1998"),
        ("Jan. 5", "2000-01-05"),
        ("That year", "2000"),
    ]


def test_clock_time_with_a_date_and_the_week_of_a_date() -> None:
    text = "Shares may be tendered until 5 p.m. EST, Nov. 6. The vote is set for the week of March 6."
    got = [(t.text, t.type, t.value) for t in tag(text, "1989-10-30")]
    assert got == [
        ("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00"),
        ("the week of March 6", "DATE", "1990-W10"),
    ]
    # hours and minutes before a date: one time of day, and the year after the day is the date's
    text = "At 6:53 pm on Jan 13, 2010, Jessica Clark wrote: At 9:05 a.m. on Jan. 12 the shaking began."
    got = [(t.text, t.type, t.value) for t in tag(text, "2010-01-14")]
    assert got == [
        ("6:53 pm on Jan 13, 2010", "TIME", "2010-01-13T18:53"),
        ("9:05 a.m. on Jan. 12", "TIME", "2010-01-12T09:05"),
    ]


def test_the_season_results_years_and_earlier_in_the_year() -> None:
    text = (
        "Demand stayed strong well into the summer. For the year ended Sept. 30, it earned $1 billion. "
        "Sales were delayed earlier in the year. The new plant opens in the spring."
    )
    got = [(t.text, t.type, t.value) for t in tag(text, "1989-10-26")]
    assert got == [
        ("the summer", "DATE", "1989-SU"),
        ("the year", "DURATION", "P1Y"),
        ("Sept. 30", "DATE", "1989-09-30"),
        ("earlier in the year", "DATE", "1989"),
        ("the spring", "DATE", "1990-SP"),
    ]


def test_results_for_the_full_year() -> None:
    text = "It forecast an increase for the full year. For the year, volume was flat. It plans for the year ahead."
    got = [(t.text, t.value) for t in tag(text, "1989-10-26")]
    assert got == [("the full year", "1989"), ("the year", "1989")]


def test_more_units_and_rates() -> None:
    text = "Russia keeps the base for at least 20 more years. Police do hundreds of interviews a day. He left a year ago."
    got = [(t.text, t.type, t.value) for t in tag(text, "1998-02-27")]
    assert got == [
        ("at least 20 more years", "DURATION", "P20Y"),
        ("a day", "SET", "P1D"),
        ("a year ago", "DATE", "1997"),
    ]


def test_a_24_hour_time_before_a_time_zone_is_a_time_not_a_year() -> None:
    # BBC style: "at 1930 CDT on 1 June (0030 GMT 2 June)"; the year pattern used to read 1930. The
    # day after the time dates it, and the brackets restate the same moment in GMT: the BP
    # timeline had this passage on 1 June and again on 2 June
    found = tag("This was completed at 1930 CDT on 1 June (0030 GMT 2 June).", "2010-06-03")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("1930 CDT", "TIME", "2010-06-01T19:30"),
        ("1 June", "DATE", "2010-06-01"),
    ]
    assert found[0].explanation == "'1930 CDT' on '1 June' → Tue 1 Jun 2010 19:30"
    # the Timeline17 text's Penn Treebank brackets too
    found = tag("It was capped at 1930 CDT on 1 June -LRB- 0030 GMT 2 June -RRB- .", "2010-06-03")
    assert [t.value for t in found] == ["2010-06-01T19:30", "2010-06-01"]
    assert one("The well was shut at 1425 local time on Thursday.")[:3] == (
        "1425 local time on Thursday",
        "TIME",
        "2023-11-30T14:25",
    )
    # a year before an acronym stays a year; "2000 hours" stays a duration
    assert one("In 2003 MIT researchers said so.")[:3] == ("2003", "DATE", "2003")
    assert one("He had worked 2000 hours on it.")[:3] == ("2000 hours", "DURATION", "PT2000H")


def test_a_time_restated_in_another_zone_is_not_tagged_twice() -> None:
    # the day after the restated time dates the first one ("… a.m. (0735 GMT) Friday")
    found = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "1998-08-08")
    assert [(t.text, t.value) for t in found] == [
        ("10:35 a.m.", "1998-08-07T10:35"),
        ("Friday", "1998-08-07"),
    ]
    found = tag("The flow stopped at 1425 local time (1925 GMT) on Thursday.", "2010-07-16")
    assert [(t.text, t.value) for t in found] == [
        ("1425 local time", "2010-07-15T14:25"),
        ("Thursday", "2010-07-15"),
    ]
    # "local time" after a clock of twelve hours too, with or without the restated time
    for text in (
        "It happened on Wednesday. The truce began at 7am local time on Friday.",
        "It happened on Wednesday. The truce began at 7am local time (0500 GMT) on Friday.",
    ):
        assert [(t.text, t.value) for t in tag(text, "2024-03-14")][1:] == [
            ("7am", "2024-03-08T07:00"),
            ("Friday", "2024-03-08"),
        ], text


def test_a_time_of_day_is_dated_by_the_day_named_after_it() -> None:
    # the narrative is at 1 June; "at noon on 3 June" is 3 June's noon
    found = tag("They met on 1 June and again at noon on 3 June.", "2010-06-05")
    assert [(t.text, t.value) for t in found] == [
        ("1 June", "2010-06-01"),
        ("noon", "2010-06-03T12:00"),
        ("3 June", "2010-06-03"),
    ]
    assert found[1].explanation == "'noon' on '3 June' → Thu 3 Jun 2010 12:00"
    # a day further on in the sentence does not: "at 9 a.m. and left on Friday"
    found = tag("They arrived at 9 a.m. and left on Friday.", "2010-06-05")
    assert [(t.text, t.value) for t in found] == [("9 a.m.", "2010-06-05T09:00"), ("Friday", "2010-06-04")]


def test_the_times_that_open_the_entries_of_a_live_page_are_no_years() -> None:
    page = (
        "Haiti earthquake: as it happened\n\n"
        "2346 Survivor Jackson tells the BBC he has just found his wife under the rubble.\n"
        "2342 Time magazine reporter Saul Schwarz says he has seen bodies downtown.\n"
        "2012 Thomas Ewald, who leads a US rescue unit, tells the Miami Herald it is likely.\n"
        "1959 The UN says aid is arriving. Castro came to power in 1959.\n"
    )
    found = [(t.text, t.type, t.value) for t in tag(page, "2010-01-14")]
    assert ("2012", "TIME", "2010-01-14T20:12") in found
    assert ("1959", "TIME", "2010-01-14T19:59") in found and ("1959", "DATE", "1959") in found
    assert not any(t[1] == "DATE" and t[2] == "2012" for t in found)
    # entries from 15:21 to 16:53, every one of which could be a year, in falling order
    page = "Live\n\n1653 It struck south of the capital.\n1623 Haiti says so.\n1521 The UN speaks.\n"
    assert [(t.text, t.type) for t in tag(page, DCT)] == [
        ("1653", "TIME"),
        ("1623", "TIME"),
        ("1521", "TIME"),
    ]
    # a chronology runs forward, and has minutes past 59
    chronology = "1697 France takes the west.\n1804 Independence.\n1915 The US invades.\n"
    assert [t.value for t in tag(chronology, DCT)] == ["1697", "1804", "1915"]
    # years that open ordinary lines stay years
    years = [(t.text, t.value) for t in tag("2012 was a hard year.\n2008 saw the crash.\n1999 ended.\n", DCT)]
    assert years == [("2012", "2012"), ("2008", "2008"), ("1999", "1999")]


def test_a_time_followed_by_itself_in_another_zone() -> None:
    for text in (
        "The tremor hit at 1653 (2153 GMT) on Tuesday.",
        "It struck at 1653 -LRB- 2153 GMT -RRB- on Tuesday .",
    ):
        found = [(t.text, t.type) for t in tag(text, "2010-01-13")]
        assert found == [("1653", "TIME"), ("Tuesday", "DATE")], text
    assert one("In 1653 (the year of the Protectorate) he left.")[:3] == ("1653", "DATE", "1653")


def test_live_entries_run_into_one_line_are_times() -> None:
    # an extraction that lost the line breaks of a live page: "... in Port-au-Prince 1521 Former ..."
    page = (
        "Mr Ban plans to visit Haiti ''very soon'' 1612 President Preval asked Mr Obama for help. "
        "Hundreds went to the office for treatment 1541 President Barack Obama says ships are coming. "
        "A guard warns people queueing for fuel in Port-au-Prince 1521 Former Cuban president Fidel "
        "Castro says aid is coming."
    )
    found = [(t.text, t.type) for t in tag(page, "2010-01-14")]
    assert found == [("1612", "TIME"), ("1541", "TIME"), ("1521", "TIME")]
    # years after the words that introduce them stay years, whatever their order
    text = "He won in 2008 Obama said, lost in 2004 Bush said, and in 2000 Gore lost."
    assert [t.value for t in tag(text, DCT)] == ["2008", "2004", "2000"]


def test_a_date_does_not_take_its_year_across_a_blank_line() -> None:
    found = [(t.text, t.value) for t in tag("The talks end on 13 January\n\n2024 will be a hard year.", DCT)]
    assert found == [("13 January", "2024-01-13"), ("2024", "2024")]
    assert tag("The talks ended on January 13,\n\n1999 was a hard year.", DCT)[0].text == "January 13"
    # a wrapped line keeps its date whole
    assert [t.value for t in tag("The talks ended on 13 January\n2019 in Geneva.", DCT)] == ["2019-01-13"]
    assert [t.value for t in tag("The talks ended on January 13,\n2019 in Geneva.", DCT)] == ["2019-01-13"]


def test_a_live_entry_is_on_a_day_of_the_page_not_a_day_an_entry_mentions() -> None:
    page = (
        "Haiti earthquake live\n\nWednesday 13 January\n\n"
        "1614 A-cui from Beijing e-mails: Sichuan people suffered the pain of earthquake on 12 May 2008.\n"
        "1610 United Nations Secretary General Ban Ki-moon says one UN staff member was rescued.\n"
        "1555 Yesterday rescuers reached the hotel.\n"
    )
    found = [(t.text, t.value) for t in tag(page, "2010-01-14")]
    assert found == [
        ("Wednesday 13 January", "2010-01-13"),
        ("1614", "2010-01-13T16:14"),
        ("12 May 2008", "2008-05-12"),
        ("1610", "2010-01-13T16:10"),
        ("1555", "2010-01-13T15:55"),
        ("Yesterday", "2010-01-13"),
    ]
    # without a day of the page before it: the day of publication, whatever day an entry names
    page = (
        "Live\n\n1614 Survivors recall the earthquake of 12 May 2008.\n1610 Rescuers reached the hotel "
        "yesterday.\n1600 Aid arrives.\n"
    )
    assert [t.value for t in tag(page, "2010-01-14")][-1] == "2010-01-14T16:00"


def test_one_scan_for_both_tense_markers_reads_every_clause_as_two_scans_do() -> None:
    """Context.tense scans for future and past markers with one pattern (Tables.tense_markers), in
    which a future marker hides a past one it overlaps. Over every pair of markers of the two
    tables, and the -ed words among them, a weekday reads as it does with the two tables scanned
    apart (nearest marker wins, the past on a tie)."""
    from timeline_tui.annotate.time import engine
    from timeline_tui.annotate.time.patterns import tables
    from timeline_tui.rules import load_rules

    t = tables()
    # the two tables' patterns, the future one's match marked as such (group "f"), the past one's not
    past = re.compile(r"(?:(?P<f>(?!))|" + t.past_markers.pattern + ")", t.past_markers.flags)
    future = re.compile(r"(?P<f>" + t.future_markers.pattern + ")", t.future_markers.flags)

    def two_scans(self: engine.Context, a: int, b: int) -> Iterator[re.Match[str]]:
        yield from past.finditer(self.text, a, b)  # the nearest wins whatever the order
        yield from future.finditer(self.text, a, b)

    rules = load_rules("time")
    words = [str(w) for w in rules["future_markers"] + rules["past_markers"]] + ["stepped", "hundred"]
    text = " ".join(f"They {a} {b} on Monday, and {b} {a} on Friday." for a in words for b in words)
    one_scan = [(x.start, x.value) for x in tag(text, DCT)]
    saved = engine.Context._markers_in
    engine.Context._markers_in = two_scans  # type: ignore[method-assign]
    try:
        reference = [(x.start, x.value) for x in tag(text, DCT)]
    finally:
        engine.Context._markers_in = saved  # type: ignore[method-assign]
    assert one_scan == reference
    values = {v for _, v in reference}
    assert {"2023-12-04", "2023-12-11"} <= values  # both tenses read


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        # 7 March 2024 is a Thursday, 7 March 2025 a Friday: the weekday, not the future tense,
        # tells the year
        ("The results are due on Thursday 7 March.", "2024-06-12", "2024-03-07"),
        ("The hearing will be held on Monday 30 December.", "2024-01-05", "2024-12-30"),
        ("They met on Tuesday, 5 December.", "2023-12-06", "2023-12-05"),
        ("It opened on Thu. March 7.", "2024-06-12", "2024-03-07"),
    ],
)
def test_a_weekday_tells_the_year_of_a_date_without_one(sentence: str, dct: str, value: str) -> None:
    (t,) = tag(sentence, dct)
    assert t.value == value
    assert "is a" in t.explanation and value[:4] in t.explanation


def test_a_weekday_that_fits_no_nearby_year_leaves_the_tense_to_decide() -> None:
    # 30 September 1998 was a Wednesday: no year around 1998 has it on a Friday
    (t,) = tag("They met on Friday, Sept. 30.", "1998-10-02")
    assert t.value == "1998-09-30"
    assert "past tense" in t.explanation
    # 30 December 2024 is a Monday, but nearly a year after publication, against the past tense
    (t,) = tag("The hearing was held on Monday 30 December.", "2024-01-05")
    assert t.value == "2023-12-30"
    assert "past tense" in t.explanation


@pytest.mark.parametrize(
    ("sentence", "dct", "span", "value"),
    [
        ("Shops reopened on Boxing Day.", "2024-01-10", "Boxing Day", "2023-12-26"),
        ("He was arrested on Good Friday.", "2024-06-12", "Good Friday", "2024-03-29"),
        ("The talks will resume after Easter.", "2024-06-12", "Easter", "2025-04-20"),
        ("Crowds gathered on Easter Monday 2016.", "2024-06-12", "Easter Monday 2016", "2016-03-28"),
        ("Parades marked St. Patrick's Day.", "2024-06-12", "St. Patrick's Day", "2024-03-17"),
        ("Marchers met on Martin Luther King Day.", "2024-06-12", "Martin Luther King Day", "2024-01-15"),
    ],
)
def test_holidays_fixed_floating_and_counted_from_easter(
    sentence: str, dct: str, span: str, value: str
) -> None:
    got = {t.text: t.value for t in tag(sentence, dct)}
    assert got.get(span) == value, got


@pytest.mark.parametrize(
    "sentence", ["The ship sank off Christmas Island.", "The Easter Rising began in Dublin in 1916."]
)
def test_a_holiday_name_that_names_a_place_or_an_uprising_is_no_date(sentence: str) -> None:
    assert [t.text for t in tag(sentence, "2024-06-12")] in ([], ["1916"])


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        # 2 November 2023 is the Thursday of week 44
        ("The storm hit over the weekend.", "2023-11-02", "2023-W43-WE"),
        ("Forecasters expect the weather to calm down by the weekend.", "2023-11-02", "2023-W44-WE"),
        ("The repairs had been finished by the weekend.", "2023-11-02", "2023-W43-WE"),
        ("Talks will continue over the weekend.", "2023-11-06", "2023-W45-WE"),
    ],
)
def test_the_weekend_follows_the_tense_or_a_deadline(sentence: str, dct: str, value: str) -> None:
    (t,) = tag(sentence, dct)
    assert (t.text, t.value) == ("the weekend", value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # written on Monday 27 November 2023
        ("Al-Ansari said the extension would begin at 7 a.m. Tuesday.", "2023-11-28T07:00"),
        ("He said he would resign on Friday.", "2023-12-01"),
        ("The vote would have been held on Friday.", "2023-11-24"),
    ],
)
def test_would_points_ahead_but_would_have_does_not(sentence: str, value: str) -> None:
    (t,) = tag(sentence, "2023-11-27")
    assert t.value == value


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # written on Wednesday 12 June 2024
        ("The fair will run from Monday to Friday.", ["2024-06-17", "2024-06-21"]),
        ("Strikes are planned between Tuesday and Thursday.", ["2024-06-18", "2024-06-20"]),
        ("The talks ran from Thursday to Monday.", ["2024-06-06", "2024-06-10"]),
    ],
)
def test_the_weekdays_of_a_range_come_in_order(sentence: str, values: list[str]) -> None:
    assert [t.value for t in tag(sentence, "2024-06-12")] == values


@pytest.mark.parametrize(
    ("sentence", "value", "why"),
    [
        # written on Monday 3 April 2000
        (
            "The agency has given the relatives until 9 a.m. Tuesday to sign a paper.",
            "2000-04-04T09:00",
            "deadline",
        ),
        ("Troops to pull back by Friday, the agreement says.", "2000-04-07", "deadline"),
        ("The group could be ready to leave as soon as Tuesday.", "2000-04-04", "future"),
        ("The ceasefire held until Friday.", "2000-03-31", "past"),  # "held": a past tense
        ("Nestle's share of 7% before Friday's purchases is far below Hershey's.", "2000-03-31", "no tense"),
    ],
)
def test_a_deadline_before_a_weekday_points_ahead_when_no_tense_says(
    sentence: str, value: str, why: str
) -> None:
    (t,) = tag(sentence, "2000-04-03")
    assert t.value == value
    assert why in t.explanation


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        # written on Wednesday 5 June 2024
        ("Sales fell in the last half of 1989.", "the last half of 1989", "1989-H2", None),
        ("in the latter half of last year", "the latter half of last year", "2023-H2", None),
        (
            "They expect growth in the second half of the year.",
            "the second half of the year",
            "2024-H2",
            None,
        ),
        ("He spoke for the last half hour.", "the last half hour", "PT30M", None),  # no half-year
        ("Prices rose at the beginning of the year.", "the beginning of the year", "2024", "START"),
        ("in the middle of the month", "the middle of the month", "2024-06", "MID"),
        ("Talks should end by the end of the week.", "the end of the week", "2024-W23", "END"),
        ("Output will peak by the end of the decade.", "the end of the decade", "202", "END"),
        ("Prices have risen since the end of the month.", "the end of the month", "2024-05", "END"),
    ],
)
def test_halves_and_the_beginning_middle_and_end_of_a_unit(
    sentence: str, span: str, value: str, mod: str | None
) -> None:
    (t,) = tag(sentence, "2024-06-05")
    assert (t.text, t.value, t.mod) == (span, value, mod)


@pytest.mark.parametrize(
    ("text", "span", "value", "point"),
    [
        # written on Saturday 18 October 2025
        ("The war began in 1939. Six years later it ended.", "Six years", "P6Y", "1945"),
        ("He was arrested on 3 March 2020. Two weeks later he was freed.", "Two weeks", "P2W", "2020-W12"),
        # later than the year last named, and the story's present: no date
        (
            '"They came here in 2007," said Teodoro Huamán. "Eighteen years later we are still waiting."',
            "Eighteen years",
            "P18Y",
            None,
        ),
        (
            "A quake hit in August 2007. Survivors still live in tents, nearly two decades later.",
            "nearly two decades",
            "P20Y",
            None,
        ),
        # later than nothing the text names: not counted from the publication date
        ("Two weeks later he was freed.", "Two weeks", "P2W", None),
        ("In 1998 he left. Two months later he returned.", "Two months", "P2M", None),
    ],
)
def test_later_counts_from_the_time_the_text_last_named(
    text: str, span: str, value: str, point: str | None
) -> None:
    t = next(t for t in tag(text, "2025-10-18") if t.type == "DURATION")
    assert (t.text, t.value, t.point) == (span, value, point)


@pytest.mark.parametrize(
    ("text", "span", "point"),
    [
        # the time the sentence gave before the expression is what the units count back from
        ("She retired in 2002, two years after the death of her husband, Robert Brown.", "two years", "2000"),
        ("The strike ended in 1985, three weeks after the talks collapsed.", "three weeks", "1985"),
        # at the coarser of the two granularities: no day is invented for "December 2022"
        ("He resigned in December 2022, a week after his arrest.", "a week", "2022-12"),
        ("On 9 March 2020 the border closed, three days after the first case.", "three days", "2020-03-06"),
        # no time before it in the sentence: the publication date (the sentence's own time)
        ("The visit took place 22 years after Fidel Castro paid a visit.", "22 years", "2003"),
        # after "for" it is how long something lasted, not a count from another event
        ("Jurors deliberated for two days before reaching their verdict.", "two days", None),
    ],
)
def test_n_units_after_an_event_count_from_the_time_of_the_sentence(
    text: str, span: str, point: str | None
) -> None:
    t = next(t for t in tag(text, "2025-06-20") if t.type == "DURATION")
    assert (t.text, t.point) == (span, point)


def test_a_past_tense_takes_a_month_back_most_of_a_year() -> None:
    # written in late October: "announced in January" is the January gone, nine months back, not
    # the one three months ahead
    t = tag("Weaker demand in China offset cost cuts announced in January.", "2024-10-24")[0]
    assert (t.text, t.value) == ("January", "2024-01")
    # a near month ahead still beats a far one behind when a past marker misleads
    t = tag("A C$30-a-share bid by Ciba-Geigy Ltd. was extended to Nov. 16.", "1989-10-30")[0]
    assert t.value == "1989-11-16"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # written on Saturday 7 December 2024: a bare 24-hour time after "at", "until" ... is a time
        ("The red warning expired at 11:00 on Saturday morning.", "11:00 on Saturday", "2024-12-07T11:00"),
        ("The meeting started at 11:00.", "11:00", "2024-12-07T11:00"),
        # a deadline points ahead against a tense marker of another clause, far from it
        (
            "The red warning expired on Saturday morning, but an amber warning remains in place "
            "until 06:00 on Sunday.",
            "06:00 on Sunday",
            "2024-12-08T06:00",
        ),
        # the deadline's own verb, right before it, still decides
        ("He was held until Tuesday.", "Tuesday", "2024-12-03"),
        # a bare verb after "to" is no future after a past tense (BBC, Haiti earthquake) ...
        (
            "US Secretary of State Hillary Clinton was the first senior Western official to arrive in "
            "Haiti on Friday .",
            "Friday",
            "2024-12-06",
        ),
        # ... and is one without it
        ("Obama to meet Xi on Monday.", "Monday", "2024-12-09"),
        # ... and a past perfect after it, however far (BBC, BP oil spill)
        (
            "By Monday , between 89m gallons -LRB- 337m litres -RRB- and 176m gallons of oil had leaked "
            "into the Gulf , according to government estimates .",
            "Monday",
            "2024-12-02",
        ),
        # "set for" a day is a plan: the coming one
        ("Sentencing was set for Jan. 14.", "Jan. 14", "2025-01-14"),
        # a time of day in the future is not on the past day the narrative is at
        ("It began on Tuesday. The next strike starts at midnight.", "midnight", "2024-12-07T24:00"),
        ("It began on Tuesday. The walkout will resume at 6am.", "6am", "2024-12-07T06:00"),
        ("It began on Tuesday. Police arrived at 9pm.", "9pm", "2024-12-03T21:00"),
        ("The offer expires Friday.", "Friday", "2024-12-13"),
        # "through" a day is a deadline too, unless the clause's own verb is past
        ("The exhibition runs through Sunday.", "Sunday", "2024-12-08"),
        ("Talks continued through Friday.", "Friday", "2024-12-06"),
    ],
)
def test_clock_times_deadlines_and_plans(sentence: str, span: str, value: str) -> None:
    t = [t for t in tag(sentence, "2024-12-07") if t.text == span]
    assert t and t[0].value == value, [(x.text, x.value) for x in tag(sentence, "2024-12-07")]


@pytest.mark.parametrize("sentence", ["The score was 11:00 at half time.", "He quoted John 3:16 twice."])
def test_a_bare_colon_time_without_a_time_word_is_no_time(sentence: str) -> None:
    assert tag(sentence, "2024-12-07") == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # in a past clause the units count from the time the text last named, not from publication
        ("She graduated in 1956. For the next decade she worked as a clerk.", ("1956", "1966")),
        ("In 1990 he moved to Paris, where he lived for the next five years.", ("1990", "1995")),
        ("He was arrested on 3 March 2020 and spent the next two weeks in jail.", ("2020-W10", "2020-W12")),
        ("The plant opened in 2001. Over the following three years it doubled output.", ("2001", "2004")),
        # no earlier time named: no period rather than one from the publication date
        ("For the next two months she travelled.", None),
        # the future, or a plan: from the publication date, as before
        ("Over the next three years, he will build a new plant.", ("2024", "2027")),
        ("The company said it planned to hire 500 people over the next two years.", ("2024", "2026")),
    ],
)
def test_the_next_units_of_a_past_story_follow_its_time(text: str, period: tuple[str, str] | None) -> None:
    t = next(t for t in tag(text, "2024-03-14") if t.type == "DURATION")
    got = (t.period_start, t.period_end) if t.period_start else None
    assert got == period, t.explanation


def test_a_time_alone_on_its_line_heads_a_live_entry_of_the_page_day() -> None:
    # the entry's time is on the page's day, not on the day the entry before it told of
    text = (
        "Storm live\n\nPublished 7 December 2024\n\n08:40 GMT\n"
        "Gusts of 93mph were recorded on Friday night, the Met Office said.\n\n"
        "07:55 GMT\nA man in his 40s died after a tree fell on his car, police said.\n"
    )
    got = [(t.text, t.value) for t in tag(text, "2024-12-07") if t.type == "TIME"]
    assert got == [("08:40 GMT", "2024-12-07T08:40"), ("07:55 GMT", "2024-12-07T07:55")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # after a day, the day after it
        (
            "The bill passed on March 3, 2019 and was signed the following day.",
            "the following day",
            "2019-03-04",
        ),
        # after a month, a season or a year the text gave last, within it: no day invented, and not
        # a day after the publication
        ("The bill passed in March 2019 and was signed the following day.", "the following day", "2019-03"),
        (
            "The bill passed in the spring of 2019 and was signed the following day.",
            "the following day",
            "2019-SP",
        ),
        ("The bill passed in 2019. The next day it was signed.", "The next day", "2019"),
        ("In March 2019 the bill passed. Later that month it was signed.", "Later that month", "2019-03"),
        # with no time given before it, the day after the publication
        ("The next day, the bill was signed.", "The next day", "2024-05-11"),
    ],
)
def test_the_next_day_lies_within_the_time_the_text_gave_last(text: str, span: str, value: str) -> None:
    t = _at_span(text, "2024-05-10", span)
    assert t.value == value, t.explanation


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # a day that names a famous event, written after it: that event's day
        ("Security was tightened after the Sept. 11 attacks.", "2024-05-10", "2001-09-11"),
        ("The Jan. 6 committee met again on Tuesday.", "2022-07-14", "2021-01-06"),
        ("Israel has been at war since the 7 October attacks by Hamas.", "2024-05-10", "2023-10-07"),
        # the numbers that name the day alone
        ("Airport security has tightened since 9/11.", "2024-05-10", "2001-09-11"),
        ("The 7/7 bombings killed 52 people.", "2024-05-10", "2005-07-07"),
        # the same day with no such word, or a text written before the event: the usual year
        ("The meeting on Jan. 6 went well, and an attack followed.", "2024-05-10", "2024-01-06"),
        ("The Sept. 11 attack on the embassy killed four.", "1998-10-02", "1998-09-11"),
    ],
)
def test_a_day_naming_a_famous_event_is_that_day(text: str, dct: str, value: str) -> None:
    t = next(t for t in tag(text, dct) if t.type == "DATE" and t.value[:1] in "12")
    assert t.value == value, t.explanation


def test_the_numbers_of_a_famous_day_are_no_date_before_it() -> None:
    assert tag("The 9/11 vote was close.", "1999-05-10") == []


def test_units_after_an_event_the_text_dates_itself_date_nothing() -> None:
    text = (
        "The last major aid package was approved in December 2022, nearly a year after Russia's "
        "full-scale invasion on Feb. 24, 2022."
    )
    got = [(t.text, t.type, t.value, t.point) for t in tag(text, "2024-02-13")]
    assert got == [
        ("December 2022", "DATE", "2022-12", None),
        ("nearly a year", "DURATION", "P1Y", None),  # was the point 2021: Dec 2022 minus a year
        ("Feb. 24, 2022", "DATE", "2022-02-24", None),
    ]


def test_a_day_without_year_or_tense_marker_is_explained_as_the_nearest() -> None:
    (t,) = tag("The House returns from recess on Feb. 28.", "2024-02-13")
    assert t.value == "2024-02-28"
    assert "no tense marker" in t.explanation and "past tense" not in t.explanation, t.explanation


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Rescue teams expect to keep searching through the weekend.", "2024-W44-WE"),
        ("They hope to finish the count by Friday.", "2024-11-01"),
        ("Officials intend to reopen the road on Monday.", "2024-11-04"),
    ],
)
def test_expecting_hoping_and_intending_look_ahead(sentence: str, value: str) -> None:
    (t,) = tag(sentence, "2024-10-31")
    assert t.value == value, t.explanation


def test_seasons_of_a_narrative_follow_the_time_it_gave() -> None:
    text = (
        "In the summer of 1969, she moved to Paris. That autumn she met Jean. The following spring they "
        "married. In March 2019 talks began. The previous winter had been hard."
    )
    got = [(t.text, t.value) for t in tag(text, "2024-05-10")]
    assert got == [
        ("the summer of 1969", "1969-SU"),
        ("That autumn", "1969-FA"),
        ("The following spring", "1970-SP"),
        ("March 2019", "2019-03"),
        ("The previous winter", "2018-WI"),  # the winter that began in December 2018
    ]
    # with no time given before: that summer is unknown; "the next spring" is the coming one
    assert [t.value for t in tag("That summer was hot.", "2024-05-10")] == ["XXXX-SU"]
    assert [t.value for t in tag("The next spring, they will return.", "2024-05-10")] == ["2025-SP"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # counted from the date that follows
        ("The day before last Tuesday's court hearing, Manuel called.", "The day before", "2000-02-21"),
        ("The day before the 2020 election, he spoke.", "The day before", "2020"),  # no finer than it
        # a year named sentences before is background, not the time of the story
        (
            "He left Cuba in 1990. The family stayed. Relatives visited often. The day before, a judge ruled.",
            "The day before",
            "2000-02-23",
        ),
    ],
)
def test_the_day_before_what(text: str, span: str, value: str) -> None:
    t = _at_span(text, "2000-02-24", span)
    assert t.value == value, t.explanation


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a month between a determiner and a noun dates it
        ("They have evidence in the October slaying of Dr. Slepian.", "1998-10"),
        ("It is trying to sell itself under a June agreement.", "1999-06"),
        # not a month: a march, a modal
        ("The March on Washington drew crowds.", None),
        ("The rally may grow.", None),
    ],
)
def test_a_month_before_a_noun(sentence: str, value: str | None) -> None:
    got = [t.value for t in tag(sentence, "1999-04-19")]
    assert got == ([value] if value else [])


def test_a_day_the_tense_points_away_from_says_it_is_the_nearest() -> None:
    first, t = tag("Between 10 and 12 March, it rained.", "2024-03-06")
    assert (first.text, first.value) == ("10", "2024-03-10")
    assert t.value == "2024-03-12"
    assert "past tense, yet the nearest" in t.explanation, t.explanation


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("It was the first such case in more than a decade.", "a duration of 1 decade"),
        ("A three-month state of emergency was declared.", "a duration of 3 months"),
        ("He was jailed for several months.", "a duration of some months"),
    ],
)
def test_a_duration_is_explained_with_its_unit(sentence: str, words: str) -> None:
    (t,) = tag(sentence, "2024-03-06")
    assert t.explanation.endswith(words), t.explanation


def _at_span(text: str, dct: str, span: str) -> Timex:
    """The expression of ``text`` written ``span``."""
    return next(t for t in tag(text, dct) if t.text == span)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the last time the text gave is a month after the last day it moved to: the year follows it
        (
            "Sentencing is set for Jan. 22. The FBI raided City Hall in March 2021. "
            "Garza was indicted the following year.",
            "the following year",
            "2022",
        ),
        (
            "He left on May 3, 2019. In March 2021 the FBI raided his office. He resigned the same year.",
            "the same year",
            "2021",
        ),
        (
            "The office was raided in March 2021. The previous month, he had resigned.",
            "The previous month",
            "2021-02",
        ),
        # a year names no month: "the following month" cannot be placed, rather than invented
        ("In 2019 he ran again; the following month he lost.", "the following month", "XXXX-XX"),
        # a day the text moved to still counts: "the following week" of 3 May 2019
        ("He left on May 3, 2019. The following week he returned.", "The following week", "2019-W19"),
    ],
)
def test_the_following_unit_counts_from_the_time_the_text_last_gave(text: str, span: str, value: str) -> None:
    assert _at_span(text, "2025-10-09", span).value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Passengers are advised to check before travelling from Monday.", "2025-06-30"),
        ("New fares apply starting Tuesday.", "2025-07-01"),
        # a tense marker decides
        ("Services were cut from Monday.", "2025-06-23"),
    ],
)
def test_a_weekday_after_a_starting_point_is_the_coming_one(sentence: str, value: str) -> None:
    (t,) = tag(sentence, "2025-06-27")  # a Friday
    assert t.value == value, t.explanation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A ceremonial accession will be held at the summit on April 24 and 25.",
            [("April 24", "2026-04-24"), ("25", "2026-04-25")],
        ),
        (
            "A second stoppage is planned for the 14th and 15th of July.",
            [("14th", "2025-07-14"), ("15th of July", "2025-07-15")],
        ),
        ("The festival ran 10-12 March.", [("10", "2025-03-10"), ("12 March", "2025-03-12")]),
        ("They met on 3 and 4 May.", [("3", "2025-05-03"), ("4 May", "2025-05-04")]),
        # a year after the second day is the first day's too
        ("It ran May 1-3, 2024.", [("May 1", "2024-05-01"), ("3, 2024", "2024-05-03")]),
        # a dash to a day of the next month ("-" right before the month), in the first day's year
        ("The fair ran Sept. 28-Oct. 3.", [("Sept. 28", "2024-09-28"), ("Oct. 3", "2024-10-03")]),
        ("They met April 30-May 1.", [("April 30", "2025-04-30"), ("May 1", "2025-05-01")]),
        # across a year's end: the year written after the second day, the year before for the first
        (
            "Talks ran Dec. 30-Jan. 2, 2025.",
            [("Dec. 30", "2024-12-30"), ("Jan. 2, 2025", "2025-01-02")],
        ),
        # a dash to a lower-case word is no range
        ("It ran June 20-may be longer.", [("June 20", "2025-06-20")]),
        # a count, not a day
        ("On April 24 and 25 people died.", [("April 24", "2025-04-24")]),
        ("Voting ended on June 5 and 40 seats changed hands.", [("June 5", "2025-06-05")]),
    ],
)
def test_a_second_day_of_the_month_is_tagged_on_its_own(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in tag(sentence, "2025-06-27")] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Rates have been held there since the Fed's December meeting.", "2024-12"),
        ("Apple's September event drew a crowd.", "2025-09"),
        # after a possessive, "March" and "May" are names too
        ("Women's March organizers said so.", None),
    ],
)
def test_a_month_after_a_possessive_and_before_a_noun_is_a_date(sentence: str, value: str | None) -> None:
    assert [t.value for t in tag(sentence, "2025-07-31")] == ([value] if value else [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Its developers conference is held every June.", [("every June", "SET", "XXXX-06")]),
        ("Each July the family meets.", [("Each July", "SET", "XXXX-07")]),
        # a quarter named by a month in it
        (
            "Analysts expect sales to peak in the December quarter.",
            [("the December quarter", "DATE", "2025-Q4")],
        ),
        ("Results for the June quarter were strong.", [("the June quarter", "DATE", "2025-Q2")]),
    ],
)
def test_every_month_and_a_month_s_quarter(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(sentence, "2025-09-09")] == expected


def test_two_days_before_a_month_move_the_narrative_to_the_second() -> None:
    text = (
        "On the night of 13-14 April, Iran launched drones at Israel. Israel responded five days later with "
        "a strike."
    )
    got = [(t.text, t.value, t.point) for t in tag(text, "2024-05-04")]
    assert got == [
        ("13", "2024-04-13", None),
        ("14 April", "2024-04-14", None),
        ("five days", "P5D", "2024-04-19"),
    ]
