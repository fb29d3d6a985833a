"""Case records: who got what, appeals, validation and the custody estimate.

Each test is a short text written as real reports and judgments write
them; the assertions are what an analyst relies on in the case record.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from courtfacts.models import CaseRecord
from tests.extract._cases import case_of as _case
from tests.extract._cases import run_text as _run


def test_one_offender_with_every_field(nlp) -> None:
    text = (
        "John Smith, 45, of Leeds, was jailed for four years and eight months at Leeds Crown Court today.\n\n"
        "Smith pleaded guilty to three counts of fraud. He made 12 payments totalling £4,500 "
        "between March 2016 and June 2019. Of this, he will spend two years and four months in prison."
    )
    case = _case(_run(nlp, text), "Smith")
    assert case.offender == "John Smith"
    assert case.age == 45
    assert case.offence_count == 3
    assert (case.sentence_kind, case.custodial_term) == ("custody", "P4Y8M")
    assert (case.payment_count, case.payment_total.amount) == (12, Decimal(4500))
    assert (case.offending_start, case.offending_end) == ("2016-03", "2019-06")
    assert case.sentence_date == "2021-05-14"
    assert case.time_in_custody == "P2Y4M"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            (
                "Kieran Hale, 19, and Luke Morton, 17, were sentenced to minimum terms of 20 years "
                "and 15 years, six months respectively."
            ),
            {"Hale": "P20Y", "Morton": "P15Y6M"},
        ),
        (  # one unit shared by both terms
            "Liam Kerr, 19, and Owen Price, 21, were sentenced to three and four years respectively.",
            {"Kerr": "P3Y", "Price": "P4Y"},
        ),
    ],
)
def test_respectively_pairs_terms_with_names_in_order(nlp, text: str, terms: dict) -> None:
    result = _run(nlp, text)
    for surname, term in terms.items():
        assert _case(result, surname).custodial_term == term


def test_co_defendants_keep_their_own_sentences(nlp) -> None:
    text = (
        "Mark Evans, 34, was jailed for six years. His co-defendant, Paul Grant, 29, "
        "was given 18 months' imprisonment suspended for two years."
    )
    result = _run(nlp, text)
    assert (_case(result, "Evans").sentence_kind, _case(result, "Evans").custodial_term) == (
        "custody",
        "P6Y",
    )
    assert (_case(result, "Grant").sentence_kind, _case(result, "Grant").custodial_term) == (
        "suspended",
        "P1Y6M",
    )


def test_appeal_case_takes_the_substituted_sentence(nlp) -> None:
    text = (
        "REGINA v DANIEL OKORO\n\nThe appellant was sentenced to 5 years' imprisonment. "
        "We quash the sentence of 5 years' imprisonment and substitute a sentence of 3 years' imprisonment."
    )
    case = _case(_run(nlp, text), "Okoro")
    assert case.custodial_term == "P3Y"
    assert case.original_sentence is not None and case.original_sentence.term == "P5Y"


def test_shared_sentence_is_listed_for_each_named_offender(nlp) -> None:
    text = "Amir Khan, 35, and brother Yusuf Khan, 27, were both jailed for five years."
    result = _run(nlp, text)
    sentences = [m for m in result.mentions if m.kind == "sentence"]
    assert sorted(m.offender for m in sentences) == ["Amir Khan", "Yusuf Khan"]
    assert {c.custodial_term for c in result.cases} == {"P5Y"}


def test_every_field_points_to_mentions_that_hold_its_value(nlp) -> None:
    text = "Sarah Cole, 41, admitted four offences and was jailed for 32 months. She made 9 transfers totalling $3,000."
    result = _run(nlp, text)
    case = _case(result, "Cole")
    by_id = {m.id: m for m in result.mentions}
    assert set(case.evidence) >= {
        "sentence_kind",
        "custodial_term",
        "offence_count",
        "payment_count",
    }
    for field, ids in case.evidence.items():
        assert ids and all(i in by_id for i in ids), field
    assert by_id[case.evidence["custodial_term"][0]].value.term == "P2Y8M"
    assert by_id[case.evidence["offence_count"][0]].value == 4


def test_reversed_offending_period_loses_its_end_and_keeps_the_case(nlp) -> None:
    text = (
        "Tom Reed, 50, was jailed for three years for offences committed between July 2019 and March 2016.\n\n"
        "Separately, Ann Price, 44, was jailed for two years."
    )
    result = _run(nlp, text)
    assert [c.offender for c in result.cases] == ["Tom Reed", "Ann Price"]
    reed = result.cases[0]
    assert (reed.custodial_term, reed.offending_start, reed.offending_end) == (
        "P3Y",
        "2019-07",
        None,
    )
    assert "offending_end" not in reed.evidence
    assert [w[:4] for w in reed.warnings] == ["W311"]
    assert not result.errors


def test_england_and_wales_custody_estimate_is_marked_and_sourced(nlp) -> None:
    text = "At Leeds Crown Court, John Smith, 45, was jailed for four years and eight months."
    case = _case(_run(nlp, text), "Smith")
    estimate = case.estimated_time_in_custody
    assert estimate is not None and estimate.is_estimate
    assert (estimate.value, estimate.rule) == ("P2Y4M", "release.sds_half")
    assert "244" in estimate.source


def test_no_estimate_outside_england_and_wales(nlp) -> None:
    text = "Deputy DA Jane Roe said John Smith, 45, was sentenced in Superior Court to 12 years in state prison."
    assert _case(_run(nlp, text), "Smith").estimated_time_in_custody is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"custodial_term": "P-1Y"}, "not an ISO 8601 duration"),
        ({"custodial_term": "P13M"}, "months must be under 12"),
        ({"sentence_date": "2020-13"}, "no month 13"),
        ({"age": -3}, "greater than or equal to 0"),
    ],
)
def test_case_validation_rejects_impossible_values(fields: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        CaseRecord(**fields)


def test_term_over_the_statutory_maximum_of_a_known_offence_is_flagged_not_dropped(nlp) -> None:
    text = (
        "At Leeds Crown Court, Gary Holt, 52, admitted one count of sexual communication with a child "
        "and was jailed for four years.\n\nNeil Shaw, 30, was jailed for six months."
    )
    result = _run(nlp, text)
    assert not result.errors
    assert [c.offender for c in result.cases] == ["Gary Holt", "Neil Shaw"]
    holt = result.cases[0]
    assert holt.custodial_term == "P4Y" and holt.statutory_maximum == "P2Y"
    assert [w[:4] for w in holt.warnings] == ["W310"]
    assert "exceeds the statutory maximum P2Y" in holt.warnings[0]
    assert not result.cases[1].warnings


def test_known_offence_within_its_maximum_is_kept_with_its_maximum(nlp) -> None:
    text = (
        "At Leeds Crown Court, Gary Holt, 52, admitted one count of sexual communication with a child "
        "and was jailed for 18 months."
    )
    case = _case(_run(nlp, text), "Holt")
    assert (case.statutes, case.statutory_maximum, case.custodial_term) == (
        ["soa2003_s15a"],
        "P2Y",
        "P1Y6M",
    )


def test_statutory_maxima_of_england_and_wales_are_not_applied_to_scotland(nlp) -> None:
    text = (
        "At the High Court in Glasgow, Gary Holt, 52, pled guilty to sexual communication with a child "
        "and was jailed for four years."
    )
    case = _case(_run(nlp, text), "Holt")
    assert (case.statutory_maximum, case.custodial_term) == (None, "P4Y")


def test_sri_lankan_maximum_from_the_penal_code_section_convicted(nlp) -> None:
    text = (
        "COURT OF APPEAL OF SRI LANKA. The accused-appellant Ravi Kumar was convicted of attempted "
        "murder punishable under section 300 of the Penal Code. He was sentenced to 10 years "
        "rigorous imprisonment and a fine of Rs. 5,000."
    )
    (case,) = _run(nlp, text).cases
    assert (case.offences, case.statutes, case.statutory_maximum) == (
        ["homicide"],
        ["lk_pc_s300"],
        "P20Y",
    )
    assert case.term_share_of_maximum == 0.5


# Regressions found while reading new kinds of report (session of issue #4).


def test_a_total_across_defendants_is_nobodys_sentence(nlp) -> None:
    text = (
        "Three men have been jailed for a total of 21 years.\n\n"
        "Jordan Hughes, 24, was sentenced to nine years. Kyle Barton, 22, received seven years "
        "and Aaron Moss, 19, was sentenced to five years."
    )
    result = _run(nlp, text)
    terms = {c.offender: c.custodial_term for c in result.cases}
    assert terms == {"Jordan Hughes": "P9Y", "Kyle Barton": "P7Y", "Aaron Moss": "P5Y"}
    assert "P21Y" not in [m.value.term for m in result.mentions if m.kind == "sentence"]


def test_brothers_sharing_a_surname_keep_their_own_terms(nlp) -> None:
    text = (
        "Cristian Ungureanu, 41, was jailed for five years and one month.\n\n"
        "His younger brother, Ilie Ungureanu, 37, who drove the van, was jailed for three years and nine months."
    )
    result = _run(nlp, text)
    assert _case(result, "Ilie Ungureanu").custodial_term == "P3Y9M"
    assert _case(result, "Cristian Ungureanu").custodial_term == "P5Y1M"


def test_relatives_and_attackers_named_after_a_victim_word_are_still_offenders(nlp) -> None:
    text = (
        "The man was attacked by Kieran Hale, 19, outside a pub.\n\n"
        "Hale was jailed for six years. His brother-in-law, Shane Colley, 39, was fined £500."
    )
    result = _run(nlp, text)
    assert _case(result, "Hale").custodial_term == "P6Y"
    assert _case(result, "Colley").sentence_kind == "fine"


def test_things_owned_are_not_people(nlp) -> None:
    text = (
        "Darren Whitworth, 44, set fire to his own Ford Transit on 3 August 2023 "
        "and was given a 12-month community order."
    )
    result = _run(nlp, text)
    assert [c.offender for c in result.cases] == ["Darren Whitworth"]


def test_cents_in_a_rupee_jurisdiction_are_rupee_cents(nlp) -> None:
    text = (
        "IN THE COURT OF APPEAL OF THE DEMOCRATIC SOCIALIST REPUBLIC OF SRI LANKA\n\n"
        "The loss to the complainant was assessed at 26 cents."
    )
    money = [m.value for m in _run(nlp, text).mentions if m.kind == "money"]
    assert [(m.amount, m.currency) for m in money] == [(Decimal("0.26"), "LKR")]


@pytest.mark.parametrize(
    ("text", "offender"),
    [
        ("The court sentenced Juan dela Cruz, 34, to 12 years in prison.", "Juan dela Cruz"),
        ("Pieter van der Merwe, 51, was jailed for eight years.", "Pieter van der Merwe"),
        ("Carlos de la Rosa, 40, was sentenced to 20 years in prison.", "Carlos de la Rosa"),
        ("Muhammad Faiz bin Ismail, 29, was jailed for three years.", "Muhammad Faiz bin Ismail"),
        ("Sean O'Brien, 22, was jailed for two years.", "Sean O'Brien"),
    ],
)
def test_names_with_particles_are_whole(nlp, text: str, offender: str) -> None:
    assert [c.offender for c in _run(nlp, text).cases] == [offender]


def test_a_particle_word_alone_does_not_join_a_name(nlp) -> None:
    text = "Liam Walsh, 30, was jailed for four years and the van was seized by police."
    assert [c.offender for c in _run(nlp, text).cases] == ["Liam Walsh"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Jack Reed, 27, stabbed a man. Reed was jailed for nine years on 12 January 2024.",
            "2024-01-12",
        ),
        ("Jack Reed, 27, was sentenced on Friday 12 January 2024 to nine years.", "2024-01-12"),
        ("Jack Reed, 27, was jailed for nine years for a stabbing on 5 May 2022.", None),
        ("Jack Reed, 27, was given bail on 3 March 2022. He was jailed for nine years.", None),
        ("Jack Reed, 27, was jailed for nine years on 12 January 2025.", None),  # after the report
    ],
)
def test_sentence_date_is_the_day_named_with_on_after_the_sentencing_verb(
    nlp, text: str, day: str | None
) -> None:
    case = _case(_run(nlp, text, date="2024-03-01"), "Reed")
    assert case.sentence_date == day
    if day:
        assert case.evidence["sentence_date"], "the day points back to its mention"


def test_a_gang_s_stated_span_beats_one_member_s_single_incident(nlp) -> None:
    text = (
        "The gang carried out raids on warehouses between March 2016 and June 2019.\n\n"
        "Tom Reed, 30, who drove the van on a raid on 4 May 2017, was jailed for four years.\n\n"
        "Ann Moss, 28, was jailed for three years."
    )
    result = _run(nlp, text)
    periods = {c.offender: (c.offending_start, c.offending_end) for c in result.cases}
    assert periods == {"Tom Reed": ("2016-03", "2019-06"), "Ann Moss": ("2016-03", "2019-06")}


def test_a_listing_of_opinions_gives_each_caption_its_own_case(nlp) -> None:
    text = (
        "Decisions of the last 30 days.\n\n"
        "MORRIS v. STATE\n\n"
        "Appellant Dale Morris was convicted of robbery and sentenced to twelve years imprisonment. "
        "We affirm.\n\n"
        "KEANE v. STATE\n\n"
        "Appellant, Ruth Keane, pled guilty to burglary and was sentenced to four years imprisonment, "
        "suspended. The appellant appeals.\n"
    )
    cases = {c.offender: (c.sentence_kind, c.custodial_term) for c in _run(nlp, text).cases}
    assert cases == {"Dale Morris": ("custody", "P12Y"), "Ruth Keane": ("suspended", "P4Y")}
