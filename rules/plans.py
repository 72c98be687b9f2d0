"""The choices for the year a student plans, side by side (issue 13): the next academic year,
or this one while the student may still enrol in it on time (`enrolment_year`). Each plan's
outcome as the verdicts a student weighs, computed from the plan's own advice (`Advice.plans`),
for the result page's planner.

Each figure is the rules' own: the learning credit after the plan and whether it is enough to
finish (RULES.md §1.5), the study-efficiency state of the programme (§1.8), the family
allowance's months in that year by basis (§2), the French Community fundability of that year
(§3), and the money at stake in it (`rules.fees`). Every plan looks at the same year, so the
figures that depend only on the year (the tuition table, the allowance amount) are the
comparison's, said once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from .advice import Advice, PlanOutcome
from .calendar import AcademicYear, months_in
from .family_allowance.allowance import Basis, FamilyAllowance, enrolment_year
from .family_allowance.amounts import Amount, amount_or_latest
from .fees import MONTHS_IN_A_YEAR, TuitionTable, YearFees, tuition_table
from .learning_credit.credit import Sufficiency
from .scenario import Enrolment
from .study_efficiency.rule import State, counts

# A month without a basis that a job-seeker period covers: paid only after registering
# (Brussels, Wallonia, the German-speaking Community; RULES.md §2).
AllowanceBasis = Basis | Literal["job-seeker"]


@dataclass(frozen=True)
class Column:
    name: str
    enrolments: tuple[Enrolment, ...]  # what the plan does
    enrolls_next_year: bool
    balance: int | None  # learning credit after the plan; None without a Flemish enrolment
    master_deduction: int  # deducted for a first master's degree the plan obtains (RULES.md §1.3)
    sufficiency: Sufficiency | None
    credits_to_finish: int | None  # still needed after the plan
    study_efficiency: State | None  # None where the rule does not apply
    study_efficiency_approximated: bool  # every credit passed later counted as a first-year one
    refused_enrolment: bool  # the plan enrols in the programme the rule refuses that year
    elsewhere: bool  # the plan enrols that year in another programme than the one missed
    deadline: AcademicYear | None  # the study-efficiency deadline year, if the plan has it
    refused_until: AcademicYear | None
    refusal_confirmed: bool  # the refusal's length is on an official page (RULES.md §1.8)
    allowance: tuple[tuple[AllowanceBasis, int], ...] | None  # next year's months by basis
    fundable: bool | None  # French Community: an enrolment next year is fundable
    diploma_year: bool  # Flanders: the plan's year keeps the allowance as its diploma year
    fees: YearFees | None  # the money at stake next year; None without a Flemish enrolment


@dataclass(frozen=True)
class LostYear:
    value: Decimal
    monthly: Decimal


@dataclass(frozen=True)
class Comparison:
    year: AcademicYear  # the academic year every plan decides (`enrolment_year`)
    columns: tuple[Column, ...]
    allowance_amount: Amount | None  # the lowest monthly amount known for next year
    allowance_verified: bool  # that amount is verified for next year itself
    has_allowance: bool  # the student lives where a Belgian scheme pays
    enrol_by: date | None  # planning this year: the allowance's enrolment deadline for it

    def shows(self, row: str) -> bool:
        """A row is shown where at least one plan has something to say in it."""
        if row == "fundable":
            return any(c.fundable is not None for c in self.columns)
        return any(getattr(c, row) not in (None, ()) for c in self.columns)

    @property
    def short_of_learning_credit(self) -> bool:
        """A plan ends without enough learning credit, or enrols for credits without it
        (RULES.md §1.5: the institution then decides, and may refuse)."""
        return any(
            (c.sufficiency in ("zero-or-below", "below-needed") and not c.master_deduction)
            or (c.fees and c.fees.credits_without_learning_credit)
            for c in self.columns
        )

    @property
    def diploma_year(self) -> bool:
        """A plan's year keeps the family allowance only as a diploma year (RULES.md §2.1:
        its length is not certain)."""
        return any(c.diploma_year for c in self.columns)

    @property
    def not_fundable(self) -> bool:
        """A plan enrols where the French Community would not fund it (RULES.md §3)."""
        return any(c.fundable is False and c.enrolls_next_year for c in self.columns)

    @property
    def study_efficiency_approximated(self) -> bool:
        """A plan's 'passed in time' rests on counting later credits as first-year ones."""
        return any(
            c.study_efficiency == "met" and c.study_efficiency_approximated for c in self.columns
        )

    @property
    def exam_contract_fee_unknown(self) -> bool:
        """A plan enrols next year under a Flemish exam contract, whose fee is not in the
        tuition tables (they hold the diploma and credit contracts' rates only)."""
        return any(
            c.fees is None and e.academic_year == self.year and e.system == "flanders"
            and e.contract == "exam"
            for c in self.columns
            for e in c.enrolments
        )  # fmt: skip

    @property
    def lost_year(self) -> LostYear | None:
        """What twelve months without the allowance cost, at the lowest amount known; not
        said when no plan has an allowance month (past the age limit: nothing to lose)."""
        amount = self.allowance_amount
        if all(c.allowance is not None and {b for b, _ in c.allowance} <= {"none"}
               for c in self.columns):  # fmt: skip
            return None
        return amount and LostYear(amount.value * MONTHS_IN_A_YEAR, amount.value)

    @property
    def tuition_table(self) -> TuitionTable | None:
        """The table the fees are quoted from, when a plan pays tuition next year."""
        if any(c.fees for c in self.columns):
            return tuition_table(self.year)
        return None

    @property
    def extra_fee_per_credit(self) -> Decimal | None:
        """The most per credit without learning credit, when a plan has such credits."""
        fees = [c.fees for c in self.columns if c.fees and c.fees.credits_without_learning_credit]
        return fees[0].extra_fee_per_credit if fees else None


def compare(advice: Advice) -> Comparison:
    year = enrolment_year(advice.scenario)
    fa = advice.results["family_allowance"]
    amount, verified = amount_or_latest(fa.scheme, year.first_day) if fa else (None, False)
    return Comparison(
        year=year,
        columns=tuple(_column(p, year) for p in advice.plans),
        allowance_amount=amount,
        allowance_verified=verified,
        has_allowance=fa is not None,
        enrol_by=fa.what_if.enrolment_deadline
        if fa and year == advice.scenario.current_year
        else None,
    )


def _column(outcome: PlanOutcome, year: AcademicYear) -> Column:
    advice = outcome.advice
    lc = advice.results["learning_credit"]
    se = advice.results["study_efficiency"]
    fa = advice.results["family_allowance"]
    fc = advice.results["progression"]
    planned = next((e for e in outcome.plan.enrolments if e.academic_year == year), None)
    missed = bool(se) and se.current.state == "missed" and planned is not None
    # RULES.md §1.8: the rule counts a Flemish bachelor on a diploma contract; a change of
    # programme starts another one, which the refusal does not close
    same = planned is not None and counts(planned) and not planned.changed_programme
    refused = missed and same and se.current.refused_from <= year <= se.current.refused_until
    return Column(
        name=outcome.plan.name,
        enrolments=outcome.plan.enrolments,
        enrolls_next_year=any(e.academic_year == year for e in outcome.plan.enrolments),
        balance=lc and lc.balance,
        master_deduction=_master_deduction(lc, outcome.plan),
        sufficiency=lc and lc.sufficiency,
        credits_to_finish=lc and lc.credits_to_finish,
        study_efficiency=se and se.current.state,
        study_efficiency_approximated=bool(se) and se.current.approximated,
        refused_enrolment=refused,
        elsewhere=missed and not same,
        deadline=se and (se.current.deadline if se.current.deadline_listed else None),
        refused_until=se and se.current.refused_until,
        refusal_confirmed=bool(se) and se.figures.refusal_confidence == "high",
        allowance=_allowance(fa, year) if fa and fa.birth_known else None,
        fundable=fc and _fundable(fc, year),
        diploma_year=bool(fa)
        and any(y.academic_year == year and y.reason == "diploma-year" for y in fa.years),
        fees=next((y for y in advice.fees.years if y.academic_year == year), None),
    )


def _master_deduction(lc, plan) -> int:
    """What a first master's degree obtained in one of the plan's years deducts, else 0."""
    year = lc and lc.master_year
    planned = {e.academic_year for e in plan.enrolments}
    return year.master_deduction if year and year.academic_year in planned else 0


def _fundable(fc, year: AcademicYear) -> bool | None:
    """The French Community verdict on the plan's enrolment in `year` (a change of programme
    counted: a reorientation); without one, on an enrolment then after the year before."""
    planned = next((y for y in fc.years if y.academic_year == year), None)
    if planned:
        return planned.this_year.fundable
    before = year.previous()
    return next((y for y in fc.years if y.academic_year == before), fc.current).next_year.fundable


def _allowance(fa: FamilyAllowance, year: AcademicYear) -> tuple[tuple[AllowanceBasis, int], ...]:
    """Next year's months by basis, the months without one that a job-seeker period covers
    counted apart."""
    by_basis = dict(fa.months_by_basis(year))
    seeking = sum(
        1
        for period in fa.job_seeker
        for m in months_in(period)
        if m.academic_year == year and fa.basis_of(m) == "none"
    )
    if seeking:
        by_basis["none"] -= seeking
        by_basis["job-seeker"] = seeking
    return tuple((basis, n) for basis, n in by_basis.items() if n)
