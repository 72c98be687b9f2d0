"""The Dutch halved statutory tuition fee (halvering collegegeld), month by month (RULES.md §4).

- Window 1: 12 contiguous months from the month of the first enrolment in Dutch higher
  education; months in it without an enrolment are lost. The first enrolment must be a bachelor
  or associate degree (or a teacher-training master, from the date in `teacher_master_from`),
  on or after `first_enrolment_from`; any earlier Dutch enrolment rules the halving out.
- Window 2 (teacher training): 12 more months from the first month of a teacher-training
  enrolment after window 1, unless a teacher-training enrolment ran beside another programme
  (seed example 6). Only its teacher-training months count.
- A month counts only while the halving applies: it was abolished from 2024-2025, except the
  transitional teacher second year of 2024-2025.

Every date and figure comes from rules/parameters/tuition_nl/. The result gives months and
reason codes; the template turns them into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from .. import parameters
from ..calendar import AcademicYear, Month, Period, months_in, runs
from ..scenario import Enrolment, Scenario

FIRST_PROGRAMMES = frozenset({"bachelor", "associate-degree"})
# Teacher training leading to a full teaching qualification: pabo or a teacher bachelor, and
# the first-degree teacher master (only from `teacher_master_from`).
TEACHER_PROGRAMMES = frozenset({"bachelor", "master"})


@dataclass(frozen=True)
class Fee:
    """The published full-time fees of an academic year with halved months."""

    academic_year: AcademicYear
    statutory: Decimal
    halved: Decimal | None  # None: no verified official amount
    valid_from: date
    confidence: str  # the less sure of the two figures
    covid_nominal: Decimal | None  # 2021-2022: the fee before a COVID measure halved it for all


@dataclass(frozen=True)
class Figures:
    """The dated rules the explanation quotes, as they stand on the advice's day (None before
    the halving began)."""

    window_months: int | None
    first_enrolment_from: date | None
    teacher_master_from: date | None
    abolished_on: date | None  # the first day without the halving
    transition_enrolled_on: date | None  # in teacher training that day: halved in the transition

    @property
    def transition_year(self) -> AcademicYear | None:
        """The academic year of the transitional teacher second year."""
        return self.abolished_on and AcademicYear.of(self.abolished_on)


NoHalving = Literal["earlier-enrolment", "first-programme", "abolished"]
NoSecondWindow = Literal["no-teacher-training", "concurrent-programme", "abolished"]


@dataclass(frozen=True)
class TuitionHalving:
    reason: NoHalving | None  # why there is none
    first_window: Period | None
    second_window: Period | None
    # why no (counted) second window: "no-teacher-training" | "concurrent-programme" |
    # "abolished"; None when it counts or when there is no first window
    second_window_reason: NoSecondWindow | None
    months: tuple[Month, ...]  # the halved months, in order
    fees: tuple[Fee, ...]
    teacher_master: bool  # a teacher-training master is among the enrolments
    figures: Figures
    ongoing: bool = False  # some halved months are still to come (the page speaks in the present)

    @property
    def eligible(self) -> bool:
        return bool(self.months)

    @property
    def periods(self) -> list[Period]:
        return runs(list(self.months))

    @property
    def span(self) -> Period | None:
        """From the first halved month to the last (there may be gaps)."""
        return Period(self.months[0], self.months[-1]) if self.months else None

    @property
    def first_window_months(self) -> int:
        return sum(1 for m in self.months if m <= self.first_window.end) if self.months else 0

    @property
    def second_window_months(self) -> int:
        return len(self.months) - self.first_window_months


def _get(name: str, on: date):
    """A tuition_nl parameter on that day, or None where no period covers it (before the
    rule began, or after the law ended it)."""
    return parameters.get_or_none(f"tuition_nl.{name}", on=on)


def _applies(name: str, month: Month) -> bool:
    return bool(_get(name, month.first_day))


def tuition_halving(scenario: Scenario) -> TuitionHalving | None:
    """The halved months for a scenario, or None without a Dutch enrolment. Implements
    Rijksoverheid, "Halvering collegegeld eerstejaars" and its Q&A, and the Uitvoeringsbesluit
    WHW 2008 as amended on 25 May 2023 (the end from 2024-2025); RULES.md §4."""
    dutch = scenario.in_system("netherlands")
    if not dutch:
        return None
    f = figures(scenario.as_of)
    result = TuitionHalving(
        reason=None,
        first_window=None,
        second_window=None,
        second_window_reason=None,
        months=(),
        fees=(),
        teacher_master=any(e.teacher_training and e.programme == "master" for e in dutch),
        figures=f,
    )
    start = min(e.first_month for e in dutch)
    reason = _no_first_window(scenario, dutch, start, f)
    if reason:
        return replace(result, reason=reason)
    window = Period(start, start.plus(f.window_months - 1))
    enrolled = {m for e in dutch for m in _months_of(e)}
    months = [m for m in months_in(window) if m in enrolled and _applies("first_year_halving", m)]
    second, second_months, second_reason = _second_window(dutch, window, f)
    halved = tuple(months + second_months)
    return replace(
        result,
        first_window=window,
        second_window=second,
        second_window_reason=second_reason,
        months=halved,
        ongoing=bool(halved) and halved[-1] >= Month.of(scenario.as_of),
        fees=tuple(_fee(y) for y in sorted({m.academic_year for m in halved})),
    )


def _no_first_window(
    scenario: Scenario, dutch: tuple[Enrolment, ...], start: Month, f: Figures
) -> str | None:
    """Why the first enrolment, in month `start`, opens no window; None when it does."""
    if (
        scenario.dutch_enrolment_before_2018
        or f.first_enrolment_from is None
        or start.first_day < f.first_enrolment_from
    ):
        return "earlier-enrolment"
    if not any(
        e.programme in FIRST_PROGRAMMES or _teacher_month(e, start, f)
        for e in dutch
        if e.first_month == start
    ):
        return "first-programme"
    if not _applies("first_year_halving", start):
        return "abolished"
    return None


def _second_window(
    dutch: tuple[Enrolment, ...], first: Period, f: Figures
) -> tuple[Period | None, list[Month], str | None]:
    """The teacher-training window after `first`, its halved months, and why it has none."""
    teaching = {m for e in dutch for m in _months_of(e) if _teacher_month(e, m, f)}
    later = sorted(m for m in teaching if m > first.end)
    if not later:
        return None, [], "no-teacher-training"
    window = Period(later[0], later[0].plus(f.window_months - 1))
    if _concurrent(dutch, until=window.end):
        return None, [], "concurrent-programme"
    months = [m for m in months_in(window) if m in teaching and _second_year_applies(m, teaching)]
    return window, months, None if months else "abolished"


def figures(on: date) -> Figures:
    abolished = parameters.parameter("tuition_nl.first_year_halving").ended_on
    return Figures(
        window_months=_get("window_months", on),
        first_enrolment_from=_get("first_enrolment_from", on),
        teacher_master_from=_get("teacher_master_from", on),
        abolished_on=abolished,
        transition_enrolled_on=abolished and _get("transition_teacher_enrolled_on", abolished),
    )


def _months_of(enrolment: Enrolment) -> list[Month]:
    return months_in(Period(enrolment.first_month, enrolment.last_month))


def _teacher_month(enrolment: Enrolment, month: Month, f: Figures) -> bool:
    """Is this a month of teacher training that counts for the halving?"""
    if not enrolment.teacher_training or enrolment.programme not in TEACHER_PROGRAMMES:
        return False
    return enrolment.programme != "master" or month.first_day >= f.teacher_master_from


def _second_year_applies(month: Month, teaching: set[Month]) -> bool:
    """The second year applies until its abolition; in the transition year only for a student
    in teacher training on the day `transition_teacher_enrolled_on` names."""
    if _applies("teacher_second_year_halving", month):
        return True
    enrolled_on = _get("transition_teacher_enrolled_on", month.first_day)
    return enrolled_on is not None and Month.of(enrolled_on) in teaching


def _concurrent(dutch: tuple[Enrolment, ...], *, until: Month) -> bool:
    """A teacher-training enrolment beside another programme in some month up to `until`."""
    teacher = {m for e in dutch if e.teacher_training for m in _months_of(e)}
    other = {m for e in dutch if not e.teacher_training for m in _months_of(e)}
    return any(m <= until for m in teacher & other)


def _fee(year: AcademicYear) -> Fee:
    day = year.first_day
    statutory = parameters.parameter("tuition_nl.statutory_fee")
    halved = _get("halved_fee", day)
    confidences = [statutory.confidence_on(day)]
    if halved is not None:
        confidences.append(parameters.parameter("tuition_nl.halved_fee").confidence_on(day))
    return Fee(
        academic_year=year,
        statutory=statutory.period_on(day).value,
        halved=halved,
        valid_from=statutory.period_on(day).valid_from,
        confidence=max(confidences, key=parameters.CONFIDENCES.index),
        covid_nominal=_get("covid_nominal_fee", day),
    )
