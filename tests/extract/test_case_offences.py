"""Case records carry the sorted categories of the offences each offender was sentenced for.

Each test is a short report as courts, prosecutors and newspapers write it;
the assertions are what a researcher comparing kinds of offending relies on:
the categories of the case, never one the offender was acquitted of, never a
co-defendant's, and the statutory maximum of the most serious offence.
"""

from __future__ import annotations

from tests.extract._cases import case_of as _case
from tests.extract._cases import run_text as _run


def test_case_gets_sorted_categories_and_their_evidence(nlp) -> None:
    text = (
        "Mark Dale, 51, of Leeds, was jailed for six years at Leeds Crown Court.\n\n"
        "Dale admitted paying women in the Philippines to stream abuse of their daughters "
        "and possession of indecent images of children."
    )
    result = _run(nlp, text)
    case = _case(result, "Dale")
    assert case.offences == ["child_sexual_images", "child_sexual_online"]
    kinds = {m.id: m.kind for m in result.mentions}
    assert case.evidence["offences"] and all(
        kinds[i] == "offence" for i in case.evidence["offences"]
    )


def test_acquitted_offence_is_not_among_the_case_categories(nlp) -> None:
    text = (
        "The accused was indicted on three counts. Count 1 - rape of a girl under 16 years; "
        "Count 2 - murder; Count 3 - robbery. The High Court convicted Sunil Perera on the first "
        "and second counts and sentenced him to death. We acquit the accused on the third count."
    )
    (case,) = _run(nlp, text).cases  # one offender, however the text names him
    assert case.offences == ["child_sexual_contact", "homicide"]


def test_co_defendant_offence_stays_with_the_co_defendant(nlp) -> None:
    text = (
        "Brooklyn District Attorney announced that Carl Moss, 30, was sentenced to 25 years in prison "
        "after pleading guilty to first-degree manslaughter.\n\n"
        "A co-defendant, Dean Ward, 27, pleaded guilty to hindering prosecution and was sentenced to "
        "one year in jail."
    )
    result = _run(nlp, text)
    assert _case(result, "Moss").offences == ["homicide"]
    assert _case(result, "Ward").offences == ["justice"]


def test_headline_offence_reaches_the_one_case(nlp) -> None:
    text = (
        "MAN JAILED FOR ARSON AT SCHOOL\n\n"
        "Peter Lane, 34, was jailed for three years at Bristol Crown Court on Friday."
    )
    (case,) = _run(nlp, text).cases
    assert case.offences == ["damage"]


def test_charged_only_gives_no_case_and_no_convicted_offence(nlp) -> None:
    text = "A woman has been charged with filing a false police report. She faces a maximum of one year."
    result = _run(nlp, text)
    assert result.cases == []
    assert [m.value.is_convicted for m in result.mentions if m.kind == "offence"] == [False]


def test_term_as_a_share_of_the_maximum_of_the_most_serious_offence(nlp) -> None:
    text = (
        "At Leeds Crown Court, Gary Holt, 52, admitted one count of sexual communication with a child "
        "and was jailed for 18 months."
    )
    case = _case(_run(nlp, text), "Holt")
    assert (case.statutory_maximum, case.term_share_of_maximum) == ("P2Y", 0.75)
