"""The Dutch halved tuition fee as a scheme (rules/scheme.py): its topic and its JSON."""

from __future__ import annotations

from .. import scheme
from .halving import TuitionHalving, tuition_halving


class Scheme(scheme.Scheme):
    code = "tuition_halving"
    answer_rank = 3
    summary_rank = 5

    def compute(self, scenario):
        return tuition_halving(scenario)

    def to_json(self, th: TuitionHalving | None) -> dict:
        return {"tuition_halving": json_of(th)}


def json_of(th: TuitionHalving | None) -> dict | None:
    """SCENARIO.md's `tuition_halving`, plus `reason`, the two windows and the fees."""
    if th is None:
        return None

    def window(period, months):
        return period and {"from": str(period.start), "to": str(period.end), "months": months}

    return {
        "eligible": th.eligible,
        "months": len(th.months),
        "periods": [{"from": str(p.start), "to": str(p.end)} for p in th.periods],
        "reason": th.reason,
        "first_window": window(th.first_window, th.first_window_months),
        "second_window": window(th.second_window, th.second_window_months),
        "second_window_reason": th.second_window_reason,
        "fees": [
            {
                "academic_year": str(f.academic_year),
                "statutory_fee": f"{f.statutory:.2f}",
                "halved_fee": f.halved and f"{f.halved:.2f}",
                "valid_from": f.valid_from.isoformat(),
                "confidence": f.confidence,
            }
            for f in th.fees
        ],
    }
