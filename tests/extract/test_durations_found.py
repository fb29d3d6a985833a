"""Durations that ``find_mentions`` finds in whole sentences.

Each case is one passage as a judgment, sentencing remarks, press release or
news report writes it, with the multiset of durations a careful annotator
lists under ``durations`` in shared/eval/GOLD_FORMAT.md: every stated length
of time of a day or more (terms, licence, supervision and offending periods,
time limits, statutory maxima too), as ISO 8601. Ages, hours, minutes,
statute years and "life" are not durations.

Groups:
    DEV: the canonical forms quoted in GOLD_FORMAT.md and
        shared/domain/SENTENCING.md, which the patterns were written against.
    HELD_OUT: new phrasings (other jurisdictions, words and digits,
        fractions, hyphenated adjectives, look-alikes) that the patterns were
        never tuned on; a miss stays here as a strict xfail, never deleted or
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
    pytest.param("He was jailed for four years and eight months.", ["P4Y8M"], id="words-years-and-months"),
    pytest.param("Whiddett was sentenced to 3 years and 2 months in prison for 6 child sex charges.", ["P3Y2M"], id="digits-years-and-months"),
    pytest.param("He will spend 1 year 7 months behind bars.", ["P1Y7M"], id="years-months-no-and"),
    pytest.param("The paedophile was jailed for 19-and-a-half years.", ["P19Y6M"], id="hyphenated-and-a-half"),
    pytest.param("The judge passed a total of 18 months' imprisonment.", ["P1Y6M"], id="months-carried-into-years"),
    pytest.param("He was sentenced to 15 years, three months and 19 days' imprisonment with a 10-year non-parole period.", ["P15Y3M19D", "P10Y"], id="au-years-months-days-and-non-parole"),
    pytest.param("Offences under section 10 carry sentences of 10 to 14 years.", ["P10Y", "P14Y"], id="range-gives-two"),
    pytest.param("He was sentenced to 15 years to life.", ["P15Y"], id="years-to-life-gives-one"),
    pytest.param("The respondent must file a notice of appeal within 28 days.", ["P28D"], id="time-limit-days"),
    pytest.param("The judge imposed an extended sentence of 26 years, comprising a custodial term of 18 years and an extended licence period of eight years.", ["P26Y", "P18Y", "P8Y"], id="extended-sentence-parts"),
]

HELD_OUT = [
    pytest.param("Ahmed, 56, of Bradford, was jailed for eight-and-a-half years at Leeds Crown Court.", ["P8Y6M"], id="age-in-commas-then-term"),
    pytest.param("A 56-year-old man from Croydon was jailed for 32 months on Friday.", ["P2Y8M"], id="hyphenated-age-not-duration"),
    pytest.param("The children, aged five to 12, were abused over a webcam.", [], id="age-range-not-duration"),
    pytest.param("The girls, aged between eight and 14 years, were filmed in a rented house.", [], id="age-range-with-years-not-duration"),
    pytest.param("He admitted offences under the Sexual Offences Act 2003 and was referred to R v Privett [2020] EWCA Crim 557.", [], id="statute-and-citation-years"),
    pytest.param("The defendant was given a fortnight to surrender his passport.", ["P14D"], id="fortnight"),
    pytest.param("The term was suspended for two years, with 200 hours of unpaid work.", ["P2Y"], id="hours-of-unpaid-work-not-duration"),
    pytest.param("The magistrates sentenced him to six weeks' imprisonment.", ["P42D"], id="weeks-to-days"),
    pytest.param("He received two and a half years for the offences.", ["P2Y6M"], id="words-and-a-half"),
    pytest.param("The accused is sentenced to rigorous imprisonment for a period of five years and to pay a fine of Rs 25,000, in default whereof to undergo simple imprisonment for three months.", ["P5Y", "P3M"], id="in-rigorous-imprisonment-and-default-term"),
    pytest.param("The Delhi court handed him a four-year rigorous imprisonment term.", ["P4Y"], id="in-hyphenated-four-year"),
    pytest.param("The Cebu court sentenced him to 15.5 years in prison.", ["P15Y6M"], id="ph-decimal-years"),
    pytest.param("He was made subject to a 3-year community order with 100 hours unpaid work and 20 days rehabilitation activity requirements.", ["P3Y", "P20D"], id="community-order-with-days-and-hours"),
    pytest.param("The NSW court imposed 16 years' imprisonment with a non-parole period of 11 years and 3 months, commencing on 20 April 2021.", ["P16Y", "P11Y3M"], id="au-term-and-non-parole"),
    pytest.param("Smith was sentenced to 46 months in federal prison followed by five years of supervised release.", ["P3Y10M", "P5Y"], id="us-federal-months-and-supervised-release"),
    pytest.param("The defendant, who spent 236 days on remand, will have that time deducted.", ["P236D"], id="remand-days"),
    pytest.param("The abuse was streamed in sessions lasting up to 40 minutes, sometimes for three hours at a time.", [], id="minutes-and-hours-not-durations"),
    pytest.param("Collins was jailed for 8½ years at the Old Bailey.", ["P8Y6M"], id="vulgar-half"),
    pytest.param("Collins was jailed for 81/2 years at the Old Bailey.", ["P8Y6M"], id="mangled-half", marks=pytest.mark.xfail(strict=True, reason="'81/2 years' (mangled ½) read as '2 years': P2Y")),
    pytest.param("The Court of Appeal reduced the sentence from seven and a half years to six years.", ["P7Y6M", "P6Y"], id="appeal-from-to"),
    pytest.param("He was also made subject to a 20-year sexual offences prevention order.", ["P20Y"], id="hyphenated-order-length"),
    pytest.param("He was sentenced to twelve months, suspended for eighteen months.", ["P1Y", "P1Y6M"], id="suspended-term-and-operational-period"),
    pytest.param("AUSTRAC said the offenders received sentences ranging from seven-and-a-half years to eleven-and-a-half years.", ["P7Y6M", "P11Y6M"], id="au-hyphenated-range"),
    pytest.param("He was given life with a minimum term of 18 years less 212 days spent on remand.", ["P18Y", "P212D"], id="life-minimum-less-remand"),
    pytest.param("The accused is hereby sentenced to suffer the penalty of reclusion perpetua.", [], id="ph-reclusion-perpetua-not-duration"),
    pytest.param("The judge said he would receive a life sentence.", [], id="life-not-duration"),
    pytest.param("The applicant was also disqualified from driving for 36 months.", ["P3Y"], id="disqualification-months"),
    pytest.param("In Ontario, a judge sentenced him to 12 years; the Court of Appeal raised the penalty by three years to 15 years.", ["P12Y", "P3Y", "P15Y"], id="ca-raised-by-to"),
    pytest.param("The Recorder imposed a 4 year Determinate Custodial Sentence, comprising 2 years custody and 2 years on licence.", ["P4Y", "P2Y", "P2Y"], id="ni-dcs-repeated-value-twice"),
    pytest.param("The Regional Trial Court imposed a sentence ranging from 20-40 years.", ["P20Y", "P40Y"], id="ph-hyphen-range"),
    pytest.param("The accused-appellant was sentenced to two years rigorous imprisonment suspended for five years and a fine of Rs. 5,000.", ["P2Y", "P5Y"], id="lk-suspended-ri"),
    pytest.param("Offenders in the review served on average 2 years 4 months before release on licence.", ["P2Y4M"], id="average-is-still-a-duration"),
    pytest.param("The hearing was adjourned for 14 days for a pre-sentence report.", ["P14D"], id="adjournment-days"),
    pytest.param("A custodial term of 30 months or more means notification for an indefinite period.", ["P2Y6M"], id="indefinite-not-duration"),
    pytest.param("The 14-year-old victim told police she had been abused since she was nine.", [], id="ages-only"),
    pytest.param("He was handed a 12-month community order and a five-year restraining order.", ["P1Y", "P5Y"], id="hyphenated-months-and-years"),
    pytest.param("Between 2015 and 2018 he paid to watch the abuse at least 36 times.", [], id="years-as-dates-not-durations"),
    pytest.param("The offending spanned three years and ended with his arrest at Heathrow.", ["P3Y"], id="offending-period"),
    pytest.param("She was sentenced to one hundred and twenty months in federal prison.", ["P10Y"], id="us-months-in-words"),
    pytest.param("The judge imposed 2 yrs 6 mths' imprisonment.", ["P2Y6M"], id="abbreviated-units"),
    pytest.param("He was jailed for a year and a day.", ["P1Y1D"], id="year-and-a-day"),
    pytest.param("He must observe a curfew seven nights a week for three months and report twice a week for two years.", ["P3M", "P2Y"], id="rates-beside-terms"),
    pytest.param("It happened a decade ago, when she was under 16 years of age.", ["P10Y"], id="decade-and-age"),
    pytest.param("He served 28 days a month ago.", ["P28D", "P1M"], id="days-then-a-month-ago"),
]

# Regressions go here: a passage that once gave the wrong durations, with a
# comment naming where it was found (document, issue), once it is fixed.
BUGS_CAUGHT: list = [
    # uk-tna-test24 (issue 12): a year before "to" was read as the low end of a range ("P2021Y").
    pytest.param("She was convicted in March 2019 to 9 years' imprisonment.", ["P9Y"], id="year-before-to-is-not-a-range"),
    # uk-tna-test24: rates and names with a unit word are no lengths of time.
    pytest.param("He went to a Day Centre four days a week and called twice a month.", [], id="rate-and-day-centre-not-durations"),
    pytest.param("She was paid for 40 hours' work a month and met them on a day to day basis.", [], id="hours-a-month-and-day-to-day"),
    pytest.param("A further payment followed a month later, one week earlier than agreed.", ["P1M", "P7D"], id="later-and-earlier-are-durations"),
    # lk-ca-crim-2024-may-1156, uk-tna-test13: ages with "the age of" and a copula.
    pytest.param("He abused a boy under the age of 14 years for two years.", ["P2Y"], id="under-the-age-of-not-duration"),
    pytest.param("A person aged 18 years or over and under 25 years may apply; she was not between 18 and 25 years.", [], id="age-bands-not-durations"),
    # us-san-diego (issue 12): decades are lengths of time.
    pytest.param("The killing went unsolved for nearly two decades.", ["P20Y"], id="decades"),
    # uk-tna-test92: "two or three months" gives both ends.
    pytest.param("He stopped paying her for two or three months.", ["P2M", "P3M"], id="or-range"),
    # us-kings-ny-da, us-orange-ca-da: the page's <title> line and breadcrumb repeat the headline.
    pytest.param("Man Jailed For 12 Years - The County District Attorney's Office\nHOME\nMan Jailed For 12 Years\nA man was jailed for 12 years today.", ["P12Y", "P12Y"], id="title-line-is-furniture"),
    pytest.param("Published\nMay 3, 2019\nHome\nNews\nMAN JAILED FOR SIX YEARS AFTER ROBBERY\nFor Immediate Release\nMAN JAILED FOR SIX YEARS AFTER ROBBERY\nA man was jailed for six years.", ["P6Y", "P6Y"], id="breadcrumb-is-furniture"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), grouped(dev=DEV, held_out=HELD_OUT, bugs_caught=BUGS_CAUGHT)
)
def test_durations_found(mentions_of, text: str, expected: list[str]) -> None:
    found = [mention.value for mention in mentions_of(text, "duration")]
    assert Counter(found) == Counter(expected)
