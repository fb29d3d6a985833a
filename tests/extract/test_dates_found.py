"""Dates that ``find_mentions`` finds in whole sentences.

Each case is one passage as a judgment, sentencing remarks, press release or
news report writes it, the document date it is read against (for a date
written without its year, or "August last year"), and the multiset of dates
a careful annotator lists under ``dates`` in shared/eval/GOLD_FORMAT.md:
every calendar date, month or year stated as a point or the end of a range,
datelines included, at the precision the text gives. Ages, durations,
statute years, citation years and bare relative words ("today", "last
year") are not dates.

Groups:
    DEV: the canonical forms quoted in GOLD_FORMAT.md and
        shared/domain/SENTENCING.md, which the patterns were written against.
    HELD_OUT: new phrasings (other jurisdictions, US and day-first numeric
        dates, ordinals, ranges, look-alikes) that the patterns were never
        tuned on; a miss stays here as a strict xfail, never deleted or
        "fixed" by changing the expectation.
    BUGS_CAUGHT: regressions: a bug found elsewhere (evaluation, review)
        gets its passage here, naming its origin, once it is fixed.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.extract._tables import grouped

# fmt: off
DEV = [
    pytest.param("Andrew L made 36 transactions overseas from December 2015 to July 2018.", None, ["2015-12", "2018-07"], id="month-year-range"),
    pytest.param("He was sentenced at Croydon Crown Court on 24 May 2019.", None, ["2019-05-24"], id="day-month-year"),
    pytest.param("Decided on: 05.03.2021", None, ["2021-03-05"], id="dateline-dotted-day-first"),
    pytest.param("He admitted offences contrary to the Sexual Offences Act 2003.", None, [], id="statute-year-not-date"),
    pytest.param("The guideline was revised after Privett [2020] EWCA Crim 557.", None, [], id="citation-year-not-date"),
    pytest.param("The offending began in 2016.", None, ["2016"], id="bare-year"),
    pytest.param("A cumulo sentence of 66 months was imposed (backdated to 5 July 2004).", None, ["2004-07-05"], id="backdated-to"),
    pytest.param("He was arrested on 30 August and charged the next day.", "2024-10-01", ["2024-08-30"], id="no-year-takes-document-year"),
    pytest.param("He was arrested in August last year.", "2020-11-09", ["2019-08"], id="month-last-year"),
    pytest.param("A 56-year-old man was jailed today for four years.", "2020-11-09", [], id="age-and-today-not-dates"),
]

HELD_OUT = [
    pytest.param("Published October 7, 2010", None, ["2010-10-07"], id="us-dateline-published"),
    pytest.param("On March 3, 2022, Smith was sentenced by U.S. District Judge Mary Jones.", None, ["2022-03-03"], id="us-month-day-year"),
    pytest.param("He was arrested at Heathrow in Oct 2017.", None, ["2017-10"], id="abbreviated-month"),
    pytest.param("The abuse happened last July, the court heard.", "2021-02-10", ["2020-07"], id="last-month-name"),
    pytest.param("Between 2014 and 2019 he paid to watch children being abused.", None, ["2014", "2019"], id="year-range-between-and"),
    pytest.param("Given under my hand this 3rd day of June, 2019 at Colombo.", None, ["2019-06-03"], id="lk-ordinal-day-of-month"),
    pytest.param("Judgment delivered on 12th January 2023", None, ["2023-01-12"], id="ordinal-dateline"),
    pytest.param("He streamed the abuse from mid-2015 until early 2017.", None, ["2015", "2017"], id="softened-years"),
    pytest.param("He was convicted under section 1 of the Protection of Children Act 1978 and section 160 of the Criminal Justice Act 1988.", None, [], id="two-statute-years"),
    pytest.param("He was charged under the Protection of Children from Sexual Offences Act, 2012 in the Delhi court.", None, [], id="in-statute-year-after-comma"),
    pytest.param("He was convicted of violating the Anti-Child Pornography Act of 2009 (Republic Act No. 9775).", None, [], id="ph-act-of-year"),
    pytest.param("Quash the sentence and in lieu thereof sentence the respondent to 15 years, commencing on 20 April 2021.", None, ["2021-04-20"], id="au-commencing-on"),
    pytest.param("The images were downloaded between 1 January and 31 March 2020.", None, ["2020-01-01", "2020-03-31"], id="range-first-end-borrows-year"),
    pytest.param("The victim was 14 in 2012 and aged 11 to 13 at the start of the abuse.", None, ["2012"], id="ages-beside-year"),
    pytest.param("Sentencing is set for Jan. 15 before Judge Ortiz.", "2023-11-20", ["2024-01-15"], id="us-future-date-next-year"),
    pytest.param("On 14/02/2019 the appellant was arrested at his home.", None, ["2019-02-14"], id="slash-day-first"),
    pytest.param("On 03/09/2021, the defendant was sentenced in the United States District Court for the District of Nebraska.", None, ["2021-03-09"], id="us-slash-month-first"),
    pytest.param("The first livestream was in the summer of 2018.", None, ["2018"], id="season-of-year"),
    pytest.param("He was born in 1964 and lived alone in Norfolk.", None, ["1964"], id="birth-year"),
    pytest.param("Police found 2019 indecent images on his laptop.", None, [], id="count-that-looks-like-year"),
    pytest.param("Sentencing remarks, Friday 8 November 2019", None, ["2019-11-08"], id="weekday-dateline"),
    pytest.param("The trial took place on 9th and 10th November 2020.", None, ["2020-11-09", "2020-11-10"], id="two-ordinal-days-one-month"),
    pytest.param("From on or about September 12, 2018, through on or about May 2, 2019, the defendant sent money to the Philippines.", None, ["2018-09-12", "2019-05-02"], id="us-on-or-about-range"),
    pytest.param("Date: 2020-11-09", None, ["2020-11-09"], id="iso-dateline"),
    pytest.param("He was released on licence last year after serving half of his term.", "2021-05-01", [], id="bare-last-year-not-listed"),
    pytest.param("He will be eligible for parole in 2031.", None, ["2031"], id="future-year"),
    pytest.param("The calls were made between 2am and 4am on Sundays.", None, [], id="clock-times-not-dates"),
    pytest.param("In the year 2017 the NCA received the referral.", None, ["2017"], id="in-the-year"),
    pytest.param("He paid a total of £2,019 over the period.", None, [], id="money-not-year"),
    pytest.param("The offences were committed in September 2014, and he was arrested on the 5th of March 2016.", None, ["2014-09", "2016-03-05"], id="month-year-and-the-nth-of"),
    pytest.param("In December, the court heard, he flew to Manila.", "2019-03-15", ["2018-12"], id="bare-month-in-past-takes-previous-year"),
    pytest.param("The appeal was heard on 17 June 2022 and judgment was handed down on 1 July 2022.", None, ["2022-06-17", "2022-07-01"], id="two-full-dates"),
    pytest.param("R v Reed [2021] EWCA Crim 572 and R v Privett [2020] EWCA Crim 557 were cited.", None, [], id="two-citation-years"),
    pytest.param("She was attacked on the evening of 14 February, the jury heard.", "2023-06-01", ["2023-02-14"], id="day-month-takes-document-year"),
    pytest.param("He first offended in late 2016 and again in early 2018.", None, ["2016", "2018"], id="softened-years-again"),
    pytest.param("The 2018 attack left her scarred.", None, ["2018"], id="year-of-the-attack"),
    pytest.param("He pleaded guilty to the 2012 and 2013 offences.", None, ["2012", "2013"], id="two-adjective-years"),
    pytest.param("Around 1900 kg of cannabis was seized.", None, [], id="weight-after-around-not-year"),
    pytest.param("The 2019 guideline applies to the 2003 Act.", None, [], id="guideline-and-act-years-not-dates"),
]

# Regressions go here: a passage that once gave the wrong dates, with a
# comment naming where it was found (document, issue), once it is fixed.
BUGS_CAUGHT: list = [
    # news items of 2020 about 2019 events (issue 12): "last year" after a month or a day.
    pytest.param("The victim was found at her home in June last year.", "2021-03-02", ["2020-06"], id="month-last-year-in-sentence"),
    pytest.param("He crashed into a parked van on March 14 last year.", "2021-03-02", ["2020-03-14"], id="day-last-year"),
    pytest.param("On 2 April this year he was charged.", "2021-09-01", ["2021-04-02"], id="day-this-year"),
    # uk-tna-test24: a month without its year shares the year of the date it is joined to.
    pytest.param("The assault happened in late January or early February 2019.", "2022-05-01", ["2019-01", "2019-02"], id="shared-year-or"),
    pytest.param("She was not involved between April and September 2018.", "2022-05-01", ["2018-04", "2018-09"], id="shared-year-between"),
    pytest.param("He lived there from December to the end of March 2017.", "2022-05-01", ["2016-12", "2017-03"], id="shared-year-wraps"),
    pytest.param("The trial sat on 3 – 7 May and 2 June 2021.", "2021-07-01", ["2021-05-03", "2021-05-07", "2021-06-02"], id="shared-year-day-range"),
    pytest.param("Completion will be on either 9 or 10 October.", "2023-11-02", ["2023-10-09", "2023-10-10"], id="day-pair-without-year"),
    # uk-female-prison-guard: the year stated just before in the paragraph.
    pytest.param("The abuse took place in 2016, in March and again in June.", "2020-09-29", ["2016", "2016-03", "2016-06"], id="paragraph-year"),
    pytest.param("He was arrested in 2021, after an attack in November.", "2021-03-01", ["2021", "2020-11"], id="paragraph-year-bounded-by-document-date"),
    pytest.param("In 2015 the family moved. On Thursday 30 July the child was taken into care.", "2022-01-01", ["2015", "2015-07-30"], id="weekday-in-the-paragraph-year"),
    # uk-tna-test13: the same day and month stated earlier with its year.
    pytest.param("The grounds were lodged on 12 March 2019.\n\nIn the decision of 2 May 2020 the tribunal said the 12 March grounds were new.", "2020-11-01", ["2019-03-12", "2020-05-02", "2019-03-12"], id="day-stated-earlier-with-year"),
    # uk-tna-test92: a weekday picks the year.
    pytest.param("He said the funds would arrive by Wednesday (6 March).", "2024-05-20", ["2024-03-06"], id="weekday-picks-year"),
    pytest.param("In 2015 he moved abroad.\n\nOn Monday 4 May, the nurse saw her.", "2022-01-10", ["2015", "2020-05-04"], id="weekday-beats-paragraph-default"),
    # bare years with more lead words, and years as adjectives.
    pytest.param("They married in or around 2011 and parted towards the end of 2014.", None, ["2011", "2014"], id="around-and-end-of-year"),
    pytest.param("He ran the scheme from at least 2015 through 2018.", None, ["2015", "2018"], id="from-at-least-through"),
    pytest.param("He was sentenced for the 1998 robbery of a bank.", None, ["1998"], id="year-as-adjective"),
    pytest.param("Her children were born in 2009 and 2012.", None, ["2009", "2012"], id="two-years-one-preposition"),
    pytest.param("He had attested around 2024 deeds by then.", None, [], id="count-after-around-not-year"),
    pytest.param("He will not be tax resident until 2026/27.", None, ["2026", "2027"], id="tax-year"),
    # us-oklacrimapp: case numbers built on years are not dates.
    pytest.param("He appeals from District Court Case No. CF-2019-1457.", None, [], id="case-number-not-date"),
    # uk-ewhc-admin-2022-2354: a statute named by its date.
    pytest.param("He was charged under article 5 of the Law of 15 December 1980 on foreign nationals.", None, [], id="statute-named-by-date"),
    # us-ca-sandiego: a page's machine time stamps are furniture.
    pytest.param("Staff Writer\n2023-06-01 10:12:45\nMan jailed on 1 June 2023.", None, ["2023-06-01"], id="machine-timestamp-not-date"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "document_date", "expected"),
    grouped(dev=DEV, held_out=HELD_OUT, bugs_caught=BUGS_CAUGHT),
)
def test_dates_found(
    mentions_of, text: str, document_date: str | None, expected: list[str]
) -> None:
    found = [mention.value for mention in mentions_of(text, "date", document_date)]
    assert Counter(found) == Counter(expected)
