"""Family allowance while studying: Groeipakket and the other Belgian schemes (RULES.md §2).

The scheme follows where the child lives. Month by month, from the September of the first
enrolment to the month of the 25th birthday, each month gets a basis: `under-18` (the
unconditional right), `until-21` (Wallonia, born from 2001), `student` (the higher-education study
condition is met), `school-leaver` (Flanders: the 12 school-leaver months) or `none`. An academic
year's basis is the one that covers most of its months (on a tie, the later one).

Output (`family_allowance` in the advise JSON; SCENARIO.md's fields plus these extra ones):

- `scheme`: `groeipakket`, `brussels`, `wallonia`, `german-community`.
- `years[]`: `academic_year`, `credits`, `student_status` (null before the regional rules, 2019),
  `basis` (null without `birth_month`) and, extra:
  `reason` — why the status is what it is: `credits` (enough credits), `below-minimum`,
  `diploma-year` (Flanders: the once-per-cycle exception), `diploma-year-used` (that cycle's
  exception was used before), `thesis-year` (Brussels/Wallonia: last year under 27 with the
  degree), `enrolled` (German-speaking Community: any enrolment), `late-enrolment`
  (Brussels/Wallonia: first enrolment after 30 November), `no-rules` (before 2019);
  `student_from` / `student_to` — the months the student status covers (`YYYY-MM`, or null);
  `monthly_amount` — the lowest official monthly amount known for that year (a string, euros),
  null when no verified figure covers the year; `amount_valid_from` — its date.
- `school_leaver`: Flanders: `[{"from": "YYYY-MM", "to": "YYYY-MM", "months": n}]`, the
  school-leaver months (12 in all, paused while studying), assuming no further enrolment after
  the last one given and none of the 12 used before it. `[]` elsewhere.
- `job_seeker`: Brussels, Wallonia, German-speaking Community: periods after (or between)
  studies during which the allowance continues ONLY if the young person registers as a job
  seeker (`registration`: `actiris`, `forem`, `adg`); each at most 12 months. `[]` in Flanders.
- `end_month`: the last month a conditional right can run (the month of the 25th birthday).
- `what_if`: for the next academic year: `academic_year`, `credits_threshold` (credits at which
  the status changes; null where any enrolment counts), `status_matters` (false when age alone
  gives the right; null without `birth_month`), `school_leaver_months_left` (Flanders),
  `diploma_year_cycles_used`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from .. import parameters
from ..calendar import AcademicYear, Month, Period, months_in, runs
from ..scenario import Enrolment, Scenario
from .ages import (
    SCHEMES,
    _folder,
    _majority,
    _p,
    _p_or_none,
    end_month,
    unconditional_until,
    until_21,
)
from .amounts import Amount, amount_on, latest_amount

JOB_SEEKER_OFFICE = {"brussels": "actiris", "wallonia": "forem", "german-community": "adg"}
# Flanders' diploma-year exception: once per cycle; the programmes that belong to a cycle.
DIPLOMA_CYCLES = {
    "graduaat": "graduaat",
    "associate-degree": "graduaat",
    "bachelor": "bachelor",
    "master": "master",
}
# Brussels/Wallonia: a last year with a report or thesis (TFE).
THESIS_PROGRAMMES = frozenset(
    {
        "bachelor",
        "master",
        "advanced-bachelor",
        "advanced-master",
        "graduaat",
        "associate-degree",
        "teacher-training-short",
    }
)


@dataclass(frozen=True)
class Year:
    academic_year: AcademicYear
    credits: int
    student_status: bool | None
    reason: str
    basis: str | None
    student_period: Period | None
    amount: Amount | None
    running: bool  # the advice's academic year: the page speaks of it in the present


WhatIfBasis = Literal["age", "credits", "none"]


@dataclass(frozen=True)
class WhatIf:
    academic_year: AcademicYear
    basis: WhatIfBasis | None  # None without birth_month
    credits_threshold: int | None
    status_matters: bool | None
    school_leaver: Period | None  # Flanders: the months available from that September
    school_leaver_months_left: int | None  # Flanders: unused school-leaver months then
    diploma_year_cycles_used: tuple[str, ...]
    amount: Amount | None
    enrolment_deadline: date  # enrol by this day for the whole year to count


@dataclass(frozen=True)
class Figures:
    """The dated thresholds the explanation quotes, as they apply on the advice's day."""

    min_credits: int | None
    enrolment_deadline: str  # MM-DD
    unconditional_age: int
    age_limit: int
    school_leaver_months: int | None
    job_seeker_days: int | None
    semi_automatic_age: int | None
    semi_automatic_born_from: date | None
    thesis_deadline: str | None
    work_hours: int | None  # Flanders: per month (other contracts); else per quarter
    student_contract_hours: int | None  # Flanders: a calendar year under a student contract
    student_contract_hours_confidence: str | None
    student_contract_hours_earlier: tuple[int, ...]  # what older official pages still say
    student_contract_hours_from: date | None
    work_unlimited_months: tuple[int, int] | None  # Brussels: no quarterly limit these months


@dataclass(frozen=True)
class FamilyAllowance:
    scheme: str
    region: str
    years: tuple[Year, ...]
    school_leaver: tuple[Period, ...]
    job_seeker: tuple[Period, ...]
    registration: str | None  # the job-seeker office
    birth_known: bool
    unconditional_until: Month | None
    until_21: Month | None  # Wallonia, born from 2001
    end_month: Month | None
    what_if: WhatIf | None
    latest_amount: Amount | None  # the last verified figure, whatever its date
    figures: Figures
    not_judged: tuple[AcademicYear, ...]  # years before the regional rules (2019)
    unconditional_over: bool  # the unconditional right ended before the advice's month
    until_21_over: bool  # Wallonia: the semi-automatic right ended before the advice's month
    right_over: bool  # past the month of the 25th birthday: no right at all any more
    today: Month  # the advice's month
    basis_today: str | None  # the basis of the right in that month (None without birth_month)

    @property
    def current(self) -> Year | None:
        return self.years[-1] if self.years else None

    @property
    def had_diploma_year(self) -> bool:
        """Flanders: a year counted through the diploma-year exception."""
        return any(y.reason == "diploma-year" for y in self.years)


# --- the study condition, one academic year ---------------------------------------------------


def _deadline_month(region: str, year: AcademicYear) -> Month:
    return Month.of(year.day(_p(region, "enrolment_deadline", year.first_day)))


@cache
def rules_cover(region: str, year: AcademicYear) -> bool:
    """Do the regional rules (from 2019) judge this academic year? Earlier years fell under the
    federal rules of the time, which the advisor does not apply: they are not judged."""
    return parameters.in_force(
        f"family_allowance.{_folder(region)}.enrolment_deadline", on=year.first_day
    )


def study_condition(
    region: str, year: AcademicYear, enrolments: list[Enrolment], cycles_used: set[str]
) -> tuple[bool | None, str, Period | None]:
    """Whether the year meets the region's study condition, why, and which months it covers.
    `cycles_used` (Flanders) is updated when the diploma-year exception is used. The diploma
    year and the thesis year are the year of enrolment for the programme's last credits, known
    before its results (`final_year`), or the year the degree was obtained."""
    on = year.first_day
    if not rules_cover(region, year):
        return None, "no-rules", None
    deadline = _deadline_month(region, year)
    credits = sum(e.credits_taken for e in enrolments)
    first = min(e.first_month for e in enrolments)
    last = max(e.last_month for e in enrolments)
    on_time = first <= deadline
    start = year.first_month if on_time else first
    whole = Period(start, last)

    if region == "german-community":
        return True, "enrolled", whole
    if region in ("brussels", "wallonia") and not on_time:
        return False, "late-enrolment", None
    if credits >= _p(region, "min_credits", on):
        return True, "credits", whole
    if region == "flanders":
        cycles = {
            DIPLOMA_CYCLES[e.programme]
            for e in enrolments
            if e.last_of_programme and e.programme in DIPLOMA_CYCLES
        }
        unused = sorted(cycles - cycles_used)
        if unused:
            cycles_used.add(unused[0])
            return True, "diploma-year", whole
        if cycles:
            return False, "diploma-year-used", None
        return False, "below-minimum", None
    if any(e.last_of_programme and e.programme in THESIS_PROGRAMMES for e in enrolments):
        # paid until the month the work is handed in: at the latest the first-session deadline
        handed_in = Month.of(year.day(_thesis_deadline(region, on)))
        return True, "thesis-year", Period(start, min(last, handed_in))
    return False, "below-minimum", None


def _thesis_deadline(region: str, on: date) -> str:
    # Wallonia has no file of its own: the Brussels deadline is the documented one (RULES §2.2),
    # and the Walloon end date is marked medium in RULES §2.3.
    return parameters.get("family_allowance.brussels.thesis_deadline", on=on)


# --- the months -------------------------------------------------------------------------------


def family_allowance(scenario: Scenario) -> FamilyAllowance | None:
    region = scenario.residence
    if region not in SCHEMES:
        return None
    on = scenario.as_of
    birth = scenario.birth_month
    uncond = unconditional_until(region, birth, on) if birth else None
    semi = until_21(region, birth, on) if birth else None
    last_right = end_month(region, birth, on) if birth else None

    by_year: dict[AcademicYear, list[Enrolment]] = {}
    for e in scenario.enrolments:
        by_year.setdefault(e.academic_year, []).append(e)

    cycles_used: set[str] = set()
    conditions = {}
    student: set[Month] = set()
    for year in sorted(by_year):
        status, reason, period = study_condition(region, year, by_year[year], cycles_used)
        conditions[year] = (status, reason, period)
        if period:
            student.update(months_in(period))
    _add_holiday_grace(region, by_year, conditions, student)

    first_year = min(by_year) if by_year else scenario.current_year
    last_year = max(max(by_year) if by_year else first_year, scenario.current_year)
    timeline_end = last_right or last_year.next().last_month.plus(1)
    months = months_in(Period(first_year.first_month, max(timeline_end, first_year.first_month)))

    def judged(m: Month) -> bool:
        return rules_cover(region, m.academic_year)

    def conditional(m: Month) -> bool:
        if not judged(m):
            return False
        if birth is None:
            return True
        return max(uncond, semi or uncond) < m <= last_right

    leaver_months: set[Month] = set()
    bank_before: dict[Month, int] = {}
    if region == "flanders":
        bank = _p(region, "school_leaver_months", on)
        for m in months:
            bank_before[m] = bank
            if conditional(m) and m not in student and bank > 0:
                leaver_months.add(m)
                bank -= 1
    job_seeker = (
        () if region == "flanders" else _job_seeker(region, months, student, conditional, on)
    )

    def basis(m: Month) -> str | None:
        if not judged(m):
            return None
        if m > last_right:
            return "none"
        if m <= uncond:
            return "under-18"
        if semi and m <= semi:
            return "until-21"
        if m in student:
            return "student"
        return "school-leaver" if m in leaver_months else "none"

    years = []
    for year in sorted(by_year):
        status, reason, period = conditions[year]
        counts = (
            Counter(basis(m) for m in months_in(Period(year.first_month, year.last_month)))
            if birth and status is not None
            else Counter()
        )
        years.append(
            Year(
                academic_year=year,
                credits=sum(e.credits_taken for e in by_year[year]),
                student_status=status,
                reason=reason,
                basis=_majority(counts, year),
                student_period=period,
                amount=amount_on(SCHEMES[region], year.first_day),
                running=year == scenario.current_year,
            )
        )

    today = Month.of(on)
    what_if = _what_if(
        region,
        what_if_year(scenario, region, by_year),
        birth and basis,
        birth,
        bank_before,
        last_right,
        tuple(sorted(cycles_used)),
    )
    return FamilyAllowance(
        scheme=SCHEMES[region],
        region=region,
        years=tuple(years),
        school_leaver=tuple(runs(sorted(leaver_months))),
        job_seeker=job_seeker,
        registration=JOB_SEEKER_OFFICE.get(region),
        birth_known=birth is not None,
        unconditional_until=uncond,
        until_21=semi,
        end_month=last_right,
        what_if=what_if,
        latest_amount=latest_amount(SCHEMES[region]),
        figures=figures(region, on),
        not_judged=tuple(y for y in sorted(by_year) if conditions[y][0] is None),
        unconditional_over=bool(uncond and uncond < today),
        until_21_over=bool(semi and semi < today),
        right_over=bool(last_right and last_right < today),
        today=today,
        basis_today=basis(today) if birth else None,
    )


def _add_holiday_grace(region, by_year, conditions, student: set[Month]):
    """After a year covered up to August, the following September stays covered when no new
    enrolment follows (Flanders: 'until 30 September at the latest'; the school-leaver months
    start on 1 October)."""
    if region != "flanders":
        return
    for year, (_, _, period) in conditions.items():
        if period and period.end == year.last_month and year.next() not in by_year:
            student.add(year.next().first_month)


def _job_seeker(region, months, student, conditional, on) -> tuple[Period, ...]:
    """Brussels/Wallonia/German-speaking Community: one window of at most 12 months per stretch
    of conditional months without student status (only if registered as a job seeker)."""
    if region == "german-community":
        length = _p(region, "after_studies_months", on)
    else:
        length = _p(region, "job_seeker_days", on) // 30
    periods = []
    for run in runs([m for m in months if conditional(m) and m not in student]):
        start = run.start
        before = start.plus(-1)
        if region != "german-community" and before.month == 8 and before in student:
            start = before  # 'le 1er août après une année académique complète'
        periods.append(Period(start, min(run.end, start.plus(length - 1))))
    return tuple(periods)


def what_if_year(scenario: Scenario, region: str, by_year) -> AcademicYear:
    """The next academic year the student can still enrol in on time: this one while its
    enrolment deadline has not passed and it has no enrolment yet, else the next one."""
    year = scenario.current_year
    deadline = year.day(_p(region, "enrolment_deadline", scenario.as_of))  # covered: as_of
    return year if year not in by_year and scenario.as_of <= deadline else year.next()


def _what_if(region, year, basis, birth, bank_before, last_right, cycles_used) -> WhatIf:
    """Next year's right: `none` past the age limit (no right at all, whatever the credits),
    `age` while the unconditional (or Walloon semi-automatic) right covers its first month,
    else `credits`: the study condition decides."""
    on = year.first_day
    threshold = None if region == "german-community" else _p_or_none(region, "min_credits", on)
    what_basis = None
    if basis:
        if year.first_month > last_right:
            what_basis = "none"
        elif basis(year.first_month) in ("under-18", "until-21"):
            what_basis = "age"
        else:
            what_basis = "credits"
    leaver, left = None, None
    if region == "flanders" and what_basis != "none":
        left = bank_before.get(year.first_month, 0)
        if left:
            end = year.first_month.plus(left - 1)
            leaver = Period(year.first_month, min(end, last_right) if last_right else end)
    return WhatIf(
        academic_year=year,
        basis=what_basis,
        credits_threshold=threshold,
        status_matters=None if what_basis is None else what_basis == "credits",
        school_leaver=leaver,
        school_leaver_months_left=left,
        diploma_year_cycles_used=cycles_used,
        amount=amount_on(SCHEMES[region], on),
        enrolment_deadline=year.day(_p(region, "enrolment_deadline", on)),
    )


def figures(region: str, on: date) -> Figures:
    flemish = region == "flanders"
    student_hours = (
        parameters.parameter("family_allowance.groeipakket.student_contract_hours_year")
        if flemish
        else None
    )
    unlimited = _p(region, "work_unlimited_months", on) if region == "brussels" else None
    return Figures(
        min_credits=_p_or_none(region, "min_credits", on)
        if region != "german-community"
        else None,
        enrolment_deadline=_p(region, "enrolment_deadline", on),
        unconditional_age=_p(region, "unconditional_age", on),
        age_limit=_p(region, "age_limit", on),
        school_leaver_months=_p(region, "school_leaver_months", on) if flemish else None,
        job_seeker_days=_p(region, "job_seeker_days", on)
        if region in ("brussels", "wallonia")
        else None,
        semi_automatic_age=_p(region, "semi_automatic_age", on) if region == "wallonia" else None,
        semi_automatic_born_from=_p(region, "semi_automatic_born_from", on)
        if region == "wallonia"
        else None,
        thesis_deadline=_thesis_deadline(region, on)
        if region in ("brussels", "wallonia")
        else None,
        work_hours=_p(region, "work_hours_other_contract_month", on)
        if flemish
        else _p_or_none(region, "work_hours_quarter", on),
        student_contract_hours=student_hours.period_on(on).value if student_hours else None,
        student_contract_hours_confidence=student_hours.confidence_on(on)
        if student_hours
        else None,
        student_contract_hours_earlier=tuple(
            p.value
            for p in reversed(student_hours.periods)
            if p.valid_from < student_hours.period_on(on).valid_from
        )
        if student_hours
        else (),
        student_contract_hours_from=student_hours.period_on(on).valid_from
        if student_hours
        else None,
        work_unlimited_months=(unlimited["first"], unlimited["last"]) if unlimited else None,
    )
