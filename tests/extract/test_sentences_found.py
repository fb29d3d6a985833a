"""Sentences imposed that ``find_mentions`` finds in whole sentences.

Each case is one passage as a judgment, sentencing remarks, press release or
news report writes it, with the multiset of ``(kind, term)`` a careful
annotator lists under ``sentences`` in shared/eval/GOLD_FORMAT.md: every
penalty stated as imposed by a court, each count's where stated separately,
and on appeal both the sentence below and the one substituted. Not listed:
statutory maxima, starting points, what a party asked for, pre-plea
"would have been" terms, averages, default terms for unpaid fines, licence
or supervised release after custody, money orders, bans and prevention
orders, and a custodial sentence stated without its term.

``APPEAL_ROLES`` checks, for passages that state an appeal, that each
sentence also carries its role (``original`` below, ``substituted`` on
appeal).

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
    pytest.param("He was jailed for four years and eight months.", [("custody", "P4Y8M")], id="jailed-for"),
    pytest.param("The judge passed a total of 32 months' imprisonment. An indefinite sexual harm prevention order was also made.", [("custody", "P2Y8M")], id="total-months-imprisonment-and-shpo"),
    pytest.param("The judge imposed an extended sentence of 26 years, comprising a custodial term of 18 years and an extended licence period of eight years.", [("extended", "P18Y")], id="extended-custodial-part"),
    pytest.param("He received concurrent terms of 12 months' imprisonment, suspended for 24 months with a requirement to complete the internet sex offenders' programme.", [("suspended", "P1Y")], id="suspended-term-not-operational-period"),
    pytest.param("He was sentenced to life imprisonment with a minimum term of 18 years.", [("life", "P18Y")], id="life-minimum-term"),
    pytest.param("The offence carries a maximum of 14 years' imprisonment.", [], id="statutory-maximum"),
    pytest.param("If you had not pleaded guilty, the sentence would have been 6 years.", [], id="counterfactual-pre-plea"),
    pytest.param("She was sentenced to reclusion perpetua (equivalent to a life sentence).", [("life", None)], id="ph-reclusion-perpetua"),
    pytest.param("He was given a 3-year community order with 100 hours unpaid work.", [("community", "P3Y")], id="community-order"),
    pytest.param("Smith was sentenced to 46 months in federal prison followed by five years of supervised release.", [("custody", "P3Y10M")], id="us-supervised-release-not-sentence"),
    pytest.param("Brennan was sentenced to a maximum of nine years with a non-parole period of six years.", [("custody", "P9Y")], id="au-head-sentence-called-maximum"),
    pytest.param("He was jailed for a maximum of 12 years, with a non-parole period of eight years.", [("custody", "P12Y")], id="au-jailed-for-maximum-with-non-parole"),
    pytest.param("The offence carries a maximum of 10 years' imprisonment, with a non-parole period fixed by the court.", [], id="au-statutory-maximum-with-non-parole-words"),
    pytest.param("He was sentenced to 18 months' imprisonment, wholly suspended.", [("suspended", "P1Y6M")], id="wholly-suspended"),
    pytest.param("She received a three-year sentence, fully suspended, on strict conditions.", [("suspended", "P3Y")], id="ie-fully-suspended"),
    pytest.param("Sentences of up to two years' imprisonment may be wholly suspended.", [], id="up-to-may-be-wholly-suspended"),
    pytest.param("He received a two-year community corrections order.", [("community", "P2Y")], id="au-community-corrections-order"),
    pytest.param("The sheriff placed him on a community payback order with 150 hours of unpaid work.", [("community", None)], id="scot-community-payback-order"),
    pytest.param("He was ordered to perform 200 hours of unpaid community work.", [("community", None)], id="unpaid-community-work"),
    pytest.param("Tan Ah Kow, 45, was jailed 10 years and given 12 strokes of the cane.", [("custody", "P10Y")], id="sg-jailed-without-for"),
    pytest.param("He was jailed two years after the attack, when police traced his car.", [], id="jailed-then-a-time-after"),
    pytest.param("The accused was sentenced to undergo rigorous imprisonment for 10 years.", [("custody", "P10Y")], id="in-rigorous-imprisonment-for"),
    pytest.param("The offence is punishable by imprisonment for up to 14 years.", [], id="punishable-by-imprisonment-for"),
    pytest.param("Amir Shah, 30, was sentenced to 10 years, with an extended licence period of five years.", [("extended", "P10Y")], id="extended-licence-in-news"),
    pytest.param("He was jailed for 12 years with a further four years on extended licence.", [("extended", "P12Y")], id="further-years-on-extended-licence"),
    pytest.param("He was jailed for 10 years and will be on licence for five years after his release.", [("custody", "P10Y")], id="plain-licence-not-extended"),
    pytest.param("Liam Kerr, 19, and Owen Price, 21, were sentenced to three and four years respectively.", [("custody", "P3Y"), ("custody", "P4Y")], id="respectively-one-unit-for-two-terms"),
    pytest.param("The men, aged 19 and 21 years respectively, were remanded in custody.", [], id="ages-respectively-not-terms"),
]

HELD_OUT = [
    pytest.param("Jailing Smith for three years, the judge said the abuse was grotesque.", [("custody", "P3Y")], id="jailing-participle"),
    pytest.param("The paedophile was jailed for 19-and-a-half years.", [("custody", "P19Y6M")], id="hyphenated-and-a-half"),
    pytest.param("He escaped with a suspended jail term.", [("suspended", None)], id="suspended-without-term"),
    pytest.param("His two year sentence was suspended for two years.", [("suspended", "P2Y")], id="sentence-was-suspended"),
    pytest.param("He was placed on three years' probation.", [("community", "P3Y")], id="probation"),
    pytest.param("The County Court judge imposed a three-year probation order.", [("community", "P3Y")], id="ni-probation-order"),
    pytest.param("The Recorder imposed a 4 year Determinate Custodial Sentence, comprising 2 years custody and 2 years on licence.", [("custody", "P4Y")], id="ni-dcs-licence-not-sentence", marks=pytest.mark.xfail(strict=True, reason="'4 year Determinate Custodial Sentence' missed; '2 years custody' taken instead: custody P2Y")),
    pytest.param("He was sentenced in the NSW District Court to 16 years' imprisonment with a non-parole period of 11 years.", [("custody", "P16Y")], id="au-non-parole-not-sentence"),
    pytest.param("He was sentenced to 15 years, three months and 19 days' imprisonment with a 10-year non-parole period.", [("custody", "P15Y3M19D")], id="au-years-months-days"),
    pytest.param("The accused is sentenced to rigorous imprisonment for a period of five years and to pay a fine of Rs 25,000, in default whereof to undergo simple imprisonment for three months.", [("custody", "P5Y"), ("fine", None)], id="in-ri-and-fine-default-not-sentence"),
    pytest.param("The Delhi court awarded him four-year rigorous imprisonment (RI).", [("custody", "P4Y")], id="in-hyphenated-ri"),
    pytest.param("He was sentenced to 14 years and five months in prison.", [("custody", "P14Y5M")], id="us-years-and-months-in-prison"),
    pytest.param("The American was given a 50-year prison term.", [("custody", "P50Y")], id="hyphenated-prison-term"),
    pytest.param("The court imposed a sentence ranging from 20-40 years.", [("custody", "P40Y")], id="ph-indeterminate-range-upper-bound", marks=pytest.mark.xfail(strict=True, reason="'a sentence ranging from 20-40 years' not found")),
    pytest.param("The Cebu court sentenced him to 15.5 years in prison.", [("custody", "P15Y6M")], id="ph-decimal-years"),
    pytest.param("The two were sentenced to 37 years and 23 years respectively.", [("custody", "P37Y"), ("custody", "P23Y")], id="co-defendants-respectively"),
    pytest.param("Offenders in the review served an average of six years and one month.", [], id="average-not-sentence"),
    pytest.param("He faces up to 10 years in prison when sentenced in May.", [], id="faces-up-to"),
    pytest.param("The judge took a starting point of eight years.", [], id="starting-point"),
    pytest.param("The prosecution asked for a sentence of 12 years.", [], id="prosecution-asked-for"),
    pytest.param("He was jailed at Bristol Crown Court on Friday.", [], id="jailed-without-term"),
    pytest.param("The magistrates fined him £500.", [("fine", None)], id="fined"),
    pytest.param("The High Court of Colombo sentenced the accused to death.", [("death", None)], id="lk-death"),
    pytest.param("The judge made a hospital order under section 37 of the Mental Health Act 1983.", [("other", None)], id="hospital-order"),
    pytest.param("The sheriff imposed an extended sentence of 37 months, comprising a custodial element of 22 months and an extension period of 15 months.", [("extended", "P1Y10M")], id="scot-extended-custodial-element"),
    pytest.param("He was sentenced to 14 years, with a 20-year sexual offences prevention order.", [("custody", "P14Y")], id="prevention-order-not-sentence"),
    pytest.param("He was disqualified from driving for three years.", [], id="disqualification-not-sentence"),
    pytest.param("He was ordered to pay £2,000 compensation and £500 costs.", [], id="compensation-and-costs-not-sentences"),
    pytest.param("He was sentenced to 3 years' imprisonment on each count to be served concurrently.", [("custody", "P3Y")], id="each-count-concurrent"),
    pytest.param("The judge imposed concurrent terms respectively of 2 years' and 8 years' immediate imprisonment.", [("custody", "P2Y"), ("custody", "P8Y")], id="concurrent-terms-respectively"),
    pytest.param("The Superior Court judge sentenced him to 15 years to life.", [("life", "P15Y")], id="us-years-to-life"),
    pytest.param("He was given a life sentence for the murder.", [("life", None)], id="life-without-minimum"),
    pytest.param("The accused was sentenced to 10 years rigorous imprisonment and a fine of Rs. 10,000 with a default term of 6 months.", [("custody", "P10Y"), ("fine", None)], id="lk-ri-fine-default-term"),
    pytest.param("The defendant received a six-month jail term suspended for 12 months.", [("suspended", "P6M")], id="hyphenated-suspended-jail-term"),
    pytest.param("She was given a 12-month community order.", [("community", "P1Y")], id="hyphenated-community-order"),
    pytest.param("He will be released on licence after serving half of his sentence.", [], id="licence-not-sentence"),
    pytest.param("He was sentenced to 2 years and 8 months, less the 147 days he spent on remand.", [("custody", "P2Y8M")], id="less-remand"),
    pytest.param("The judge imposed eight years' imprisonment, reduced from 12 years for his guilty plea.", [("custody", "P8Y")], id="plea-reduction-not-sentence"),
    pytest.param("The guideline range for the offence is four to eight years.", [], id="guideline-range"),
    pytest.param("The judge sentenced him to two to four years in state prison.", [("custody", "P4Y")], id="us-indeterminate-two-to-four"),
    pytest.param("The Ontario judge sentenced him to 12 years' imprisonment and fined him $20,000.", [("custody", "P12Y"), ("fine", None)], id="ca-custody-and-fine"),
    pytest.param("The Crown sought a term of nine years.", [], id="crown-sought"),
    pytest.param("He would have received 6 years but for his guilty plea.", [], id="would-have-but-for-plea"),
]

# Each item is (kind, term, role); only passages that state an appeal.
APPEAL_ROLES = [
    pytest.param("The Court of Appeal reduced his sentence from seven and a half years to six years.", [("custody", "P7Y6M", "original"), ("custody", "P6Y", "substituted")], id="reduced-from-to"),
    pytest.param("We quash the sentence of 9 years' imprisonment and substitute a sentence of 7 years' imprisonment.", [("custody", "P9Y", "original"), ("custody", "P7Y", "substituted")], id="quash-and-substitute"),
    pytest.param("The Court of Appeal quashed the sentence of 18 months' imprisonment and substituted a community order lasting 24 months.", [("custody", "P1Y6M", "original"), ("community", "P2Y", "substituted")], id="custody-to-community"),
    pytest.param("An Ontario judge sentenced him to 12 years; the Court of Appeal raised the penalty by three years to 15 years.", [("custody", "P12Y", "original"), ("custody", "P15Y", "substituted")], id="ca-raised-by-to", marks=pytest.mark.xfail(strict=True, reason="the sentence below ('sentenced him to 12 years') keeps role 'imposed', not 'original'")),
    pytest.param("Quash the sentence imposed in the District Court and in lieu thereof sentence the respondent to 15 years with a non-parole period of 11 years and 3 months.", [("custody", "P15Y", "substituted")], id="au-in-lieu-thereof"),
    pytest.param("Allowing the appeal, the court replaced the suspended sentence of 12 months with an immediate term of two years.", [("suspended", "P1Y", "original"), ("custody", "P2Y", "substituted")], id="suspended-to-immediate"),
]

# Regressions go here: a passage that once gave the wrong sentences, with a
# comment naming where it was found (document, issue), once it is fixed.
BUGS_CAUGHT: list = []
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), grouped(dev=DEV, held_out=HELD_OUT, bugs_caught=BUGS_CAUGHT)
)
def test_sentences_found(mentions_of, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(m.value.kind, m.value.term) for m in mentions_of(text, "sentence")]
    assert Counter(found) == Counter(expected)


@pytest.mark.parametrize(("text", "expected"), grouped(appeal=APPEAL_ROLES))
def test_sentence_roles_found(
    mentions_of, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    found = [(m.value.kind, m.value.term, m.value.role) for m in mentions_of(text, "sentence")]
    assert Counter(found) == Counter(expected)


@pytest.mark.parametrize(
    "text",
    [
        "For the reasons we give, the sentence of 8 years was manifestly excessive.",
        "He was ordered to pay a fine of the amount the court would fix.",
    ],
)
def test_a_sentence_span_never_starts_or_ends_with_a_space(mentions_of, text: str) -> None:
    found = mentions_of(text, "sentence")
    assert found
    for mention in found:
        assert mention.text == mention.text.strip()
        assert text[mention.start_char : mention.end_char] == mention.text
