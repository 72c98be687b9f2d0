"""The French Community progression as a scheme (rules/scheme.py): its topic and its JSON."""

from __future__ import annotations

from .. import scheme
from .fundability import Progression, progression


class Scheme(scheme.Scheme):
    code = "progression"
    answer_rank = 2
    summary_rank = 4

    def compute(self, scenario):
        return progression(scenario)

    def to_json(self, pr: Progression | None) -> dict:
        return {"progression": json_of(pr)}


def json_of(pr: Progression | None) -> list[dict] | None:
    """SCENARIO.md's `progression`, plus the fields listed in fundability.py."""
    if pr is None:
        return None
    return [
        {
            "academic_year": str(y.academic_year),
            "programme": y.programme,
            "results_known": y.results_known,
            "credits_earned_total": y.credits_earned_total,
            "block1_credits": y.block1_credits,
            "block1_approximated": y.block1_approximated,
            "may_leave_block1": y.may_leave_block1,
            "band": y.band,
            "enrolments_counted": y.enrolments_counted,
            "fundable": y.this_year.fundable,
            "fundable_reason": y.this_year.reason,
            "fundable_next_year": y.next_year.fundable,
            "fundable_next_year_reason": y.next_year.reason,
            "fundable_next_year_if_reoriented": y.next_year.if_reoriented,
            "fundable_next_year_whatever_results": y.next_year.whatever_results,
            "rules_unconfirmed": y.rules_unconfirmed,
        }
        for y in pr.years
    ]
