"""Whole news reports of several countries, read into one case per offender (issue 12).

Each report is written here as papers and prosecutors in England, Scotland,
the US, Australia, Canada and India write them (and one English appeal): a
headline, a byline, the sentence, co-defendants, the judge and an officer,
offence counts and periods. Each row names one offender and the
case fields a careful reader takes from the report for them.

Groups:
    HELD_OUT: reports the rules were not written against; a miss stays as a strict xfail.
"""

from __future__ import annotations

import pytest

from tests.extract._cases import case_of, run_text
from tests.extract._tables import grouped

_BRISTOL = 'Man jailed for 12 years over Bristol drugs ring\n\nBy Sarah Jones\nBBC News\n\nA man who ran a drugs ring that flooded Bristol with cocaine has been jailed for 12 years.\n\nMarcus Bell, 34, of Easton, admitted conspiracy to supply class A drugs at Bristol Crown Court.\n\nHis co-defendants, Liam Carter, 27, and Shane Doyle, 31, were jailed for six years and four years and six months respectively.\n\nJudge Martin Picton told Bell he had "profited from misery".\n\nDet Insp Claire Hughes said: "This sentence sends a clear message."\n\nThe gang operated between January 2019 and March 2021, police said.'
_SYDNEY = "Sydney man sentenced over $2m fraud\n\nA Sydney accountant who stole more than $2 million from his clients has been sentenced to seven years in jail with a non-parole period of four years.\n\nPeter Wallace, 58, pleaded guilty in the NSW District Court to 14 counts of dishonestly obtaining financial advantage by deception.\n\nJudge Helen Wright said Wallace had abused the trust of elderly clients between 2015 and 2020.\n\nHe will be eligible for parole in 2027."
_TORONTO = "Toronto man gets 9 years for manslaughter\n\nTORONTO — A Toronto man who fatally stabbed a stranger outside a nightclub has been sentenced to nine years in prison, less time served.\n\nJamal Grant, 29, was convicted of manslaughter in June. With credit for 1,100 days of pre-sentence custody, he has about six years left to serve.\n\nOntario Superior Court Justice Mary Lou Benotto said the attack was senseless."
_HOUSTON = "FOR IMMEDIATE RELEASE\nThursday, March 14, 2024\n\nHouston Man Sentenced to 15 Years for Child Exploitation\n\nHOUSTON – A 45-year-old Houston man has been sentenced for receiving and distributing child sexual abuse material, announced U.S. Attorney Alamdar Hamdani.\n\nRichard Ellis pleaded guilty Oct. 2, 2023. Today, U.S. District Judge Lee Rosenthal ordered him to serve 180 months in federal prison to be immediately followed by 10 years of supervised release. At the hearing, the court heard that Ellis had paid for livestreamed abuse of children in the Philippines on 42 occasions between 2019 and 2022, sending a total of $3,200.\n\nThe FBI conducted the investigation. Assistant U.S. Attorney Kim Leo prosecuted the case."
_GLASGOW = 'Glasgow man jailed for attempted murder\n\nA man who attacked a stranger with a knife in Glasgow city centre has been jailed for eight years.\n\nConnor McLean, 23, pled guilty to attempted murder at the High Court in Glasgow.\n\nLord Beckett told him: "This was a wholly unprovoked attack." He ordered McLean to be supervised for three years after his release.'
_EWCA = "Neutral Citation Number: [2023] EWCA Crim 1234\n\nR v DANIEL HARGREAVES\n\n1. On 12 May 2023, in the Crown Court at Preston, the appellant pleaded guilty to causing death by dangerous driving. On 2 June 2023 he was sentenced by HHJ Knowles to 7 years' imprisonment and disqualified from driving for 8 years and 6 months.\n\n2. He appeals against sentence with the leave of the single judge.\n\n3. We have concluded that the sentence was manifestly excessive. We quash the sentence of 7 years and substitute a sentence of 5 years and 6 months' imprisonment. The disqualification is adjusted accordingly."
_DELHI = "Delhi court awards life term to man for killing wife\n\nNEW DELHI: A Delhi court has sentenced a 42-year-old man to life imprisonment for murdering his wife over a domestic dispute in 2018.\n\nAdditional Sessions Judge Rakesh Kumar convicted Suresh Yadav under Section 302 of the IPC and imposed a fine of Rs 50,000 on him.\n\nThe court said the convict shall undergo rigorous imprisonment for life."

# fmt: off
HELD_OUT = [
    pytest.param(_BRISTOL, "Bell", {"age": 34, "sentence_kind": "custody", "custodial_term": "P12Y"}, id="uk-ringleader"),
    pytest.param(_BRISTOL, "Carter", {"age": 27, "custodial_term": "P6Y"}, id="uk-co-defendant-respectively-first"),
    pytest.param(_BRISTOL, "Doyle", {"age": 31, "custodial_term": "P4Y6M"}, id="uk-co-defendant-respectively-second"),
    pytest.param(_BRISTOL, "Bell", {"offending_start": "2019-01", "offending_end": "2021-03"}, id="uk-gang-period-told-by-police", marks=pytest.mark.xfail(strict=True, reason="the gang's period in the last paragraph is not given to its members")),
    pytest.param(_SYDNEY, "Wallace", {"age": 58, "offence_count": 14, "sentence_kind": "custody", "custodial_term": "P7Y", "offending_start": "2015", "offending_end": "2020"}, id="au-head-sentence-with-non-parole-period"),
    pytest.param(_TORONTO, "Grant", {"age": 29, "custodial_term": "P9Y", "time_in_custody": "P1100D"}, id="ca-credit-for-pre-sentence-custody"),
    pytest.param(_HOUSTON, "Ellis", {"age": 45, "sentence_kind": "custody", "custodial_term": "P15Y", "payment_count": 42}, id="us-age-in-the-lede-name-later"),
    pytest.param(_GLASGOW, "McLean", {"age": 23, "custodial_term": "P8Y"}, id="scot-pled-guilty-supervision-after-release"),
    pytest.param(_EWCA, "Hargreaves", {"custodial_term": "P5Y6M"}, id="ewca-quash-and-substitute"),
    pytest.param(_DELHI, "Yadav", {"age": 42, "sentence_kind": "life", "offending_start": "2018"}, id="in-convicted-under-section"),
]
# fmt: on


@pytest.mark.parametrize(("text", "surname", "expected"), grouped(held_out=HELD_OUT))
def test_news_report_case(nlp, text: str, surname: str, expected: dict[str, object]) -> None:
    case = case_of(run_text(nlp, text, "2024-05-14"), surname).model_dump()
    assert {key: case.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "offenders"),
    [
        (_BRISTOL, 3),
        (_SYDNEY, 1),
        (_TORONTO, 1),
        (_DELHI, 1),
        (_HOUSTON, 1),
        (_GLASGOW, 1),
        (_EWCA, 1),
    ],
    ids=["uk", "au", "ca", "in", "us", "scot", "ewca"],
)
def test_news_report_has_a_case_per_offender_and_no_other(nlp, text: str, offenders: int) -> None:
    """No case for the judge, the officer, the byline, a place or a headline word."""
    result = run_text(nlp, text, "2024-05-14")
    assert len(result.cases) == offenders, [c.offender for c in result.cases]
    assert all(c.offender for c in result.cases)
