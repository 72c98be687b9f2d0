"""The study-efficiency rule as a scheme (rules/scheme.py): its topic and its JSON, which goes
inside the learning credit's (SCENARIO.md v2 `learning_credit.study_efficiency`)."""

from __future__ import annotations

from .. import scheme
from .rule import Programme, StudyEfficiency, study_efficiency


class Scheme(scheme.Scheme):
    code = "study_efficiency"
    summary_rank = 2
    json_parent = "learning_credit"

    def compute(self, scenario):
        return study_efficiency(scenario)

    def to_json(self, se: StudyEfficiency | None) -> dict:
        return {
            "study_efficiency": se and programme_json(se.current),
            "study_efficiency_earlier": [programme_json(p) for p in se.earlier] if se else [],
        }

    def needs_attention(self, se: StudyEfficiency) -> bool:
        return se.needs_attention


def programme_json(p: Programme) -> dict:
    """SCENARIO.md's `learning_credit.study_efficiency`, plus the fields listed in
    rules/study_efficiency.py."""

    def year(y):
        return y and str(y)

    return {
        "programme_start": str(p.programme_start),
        "credits_to_pass": p.credits_to_pass,
        "credits_passed": p.credits_passed,
        "deadline": str(p.deadline),
        "met": p.met,
        "refused_until": year(p.refused_until),
        "state": p.state,
        "refused_from": year(p.refused_from),
        "deadline_listed": p.deadline_listed,
        "approximated": p.approximated,
    }
