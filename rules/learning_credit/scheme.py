"""The learning credit as a scheme (rules/scheme.py): its topics and its JSON."""

from __future__ import annotations

from .. import scheme
from .credit import LearningCredit, learning_credit


class Scheme(scheme.Scheme):
    code = "learning_credit"
    answer_rank = 1
    summary_rank = 1
    absent_note = True  # 'no learning credit to lose' for students outside Flemish education

    def compute(self, scenario):
        return learning_credit(scenario)

    def topics(self, lc: LearningCredit) -> list[str]:
        running = ["learning_credit_running_year"] if lc.results_pending else []
        return [
            "learning_credit",
            *running,
            "learning_credit_insufficient",
            "learning_credit_rebuild",
            "credits_vs_learning_credit",
        ]

    def to_json(self, lc: LearningCredit | None) -> dict:
        return {"learning_credit": json_of(lc)}

    def background(self, lc: LearningCredit) -> set[str]:
        """The general difference between credits and learning credit; how the learning
        credit rebuilds, while that is not happening to you (no rebuild, balance at 60 or
        more); and what an insufficient learning credit means, while yours is enough."""
        topics = {"credits_vs_learning_credit"}
        if not lc.rebuild_concerns_you:
            topics.add("learning_credit_rebuild")
        if lc.sufficiency == "enough":
            topics.add("learning_credit_insufficient")
        return topics

    def needs_attention(self, lc: LearningCredit) -> bool:
        """Not enough learning credit to finish: the institution may refuse or charge more."""
        return lc.sufficiency in ("zero-or-below", "below-needed")


def json_of(lc: LearningCredit | None) -> dict | None:
    if lc is None:
        return None
    return {
        "start": lc.start,
        "years": [
            {
                "academic_year": str(y.academic_year),
                "enrolled": y.enrolled,
                "opening": y.opening,
                "rebuild": y.rebuild,
                "taken": y.taken,
                "after_enrolment": y.after_enrolment,
                "returned": y.returned,
                "bonus": y.bonus,
                "master_deduction": y.master_deduction,
                "closing": y.closing,
            }
            for y in lc.years
        ],
        "balance": lc.balance,
        "bonus_remaining": lc.bonus_remaining,
        "rebuild": lc.rebuild
        and {"trigger": lc.rebuild.trigger, "from_year": str(lc.rebuild.from_year)},
        "sufficient": lc.sufficient,
        "running_year_outcomes": [
            {
                "share": o.share,
                "earned": o.earned,
                "closing": o.closing,
                "master_deduction": o.master_deduction,
            }
            for o in lc.running_year_outcomes
        ],
    }
