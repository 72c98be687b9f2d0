"""French Community progression: block 1 and fundability, year by year (RULES.md §3).

One entry per academic year with a French Community enrolment, for the bachelor or master cycle
of that year's enrolment (the bachelor when there are both):

- `credits_earned_total`: credits earned in the cycle so far. A cycle's count starts again
  after its degree, and after `fundability.fresh_start_after_years` years without an enrolment
  in it.
- `block1_credits`: block-1 credits acquired (bachelor only, else None): all the credits of
  the cycle's first enrolment, then each year's `block1_credits_earned`; where a later year
  does not give it, its earned credits count as block-1 credits until block 1 is full (60), an
  approximation (`block1_approximated`) when a programme mixed blocks.
- `may_leave_block1`: block 1 acquired as the rule for the next year requires it — 45 credits
  under the Paysage decree, all 60 under the Glatigny reform (students who started a cycle
  from 2022-2023, everyone from 2024-2025). None outside a bachelor.
- `band`: the block-1 outcome band: `all`, `45-59`, `30-44`, `below-30`, `none` (0 credits);
  None while the year's results are unknown.
- `fundable` / `fundable_reason`: this year's enrolment; `fundable_next_year` /
  `fundable_next_year_reason`: an enrolment in the same cycle next year (or, after the degree,
  in a new cycle). Reasons: `first-enrolment`, `fresh-start` (five years without an enrolment
  in the cycle), `degree-obtained`, `all-credits-passed`, `milestones-met`,
  `earlier-students-2024` (the 2024-2025 softening), `reorientation-extra-year` (a milestone
  met thanks to the extra year a change of programme gives, `changed_programme`),
  `milestone-missed`; and, with a None verdict: `results-pending`, `jury-may-decide`
  (third-enrolment jury exception),
  `old-rules` (the pre-2022 rules, not modelled), `master-rules-unverified`,
  `programme-not-covered`.
- `fundable_next_year_if_reoriented`: with `milestone-missed`, whether a change of programme
  next year (a reorientation, which gives extra time once per cycle) would make it fundable.
- `fundable_next_year_whatever_results`: the verdict on next year is given before this year's
  results are known, because passing nothing and passing everything lead to it alike.
- `rules_unconfirmed`: the next year falls under the announced 'décret parcours étudiant',
  whose content is not confirmed.

While a year's results are unknown, its figures are those known before it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .. import parameters
from ..calendar import AcademicYear
from ..scenario import Enrolment, Scenario

CYCLE_PROGRAMMES = ("bachelor", "master")  # the cycles whose fundability the site follows


Reason = Literal[
    "first-enrolment",
    "fresh-start",
    "degree-obtained",
    "all-credits-passed",
    "milestones-met",
    "earlier-students-2024",
    "reorientation-extra-year",
    "milestone-missed",
    "results-pending",
    "jury-may-decide",
    "old-rules",
    "master-rules-unverified",
    "programme-not-covered",
]


Band = Literal["all", "45-59", "30-44", "below-30", "none"]
Regime = Literal["paysage", "glatigny"]  # block 1: 45 credits to move on (Paysage) or all 60


@dataclass(frozen=True)
class Verdict:
    fundable: bool | None
    reason: Reason
    enrolments: int = 0  # the enrolments in the cycle the milestones were counted over
    # Next year only: True when a change of programme then (a reorientation) would make a
    # missed milestone fundable; None when it would change nothing.
    if_reoriented: bool | None = None
    # Decided before the last year's results are known: passing nothing and passing
    # everything give the same answer.
    whatever_results: bool = False


@dataclass(frozen=True)
class Year:
    academic_year: AcademicYear
    programme: str
    results_known: bool
    credits_earned_total: int
    block1_credits: int | None
    block1_approximated: bool  # a later year's block-1 credits were not given
    # The approximation decides the answer (this year's while its results are unknown, else
    # next year's): counting none of those years' credits as block 1 would change it.
    approximation_decides: bool
    may_leave_block1: bool | None
    band: Band | None
    enrolments_counted: int  # in the cycle, this one included (2019-2020 not counted)
    leave_block1_credits: int  # block-1 credits needed to move on: 45 (Paysage) or 60
    reoriented: bool  # a change of programme in the cycle (`changed_programme`)
    regime: Regime  # the block-1 rule for the next year
    this_year: Verdict
    next_year: Verdict
    rules_unconfirmed: bool


@dataclass(frozen=True)
class Figures:
    """The dated figures the explanation quotes, as they apply on the advice's day."""

    block1_credits: int
    continue_from: int
    stay_from: int
    extended_from: int
    extended_max: int
    jury_block1: int
    jury_after_enrolments: int
    reorientation_extra: int  # enrolments a reorientation adds to each milestone
    fresh_start_after_years: int
    # The bachelor milestones (bachelor_milestones.toml), each {enrolments, block1, total}:
    first_milestone: dict  # a block-1 unit after the first enrolment
    block1_milestone: dict  # all of block 1
    cycle_milestone: dict  # 120 credits including block 1
    final_milestone: dict  # the whole bachelor
    not_counted_years: tuple[str, ...]
    first_year_change_before: date  # in the advice's academic year
    parcours_expected_from: date
    glatigny_from: AcademicYear  # the first year of the Glatigny rules (2022-2023)
    softening_year: AcademicYear  # the 2024-2025 softening's only year
    glatigny_for_all_from: AcademicYear  # the year after it, everyone under Glatigny again

    @property
    def parcours_expected_year(self) -> AcademicYear:
        return AcademicYear.of(self.parcours_expected_from)


@dataclass(frozen=True)
class Progression:
    years: tuple[Year, ...]
    figures: Figures

    @property
    def current(self) -> Year:
        return self.years[-1]

    @property
    def verdict(self) -> Verdict:
        """The answer: next year's fundability, or this year's while its results are unknown."""
        return self.current.next_year if self.current.results_known else self.current.this_year

    @property
    def verdict_year(self) -> AcademicYear:
        year = self.current.academic_year
        return year.next() if self.current.results_known else year


def _p(name: str, on: date):
    return parameters.get(f"progression.{name}", on=on)


def glatigny_rules_on(on: date) -> bool:
    """Do the Glatigny fundability rules (the milestones from 2022-2023) cover that day?"""
    return parameters.in_force("progression.fundability.bachelor_milestones", on=on)


@dataclass
class _Cycle:
    """One run of enrolments in a cycle, from its first enrolment (or a fresh start)."""

    start: AcademicYear
    last: Enrolment
    years: list[AcademicYear]
    earned: int = 0
    block1: int = 0  # uncapped: block 1 is full at `block1_credits`
    block1_approximated: bool = False
    block1_at_least: int = 0  # the approximated years' credits counted as no block-1 credits
    reoriented: bool = False  # a change of programme after the first enrolment

    def add(self, enrolment: Enrolment, block1_full: int):
        first = not self.years
        self.last = enrolment
        self.years.append(enrolment.academic_year)
        earned = enrolment.credits_earned or 0
        self.earned += earned
        given = enrolment.block1_credits_earned
        if not first and given is None and earned and self.block1 < block1_full:
            self.block1_approximated = True
        self.block1 += earned if first or given is None else given
        self.block1_at_least += earned if first else given or 0
        self.reoriented = self.reoriented or (enrolment.changed_programme and not first)

    @property
    def pending(self) -> bool:
        return not self.last.results_known

    def counted(self, on: date) -> int:
        """Enrolments that count for fundability on that day (2019-2020 does not)."""
        not_counted = _p("fundability.not_counted_years", on)
        return sum(str(y) not in not_counted for y in self.years)


def rule_date(year: AcademicYear, cycle_start: AcademicYear) -> date:
    """The day whose rules decide a year: the cycle's start until the Glatigny rules apply
    to everyone, that year's own start after."""
    everyone_from = _p("glatigny_for_everyone_from", year.first_day)
    return year.first_day if year.first_day >= everyone_from else cycle_start.first_day


def progression(scenario: Scenario) -> Progression | None:
    """The progression for a scenario, or None without a French Community enrolment."""
    enrolments = scenario.in_system("french-community")
    if not enrolments:
        return None
    cycles: dict[str, _Cycle] = {}
    years = []
    for year in sorted({e.academic_year for e in enrolments}):
        this_year = [e for e in enrolments if e.academic_year == year]
        enrolment = next((e for e in this_year if e.programme == "bachelor"), this_year[0])
        programme = enrolment.programme
        cycle = cycles.get(programme)
        if (
            programme in CYCLE_PROGRAMMES
            and cycle
            and _fresh_start(cycle.last.academic_year, year)
        ):
            verdict_now, cycle = Verdict(True, "fresh-start"), None
        else:
            verdict_now = fundability(
                programme, year, cycle, reorienting=enrolment.changed_programme
            )
        now_decided = not enrolment.results_known and _approximation_decides(
            verdict_now, programme, year, cycle, reorienting=enrolment.changed_programme
        )  # only this year's answer while its results are unknown
        if cycle is None:
            cycle = _Cycle(start=year, last=enrolment, years=[])
        cycle.add(enrolment, _p("block1_credits", year.first_day))
        years.append(_year(programme, year, cycle, enrolment, verdict_now, now_decided))
        cycles[programme] = None if enrolment.degree_obtained else cycle
    return Progression(years=tuple(years), figures=figures(scenario.as_of))


def _fresh_start(last: AcademicYear, year: AcademicYear) -> bool:
    return year.start - last.start > _p("fundability.fresh_start_after_years", year.first_day)


def _approximation_decides(
    verdict: Verdict, programme: str, year: AcademicYear, cycle: _Cycle | None, **how
) -> bool:
    """Would the verdict differ with the approximated years' credits as no block-1 credits?"""
    if cycle is None or not cycle.block1_approximated or programme != "bachelor":
        return False
    lowest = replace(cycle, block1=cycle.block1_at_least)
    return fundability(programme, year, lowest, **how).fundable != verdict.fundable


def _year(
    programme: str,
    year: AcademicYear,
    cycle: _Cycle,
    enrolment: Enrolment,
    verdict_now: Verdict,
    now_decided: bool,
) -> Year:
    bachelor = programme == "bachelor"
    next_year = year.next()
    block1 = min(cycle.block1, _p("block1_credits", year.first_day)) if bachelor else None
    if enrolment.degree_obtained:
        verdict_next = Verdict(True, "degree-obtained")
    else:
        verdict_next = fundability(programme, next_year, cycle)
        if verdict_next.reason == "milestone-missed" and not cycle.reoriented:
            verdict_next = replace(
                verdict_next,
                if_reoriented=fundability(programme, next_year, cycle, reorienting=True).fundable,
            )
    leave = _p("leave_block1_credits", rule_date(next_year, cycle.start))
    return Year(
        academic_year=year,
        programme=programme,
        results_known=enrolment.results_known,
        credits_earned_total=cycle.earned,
        block1_credits=block1,
        block1_approximated=bachelor and cycle.block1_approximated,
        approximation_decides=(
            now_decided
            if not enrolment.results_known
            else not enrolment.degree_obtained
            and _approximation_decides(verdict_next, programme, next_year, cycle)
        ),
        may_leave_block1=block1 >= leave if bachelor else None,
        band=band(block1, year) if bachelor and enrolment.results_known else None,
        enrolments_counted=cycle.counted(next_year.first_day),
        leave_block1_credits=leave,
        reoriented=cycle.reoriented,
        regime="paysage" if leave < _p("block1_credits", next_year.first_day) else "glatigny",
        this_year=verdict_now,
        next_year=verdict_next,
        rules_unconfirmed=next_year.first_day
        >= _p("parcours_decree_expected_from", next_year.first_day),
    )


def band(block1: int, year: AcademicYear) -> Band:
    """The block-1 outcome band of RULES.md §3's table: the Glatigny decree of 2 December 2021
    (UNamur, "Programme annuel de l'étudiant après le premier bloc")."""
    on = year.first_day
    if block1 >= _p("block1_credits", on):
        return "all"
    if block1 >= _p("block1_band_continue_from", on):
        return "45-59"
    if block1 >= _p("block1_band_stay_from", on):
        return "30-44"
    return "below-30" if block1 else "none"


def fundability(
    programme: str, year: AcademicYear, cycle: _Cycle | None, *, reorienting: bool = False
) -> Verdict:
    """Is an enrolment in `programme` in `year` fundable, after the cycle so far?
    `reorienting`: that enrolment is itself a change of programme (a reorientation).
    Implements art. 5 of the financing decree of 11 April 2014 (as amended since 2021;
    UCLouvain, "Finançabilité"); RULES.md §3."""
    if programme not in CYCLE_PROGRAMMES:
        return Verdict(None, "programme-not-covered")
    if cycle is None:
        return Verdict(True, "first-enrolment")
    on = rule_date(year, cycle.start)
    if not glatigny_rules_on(on):
        return Verdict(None, "old-rules")
    if _p("fundability.earlier_students_fundable", on) and not glatigny_rules_on(
        cycle.start.first_day
    ):
        return Verdict(True, "earlier-students-2024")
    if cycle.pending:
        return _whatever_results(programme, year, cycle, reorienting)
    if cycle.last.credits_taken and cycle.last.credits_earned == cycle.last.credits_taken:
        return Verdict(True, "all-credits-passed")
    counted = cycle.counted(year.first_day)
    if counted == 0:
        return Verdict(True, "first-enrolment")
    if programme == "master":
        return Verdict(None, "master-rules-unverified")
    return _bachelor_milestones(cycle, counted, on, cycle.reoriented or reorienting)


def _whatever_results(programme: str, year: AcademicYear, cycle: _Cycle, reorienting: bool):
    """The verdict while the last year's results are unknown: the same one when passing
    nothing and passing everything (all of it block 1) give the same answer, else none yet."""
    worst, best = (
        fundability(programme, year, _resolved(cycle, earned), reorienting=reorienting)
        for earned in (0, cycle.last.credits_taken)
    )
    if worst.fundable is None or worst.fundable != best.fundable:
        return Verdict(None, "results-pending")
    return replace(worst, whatever_results=True)


def _resolved(cycle: _Cycle, earned: int) -> _Cycle:
    """The cycle with its last, pending enrolment's results: `earned` credits, all block 1."""
    return replace(
        cycle,
        last=replace(cycle.last, credits_earned=earned),
        years=list(cycle.years),
        earned=cycle.earned + earned,
        block1=cycle.block1 + earned,
        block1_at_least=cycle.block1_at_least + earned,
    )


def _bachelor_milestones(cycle: _Cycle, counted: int, on: date, reoriented: bool) -> Verdict:
    """Art. 5 of the financing decree (as amended in 2021): the last milestone reached in
    enrolments applies; a reorientation gives one extra enrolment for each."""
    block1 = min(cycle.block1, _p("block1_credits", on))

    def met(enrolments: int) -> bool:
        reached = [
            m for m in _p("fundability.bachelor_milestones", on) if m["enrolments"] <= enrolments
        ]
        return not reached or (
            block1 >= reached[-1]["block1"] and cycle.earned >= reached[-1]["total"]
        )

    if met(counted):
        return Verdict(True, "milestones-met", counted)
    if reoriented and met(counted - _p("fundability.reorientation_extra_enrolments", on)):
        return Verdict(True, "reorientation-extra-year", counted)
    jury = _p("fundability.third_enrolment_jury", on)
    if counted == jury["after_enrolments"] and block1 >= jury["block1"]:
        return Verdict(None, "jury-may-decide", counted)
    return Verdict(False, "milestone-missed", counted)


def figures(on: date) -> Figures:
    extended = _p("extended_programme", on)
    milestones = _p("fundability.bachelor_milestones", on)
    softening = parameters.parameter("progression.fundability.earlier_students_fundable")
    softened = next(p for p in softening.periods if p.value)
    return Figures(
        block1_credits=_p("block1_credits", on),
        continue_from=_p("block1_band_continue_from", on),
        stay_from=_p("block1_band_stay_from", on),
        extended_from=extended["from_credits"],
        extended_max=extended["programme_max"],
        jury_block1=_p("fundability.third_enrolment_jury", on)["block1"],
        jury_after_enrolments=_p("fundability.third_enrolment_jury", on)["after_enrolments"],
        reorientation_extra=_p("fundability.reorientation_extra_enrolments", on),
        fresh_start_after_years=_p("fundability.fresh_start_after_years", on),
        first_milestone=milestones[0],
        block1_milestone=milestones[1],
        cycle_milestone=milestones[2],
        final_milestone=milestones[3],
        not_counted_years=tuple(_p("fundability.not_counted_years", on)),
        first_year_change_before=AcademicYear.of(on).day(
            _p("fundability.first_year_change_before", on)
        ),
        parcours_expected_from=_p("parcours_decree_expected_from", on),
        glatigny_from=AcademicYear.of(softening.periods[0].valid_from),
        softening_year=AcademicYear.of(softened.valid_from),
        glatigny_for_all_from=AcademicYear.of(softened.valid_from).next(),
    )
