"""The case's sentence that stands, its term, offence count and time in custody (issue 12).

Passages as courts, prosecutors and papers of several countries write them,
each run through the whole pipeline, with the case fields GOLD_FORMAT asks
for: the total custodial term after concurrency and consecutive terms, the
exact term over a rounded headline, the custodial term beside a death
sentence, no sentence where the appellant is acquitted, the time in custody
the text states, and offences counted by numbered counts.

Groups:
    DEV: the phrasings quoted in issue 12.
    HELD_OUT: variants and look-alikes the rules were not tuned on; a miss
        stays as a strict xfail.
    APPEALS: appeals, references and reviews as courts and papers report them:
        the sentence that stands, and cited authorities that are no case's.
    TOTALS: concurrent and consecutive terms in one sentence or across two.
    KINDS: sentence kinds of other systems (probation, community control,
        state prison, county jail, courts-martial, reclusion perpetua, head
        sentences) and the look-alikes, as the case's kind and term.
    BUGS_CAUGHT: passages that once gave the wrong field on the corpus,
        paraphrased, naming where the bug was found.
"""

from __future__ import annotations

import pytest

from courtfacts.batch import process_source
from courtfacts.extract.case_terms import is_acquitted, is_revoked, numbered_count
from courtfacts.models import DocumentMeta, SourceText
from tests.extract._tables import grouped


def _only_case(nlp, text: str) -> dict[str, object]:
    meta = DocumentMeta(source="t.txt", format="text", sha256="0" * 64, document_date="2024-05-14")
    result = process_source(SourceText(doc_id="t", kind="text", text=text, meta=meta), nlp)
    assert len(result.cases) == 1, [c.offender for c in result.cases]
    return result.cases[0].model_dump(exclude_none=True)


# fmt: off
DEV = [
    pytest.param("John Reid was sentenced to 13 years on each of three counts, to run consecutively.", {"sentence_kind": "custody", "custodial_term": "P39Y"}, id="each-count-consecutive"),
    pytest.param("John Reid was sentenced to 13 years on each of three counts, to run concurrently.", {"sentence_kind": "custody", "custodial_term": "P13Y"}, id="each-count-concurrent"),
    pytest.param("Mark Bell received 2 years on count 1 and 3 years on count 2, a total of 5 years' imprisonment.", {"custodial_term": "P5Y"}, id="a-total-of"),
    pytest.param("Student is jailed for nearly five years.\n\nLiam Hart has been jailed for four years and eight months.", {"custodial_term": "P4Y8M"}, id="exact-over-rounded-headline"),
    pytest.param("Kamal Perera was sentenced to death on count 2 and to 10 years rigorous imprisonment on count 1.", {"sentence_kind": "death", "custodial_term": "P10Y"}, id="lk-death-beside-custody"),
    pytest.param("Kamal Perera was sentenced to 5 years' imprisonment. The conviction and sentence are set aside and the appellant is acquitted.", {"sentence_kind": "none"}, id="lk-acquitted"),
    pytest.param("Tom Rix was jailed for seven years. He must serve half of his seven-year sentence before release.", {"custodial_term": "P7Y", "time_in_custody": "P3Y6M"}, id="must-serve-half"),
    pytest.param("Tom Rix was jailed for nine years. He will serve at least two-thirds before he can be released.", {"custodial_term": "P9Y", "time_in_custody": "P6Y"}, id="will-serve-two-thirds"),
    pytest.param("Sam Ode was sentenced to 3 years' imprisonment. He has spent 124 days on remand.", {"time_in_custody": "P124D"}, id="spent-on-remand"),
    pytest.param("Nimal Silva was found guilty for the 1st and the second charges and sentenced to 10 years RI.", {"offence_count": 2}, id="lk-ordinal-charges"),
    pytest.param("Dale Cook pleaded guilty to two counts of forgery and one of fraud and was jailed for 30 months.", {"offence_count": 3}, id="two-counts-and-one-of"),
    pytest.param("Dale Cook pleaded guilty to two counts of forgery and one of fraud, having previously admitted a charge of theft. He was jailed for 30 months.", {"offence_count": 4}, id="having-admitted-a-charge"),
    pytest.param("John Hale was convicted of murder, robbery and burglary and jailed for life.", {"offence_count": 3}, id="offences-listed-by-name"),
    pytest.param("Ann Lee was convicted of fraud and jailed for three years.", {"offence_count": None}, id="one-offence-named-no-count"),
    pytest.param("Ann Lee was previously convicted of robbery and burglary. She was jailed for three years for fraud.", {"offence_count": None}, id="previous-convictions-not-counted"),
]

HELD_OUT = [
    pytest.param("The court convicted Ruwan Dias for counts 1- 8 and sentenced him to death.", {"sentence_kind": "death", "offence_count": 8}, id="lk-count-range"),
    pytest.param("Marcus Reed, Appellant, was found guilty of Count 1, racketeering, in violation of 22 O.S.2011, § 1403; Count 2, conspiracy; Counts 3 and 4, discharging a firearm into a dwelling; and Counts 5 and 6, possession of a firearm after former conviction of a felony. The jury assessed punishment of twenty years in each count.", {"offence_count": 6}, id="us-counts-listed-by-number"),
    pytest.param("Dale Moss was convicted on Counts I and III of the indictment and sentenced to 60 months' imprisonment. Count II was dismissed on the motion of the United States.", {"offence_count": 2}, id="us-roman-counts-dismissed-not-counted"),
    pytest.param("The jury fixed punishment at death for both murder convictions and the judge sentenced Roy Hale to death.", {"offence_count": 2}, id="us-both-convictions"),
    pytest.param("A jury found Luis Vega guilty of second-degree murder. Before trial Vega admitted to five additional charges, including possession of drugs while armed. Vega was sentenced to 15 years to life.", {"offence_count": 6}, id="us-additional-charges-add-to-the-conviction"),
    pytest.param("Gary Pike pleaded guilty to three burglaries and was jailed for two years. He asked for 16 other offences to be taken into consideration.", {"offence_count": 19}, id="tic-other-offences-add-on"),
    pytest.param("Ali Khan was acquitted of murder but convicted of manslaughter and jailed for eight years.", {"sentence_kind": "custody", "custodial_term": "P8Y"}, id="acquitted-of-one-offence-not-none"),
    pytest.param("Ian Moss was released after serving 9 years 8 months of a 20-year sentence.", {"time_in_custody": "P9Y8M"}, id="released-after-serving"),
    pytest.param("Paul Lyle was jailed for more than 23 years.\n\nLyle was sentenced to 23 years and four months.", {"custodial_term": "P23Y4M"}, id="more-than-gives-way"),
    pytest.param("Ann Roe was sentenced to 4 years on each of two counts, the terms to run consecutively.", {"custodial_term": "P8Y"}, id="each-of-two-counts-the-terms-consecutive"),
    pytest.param("Tom Vale was sentenced to seven years for the rape and three years consecutive for the assault.", {"custodial_term": "P10Y"}, id="parts-consecutive-add-up"),
    pytest.param("Tom Vale was sentenced to seven years for the rape and three years concurrent for the assault.", {"custodial_term": "P7Y"}, id="parts-concurrent-longest"),
    pytest.param("Tom Vale was jailed for a total of 10 years: seven years for the rape and three years consecutive for the assault.", {"custodial_term": "P10Y"}, id="stated-total-not-added-again"),
]

# Appeals and reviews: the sentence that stands at the end, and sentences that are no case's.
APPEALS = [
    pytest.param("Karen Doyle appeals against a sentence of 30 months' imprisonment for fraud. The sentence of 30 months is quashed and a sentence of 8 months' imprisonment is substituted.", {"offender": "Karen Doyle", "custodial_term": "P8M"}, id="quashed-and-substituted"),
    pytest.param("The appellant, Martin Shaw, was sentenced to six years' imprisonment for robbery. We consider that sentence manifestly excessive. We reduce the term to four years.", {"custodial_term": "P4Y"}, id="we-reduce-the-term-to"),
    pytest.param("Leon Burke was sentenced to life imprisonment with a minimum term of 18 years for murder. On a minimum term review the High Court reduced the minimum term to 15 years.", {"sentence_kind": "life", "custodial_term": "P15Y"}, id="minimum-term-review"),
    pytest.param("Jason Price was sentenced to nine years' imprisonment on 3 March 2021. His appeal against sentence is dismissed.", {"custodial_term": "P9Y", "sentence_date": "2021-03-03"}, id="dismissed-appeal-sentence-below-stands"),
    pytest.param("Tariq Aziz was sentenced to five years' detention. In R v Holt [2019] EWCA Crim 88 the court upheld a sentence of 10 years in a similar case. We see no reason to interfere, and the appeal is dismissed.", {"offender": "Tariq Aziz", "custodial_term": "P5Y"}, id="cited-authority-is-a-comparison"),
    pytest.param("The Attorney General referred the sentence of 3 years imposed on Colin Marsh as unduly lenient. We quash it and substitute a sentence of 5 years' imprisonment.", {"offender": "Colin Marsh", "custodial_term": "P5Y"}, id="unduly-lenient-reference"),
    pytest.param("The Court of Appeal allowed the appeal of Stephen Kerr, quashed the consecutive terms and ordered that the terms of 4 years and 3 years run concurrently.", {"offender": "Stephen Kerr", "custodial_term": "P4Y"}, id="consecutive-made-concurrent-on-appeal"),
    pytest.param("Wayne Hill was jailed for 12 years in 2019. Today the Court of Appeal increased his sentence to 16 years after finding it unduly lenient.", {"offender": "Wayne Hill", "custodial_term": "P16Y"}, id="old-sentence-increased-today"),
    pytest.param("Amir Khan was sentenced to a total of 11 years: 8 years for the rape and 3 years consecutive for the assault. The Court of Appeal dismissed his appeal.", {"custodial_term": "P11Y"}, id="total-stands-after-dismissal"),
    pytest.param("The appellant Rhys Owen was sentenced to 4 years on each of two counts, to run consecutively, making 8 years in all.", {"custodial_term": "P8Y"}, id="in-all"),
    pytest.param("Patrick Lynch received sentences of 18 months and 2 years, to be served consecutively, an aggregate of 3 years and 6 months.", {"custodial_term": "P3Y6M"}, id="an-aggregate-of"),
    pytest.param("Sean Doyle was sentenced to 10 years' imprisonment. On appeal, the sentence was reduced to 7 years.", {"custodial_term": "P7Y"}, id="on-appeal-reduced-to"),
    pytest.param("Ahmed Riaz was sentenced to imprisonment for 7 years. The Court of Appeal set aside the sentence and imposed a sentence of 5 years, to run from the date of conviction.", {"custodial_term": "P5Y"}, id="set-aside-and-imposed", marks=pytest.mark.xfail(strict=True, reason="'imposed' after 'set aside the sentence' is not read as the substituted sentence")),
]

# Totals: concurrent and consecutive terms, stated in one sentence or across two.
TOTALS = [
    pytest.param("Omar Haddad received sentences of 4 years and 6 years, to run concurrently.", {"custodial_term": "P6Y"}, id="concurrent-longest"),
    pytest.param("Peter Quinn was sentenced to 3 years, to run consecutively to the sentence he is already serving.", {"custodial_term": "P3Y"}, id="consecutive-to-a-sentence-already-served"),
    pytest.param("Dean Walsh was jailed for 30 months for burglary and a further 6 months for breaching a suspended sentence, making three years in total.", {"custodial_term": "P3Y"}, id="a-further-making-in-total"),
    pytest.param("Ian Stone was jailed for eight years for the robbery and two years consecutive for possessing a firearm, a total of 10 years.", {"custodial_term": "P10Y"}, id="total-stated-with-parts"),
    pytest.param("Raj Patel was sentenced to seven years in prison on each count, with the sentences to run concurrently.", {"custodial_term": "P7Y"}, id="each-count-concurrently"),
    pytest.param("Ben Cox, 33, was jailed for two years and eight months. He was also jailed for four months, to run consecutively, for driving while disqualified.", {"custodial_term": "P3Y"}, id="consecutive-in-the-next-sentence"),
    pytest.param("Jamal Reed was sentenced to 18 years in all.", {"custodial_term": "P18Y"}, id="in-all-alone"),
    pytest.param("Craig Doyle was sentenced to 6 years for each of the 3 rapes, concurrent, and 2 years consecutive for the assault.", {"custodial_term": "P8Y"}, id="concurrent-group-plus-consecutive", marks=pytest.mark.xfail(strict=True, reason="the 'concurrent' of the first group makes the sentence's total the longest term")),
    pytest.param("Gary Long was given two terms of five years, to run consecutively.", {"custodial_term": "P10Y"}, id="two-terms-of-consecutive", marks=pytest.mark.xfail(strict=True, reason="'two terms of five years' is not read as a sentence")),
]

# Sentence kinds of other systems, and the look-alikes, as the case's kind and term.
KINDS = [
    pytest.param("Maria Lopez, 29, was sentenced to five years' probation for grand theft.", {"sentence_kind": "community", "custodial_term": None}, id="us-years-probation"),
    pytest.param("Kevin Boone was placed on 3 years of community control by Circuit Judge Anne Hale.", {"offender": "Kevin Boone", "sentence_kind": "community"}, id="fl-placed-on-community-control"),
    pytest.param("Jorge Ruiz was sentenced to 16 years in state prison for carjacking.", {"sentence_kind": "custody", "custodial_term": "P16Y"}, id="us-state-prison"),
    pytest.param("Dana Cole was sentenced to 364 days in county jail and three years of formal probation.", {"sentence_kind": "custody", "custodial_term": "P364D"}, id="us-county-jail-and-probation"),
    pytest.param("Tyrone Banks was sentenced to life without the possibility of parole for the murder of two men.", {"sentence_kind": "life", "custodial_term": None}, id="us-lwop"),
    pytest.param("Leon Ortiz was sentenced to 25 years to life for first-degree murder.", {"sentence_kind": "life", "custodial_term": "P25Y"}, id="us-years-to-life"),
    pytest.param("The trial court found accused Rodrigo Santos guilty of rape and sentenced him to suffer the penalty of reclusion perpetua.", {"offender": "Rodrigo Santos", "sentence_kind": "life"}, id="ph-reclusion-perpetua"),
    pytest.param("Mohan Lal was sentenced to death by the Sessions Court in 2010. The President commuted his death sentence to life imprisonment.", {"offender": "Mohan Lal", "sentence_kind": "life"}, id="in-death-commuted-to-life"),
    pytest.param("A general court-martial sentenced Sergeant Eric Dunn to confinement for 180 days, reduction to E-1 and a bad-conduct discharge.", {"offender": "Eric Dunn", "sentence_kind": "custody", "custodial_term": "P180D"}, id="us-court-martial-rank"),
    pytest.param("Ryan Fox was jailed for life and told he must serve at least 28 years before he can be considered for parole.", {"sentence_kind": "life", "custodial_term": "P28Y"}, id="uk-life-must-serve-at-least"),
    pytest.param("Jack Price, 17, was ordered to be detained at His Majesty's pleasure with a minimum term of 14 years.", {"sentence_kind": "life", "custodial_term": "P14Y"}, id="uk-his-majestys-pleasure"),
    pytest.param("Ellie Watts was given a two-year sentence suspended for 18 months and ordered to do 200 hours of unpaid work.", {"sentence_kind": "suspended", "custodial_term": "P2Y"}, id="uk-suspended-for"),
    pytest.param("Priya Nair was sentenced to 6 months imprisonment, which was suspended for 2 years, and fined $2,000.", {"sentence_kind": "suspended", "custodial_term": "P6M"}, id="au-which-was-suspended"),
    pytest.param("The court sentenced Ravi Shankar to undergo rigorous imprisonment for seven years and to pay a fine of Rs. 5,000.", {"sentence_kind": "custody", "custodial_term": "P7Y"}, id="in-sentenced-to-undergo"),
    pytest.param("Sunil Perera was sentenced to two years' rigorous imprisonment suspended for ten years.", {"sentence_kind": "suspended", "custodial_term": "P2Y"}, id="lk-ri-suspended"),
    pytest.param("Brett Mason was sentenced to a head sentence of 9 years with a non-parole period of 6 years.", {"sentence_kind": "custody", "custodial_term": "P9Y"}, id="au-head-sentence-non-parole"),
    pytest.param("Nathan Cole received a 6-year extended sentence, comprising a custodial term of 4 years and an extension period of 2 years.", {"sentence_kind": "extended", "custodial_term": "P4Y"}, id="uk-extended-custodial-part"),
    pytest.param("Scott Reid was fined £750 and ordered to pay £200 costs.", {"sentence_kind": "fine", "custodial_term": None}, id="uk-fine-and-costs"),
    pytest.param("Luke Dean was sentenced to 4 years' imprisonment. The judge said he would have imposed 6 years but for his guilty plea.", {"custodial_term": "P4Y"}, id="would-have-imposed-is-not"),
    pytest.param("Judge Ann Moore sentenced Carl Weeks to three years in prison, followed by three years of supervised release.", {"sentence_kind": "custody", "custodial_term": "P3Y"}, id="us-supervised-release-is-not"),
]

# Regressions found on the shared corpus (issue 12), paraphrased.
BUGS_CAUGHT = [
    # us-oklacrimapp-opinion-listing: an affirmed revocation left the case 'suspended'
    pytest.param("COLE v. STATE\n\nThis Court affirms the revocation of Appellant Dean Cole's suspended sentence of five years.", {"sentence_kind": "custody", "custodial_term": "P5Y"}, id="us-revocation-affirmed"),
    # lk-ca-crim-2023-august-1133: a partial acquittal (one count) made the whole case 'none'
    pytest.param("Ravi Kumar was sentenced to death on count 2. We acquit the accused on the third count. We affirm the convictions on both the first and second counts.", {"sentence_kind": "death", "offence_count": 2}, id="lk-partial-acquittal"),
    # lk-ca-crim-2024-march-1159: the noun 'acquittal' in the grounds of appeal made the case 'none'
    pytest.param("Saman Roy was sentenced to 8 years rigorous imprisonment. Counsel moved for the acquittal of the appellant. The appeal is dismissed.", {"sentence_kind": "custody", "custodial_term": "P8Y"}, id="lk-acquittal-noun"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"),
    grouped(
        dev=DEV,
        held_out=HELD_OUT,
        appeals=APPEALS,
        totals=TOTALS,
        kinds=KINDS,
        bugs_caught=BUGS_CAUGHT,
    ),
)
def test_case_terms(nlp, text: str, expected: dict[str, object]) -> None:
    case = _only_case(nlp, text)
    assert {key: case.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        pytest.param(
            "The requested person, Piotr Nowak, is wanted in Poland to serve a sentence of 2 years and 6 months imposed by the District Court in Krakow. The judge ordered his extradition.",
            0,
            id="wanted-to-serve",
        ),
        pytest.param(
            "EXTRADITION HEARING\n\nThe requested person, Piotr Nowak, is sought by Poland. On 3 March 2015 the Regional Court in Warsaw sentenced him to 3 years' imprisonment for fraud. Poland seeks his extradition to serve that sentence.",
            0,
            id="seeks-extradition-to-serve-that-sentence",
        ),
        pytest.param(
            "Marek Zielinski was convicted in his absence in Romania and sentenced to four years' imprisonment. The Romanian authorities issued a European Arrest Warrant for him to serve the sentence.",
            0,
            id="arrest-warrant-to-serve",
        ),
        pytest.param(
            "Ali Noor, who was extradited from Austria last year, was sentenced today to 61 years to life in state prison.",
            1,
            id="extradited-then-sentenced-here",
        ),
    ],
)
def test_a_sentence_to_be_served_abroad_is_no_case(nlp, text: str, cases: int) -> None:
    """A sentence passed abroad, recited in a request to have it served, is not one this court passed."""
    meta = DocumentMeta(source="t.txt", format="text", sha256="0" * 64, document_date="2024-05-14")
    result = process_source(SourceText(doc_id="t", kind="text", text=text, meta=meta), nlp)
    assert len(result.cases) == cases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The accused-appellant is acquitted. The appeal is allowed.", True),
        ("Appellant is acquitted from all charges against him in the indictment.", True),
        ("I set aside the conviction and sentence dated 19.09.2017.", True),
        (
            "Therefore, he is acquitted from the second charge. Accordingly, the appeal is allowed.",
            True,
        ),
        (
            "The learned Judge convicted the Appellant and acquitted the 2nd Accused from the case.",
            False,
        ),
        (
            "We acquit the Accused on the third count. We hereby affirm the other convictions.",
            False,
        ),
        ("He was acquitted of murder but convicted of manslaughter.", False),
        (
            "The Court of Appeal set aside the conviction for murder and substituted one of manslaughter.",
            False,
        ),
    ],
)
def test_is_acquitted(text: str, expected: bool) -> None:
    assert is_acquitted(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This Court affirms the revocation of Appellant's suspended sentence.", True),
        ("His probation was revoked and he was sent to prison for two years.", True),
        ("The judge revoked his suspended sentence after he reoffended.", True),
        ("The court revoked the defendant's community supervision.", True),
        ("We reverse the order revoking his probation.", False),
        ("The State filed a motion to revoke his suspended sentence.", False),
        ("The charge alleged revocation of a life interest by a later deed.", False),
    ],
)
def test_is_revoked(text: str, expected: bool) -> None:
    assert is_revoked(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Magistrate found the accused guilty for the 1st, 2nd and 4th counts.", 3),
        ("The High Court Judge convicted the Appellant for the 1st and 2nd counts.", 2),
        ("The jury convicted him on Counts 1 through 6.", 6),
        ("The sentences for the 1st and 2nd counts are to run concurrently.", None),
        ("He was indicted on counts 1 to 4.", None),
        ("He was convicted on count 1 and acquitted on count 2.", 1),
        ("Sentence imposed on Count II. Count I dismissed on motion.", None),
        ("The jury convicted her on Counts I, II and IV.", 3),
        ("He was found guilty of Count 1 – 7 years' imprisonment.", 1),
        ("His convictions for murder (Counts 1 and/or 2) were affirmed.", None),
        ("He was sentenced after former conviction of two felonies on Counts 1 through 6.", None),
    ],
)
def test_numbered_count(text: str, expected: int | None) -> None:
    assert numbered_count(text) == expected
