"""The advice as the JSON of SCENARIO.md (schema 1), without the explanation texts."""
from __future__ import annotations

from .advice import Advice
from .learning_credit import LearningCredit
from .parameters import rules_checked_on

SCHEMA = 1


def to_json(advice: Advice) -> dict:
    return {
        "schema": SCHEMA,
        "as_of": advice.scenario.as_of.isoformat(),
        "rules_checked_on": rules_checked_on().isoformat(),
        "learning_credit": _learning_credit(advice.learning_credit),
        "family_allowance": advice.family_allowance,
        "tuition_halving": advice.tuition_halving,
        "progression": advice.progression,
    }


def _learning_credit(lc: LearningCredit | None) -> dict | None:
    if lc is None:
        return None
    return {
        "start": lc.start,
        "years": [{
            "academic_year": str(y.academic_year), "enrolled": y.enrolled,
            "opening": y.opening, "rebuild": y.rebuild, "taken": y.taken,
            "after_enrolment": y.after_enrolment, "returned": y.returned, "bonus": y.bonus,
            "master_deduction": y.master_deduction, "closing": y.closing,
        } for y in lc.years],
        "balance": lc.balance,
        "bonus_remaining": lc.bonus_remaining,
        "rebuild": lc.rebuild and {"trigger": lc.rebuild.trigger,
                                   "from_year": str(lc.rebuild.from_year)},
        "sufficient": lc.sufficient,
        "running_year_outcomes": [{"share": o.share, "earned": o.earned, "closing": o.closing}
                                  for o in lc.running_year_outcomes],
    }
