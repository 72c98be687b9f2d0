"""The advice as the JSON of SCENARIO.md (schema 2), without the texts (`summary`,
`explanation`), which the site's templates write."""

from __future__ import annotations

from .advice import Advice
from .family_allowance import FamilyAllowance
from .learning_credit import LearningCredit
from .parameters import rules_checked_on
from .progression import Progression
from .study_efficiency import Programme, StudyEfficiency
from .tuition_nl import TuitionHalving

SCHEMA = 2


def to_json(advice: Advice) -> dict:
    return {
        "schema": SCHEMA,
        "as_of": advice.scenario.as_of.isoformat(),
        "rules_checked_on": rules_checked_on().isoformat(),
        "learning_credit": _learning_credit(advice.learning_credit, advice.study_efficiency),
        "family_allowance": _family_allowance(advice.family_allowance),
        "tuition_halving": _tuition_halving(advice.tuition_halving),
        "progression": _progression(advice.progression),
    }


def _progression(pr: Progression | None) -> list[dict] | None:
    """SCENARIO.md's `progression`, plus the fields listed in rules/progression.py."""
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
            "rules_unconfirmed": y.rules_unconfirmed,
        }
        for y in pr.years
    ]


def _study_efficiency(p: Programme) -> dict:
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


def _learning_credit(lc: LearningCredit | None, se: StudyEfficiency | None) -> dict | None:
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
            {"share": o.share, "earned": o.earned, "closing": o.closing}
            for o in lc.running_year_outcomes
        ],
        "study_efficiency": se and _study_efficiency(se.current),
        "study_efficiency_earlier": [_study_efficiency(p) for p in se.earlier] if se else [],
    }


def _family_allowance(fa: FamilyAllowance | None) -> dict | None:
    """SCENARIO.md's `family_allowance`, plus the fields listed in rules/family_allowance.py."""
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
        },
    }


def _tuition_halving(th: TuitionHalving | None) -> dict | None:
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
