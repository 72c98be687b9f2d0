"""The dates that matter for one student: `deadlines(advice)`, for the result page's "Dates to
keep", its calendar file and the appeal sheet.

Each date is read from what a scheme's result already holds where it holds it (the family
allowance's next enrolment deadline, the change-of-programme dates of the running year, the
study-efficiency deadline year), else from its dated parameter on the advice's day. Only the
dates that apply to this student and fall on or after the advice's day are kept, sorted. Every
deadline carries the parameter it comes from, with its reference and confidence.

The internal appeal has no date of its own: its calendar days run from the decision (an exam
result, a refusal), whose day the advisor does not know. It is listed as a rule (`day` None),
after the dates, rather than on an invented day.

A date "before 1 December" is listed on its last day (30 November), with the day it must come
before in its `params`: a calendar shows the day to act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, get_args

from . import parameters
from .calendar import AcademicYear, Month
from .parameters import Reference

if TYPE_CHECKING:
    from .advice import Advice

Code = Literal[
    "allowance-top-up",
    "allowance-enrolment",
    "change-programme-full-refund",
    "change-programme-half-refund",
    "study-efficiency-last-chance",
    "nl-deregistration-refund",
    "nl-application",
    "fc-first-year-change",
    "fc-enrolment-request",
    "appeal-internal",
]
# Learning credit that is not enough: the institution may refuse (RULES.md §1.5).
INSUFFICIENT = ("zero-or-below", "below-needed")
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    day: date | None  # None: counted from a decision whose day the advisor does not know
    code: Code  # names its sentence in templates/advice/deadlines.html
    scheme: str  # the scheme it belongs to
    rule: str  # the parameter it comes from
    reference: Reference  # that parameter's source
    confidence: str
    # The figures its sentence quotes; left out of the hash (a dict has none), not out of ==.
    params: dict = field(default_factory=dict, hash=False)


def deadlines(advice: Advice) -> list[Deadline]:
    """This student's dates from the advice's day on, sorted; the rules without a date last."""
    found = [
        *_family_allowance(advice),
        *_change_of_programme(advice),
        *_study_efficiency(advice),
        *_netherlands(advice),
        *_french_community(advice),
        *_appeal(advice),
    ]
    as_of = advice.scenario.as_of
    order = get_args(Code)
    return sorted(
        (d for d in found if d.day is None or d.day >= as_of),
        key=lambda d: (d.day is None, d.day or date.max, order.index(d.code)),
    )


def _deadline(rule: str, on: date, code: Code, scheme: str, day: date | None, **params):
    parameter = parameters.parameter(rule)
    period = parameter.period_on(on)
    return Deadline(
        day=day,
        code=code,
        scheme=scheme,
        rule=rule,
        reference=period.reference or parameter.reference,
        confidence=period.confidence or parameter.confidence,
        params=params,
    )


def _family_allowance(advice: Advice) -> list[Deadline]:
    """This year's deadline to reach the credit minimum, while the running year is under it;
    next year's enrolment deadline (Groeipakket: 30 November), while the credits decide the
    right in some month of that year, or while we cannot tell without the birth month. Not
    when the age alone gives it all year, nor past the age limit."""
    fa = advice.results["family_allowance"]
    what_if = fa and fa.what_if
    if not what_if or fa.right_over:
        return []
    rule = f"family_allowance.{fa.region.folder}.enrolment_deadline"
    found = []
    if fa.top_up_by:
        year = advice.scenario.current_year
        top_up = _deadline(
            rule, year.first_day, "allowance-top-up", "family_allowance", fa.top_up_by,
            year=year, credits=fa.figures.min_credits, taken=fa.current.credits,
        )  # fmt: skip
        found.append(top_up)
    if what_if.basis in ("none", "age"):
        return found
    year = what_if.academic_year
    return found + [
        _deadline(
            rule,
            year.first_day,
            "allowance-enrolment",
            "family_allowance",
            what_if.enrolment_deadline,
            year=year,
            credits=what_if.credits_threshold,
            again=fa.basis_today == "none",  # no right now: enrolling brings it back
        )
    ]


def _change_of_programme(advice: Advice) -> list[Deadline]:
    """The legal fallback for a first-time bachelor student who changes programme in the
    running year (RULES.md §1.6): all credits back before 1 December, half up to 15 March.
    Other students: each institution sets its own dates, so none is listed."""
    lc = advice.results["learning_credit"]
    change = lc and lc.change_of_programme
    if not change or not change.first_bachelor_year:
        return []
    on = advice.scenario.as_of
    return [
        _deadline(
            "learning_credit.change_full_refund_before",
            on,
            "change-programme-full-refund",
            "learning_credit",
            change.full_refund_before - ONE_DAY,
            before=change.full_refund_before,
        ),
        _deadline(
            "learning_credit.change_half_refund_until",
            on,
            "change-programme-half-refund",
            "learning_credit",
            change.half_refund_until,
        ),
    ]


def _study_efficiency(advice: Advice) -> list[Deadline]:
    """The end of the academic year by which the first enrolment's units must all be passed,
    while that is still open or at risk (RULES.md §1.8). A second enrolment not among the
    answers may still be this year's, while the page invites enrolling in it."""
    se = advice.results["study_efficiency"]
    programme = se and se.current
    if not programme or programme.state not in ("open", "at-risk"):
        return []
    year = programme.deadline
    if not programme.deadline_listed and programme.state == "at-risk":
        year = advice.enrolment_still_open or year
    return [
        _deadline(
            "study_efficiency.deadline_enrolment",
            advice.scenario.as_of,
            "study-efficiency-last-chance",
            "study_efficiency",
            year.last_day,
            year=year,
            missing=programme.credits_missing,
            total=programme.credits_to_pass,
            listed=programme.deadline_listed,
        )
    ]


def _netherlands(advice: Advice) -> list[Deadline]:
    """A Dutch enrolment that runs now: the last day to de-register with a refund of the
    statutory fee (RULES.md §4.5: none for July and August), and Studielink's 1 May for
    another bachelor or associate degree next year."""
    scenario = advice.scenario
    if advice.results["tuition_halving"] is None:
        return []
    year, now = scenario.current_year, Month.of(scenario.as_of)
    if not any(
        e.academic_year == year and e.last_month >= now for e in scenario.in_system("netherlands")
    ):
        return []
    on = scenario.as_of
    refund = "tuition_nl.deregistration_refund_request_by"
    application = "tuition_nl.application_deadline"
    return [
        _deadline(
            refund, on, "nl-deregistration-refund", "tuition_halving",
            year.day(parameters.get(refund, on=on)), year=year,
        ),
        _deadline(
            application, on, "nl-application", "tuition_halving",
            year.day(parameters.get(application, on=on)), next=year.next(),
        ),
    ]  # fmt: skip


def _french_community(advice: Advice) -> list[Deadline]:
    """A first bachelor year in the French Community: the day before which a change of
    programme is no reorientation (RULES.md §3); and, for a student enrolled there this year
    or last year, the day to ask for next year's enrolment (31 October, mesetudes.be)."""
    pr = advice.results["progression"]
    if pr is None:
        return []
    scenario = advice.scenario
    on, year, current = scenario.as_of, scenario.current_year, pr.current
    found = []
    if (
        current.academic_year == year
        and current.programme == "bachelor"
        and current.this_year.reason == "first-enrolment"
    ):
        before = pr.figures.first_year_change_before
        found.append(
            _deadline(
                "progression.fundability.first_year_change_before",
                on,
                "fc-first-year-change",
                "progression",
                before - ONE_DAY,
                before=before,
            )
        )
    finished = current.next_year.reason == "degree-obtained" and current.programme == "master"
    if current.academic_year >= year.previous() and not finished:
        rule = "progression.enrolment_request_until"
        request_year = _request_year(current.academic_year, year, on, parameters.get(rule, on=on))
        found.append(
            _deadline(
                rule,
                on,
                "fc-enrolment-request",
                "progression",
                request_year.day(parameters.get(rule, on=on)),
                year=request_year,
            )
        )
    return found


def _request_year(last: AcademicYear, year: AcademicYear, on: date, until: str) -> AcademicYear:
    """The year whose enrolment is still to ask for: this one while its day has not passed
    and the student is not enrolled in it yet, else the next one."""
    return year if last < year and on <= year.day(until) else year.next()


def _appeal(advice: Advice) -> list[Deadline]:
    """A Flemish student with results still to come, or refused or at risk: the calendar days
    of the internal appeal, from the decision (RULES.md §1.5; vlaanderen.be)."""
    lc = advice.results["learning_credit"]
    se = advice.results["study_efficiency"]
    concerned = (lc and (lc.results_pending or lc.sufficiency in INSUFFICIENT)) or (
        se and se.needs_attention
    )
    if not concerned:
        return []
    days = (lc or se).figures.appeal_days
    return [
        _deadline(
            "learning_credit.appeal_days",
            advice.scenario.as_of,
            "appeal-internal",
            "learning_credit",
            None,
            days=days,
        )
    ]


def json_of(found: list[Deadline]) -> list[dict]:
    """`deadlines` in the advise JSON: each date (`day` null for a rule counted from a
    decision), its code, scheme, parameter, source and confidence, and its sentence's figures
    (dates and academic years as text)."""
    return [
        {
            "day": d.day and d.day.isoformat(),
            "code": d.code,
            "scheme": d.scheme,
            "rule": d.rule,
            "source": {"title": d.reference.title, "url": d.reference.url},
            "confidence": d.confidence,
            "params": {
                k: v if v is None or isinstance(v, (bool, int)) else str(v)
                for k, v in d.params.items()
            },
        }
        for d in found
    ]
