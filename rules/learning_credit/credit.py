"""The Flemish learning credit (leerkrediet), year by year (RULES.md §1.1-1.5).

Each academic year from the first Flemish enrolment to the later of the last enrolment and the
advice's year: the rebuild is added first, then the credits taken are deducted; when the results
are known, earned credits come back (the first ones under a diploma contract twice, the bonus),
and a first master degree deducts the start credit again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from .. import parameters
from ..calendar import AcademicYear, Month, years_between
from ..scenario import Enrolment, Scenario

# Programmes whose diploma contract draws on the learning credit (RULES.md §1.1). Under a credit
# contract every unit draws on it; under an exam contract nothing does.
DEDUCTING_DIPLOMA_PROGRAMMES = frozenset({"bachelor", "master"})
# Programmes where the learning credit applies although a diploma contract deducts nothing.
ENROLMENT_PROGRAMMES = frozenset({"graduaat"})


Trigger = Literal["master", "no-enrolment", "graduaat"]
Share = Literal["all", "half", "none"]
Phase = Literal["full", "half", "passed-only"]
# The bonus (RULES.md §1.2): ended by a rebuild, all received, none yet, or part of it.
BonusState = Literal["lost-to-rebuild", "all-received", "unused", "partly-received"]
# Enough to finish (§1.5)? Zero or below, below the credits still needed, enough, or unknown.
Sufficiency = Literal["zero-or-below", "below-needed", "enough", "unknown"]


@dataclass(frozen=True)
class Rebuild:
    trigger: Trigger
    from_year: AcademicYear


@dataclass(frozen=True)
class Year:
    academic_year: AcademicYear
    enrolled: bool  # any enrolment in Flemish higher education that year
    opening: int
    rebuild: int
    taken: int  # credits deducted at enrolment
    after_enrolment: int
    returned: int | None  # None while the results are unknown
    bonus: int | None
    master_deduction: int
    closing: int | None  # None while this year's or an earlier year's results are unknown
    not_deducted: int  # credits taken in enrolments outside the learning credit
    tolerated: int  # tolerated or deliberated credits: taken, lost
    results_known: bool  # this year's own results (a year without deduction has none to wait for)
    graduaat_only: bool  # enrolled only in a graduaat that deducts nothing: still an enrolment


@dataclass(frozen=True)
class Outcome:
    """What the balance becomes if the running year ends with `earned` credits."""

    share: Share
    earned: int
    closing: int
    master_deduction: int = 0  # passing it all obtains a first master's degree (RULES.md §1.3)


@dataclass(frozen=True)
class Figures:
    """The dated figures the explanation quotes, as they apply on the advice's day."""

    start: int
    bonus: int
    master_deduction: int
    rebuild_target: int
    rebuild_per_year: int
    higher_fee_max_per_credit: Decimal
    appeal_days: int


# How many days before the full-refund date the page warns that it is near (the site's choice).
CHANGE_WARNING_DAYS = 30


@dataclass(frozen=True)
class ChangeOfProgramme:
    """What comes back if a student changes programme on the advice's day (RULES.md §1.6)."""

    phase: Phase
    full_refund_before: date
    half_refund_until: date
    first_bachelor_year: bool  # the legal fallback is for first-time bachelor students only
    days_left: int  # days from the advice's day to the full-refund date (0 or less: passed)

    @property
    def urgent(self) -> bool:
        return self.phase == "full" and self.days_left <= CHANGE_WARNING_DAYS


@dataclass(frozen=True)
class LearningCredit:
    start: int
    years: tuple[Year, ...]
    balance: int
    bonus_remaining: int
    rebuild: Rebuild | None
    sufficient: bool | None
    credits_to_finish: int | None
    running_year_outcomes: tuple[Outcome, ...]  # empty unless some results are unknown
    change_of_programme: ChangeOfProgramme | None  # None unless the current year runs
    figures: Figures
    stopped_in: Month | None = None  # a pending enrolment ended this month, before its year did

    @property
    def bonus_received(self) -> int:
        return sum(y.bonus or 0 for y in self.years)

    @property
    def tolerated(self) -> int:
        return sum(y.tolerated for y in self.years)

    @property
    def not_deducted(self) -> int:
        return sum(y.not_deducted for y in self.years)

    @property
    def current(self) -> Year:
        return self.years[-1]

    @property
    def results_pending(self) -> bool:
        return self.current.closing is None

    @property
    def bonus_state(self) -> BonusState:
        if self.rebuild:
            return "lost-to-rebuild"
        if self.bonus_remaining == 0:
            return "all-received"
        return "unused" if self.bonus_remaining == self.figures.bonus else "partly-received"

    @property
    def sufficiency(self) -> Sufficiency:
        if self.sufficient is None:
            return "unknown"
        if self.sufficient:
            return "enough"
        return "zero-or-below" if self.balance <= 0 else "below-needed"

    @property
    def empty_columns(self) -> set[str]:
        """The year-by-year figures that are nothing in every year (paper leaves them out)."""
        return {
            name
            for name in ("rebuild", "bonus", "master_deduction")
            if not any(getattr(year, name) for year in self.years)
        }

    @property
    def rebuild_concerns_you(self) -> bool:
        """A rebuild runs, or the balance is below the level it rebuilds to."""
        return self.rebuild is not None or self.balance < self.figures.rebuild_target

    @property
    def graduaat_years_counted(self) -> bool:
        """A graduaat year kept the rebuild from starting while the balance was below its
        target: the page says that reading of the official text is not confirmed."""
        return any(y.graduaat_only and y.opening < self.figures.rebuild_target for y in self.years)

    def outcome(self, share: Share) -> Outcome | None:
        return next((o for o in self.running_year_outcomes if o.share == share), None)

    @property
    def if_all_passed(self) -> Outcome | None:
        return self.outcome("all")

    @property
    def if_none_passed(self) -> Outcome | None:
        return self.outcome("none")

    @property
    def lowest_outcome(self) -> Outcome | None:
        """While results are pending: the balance if nothing is passed."""
        return min(self.running_year_outcomes, key=lambda o: o.closing, default=None)

    @property
    def highest_outcome(self) -> Outcome | None:
        """While results are pending: the balance if everything is passed."""
        return max(self.running_year_outcomes, key=lambda o: o.closing, default=None)

    @property
    def pending_years(self) -> tuple[AcademicYear, ...]:
        """The years whose results are not known yet: the running year, and in September
        possibly the year that just ended."""
        return tuple(y.academic_year for y in self.years if not y.results_known)

    @property
    def master_year(self) -> Year | None:
        return next((y for y in self.years if y.master_deduction), None)


def deducts(enrolment: Enrolment) -> bool:
    """Does this enrolment draw on the learning credit? (RULES.md §1.1)"""
    if enrolment.system != "flanders" or enrolment.contract == "exam":
        return False
    if enrolment.contract == "credit":
        return True
    return enrolment.programme in DEDUCTING_DIPLOMA_PROGRAMMES


def is_first_master_degree(enrolment: Enrolment) -> bool:
    return enrolment.programme == "master" and enrolment.degree_obtained


def counts_as_enrolment(enrolment: Enrolment) -> bool:
    """Does this enrolment keep a year from being 'a year without enrolment' for the rebuild?
    Every enrolment in a Flemish programme where the learning credit applies, whether or not
    it deducts: a graduaat under a diploma contract is an enrolment (RULES.md §0)."""
    if enrolment.system != "flanders" or enrolment.contract == "exam":
        return False
    return deducts(enrolment) or enrolment.programme in ENROLMENT_PROGRAMMES


def learning_credit(scenario: Scenario) -> LearningCredit | None:
    """The learning credit for a scenario, or None without a Flemish enrolment.

    Implements Onderwijs Vlaanderen, "Leerkrediet" and "Het saldo van je leerkrediet"
    (onderwijs.vlaanderen.be/nl/studenten/studietraject-evaluatie-en-diploma/leerkrediet);
    RULES.md §1.1-1.5."""
    flemish = scenario.in_system("flanders")
    if not flemish:
        return None
    first_year = flemish[0].academic_year
    years = years_between(first_year, max(flemish[-1].academic_year, scenario.current_year))
    by_year = _by_year(flemish)
    start = _p("start", first_year)
    state = _State(balance=start)
    computed = []
    before_pending = None  # the totals at the first year whose results are not known yet
    for year in years:
        if before_pending is None and _results_pending(by_year.get(year, ())):
            before_pending = (len(computed), replace(state))
        computed.append(_year(state, year, by_year.get(year, ())))
    outcomes = ()
    if before_pending:
        index, before = before_pending
        outcomes = _outcomes(before, years[index:], by_year, scenario.credits_to_finish)
    current = computed[-1]
    balance = current.closing if current.closing is not None else current.after_enrolment
    running = any(
        e.academic_year == scenario.current_year and deducts(e) and not e.results_known
        for e in flemish
    )
    return LearningCredit(
        start=start,
        years=tuple(computed),
        balance=balance,
        bonus_remaining=0 if state.rebuild else _p("bonus", first_year) - state.bonus_used,
        rebuild=state.rebuild,
        sufficient=sufficient(balance, scenario.credits_to_finish),
        credits_to_finish=scenario.credits_to_finish,
        running_year_outcomes=outcomes,
        change_of_programme=_change_of_programme(scenario) if running else None,
        figures=figures(scenario.as_of),
        stopped_in=_stopped_in(flemish),
    )


def _stopped_in(flemish: list[Enrolment]) -> Month | None:
    """The month a pending enrolment ended before its academic year did (a student who
    stopped: only the exams taken before then can add credits)."""
    stopped = [
        e.end_month
        for e in flemish
        if not e.results_known and e.end_month and e.end_month < e.academic_year.last_month
    ]
    return max(stopped, default=None)


def _change_of_programme(scenario: Scenario) -> ChangeOfProgramme:
    """Implements Onderwijs Vlaanderen, "Ik verander van opleiding": the legal fallback for a
    first-time bachelor student, its two dates in parameters/learning_credit/change_*.toml
    (RULES.md §1.6)."""
    year = scenario.current_year
    full_before = year.day(
        parameters.get("learning_credit.change_full_refund_before", on=scenario.as_of)
    )
    half_until = year.day(
        parameters.get("learning_credit.change_half_refund_until", on=scenario.as_of)
    )
    if scenario.as_of < full_before:
        phase = "full"
    elif scenario.as_of <= half_until:
        phase = "half"
    else:
        phase = "passed-only"
    first = scenario.enrolments[0]
    first_bachelor_year = (
        first.academic_year == year
        and first.programme == "bachelor"
        and first.contract == "diploma"
    )
    return ChangeOfProgramme(
        phase,
        full_before,
        half_until,
        first_bachelor_year,
        days_left=(full_before - scenario.as_of).days,
    )


def _outcomes(
    before: _State, years: list[AcademicYear], by_year, to_finish: int | None
) -> tuple[Outcome, ...]:
    """The closing balance if the pending results come out all passed, half or none: the years
    before the first pending one stay as they are, so only the rest is counted again. Passing
    all of a final year (`final_year`, or every credit still needed) obtains its degree."""
    pending = [e for year in years for e in by_year.get(year, ()) if not e.results_known]
    pending = [e for e in pending if deducts(e)]
    outcomes = []
    for share, fraction in (("all", 1), ("half", 0.5), ("none", 0)):
        assumed = {
            year: tuple(_assumed(e, fraction, to_finish) if e in pending else e for e in group)
            for year in years
            for group in [by_year.get(year, ())]
        }
        state = replace(before)
        computed = [_year(state, year, assumed[year]) for year in years]
        closing = computed[-1].closing
        if closing is not None:
            earned = sum(int(e.credits_taken * fraction) for e in pending)
            deducted = sum(y.master_deduction for y in computed)
            outcomes.append(Outcome(share, earned, closing, deducted))
    return tuple(outcomes)


def _assumed(e: Enrolment, fraction: float, to_finish: int | None) -> Enrolment:
    earned = int(e.credits_taken * fraction)
    final = e.final_year or (to_finish is not None and 0 < to_finish <= e.credits_taken)
    return replace(e, credits_earned=earned, degree_obtained=e.degree_obtained or (
        final and fraction == 1 and e.contract != "credit"
    ))  # fmt: skip


def _p(name: str, year: AcademicYear) -> int:
    return parameters.get(f"learning_credit.{name}", on=year.first_day)


def _by_year(enrolments) -> dict[AcademicYear, tuple[Enrolment, ...]]:
    grouped: dict[AcademicYear, list[Enrolment]] = {}
    for e in enrolments:
        grouped.setdefault(e.academic_year, []).append(e)
    return {year: tuple(group) for year, group in grouped.items()}


def _results_pending(this_year) -> bool:
    """Some enrolment of the year that draws on the learning credit has no results yet."""
    return not all(e.results_known for e in this_year if deducts(e))


@dataclass
class _State:
    """What one academic year hands on to the next."""

    balance: int
    bonus_used: int = 0
    rebuild: Rebuild | None = None
    rebuild_complete: bool = False
    holds_master: bool = False
    graduaat_diploma: bool = False
    previous_enrolled: bool = True  # the year before the first enrolment is not a gap year
    pending: bool = False  # some year's results are not known yet: later closings are unknown


def _year(state: _State, year: AcademicYear, this_year: tuple[Enrolment, ...]) -> Year:
    """One academic year: its figures, with `state` carried on to the next year. The rebuild
    implements Onderwijs Vlaanderen, "Kan ik mijn leerkrediet weer opbouwen?"; the bonus and
    the master deduction "Het saldo van je leerkrediet" (RULES.md §1.2-1.3)."""
    deducting = [e for e in this_year if deducts(e)]
    target = _p("rebuild_target", year)
    opening = state.balance

    if state.rebuild is None and state.balance < target:
        # When both apply, the graduaat top-up (to the target at once) is the one taken.
        if state.graduaat_diploma and deducting:
            state.rebuild = Rebuild("graduaat", year)
        elif not state.holds_master and not state.previous_enrolled:
            state.rebuild = Rebuild("no-enrolment", year)
    added = 0
    rebuild = state.rebuild
    if rebuild and rebuild.from_year <= year and not state.rebuild_complete:
        step = (
            target - state.balance
            if rebuild.trigger == "graduaat"
            else _p("rebuild_per_year", year)
        )
        added = max(0, min(step, target - state.balance))
        state.rebuild_complete = state.balance + added >= target  # it ends on reaching it
    state.balance += added

    taken = sum(e.credits_taken for e in deducting)
    state.balance -= taken
    after_enrolment = state.balance

    returned = bonus = None
    master_deduction = 0
    known = not _results_pending(this_year)
    if known and not state.pending:
        returned = sum(e.credits_earned for e in deducting)
        bonus_left = 0 if state.rebuild else _p("bonus", year) - state.bonus_used
        earned_diploma = sum(e.credits_earned for e in deducting if e.contract == "diploma")
        bonus = min(bonus_left, earned_diploma)
        state.bonus_used += bonus
        state.balance += returned + bonus
        if not state.holds_master and any(map(is_first_master_degree, this_year)):
            master_deduction = _p("master_deduction", year)
            state.balance -= master_deduction
            state.holds_master = True
            if state.rebuild is None and state.balance < target:
                state.rebuild = Rebuild("master", year.next())
        state.graduaat_diploma = state.graduaat_diploma or any(
            e.programme == "graduaat" and e.degree_obtained for e in this_year
        )
    state.pending = state.pending or not known
    state.previous_enrolled = any(map(counts_as_enrolment, this_year))
    return Year(
        academic_year=year,
        enrolled=bool(this_year),
        opening=opening,
        rebuild=added,
        taken=taken,
        after_enrolment=after_enrolment,
        returned=returned,
        bonus=bonus,
        master_deduction=master_deduction,
        closing=None if state.pending else state.balance,
        not_deducted=sum(e.credits_taken for e in this_year if not deducts(e)),
        tolerated=sum(e.credits_tolerated or 0 for e in deducting),
        results_known=known,
        graduaat_only=not deducting
        and any(e.programme in ENROLMENT_PROGRAMMES and counts_as_enrolment(e) for e in this_year),
    )


def figures(on: date) -> Figures:
    def p(name):
        return parameters.get(f"learning_credit.{name}", on=on)

    return Figures(
        start=p("start"),
        bonus=p("bonus"),
        master_deduction=p("master_deduction"),
        rebuild_target=p("rebuild_target"),
        rebuild_per_year=p("rebuild_per_year"),
        higher_fee_max_per_credit=p("higher_fee_max_per_credit"),
        appeal_days=p("appeal_days"),
    )


def sufficient(balance: int, credits_to_finish: int | None) -> bool | None:
    """Insufficient at zero or below, or below the credits still needed: Onderwijs Vlaanderen,
    "Ik heb onvoldoende leerkrediet. Wat nu?" (RULES.md §1.5)."""
    if balance <= 0:
        return False
    if credits_to_finish is None:
        return None
    return balance >= credits_to_finish
