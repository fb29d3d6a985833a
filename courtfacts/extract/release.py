"""Estimate time in custody from the release rules of ``patterns/release_rules.json``.

The estimate is a separate field from any time in custody the document
states, always marked as an estimate, with the rule applied and its source.
Rules that depend on the offence (two-thirds release for some sentences of
seven years or more) are applied only when the offence is known, which the
case record does not yet carry, so such cases get the default rule and the
note says so.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from courtfacts.extract.normalise import scale_duration
from courtfacts.models import CustodyEstimate
from courtfacts.patterns import load_lexicon


def estimate_custody(fields: dict[str, Any], ctx: Any) -> CustodyEstimate | None:
    """Apply the first matching release rule to a case's kind and term.

    Args:
        fields: the case fields built so far (``sentence_kind``, ``custodial_term``,
            ``sentence_date``).
        ctx: the document's reading conventions (its jurisdiction).

    Returns:
        The estimate, or None where no rule applies (other jurisdictions, no term).
    """
    table = load_lexicon("release_rules")
    if ctx.jurisdiction not in table["jurisdictions"]:
        return None
    kind, term = fields.get("sentence_kind"), fields.get("custodial_term")
    if not term:
        return None
    for rule in table["rules"]:
        if rule["kind"] != kind or "requires_offence" in rule:
            continue
        fraction = Fraction(rule["fraction"])
        value = "P0D" if fraction == 0 else scale_duration(term, fraction)
        if value is None:
            return None
        return CustodyEstimate(value=value, rule=rule["id"], source=rule["source"])
    return None
