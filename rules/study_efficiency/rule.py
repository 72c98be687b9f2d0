"""The Flemish study-efficiency rule (RULES.md §1.8 and §0), per programme.

Decree of 15 July 2022 on intake and study efficiency: a student who starts a bachelor
programme from 2023-2024 must pass every course unit of the first enrolment in it (the
drempelpakket), with a credit, by tolerance or by deliberation, by the end of the second
enrolment in that programme. Otherwise every Flemish institution refuses an enrolment in that
programme for `refusal_years` academic years, unless the student obtains another higher
education degree.

A programme (a run of enrolments) starts at a Flemish bachelor enrolment under a diploma
contract and goes on with the next ones, until an enrolment marked `changed_programme`, a
second bachelor in the same year or a degree obtained starts a new one. Credits passed: all of
the first enrolment's earned and tolerated credits; of a later enrolment, its
`block1_credits_earned` when given, else all its earned credits (an approximation, named on
the page), plus its tolerated credits; never more than the first enrolment's credits.

Output (`learning_credit.study_efficiency` in the advise JSON): the current programme's
`programme_start`, `credits_to_pass`, `credits_passed`, `deadline` (the second enrolment, or,
when it is not among the answers, the year after the current one: the earliest it can be),
`met` (null while open), `refused_until` (the last year of the refusal, when not met) and,
extra, `state` (`met`, `open`: the first enrolment's results are not known yet, `at-risk`:
credits still to pass by the deadline, `missed`),
`refused_from`, `deadline_listed` (the second enrolment is among the answers) and
`approximated`. Earlier programmes are listed in `learning_credit.study_efficiency_earlier`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .. import parameters
from ..calendar import AcademicYear
from ..scenario import Enrolment, Scenario

RULE = "study_efficiency.deadline_enrolment"  # in force for programmes started from 2023-2024
STARTING_PROGRAMMES = ("bachelor", "graduaat")  # an earlier enrolment in one keeps the rule off
State = Literal["met", "open", "at-risk", "missed"]


@dataclass(frozen=True)
class Programme:
    """One programme's first enrolment and the verdict on it."""

    programme_start: AcademicYear
    credits_to_pass: int
    credits_passed: int
    deadline: AcademicYear
    deadline_listed: bool
    met: bool | None
    refused_until: AcademicYear | None
    approximated: bool
    state: State

    @property
    def credits_missing(self) -> int:
        return self.credits_to_pass - self.credits_passed

    @property
    def refused_from(self) -> AcademicYear | None:
        return self.deadline.next() if self.met is False else None


@dataclass(frozen=True)
class Figures:
    enrolments: int  # the deadline: the end of this enrolment in the programme
    refusal_years: int
    refusal_confidence: str
    appeal_days: int  # to appeal internally against a refusal, then to the Raad
    applies_from: AcademicYear  # the first year the rule applies to new students


@dataclass(frozen=True)
class StudyEfficiency:
    programmes: tuple[Programme, ...]  # oldest first, only those the rule applies to
    figures: Figures

    @property
    def current(self) -> Programme:
        return self.programmes[-1]

    @property
    def earlier(self) -> tuple[Programme, ...]:
        return self.programmes[:-1]

    @property
    def needs_attention(self) -> bool:
        """At risk or missed: the page says it among the first things."""
        return any(p.state in ("at-risk", "missed") for p in self.programmes)


def counts(enrolment: Enrolment) -> bool:
    return (
        enrolment.system == "flanders"
        and enrolment.programme == "bachelor"
        and enrolment.contract == "diploma"
    )


def _runs(enrolments: list[Enrolment]) -> list[list[Enrolment]]:
    runs: list[list[Enrolment]] = []
    for e in enrolments:
        run = runs[-1] if runs else None
        if (
            run is None
            or e.changed_programme
            or run[-1].degree_obtained
            or run[-1].academic_year == e.academic_year
        ):
            runs.append([e])
        else:
            run.append(e)
    return runs


def study_efficiency(scenario: Scenario) -> StudyEfficiency | None:
    """The rule's verdict per programme, or None when it applies to none of them: it is for
    students who start from 2023-2024, not for those who enrolled in a Flemish bachelor or
    graduaat before (EhB; parameters/study_efficiency/deadline_enrolment.toml).
    Implements the decree of 15 July 2022 on intake and study efficiency (Onderwijskiezer,
    "Studievoortgang"; Erasmushogeschool Brussel, "Decreet studievoortgang")."""
    starts = [
        e.academic_year
        for e in scenario.enrolments
        if e.system == "flanders" and e.programme in STARTING_PROGRAMMES
    ]
    if not starts or not parameters.in_force(RULE, on=min(starts).first_day):
        return None
    runs = _runs([e for e in scenario.enrolments if counts(e)])
    if not runs:
        return None
    figures = _figures(scenario.as_of)
    return StudyEfficiency(
        programmes=tuple(_programme(run, scenario.current_year, figures) for run in runs),
        figures=figures,
    )


def _programme(run: list[Enrolment], current_year: AcademicYear, f: Figures) -> Programme:
    first = run[0]
    to_pass = first.credits_taken
    deadline_enrolment = run[f.enrolments - 1] if len(run) >= f.enrolments else None
    # Not among the answers: the next year after both the last enrolment and the current year
    # (a year not listed is a year without enrolment, as everywhere on the page).
    deadline = (
        deadline_enrolment.academic_year
        if deadline_enrolment
        else max(run[-1].academic_year, current_year).next()
    )
    passed, approximated, met = 0, False, None
    for i, e in enumerate(run):
        if not e.results_known:
            break
        if i == 0 or e.block1_credits_earned is None:
            from_first = e.credits_earned
            approximated = approximated or (i > 0 and passed < to_pass and e.credits_earned > 0)
        else:
            from_first = e.block1_credits_earned
        passed = min(to_pass, passed + from_first + (e.credits_tolerated or 0))
        if passed >= to_pass or e.degree_obtained:
            met = True
            break
        if e is deadline_enrolment:
            met = False
            break
    refused_until = AcademicYear(deadline.start + f.refusal_years) if met is False else None
    if met is True:
        state = "met"
    elif met is False:
        state = "missed"
    else:
        state = "open" if not first.results_known else "at-risk"
    return Programme(
        programme_start=first.academic_year,
        credits_to_pass=to_pass,
        credits_passed=passed,
        deadline=deadline,
        deadline_listed=deadline_enrolment is not None,
        met=met,
        refused_until=refused_until,
        approximated=approximated,
        state=state,
    )


def _figures(on: date) -> Figures:
    years = parameters.parameter("study_efficiency.refusal_years")
    return Figures(
        enrolments=parameters.get(RULE, on=on),
        refusal_years=parameters.get(years.name, on=on),
        refusal_confidence=years.confidence_on(on),
        appeal_days=parameters.get("learning_credit.appeal_days", on=on),
        applies_from=AcademicYear.of(parameters.parameter(RULE).periods[0].valid_from),
    )
