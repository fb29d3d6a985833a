"""Terms passed count by count: which count each is for, and the case term they make (issue 12).

Sri Lankan courts pass one punishment per count, and terms of imprisonment
for distinct offences at one trial run consecutively unless the court
directs otherwise (Code of Criminal Procedure Act No. 15 of 1979, s.16(1)):
the case's custodial term is their sum there, after an appeal's variation of
one count and without a count the appellant is acquitted of. Elsewhere, and
where the court makes them concurrent, the longest term stands. The list
items under a lead-in ("the petitioners had been sentenced to" / "1) For the
1st count ...") are the lead-in's subject's, and a caption's alias names the
accused it follows.

Groups:
    DEV: the forms of the Sri Lankan judgments the rule was written against, paraphrased.
    HELD_OUT: other layouts and look-alikes; a miss stays as a strict xfail.
    BUGS_CAUGHT: passages that once gave the wrong term on the corpus, paraphrased.
"""

from __future__ import annotations

import pytest

from courtfacts.extract.count_terms import CountTerm, acquitted_counts, count_of
from courtfacts.models import SentenceValue
from tests.extract._cases import case_of, run_text
from tests.extract._tables import grouped

_COURT = "IN THE COURT OF APPEAL OF THE DEMOCRATIC SOCIALIST REPUBLIC OF SRI LANKA\n\n"
_CAPTION = (
    _COURT
    + "1. Herath Mudalige Sunil Kumara alias Sudu\n\n2. Bandara Mudiyanselage Ajith Perera\n\n"
    "ACCUSED\n\nAND NOW BETWEEN\n\n1. Herath Mudalige Sunil Kumara alias Sudu\n\n"
    "2. Bandara Mudiyanselage Ajith Perera\n\nAccused-Appellants\n\nVs.\n\nHon. Attorney General\n\n"
)

# fmt: off
DEV = [
    pytest.param(_COURT + "Kamal Jayasinghe was convicted on both counts and sentenced as follows:\n\n1) For the 1st count 6 months RI and a fine of Rs. 5000.\n\n2) For the 2nd count 10 years RI and a fine of Rs. 10,000.", "Jayasinghe", "P10Y6M", id="lk-numbered-items-add-up"),
    pytest.param(_COURT + "Nimal Rathnayake was found guilty and the High Court Judge imposed the following sentences;\n\nCount 1 – 7 years rigorous imprisonment\nCount 2 – 3 years rigorous imprisonment", "Rathnayake", "P10Y", id="lk-count-dash-term"),
    pytest.param(_COURT + "Sunil Dissanayake was sentenced as follows:\n\n• For the first count: 06 months rigorous imprisonment.\n• For the second count: death sentence.\n• For the third count: 15 years rigorous imprisonment.", "Dissanayake", "P15Y6M", id="lk-bullets-beside-death"),
    pytest.param(_COURT + "Kamal Jayasinghe was sentenced as follows:\n\n1) For the 1st count 6 months RI.\n\n2) For the 2nd count 10 years RI.\n\nThis Court thinks it fair to vary the sentence with regard to the second charge and reduce it to 5 years RI.", "Jayasinghe", "P5Y6M", id="lk-one-count-varied-rest-stands"),
    pytest.param(_COURT + "Kamal Jayasinghe was sentenced as follows:\n\n1) For the 1st count 6 months RI.\n\n2) For the 2nd count 10 years RI.\n\nThe sentences are to run concurrently.", "Jayasinghe", "P10Y", id="lk-directed-concurrent"),
]

HELD_OUT = [
    pytest.param(_COURT + "The learned Judge sentenced Ruwan Silva to death for the first count, and a term of five years rigorous imprisonment for the second count and four years for the third count.", "Silva", "P9Y", id="lk-label-after-term"),
    pytest.param(_COURT + "Ruwan Silva was sentenced as follows:\n\nCount 1 – 10 years rigorous imprisonment\nCount 2 – Death Sentence\nCount 3 – 10 years rigorous imprisonment\n\nWe acquit the accused on the third count and affirm the convictions on the first and second counts.", "Silva", "P10Y", id="lk-acquitted-count-drops"),
    pytest.param(_COURT + "Ruwan Silva was sentenced as follows:\n\n1) For the 1st count 2 years RI.\n\n2) For the 2nd count 3 years RI.\n\nThe appeal is allowed in part and the sentence is substituted with 4 years RI.", "Silva", "P4Y", id="lk-whole-sentence-substituted"),
    pytest.param("Crown Court at Leeds. Daniel Hughes was sentenced as follows:\n\n1) On count 1, 6 months' imprisonment.\n\n2) On count 2, 4 years' imprisonment.", "Hughes", "P4Y", id="england-no-sum-by-default"),
    pytest.param(_COURT + "Ruwan Silva was sentenced to 8 years rigorous imprisonment and a fine of Rs. 10,000. The sentence of 8 years is affirmed.", "Silva", "P8Y", id="lk-restatement-not-added"),
]

BUGS_CAUGHT = [
    # lk-ca-crim-2022-march-1141: list items under "the petitioners had been sentenced to" went to the
    # petitioner named last in the caption, and the varied count replaced the whole sentence.
    pytest.param(_CAPTION + "The accused-petitioners were found guilty for the 1st and the second charges and the petitioners had been sentenced to\n\n1) For the 1st count 6 months RI and Rs 5000 fine,\n\n2) 2nd count 10 years RI and Rs 10000 fine.\n\nThis Court thinks it is only fair to vary the sentence of the petitioners with regard to the second charge and reduce it to 5years RI.", "Perera", "P5Y6M", id="lk-petitioners-list-and-variation"),
    pytest.param(_CAPTION + "The accused-petitioners were found guilty for the 1st and the second charges and the petitioners had been sentenced to\n\n1) For the 1st count 6 months RI and Rs 5000 fine,\n\n2) 2nd count 10 years RI and Rs 10000 fine.\n\nThis Court thinks it is only fair to vary the sentence of the petitioners with regard to the second charge and reduce it to 5years RI.", "Kumara", "P5Y6M", id="lk-petitioners-list-first-petitioner"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "surname", "term"), grouped(dev=DEV, held_out=HELD_OUT, bugs_caught=BUGS_CAUGHT)
)
def test_custodial_term_of_counts(nlp, text: str, surname: str, term: str) -> None:
    assert case_of(run_text(nlp, text, "2023-03-29"), surname).custodial_term == term


def test_caption_alias_names_the_accused(nlp) -> None:
    """ "2. Gatawara Priyantha alias Adwin Priyantha" then "Adwin Priyantha ACCUSED": one person."""
    text = (
        _COURT + "1. Puwak Gamage Ranjith\nHigh Court of Galle alias Patty\n"
        "2. Gatawara Kandage Priyantha alias\nAdwin Priyantha\n\nACCUSED\n\n"
        "AND NOW BETWEEN\n\nPuwak Gamage Ranjith alias\nPatty\nACCUSED-APPELLANT\n\n"
        "The Appellant and the 2nd Accused were sentenced as follows:\n\n"
        "• For the first count: 06 months rigorous imprisonment each.\n"
        "• For the second count: death sentence passed against both."
    )
    result = run_text(nlp, text, "2025-07-04")
    assert sorted(c.offender for c in result.cases) == [
        "Gatawara Kandage Priyantha",
        "Puwak Gamage Ranjith",
    ]
    assert {c.sentence_kind for c in result.cases} == {"death"}


def test_recent_offender_before_lone_accused(nlp) -> None:
    """A co-defendant named in the sentence before owns "a five-year sentence he received"."""
    text = (
        "The District Attorney identified the defendant as Peter Lasko, 23. The defendant was today "
        "sentenced to two to four years in prison.\n\nRoscoe, 25, pleaded guilty to burglary and was "
        "sentenced to one to three years in prison. That sentence is to run concurrent to a "
        "five-year sentence he received at the same time for an unrelated robbery."
    )
    result = run_text(nlp, text, "2015-04-07")
    assert case_of(result, "Lasko").custodial_term == "P4Y"
    assert case_of(result, "Roscoe").custodial_term == "P5Y"


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("1) For the 1st count 6 months RI and a fine", "6 months", 1),
        ("Count 3 – 10 years rigorous imprisonment", "10 years", 3),
        ("death for the first count, and five years RI for the second count.", "five years", 2),
        ("sentenced on counts 1 to 4 to 3 years RI", "3 years", None),
        ("sentenced to 8 years rigorous imprisonment", "8 years", None),
    ],
)
def test_count_of(text: str, term: str, expected: int | None) -> None:
    start = text.index(term)
    value = SentenceValue(kind="custody", term="P1Y")
    assert count_of(text, CountTerm(value, start, start + len(term), 0, len(text))) == expected


def test_acquitted_counts() -> None:
    assert acquitted_counts(
        "We acquit the Accused on the third count. He is acquitted of count 5."
    ) == {3, 5}
    assert acquitted_counts("The accused is acquitted. The appeal is allowed.") == set()
