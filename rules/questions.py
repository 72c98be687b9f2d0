"""The follow-up questions of SCENARIO.md v2, asked only where the answer can change a verdict.

- `final_year`, for the latest year with an enrolment: only for a Belgian residence whose scheme
  has a credit minimum, when that year's credits are under it, in a programme where the
  diploma-year (Flanders) or thesis-year (Brussels, Wallonia) exception exists.
- `changed_programme`, from the second enrolment in a cycle: a French Community bachelor (a
  reorientation gives extra time), a Flemish bachelor under the study-efficiency rule (a new
  programme starts a new count).
- `block1_credits_earned`, for a later enrolment with credits earned while the first
  enrolment left first-year credits open: French Community bachelors (block 1) and Flemish
  bachelors under the study-efficiency rule (the first enrolment's units).

The questions are worked out with the follow-up answers left out, so answering one never
makes another appear or disappear.
"""

from __future__ import annotations

from dataclasses import replace

from . import parameters
from .family_allowance import REGIONS
from .scenario import Enrolment, Scenario
from .study_efficiency import counts, study_efficiency

FINAL_YEAR = "final_year"
CHANGED_PROGRAMME = "changed_programme"
BLOCK1_CREDITS = "block1_credits_earned"
FIELDS = (FINAL_YEAR, CHANGED_PROGRAMME, BLOCK1_CREDITS)


def follow_up_questions(scenario: Scenario) -> dict[int, tuple[str, ...]]:
    """Each enrolment's position in the input -> the follow-up fields worth asking about it."""
    bare = scenario
    if any(_answered(e) for e in scenario.enrolments):
        bare = replace(
            scenario,
            enrolments=tuple(
                replace(e, final_year=False, changed_programme=False, block1_credits_earned=None)
                for e in scenario.enrolments
            ),
        )
    asked: dict[int, list[str]] = {}
    for e in _final_year_candidates(bare):
        asked.setdefault(e.position, []).append(FINAL_YEAR)
    for e in _flemish_later_enrolments(bare) + _french_community_later_enrolments(bare):
        fields = asked.setdefault(e.position, [])
        fields.append(CHANGED_PROGRAMME)
        if _first_year_credits_open(bare, e):
            fields.append(BLOCK1_CREDITS)
    return {position: tuple(fields) for position, fields in sorted(asked.items())}


def _answered(e: Enrolment) -> bool:
    """A follow-up question answered for this enrolment."""
    return e.final_year or e.changed_programme or e.block1_credits_earned is not None


def _final_year_candidates(scenario: Scenario) -> list[Enrolment]:
    region = REGIONS.get(scenario.residence)
    if region is None or not scenario.enrolments:
        return []
    last_year = scenario.enrolments[-1].academic_year
    minimum = region.credit_minimum(last_year.first_day) if region.rules_cover(last_year) else None
    this_year = [e for e in scenario.enrolments if e.academic_year == last_year]
    if minimum is None or sum(e.credits_taken for e in this_year) >= minimum:
        return []
    return [
        e
        for e in this_year
        if e.programme in region.last_year_programmes and not e.degree_obtained
    ]


def _flemish_later_enrolments(scenario: Scenario) -> list[Enrolment]:
    """Flemish bachelor enrolments after the first of their programme, under the rule."""
    se = study_efficiency(scenario)
    if se is None:
        return []
    bachelors = [e for e in scenario.enrolments if counts(e)]
    firsts = {p.programme_start for p in se.programmes}
    return [e for e in bachelors[1:] if e.academic_year not in firsts]


def _french_community_later_enrolments(scenario: Scenario) -> list[Enrolment]:
    """French Community bachelor enrolments after the first of their cycle."""
    later, seen = [], False
    for e in scenario.in_system("french-community"):
        if e.programme != "bachelor":
            continue
        if seen:
            later.append(e)
        seen = not e.degree_obtained
    return later


def _first_year_credits_open(scenario: Scenario, enrolment: Enrolment) -> bool:
    """Credits earned this year, while the first enrolment alone (whose credits surely are
    first-year credits) left some first-year credits open."""
    if not enrolment.credits_earned:
        return False
    first = next(
        e
        for e in scenario.enrolments
        if e.system == enrolment.system and e.programme == "bachelor"
    )
    if enrolment.system == "flanders":
        needed = first.credits_taken
        passed = (first.credits_earned or 0) + (first.credits_tolerated or 0)
    else:
        needed = parameters.get("progression.block1_credits", on=enrolment.academic_year.first_day)
        passed = first.credits_earned or 0
    return passed < needed
