"""Family allowance while studying: Groeipakket and the other Belgian schemes (RULES.md §2).

The scheme follows where the child lives. Month by month, from the September of the first
enrolment to the month of the 25th birthday, each month gets a basis: `under-18` (the
unconditional right), `until-21` (Wallonia, born from 2001), `student` (the higher-education study
condition is met), `school-leaver` (Flanders: the 12 school-leaver months) or `none`. An academic
year's basis is the one that covers most of its months (on a tie, the later one).

What each region decides in its own way is in `regions.py`.

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
  `diploma_year_cycles_used`, and, extra, `age_until` (`YYYY-MM`: the age right ends within
  that year, the study condition decides after it) and `right_ends` (`YYYY-MM`: the age limit
  ends the right within that year).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from .. import parameters
from ..calendar import AcademicYear, Month, Period, months_in, runs, years_between
from ..scenario import Enrolment, Scenario
from .amounts import Amount, amount_on, latest_amount
from .regions import REGIONS, Reason, Region

Basis = Literal["under-18", "until-21", "student", "school-leaver", "none"]
WhatIfBasis = Literal["age", "credits", "none"]


@dataclass(frozen=True)
class Year:
    academic_year: AcademicYear
    credits: int
    student_status: bool | None
    reason: Reason
    basis: Basis | None
    student_period: Period | None
    amount: Amount | None
    running: bool  # the advice's academic year: the page speaks of it in the present
    right_ends: Month | None  # the age limit ends the right in this year: its last month


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
    age_until: Month | None  # the age right ends in that year, the study condition after it
    right_ends: Month | None  # the age limit ends the right in that year: its last month


@dataclass(frozen=True)
class Figures:
    """The dated figures the explanation quotes, as they apply on the advice's day; None where
    the region has no such figure."""

    min_credits: int | None
    enrolment_deadline: str  # MM-DD
    unconditional_age: int
    unconditional_until: str | None  # MM-DD: the end of the unconditional right's last year
    age_limit: int
    school_leaver_months: int | None
    school_leaver_start: str | None  # MM-DD after a last year of higher education
    job_seeker_days: int | None
    job_seeker_months: int  # the job-seeker period, in months
    job_seeker_start: str | None  # MM-DD: its start after a complete academic year
    semi_automatic_age: int | None
    semi_automatic_born_from: date | None
    thesis_deadline: str | None
    work_hours: int | None  # Flanders: per month (other contracts); else per quarter
    student_contract_hours: int | None  # Flanders: a calendar year under a student contract
    student_contract_hours_confidence: str | None
    student_contract_hours_earlier: tuple[int, ...]  # what older official pages still say
    student_contract_hours_from: date | None
    work_unlimited_months: tuple[int, int] | None  # Brussels: no quarterly limit these months
    rules_from: date  # the regional rules' first day (2019)


@dataclass(frozen=True)
class FamilyAllowance:
    region: Region
    years: tuple[Year, ...]
    school_leaver: tuple[Period, ...]
    job_seeker: tuple[Period, ...]
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
    basis_today: Basis | None  # the basis of the right in that month (None without birth)
    top_up_by: date | None  # the running year is under the minimum: reach it by this day
    basis_of: Callable[[Month], Basis | None] = field(default=None, compare=False, repr=False)

    def months_by_basis(self, year: AcademicYear) -> tuple[tuple[Basis, int], ...]:
        """How many of the year's months each basis covers, in the order they come (empty
        without a birth month or where the regional rules do not judge the year)."""
        if not self.birth_known:
            return ()
        counts = Counter(
            self.basis_of(m) for m in months_in(Period(year.first_month, year.last_month))
        )
        return tuple((b, n) for b, n in counts.items() if b is not None)

    @property
    def scheme(self) -> str:
        return self.region.scheme

    @property
    def template(self) -> str:
        """The region's own sentences."""
        return self.region.template

    @property
    def registration(self) -> str | None:
        return self.region.job_seeker_office

    @property
    def current(self) -> Year | None:
        return self.years[-1] if self.years else None

    @property
    def age_right_ends(self) -> Month | None:
        """The age right (unconditional, Walloon semi-automatic) ends within the advice's
        academic year, after the advice's month: its last month."""
        last = max((m for m in (self.unconditional_until, self.until_21) if m), default=None)
        year = self.today.academic_year
        return last if last and self.today <= last < year.last_month else None

    @property
    def job_seeker_now(self) -> bool:
        """Brussels, Wallonia, German-speaking Community: a job-seeker period covers the
        advice's month (the allowance goes on only after registering)."""
        return any(p.start <= self.today <= p.end for p in self.job_seeker)

    @property
    def had_diploma_year(self) -> bool:
        """Flanders: a year counted through the diploma-year exception."""
        return any(y.reason == "diploma-year" for y in self.years)


# --- the months -------------------------------------------------------------------------------


def family_allowance(scenario: Scenario) -> FamilyAllowance | None:
    """The right month by month under the scheme of the region where the student lives; each
    region's class (regions.py) names the decree and official pages it implements."""
    region = REGIONS.get(scenario.residence)
    if region is None:
        return None
    on = scenario.as_of
    birth = scenario.birth_month
    uncond = region.unconditional_until(birth, on) if birth else None
    semi = region.until_21(birth, on) if birth else None
    last_right = region.end_month(birth, on) if birth else None

    by_year: dict[AcademicYear, list[Enrolment]] = {}
    for e in scenario.enrolments:
        by_year.setdefault(e.academic_year, []).append(e)

    cycles_used: set[str] = set()
    conditions = {}
    student: set[Month] = set()
    for year in sorted(by_year):
        status, reason, period = region.study_condition(year, by_year[year], cycles_used)
        conditions[year] = (status, reason, period)
        if period:
            student.update(months_in(period))
    if region.holiday_grace():
        _add_holiday_grace(by_year, conditions, student)

    first_year = min(by_year) if by_year else scenario.current_year
    last_year = max(max(by_year) if by_year else first_year, scenario.current_year)
    timeline_end = last_right or last_year.next().last_month.plus(1)
    months = months_in(Period(first_year.first_month, max(timeline_end, first_year.first_month)))

    # the timeline's months in the years the regional rules judge (it starts in a September)
    judged = {
        m
        for k, year in enumerate(years_between(first_year, months[-1].academic_year))
        if region.rules_cover(year)
        for m in months[12 * k : 12 * k + 12]
    }
    # the months a right needs a basis other than age (all judged ones without a birth month)
    conditional = (
        {m for m in judged if max(uncond, semi or uncond) < m <= last_right} if birth else judged
    )

    leaver_months: set[Month] = set()
    bank_before: dict[Month, int] = {}
    if region.school_leaver_months:
        bank = region.p("school_leaver_months", on)
        for m in months:
            bank_before[m] = bank
            if bank > 0 and m in conditional and m not in student:
                leaver_months.add(m)
                bank -= 1
    job_seeker = _job_seeker(region, months, student, conditional, on)

    def basis(m: Month) -> Basis | None:
        if not (m in judged or region.rules_cover(m.academic_year)):
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
                basis=_majority(counts),
                student_period=period,
                amount=amount_on(region.scheme, year.first_day),
                running=year == scenario.current_year,
                right_ends=_ends_in(last_right, year) if birth else None,
            )
        )

    today = Month.of(on)
    age_end = birth and max(uncond, semi or uncond)  # the age right's last month
    what_if = _what_if(
        region,
        enrolment_year(scenario, region),
        birth and basis,
        bank_before,
        last_right,
        tuple(sorted(cycles_used)),
        age_end,
        today,
    )
    return FamilyAllowance(
        region=region,
        years=tuple(years),
        school_leaver=tuple(runs(sorted(leaver_months))),
        job_seeker=job_seeker,
        birth_known=birth is not None,
        unconditional_until=uncond,
        until_21=semi,
        end_month=last_right,
        what_if=what_if,
        latest_amount=latest_amount(region.scheme),
        figures=figures(region, on),
        not_judged=tuple(y for y in sorted(by_year) if conditions[y][0] is None),
        unconditional_over=bool(uncond and uncond < today),
        until_21_over=bool(semi and semi < today),
        right_over=bool(last_right and last_right < today),
        today=today,
        basis_today=basis(today) if birth else None,
        top_up_by=_top_up_by(region, scenario, years, age_end, last_right),
        basis_of=basis,
    )


def _top_up_by(region: Region, scenario: Scenario, years: list[Year], age_end, last_right):
    """The running year has fewer credits than the minimum while its enrolment deadline has
    not passed: enrolling for more by then makes it a student year (RULES.md §2.1-2.3: 27
    credits enrolled by 30 November count for the whole year). None where the credits would
    change no month of it: age gives each one, or the age limit is past."""
    year = scenario.current_year
    current = next((y for y in years if y.academic_year == year), None)
    if not current or current.reason != "below-minimum":
        return None
    deadline = year.day(region.p("enrolment_deadline", scenario.as_of))
    if scenario.as_of > deadline:
        return None
    months = months_in(Period(year.first_month, year.last_month))
    if age_end and all(m <= age_end or m > last_right for m in months):
        return None
    return deadline


def _majority(counts: Counter) -> Basis | None:
    """The basis that covers most of the year's months; on a tie, the later one (a Counter
    keeps first-seen order, so the last tied basis started later)."""
    if not counts:
        return None
    top = max(counts.values())
    return [b for b, n in counts.items() if n == top][-1]


def _add_holiday_grace(by_year, conditions, student: set[Month]):
    """After a year covered up to August, the following September stays covered when no new
    enrolment follows (the school-leaver months start on 1 October)."""
    for year, (_, _, period) in conditions.items():
        if period and period.end == year.last_month and year.next() not in by_year:
            student.add(year.next().first_month)


def _job_seeker(
    region: Region, months, student, conditional: set[Month], on
) -> tuple[Period, ...]:
    """One window per stretch of conditional months without student status, during which the
    allowance continues only after registering as a job seeker."""
    length = region.job_seeker_months(on)
    if not length:
        return ()
    after_a_year = region.job_seeker_start(on)  # 'le 1er août après une année complète'
    periods = []
    for run in runs([m for m in months if m in conditional and m not in student]):
        start = run.start
        before = start.plus(-1)
        if before.month == after_a_year and before in student:
            start = before
        periods.append(Period(start, min(run.end, start.plus(length - 1))))
    return tuple(periods)


def enrolment_year(scenario: Scenario, region: Region | None = None) -> AcademicYear:
    """The next academic year the student can still enrol in on time: this one while it has
    no enrolment yet and the enrolment deadline of the family allowance where the student lives
    has not passed, else the next one (always the next one for someone living outside Belgium:
    the site knows no deadline there). The planner plans this year too (advisor/planner.py)."""
    region = region or REGIONS.get(scenario.residence)
    year = scenario.current_year
    if region is None or any(e.academic_year == year for e in scenario.enrolments):
        return year.next()
    deadline = year.day(region.p("enrolment_deadline", scenario.as_of))  # covered: as_of
    return year if scenario.as_of <= deadline else year.next()


def _what_if(
    region: Region, year, basis, bank_before, last_right, cycles_used, age_end, today
) -> WhatIf:
    """Next year's right: `none` past the age limit (no right at all, whatever the credits),
    `age` while the unconditional (or Walloon semi-automatic) right covers the whole year,
    else `credits`: the study condition decides (after `age_until`, when the age right ends
    within the year: the 18th birthday in Flanders, the 21st in Wallonia)."""
    on = year.first_day
    what_basis, age_until = None, None
    if basis:
        if year.first_month > last_right:
            what_basis = "none"
        elif basis(year.first_month) in ("under-18", "until-21"):
            age_until = _ends_in(min(age_end, last_right), year)
            what_basis = "credits" if age_until else "age"
        else:
            what_basis = "credits"
    leaver, left = None, None
    if region.school_leaver_months and what_basis != "none":
        # A year under way: its past months as a student (the summer, to 30 September) stay
        # so; the school-leaver months an enrolment under the minimum gives come after them.
        start = year.first_month
        while basis and start < min(today, year.last_month) and basis(start) == "student":
            start = start.plus(1)
        left = bank_before.get(start, 0)
        if left:
            end = start.plus(left - 1)
            leaver = Period(start, min(end, last_right) if last_right else end)
    return WhatIf(
        academic_year=year,
        basis=what_basis,
        credits_threshold=region.credit_minimum(on),
        status_matters=None if what_basis is None else what_basis == "credits",
        school_leaver=leaver,
        school_leaver_months_left=left,
        diploma_year_cycles_used=cycles_used,
        amount=amount_on(region.scheme, on),
        enrolment_deadline=year.day(region.p("enrolment_deadline", on)),
        age_until=age_until,
        right_ends=_ends_in(last_right, year) if basis and what_basis != "none" else None,
    )


def _ends_in(last: Month | None, year: AcademicYear) -> Month | None:
    """`last` when it falls in `year` before its last month (a right ending mid-year)."""
    return last if last and year.first_month <= last < year.last_month else None


@lru_cache(maxsize=256)
def figures(region: Region, on: date) -> Figures:
    def figure(name):
        return parameters.get_or_none(f"family_allowance.{region.folder}.{name}", on=on)

    hours = parameters.parameter_or_none(
        f"family_allowance.{region.folder}.student_contract_hours_year"
    )
    hours_now = hours and hours.period_on(on)
    unlimited = figure("work_unlimited_months")
    return Figures(
        min_credits=region.credit_minimum(on),
        enrolment_deadline=figure("enrolment_deadline"),
        unconditional_age=figure("unconditional_age"),
        unconditional_until=figure("unconditional_until"),
        age_limit=figure("age_limit"),
        school_leaver_months=figure("school_leaver_months"),
        school_leaver_start=figure("school_leaver_start_after_higher_education"),
        job_seeker_days=figure("job_seeker_days"),
        job_seeker_months=region.job_seeker_months(on),
        job_seeker_start=figure("job_seeker_start"),
        semi_automatic_age=figure("semi_automatic_age"),
        semi_automatic_born_from=figure("semi_automatic_born_from"),
        thesis_deadline=region.thesis_deadline(on),
        work_hours=figure("work_hours_other_contract_month") or figure("work_hours_quarter"),
        student_contract_hours=hours_now and hours_now.value,
        student_contract_hours_confidence=hours and hours.confidence_on(on),
        student_contract_hours_earlier=tuple(
            p.value for p in reversed(hours.periods) if p.valid_from < hours_now.valid_from
        )
        if hours
        else (),
        student_contract_hours_from=hours_now and hours_now.valid_from,
        work_unlimited_months=unlimited and (unlimited["first"], unlimited["last"]),
        rules_from=parameters.parameter(f"family_allowance.{region.folder}.enrolment_deadline")
        .periods[0]
        .valid_from,
    )
