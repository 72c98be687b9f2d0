"""The family allowance as a scheme (rules/scheme.py): its topics and its JSON."""

from __future__ import annotations

from .. import scheme
from .allowance import FamilyAllowance, family_allowance


class Scheme(scheme.Scheme):
    code = "family_allowance"
    summary_rank = 3

    def compute(self, scenario):
        return family_allowance(scenario)

    def topics(self, fa: FamilyAllowance) -> list[str]:
        return ["family_allowance", "family_allowance_after_studies"]

    def sources_key(self, topic: str, fa: FamilyAllowance) -> str:
        """Each region's sources: `family_allowance_<scheme>` in sources.toml."""
        return f"{topic}_{fa.scheme.replace('-', '_')}"

    def to_json(self, fa: FamilyAllowance | None) -> dict:
        return {"family_allowance": json_of(fa)}


def json_of(fa: FamilyAllowance | None) -> dict | None:
    """SCENARIO.md's `family_allowance`, plus the fields listed in allowance.py."""
    if fa is None:
        return None

    def month(m):
        return m and str(m)

    def periods(ps):
        return [{"from": str(p.start), "to": str(p.end), "months": p.months} for p in ps]

    what_if = fa.what_if
    return {
        "scheme": fa.scheme,
        "years": [
            {
                "academic_year": str(y.academic_year),
                "credits": y.credits,
                "student_status": y.student_status,
                "basis": y.basis,
                "reason": y.reason,
                "student_from": month(y.student_period and y.student_period.start),
                "student_to": month(y.student_period and y.student_period.end),
                "monthly_amount": y.amount and f"{y.amount.value:.2f}",
                "amount_valid_from": y.amount and y.amount.valid_from.isoformat(),
            }
            for y in fa.years
        ],
        "school_leaver": periods(fa.school_leaver),
        "job_seeker": [p | {"registration": fa.registration} for p in periods(fa.job_seeker)],
        "end_month": month(fa.end_month),
        "what_if": what_if
        and {
            "academic_year": str(what_if.academic_year),
            "basis": what_if.basis,
            "credits_threshold": what_if.credits_threshold,
            "status_matters": what_if.status_matters,
            "school_leaver_months_left": what_if.school_leaver_months_left,
            "diploma_year_cycles_used": list(what_if.diploma_year_cycles_used),
            "age_until": month(what_if.age_until),
            "right_ends": month(what_if.right_ends),
        },
    }
