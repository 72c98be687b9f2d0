"""The scenario: everything the advisor knows about one student (SCENARIO.md, version 2).

`parse_scenario(data, today=...)` turns the JSON-like input into a frozen `Scenario`, or raises
`ScenarioError` listing every problem with its field path
(`enrolments[2].credits_earned: must not exceed credits_taken (60)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from operator import attrgetter

from . import parameters
from .calendar import AcademicYear, Month

RESIDENCES = ("flanders", "brussels", "wallonia", "german-community", "netherlands", "elsewhere")
BELGIAN_REGIONS = ("flanders", "brussels", "wallonia", "german-community")
SYSTEMS = ("flanders", "french-community", "netherlands")
PROGRAMMES = (  # in the order the wizard offers them
    "bachelor",
    "master",
    "graduaat",
    "associate-degree",
    "bridging",
    "preparatory",
    "advanced-bachelor",
    "advanced-master",
    "teacher-training-short",
    "postgraduate",
    "doctorate",
)
CONTRACTS = ("diploma", "credit", "exam")
MAX_CREDITS = 200
MAX_CREDITS_TO_FINISH = 600
FIRST_FLEMISH_YEAR = AcademicYear(2008)  # the learning credit applies from 2008-2009
FIRST_YEAR = AcademicYear(1990)
FIRST_BIRTH_MONTH = Month(1900, 1)
# French Community enrolments are followed from the Paysage decree's first year (2014-2015).
FIRST_FRENCH_COMMUNITY_YEAR = AcademicYear.of(
    parameters.parameter("progression.block1_credits").periods[0].valid_from
)
SYSTEMS_WITH_PROGRESS = ("flanders", "french-community")  # past years need their results
ONLY_IN_SYSTEM = {"associate-degree": "netherlands", "graduaat": "flanders"}

TOP_LEVEL_FIELDS = {
    "as_of",
    "residence",
    "birth_month",
    "education_system",
    "enrolments",
    "dutch_enrolment_before_2018",
    "credits_to_finish",
    "plans",
}
PLAN_FIELDS = {"name", "enrolments"}
MAX_PLANS = 3  # side by side on a page: more columns would not fit a phone or a sheet of paper
MAX_PLAN_NAME = 40
# A plan looks this many academic years past the running one at most: the rules are checked for
# the running year only, so a longer projection would mostly repeat that caveat.
MAX_PLAN_YEARS_AHEAD = 3
# One row per programme per year over four years, a change of programme at most each year.
MAX_PLAN_ENROLMENTS = 8
ENROLMENT_FIELDS = {
    "academic_year",
    "system",
    "programme",
    "contract",
    "teacher_training",
    "credits_taken",
    "credits_earned",
    "credits_tolerated",
    "degree_obtained",
    "start_month",
    "end_month",
    "final_year",
    "changed_programme",
    "block1_credits_earned",
}
# One row per programme per academic year: 1990-1991 to now, a few programmes a year at most.
MAX_ENROLMENTS = 40
# Higher education admits students with a secondary-school diploma, normally obtained at 18
# (school is compulsory in Belgium until 18; the Dutch vwo diploma comes at about 18), so even
# a student two years ahead starts at 16. An enrolment that starts before 15 is nearly always a
# typing error in the birth year or the academic year (2016 for 2006) and is refused. The rare
# younger student can leave the birth month out: it is optional.
MIN_AGE_AT_ENROLMENT = 15
DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@dataclass(frozen=True)
class Enrolment:
    academic_year: AcademicYear
    system: str
    programme: str
    contract: str = "diploma"
    credits_taken: int = 0
    credits_earned: int | None = None
    credits_tolerated: int | None = None
    degree_obtained: bool = False
    teacher_training: bool = False
    start_month: Month | None = None  # None: September of academic_year
    end_month: Month | None = None  # None: August of academic_year
    final_year: bool = False  # enrolled for every credit still needed for the degree
    changed_programme: bool = False  # another programme than the previous one in the cycle
    block1_credits_earned: int | None = None  # None: not known, approximated
    position: int = 0  # its index in the input's list, for the wizard's follow-up questions

    @property
    def first_month(self) -> Month:
        return self.start_month or self.academic_year.first_month

    @property
    def last_month(self) -> Month:
        return self.end_month or self.academic_year.last_month

    @property
    def results_known(self) -> bool:
        return self.credits_earned is not None

    @property
    def last_of_programme(self) -> bool:
        """The diploma year: the degree was obtained, or the student enrolled for every credit
        still needed (SCENARIO.md v2 `final_year`)."""
        return self.degree_obtained or self.final_year


@dataclass(frozen=True)
class Plan:
    """A choice for the running year's results and the years after it (SCENARIO.md `plans`,
    as the README documents it): its enrolments in the running year replace the scenario's
    enrolments of that year, those of later years are added."""

    name: str
    enrolments: tuple[Enrolment, ...]  # sorted by academic year, each with its results


@dataclass(frozen=True)
class Scenario:
    as_of: date
    residence: str
    education_system: str
    birth_month: Month | None = None
    enrolments: tuple[Enrolment, ...] = field(default_factory=tuple)  # sorted by academic year
    dutch_enrolment_before_2018: bool = False
    credits_to_finish: int | None = None
    plans: tuple[Plan, ...] = ()

    @property
    def current_year(self) -> AcademicYear:
        return AcademicYear.of(self.as_of)

    def in_system(self, system: str) -> tuple[Enrolment, ...]:
        return tuple(e for e in self.enrolments if e.system == system)


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str  # English, for the command line
    code: str  # for the site's translated messages
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ScenarioError(ValueError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


class _Reader:
    """Reads typed fields out of a dict, collecting errors instead of raising at the first."""

    def __init__(self):
        self.errors: list[FieldError] = []

    def fail(self, path: str, message: str, code: str, **params):
        self.errors.append(FieldError(path, message, code, params))

    def unknown_fields(self, data: dict, allowed: set[str], prefix: str):
        for key in sorted(set(data) - allowed):
            self.fail(f"{prefix}{key}", "unknown field", "unknown-field")

    def choice(self, data, key, path, choices, default=None):
        value = data.get(key, default)
        if value is None:
            self.fail(path, f"required; one of {', '.join(choices)}", "required")
        elif value not in choices:
            self.fail(path, f"{value!r} is not one of {', '.join(choices)}", "choice")
        else:
            return value
        return None

    def boolean(self, data, key, path, default=False):
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(path, "must be true or false", "boolean")
            return default
        return value

    def integer(self, data, key, path, low, high, required=False):
        value = data.get(key)
        if value is None:
            if required:
                self.fail(
                    path,
                    f"required; a whole number from {low} to {high}",
                    "required",
                    low=low,
                    high=high,
                )
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(
                path, f"must be a whole number from {low} to {high}", "range", low=low, high=high
            )
            return None
        if not low <= value <= high:
            self.fail(path, f"must be from {low} to {high}", "range", low=low, high=high)
            return None
        return value

    def parsed(self, data, key, path, parse, form):
        value = data.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return parse(value)
        except ValueError:
            self.fail(path, f"must be {form}", "format")
            return None


def _iso_date(text: str) -> date:
    """`YYYY-MM-DD` only (date.fromisoformat also takes `20261126` and week dates)."""
    if not DATE_PATTERN.match(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def parse_scenario(data, *, today: date) -> Scenario:
    """Validate the input of SCENARIO.md and return a Scenario; raise ScenarioError."""
    if not isinstance(data, dict):
        raise ScenarioError([FieldError("(scenario)", "must be a JSON object", "format")])
    r = _Reader()
    r.unknown_fields(data, TOP_LEVEL_FIELDS, "")
    as_of = r.parsed(data, "as_of", "as_of", _iso_date, "a date YYYY-MM-DD") or today
    covered_from, covered_until = parameters.covered_period()
    if not covered_from <= as_of <= covered_until:
        r.fail(
            "as_of",
            f"must be from {covered_from} to {covered_until}, the days for which "
            f"the advisor holds the rules",
            "as-of-not-covered",
            first=covered_from,
            last=covered_until,
        )
        raise ScenarioError(r.errors)  # every other check depends on the day
    residence = r.choice(data, "residence", "residence", RESIDENCES)
    system = r.choice(data, "education_system", "education_system", SYSTEMS)
    birth_month = r.parsed(data, "birth_month", "birth_month", Month.parse, "a month YYYY-MM")
    if birth_month and not FIRST_BIRTH_MONTH <= birth_month <= Month.of(as_of):
        r.fail(
            "birth_month",
            f"must be between {FIRST_BIRTH_MONTH} and {Month.of(as_of)}",
            "birth-range",
            first=FIRST_BIRTH_MONTH,
            last=Month.of(as_of),
        )
        birth_month = None
    raw_enrolments = data.get("enrolments", [])
    enrolments = []
    if not isinstance(raw_enrolments, list):
        r.fail("enrolments", "must be a list", "format")
    elif len(raw_enrolments) > MAX_ENROLMENTS:
        r.fail(
            "enrolments",
            f"at most {MAX_ENROLMENTS} rows (one per programme per academic "
            f"year), not {len(raw_enrolments)}",
            "too-many-rows",
            high=MAX_ENROLMENTS,
        )
    else:
        for i, raw in enumerate(raw_enrolments):
            enrolment = _enrolment(r, raw, i, system or "flanders", as_of)
            if enrolment:
                enrolments.append(enrolment)
    _check_together(r, enrolments, birth_month)
    dutch_before = r.boolean(data, "dutch_enrolment_before_2018", "dutch_enrolment_before_2018")
    to_finish = r.integer(data, "credits_to_finish", "credits_to_finish", 0, MAX_CREDITS_TO_FINISH)
    plans = _plans(r, data.get("plans"), system or "flanders", as_of, enrolments, birth_month)
    if r.errors:
        raise ScenarioError(r.errors)
    return Scenario(
        as_of=as_of,
        residence=residence,
        education_system=system,
        birth_month=birth_month,
        enrolments=tuple(sorted(enrolments, key=_enrolment_order)),
        dutch_enrolment_before_2018=dutch_before,
        credits_to_finish=to_finish,
        plans=plans,
    )


def _plans(r, raw, default_system, as_of, enrolments, birth_month) -> tuple[Plan, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.fail("plans", "must be a list", "format")
        return ()
    if len(raw) > MAX_PLANS:
        r.fail("plans", f"at most {MAX_PLANS} plans, not {len(raw)}", "too-many-plans",
               high=MAX_PLANS)  # fmt: skip
        return ()
    current = AcademicYear.of(as_of)
    pending = [e for e in enrolments if e.academic_year == current and awaits_results(e)]
    plans = []
    for i, raw_plan in enumerate(raw):
        before = len(r.errors)
        plan = _plan(r, raw_plan, f"plans[{i}]", i, default_system, as_of, birth_month)
        if plan and pending and not any(e.academic_year == current for e in plan.enrolments):
            r.fail(
                f"plans[{i}].enrolments",
                f"a plan for the years after {current} needs the results you expect for "
                f"{current} first: add an enrolment for {current} with credits_earned",
                "plan-running-year-first",
                year=str(current),
            )
        if plan and len(r.errors) == before:
            plans.append(plan)
    return tuple(plans)


def awaits_results(e: Enrolment) -> bool:
    """A running enrolment whose results count (Flanders, the French Community) and are not
    known yet."""
    return not e.results_known and e.system in SYSTEMS_WITH_PROGRESS and e.contract != "exam"


def _plan(r, raw, path, index, default_system, as_of, birth_month) -> Plan | None:
    if not isinstance(raw, dict):
        r.fail(path, "must be an object", "format")
        return None
    r.unknown_fields(raw, PLAN_FIELDS, f"{path}.")
    name = raw.get("name", f"Plan {index + 1}")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= MAX_PLAN_NAME:
        r.fail(f"{path}.name", f"must be a text of 1 to {MAX_PLAN_NAME} characters",
               "plan-name", high=MAX_PLAN_NAME)  # fmt: skip
        return None
    rows = raw.get("enrolments")
    if not isinstance(rows, list):  # empty: no enrolment in the plan's years (stopping)
        r.fail(f"{path}.enrolments", "required: a list of enrolments, empty to stop", "required")
        return None
    if len(rows) > MAX_PLAN_ENROLMENTS:
        r.fail(f"{path}.enrolments", f"at most {MAX_PLAN_ENROLMENTS} rows, not {len(rows)}",
               "too-many-rows", high=MAX_PLAN_ENROLMENTS)  # fmt: skip
        return None
    current = AcademicYear.of(as_of)
    own = []
    for j, row in enumerate(rows):
        row_path = f"{path}.enrolments[{j}]"
        enrolment = _enrolment(r, row, j, default_system, as_of, path=row_path, plan_from=current)
        if enrolment:
            own.append(enrolment)
    if len(own) < len(rows):
        return None
    _check_together(r, own, birth_month, f"{path}.enrolments")
    return Plan(name=name.strip(), enrolments=tuple(sorted(own, key=_enrolment_order)))


def _enrolment_order(e: Enrolment):
    return (e.academic_year, e.first_month)


def with_plan(scenario: Scenario, plan: Plan) -> Scenario:
    """The scenario as it would be after the plan: the running year as the plan says (where it
    says it), then the plan's later years; the credits still needed to finish are those needed
    now less those the plan expects to pass."""
    planned_years = {e.academic_year for e in plan.enrolments}
    kept = [e for e in scenario.enrolments if e.academic_year not in planned_years]
    to_finish = scenario.credits_to_finish
    planned = list(plan.enrolments)
    if to_finish is not None and scenario.enrolments:
        planned = _diploma_year(planned, to_finish, scenario.enrolments[-1])
        to_finish = max(0, to_finish - sum(e.credits_earned or 0 for e in plan.enrolments))
    return replace(
        scenario,
        enrolments=tuple(sorted(kept + planned, key=_enrolment_order)),
        credits_to_finish=to_finish,
        plans=(),
    )


def _diploma_year(planned: list[Enrolment], to_finish: int, last: Enrolment) -> list[Enrolment]:
    """A plan's enrolments with its diploma year marked, in the programme the answers end in
    (the one the credits still needed are for): the enrolment that takes every credit still
    needed is the final year (SCENARIO.md v2 `final_year`: the family allowance's diploma-year
    exception), and passing them all obtains the degree (a first master's deducts 140 from the
    learning credit, RULES.md §1.3)."""
    marked, left = [], to_finish
    for e in planned:
        same = (e.system, e.programme) == (last.system, last.programme) and not e.changed_programme
        if same and left > 0 and e.contract != "credit":  # a credit contract gives no degree
            e = replace(
                e,
                final_year=e.final_year or e.credits_taken >= left,
                degree_obtained=e.degree_obtained or (e.credits_earned or 0) >= left,
            )
        left -= e.credits_earned or 0
        marked.append(e)
    return marked


# An enrolment's answers, its position left out: two rows alike in all of them are one twice.
_ANSWERS = attrgetter(*(f.name for f in fields(Enrolment) if f.name != "position"))


def _check_together(
    r: _Reader, enrolments: list[Enrolment], birth_month: Month | None, prefix="enrolments"
):
    """Answers that are each valid but cannot all be true: an enrolment that starts before the
    student is MIN_AGE_AT_ENROLMENT, and the same enrolment twice (two rows alike in every
    answer). Two rows of the same programme in one year may differ: a change of programme
    during the year, two programmes at once (a teacher master beside another master)."""
    seen: dict[tuple, int] = {}
    for e in enrolments:
        path = f"{prefix}[{e.position}].academic_year"
        if birth_month and e.first_month.minus(birth_month) < MIN_AGE_AT_ENROLMENT * 12:
            r.fail(
                path,
                f"starts before the student is {MIN_AGE_AT_ENROLMENT} (birth_month "
                f"{birth_month}): check the academic year and birth_month",
                "enrolled-too-young",
                born=birth_month,
                min_age=MIN_AGE_AT_ENROLMENT,
            )
        alike = _ANSWERS(e)
        if alike in seen:
            r.fail(
                path,
                f"the same enrolment as {prefix}[{seen[alike]}] (every answer the same): "
                f"remove one of them or correct it",
                "same-enrolment-twice",
                row=seen[alike] + 1,
            )
        else:
            seen[alike] = e.position


def results_may_be_pending(year: AcademicYear, as_of: date) -> bool:
    """The running year, and the year that just ended until its last exams and deliberations
    are over (second session in late August and September)."""
    current = AcademicYear.of(as_of)
    if year >= current:
        return True
    pending_until = current.day(
        parameters.get("calendar.previous_year_results_pending_until", on=as_of)
    )
    return year == current.previous() and as_of <= pending_until


def _enrolment(
    r: _Reader,
    raw,
    position: int,
    default_system: str,
    as_of: date,
    *,
    path: str | None = None,
    plan_from: AcademicYear | None = None,
) -> Enrolment | None:
    """One enrolment; in a plan (`plan_from`: the running year) it must be in that year or in
    the MAX_PLAN_YEARS_AHEAD after it, with the results the plan expects."""
    path = path or f"enrolments[{position}]"
    current_year = AcademicYear.of(as_of)
    if not isinstance(raw, dict):
        r.fail(path, "must be an object", "format")
        return None
    before = len(r.errors)
    r.unknown_fields(raw, ENROLMENT_FIELDS, f"{path}.")
    year = r.parsed(
        raw,
        "academic_year",
        f"{path}.academic_year",
        AcademicYear.parse,
        "two consecutive years YYYY-YYYY, e.g. 2024-2025",
    )
    if raw.get("academic_year") is None:  # absent or null
        r.fail(f"{path}.academic_year", "required, e.g. 2024-2025", "required")
    system = r.choice(raw, "system", f"{path}.system", SYSTEMS, default_system)
    programme = r.choice(raw, "programme", f"{path}.programme", PROGRAMMES)
    contract = r.choice(raw, "contract", f"{path}.contract", CONTRACTS, "diploma")
    taken = r.integer(raw, "credits_taken", f"{path}.credits_taken", 0, MAX_CREDITS, required=True)
    earned = r.integer(raw, "credits_earned", f"{path}.credits_earned", 0, MAX_CREDITS)
    tolerated = r.integer(raw, "credits_tolerated", f"{path}.credits_tolerated", 0, MAX_CREDITS)
    start = r.parsed(raw, "start_month", f"{path}.start_month", Month.parse, "a month YYYY-MM")
    end = r.parsed(raw, "end_month", f"{path}.end_month", Month.parse, "a month YYYY-MM")
    block1 = r.integer(
        raw, "block1_credits_earned", f"{path}.block1_credits_earned", 0, MAX_CREDITS
    )
    degree = r.boolean(raw, "degree_obtained", f"{path}.degree_obtained")
    teacher = r.boolean(raw, "teacher_training", f"{path}.teacher_training")
    final = r.boolean(raw, "final_year", f"{path}.final_year")
    changed = r.boolean(raw, "changed_programme", f"{path}.changed_programme")

    if year and plan_from:
        last = AcademicYear(plan_from.start + MAX_PLAN_YEARS_AHEAD)
        if not plan_from <= year <= last:
            r.fail(
                f"{path}.academic_year",
                f"a plan covers {plan_from} to {last}",
                "plan-year",
                first=str(plan_from),
                last=str(last),
            )
    elif year:
        if year > current_year:
            r.fail(
                f"{path}.academic_year",
                f"must not be after the current academic year ({current_year})",
                "future-year",
                year=str(current_year),
            )
        elif year < FIRST_YEAR:
            r.fail(
                f"{path}.academic_year",
                f"must not be before {FIRST_YEAR}",
                "too-early",
                year=str(FIRST_YEAR),
            )
        elif system == "flanders" and year < FIRST_FLEMISH_YEAR:
            r.fail(
                f"{path}.academic_year",
                f"Flemish enrolments are covered from "
                f"{FIRST_FLEMISH_YEAR}, when the learning credit "
                f"started",
                "before-learning-credit",
                year=str(FIRST_FLEMISH_YEAR),
            )
        elif system == "french-community" and year < FIRST_FRENCH_COMMUNITY_YEAR:
            r.fail(
                f"{path}.academic_year",
                f"French Community enrolments are covered from "
                f"{FIRST_FRENCH_COMMUNITY_YEAR}, when the Paysage "
                f"decree's credit system started",
                "before-paysage",
                year=str(FIRST_FRENCH_COMMUNITY_YEAR),
            )
        for key, month in (("start_month", start), ("end_month", end)):
            if month and month.academic_year != year:
                r.fail(
                    f"{path}.{key}",
                    f"must fall within {year} ({year.first_month} to {year.last_month})",
                    "month-outside-year",
                    year=str(year),
                )
    if start and end and end < start:
        r.fail(
            f"{path}.end_month",
            f"must not be before start_month ({start})",
            "end-before-start",
            start=start,
            last=start.academic_year.last_month,
        )
    if programme in ONLY_IN_SYSTEM and system and ONLY_IN_SYSTEM[programme] != system:
        r.fail(
            f"{path}.programme",
            f"{programme} exists only in the {ONLY_IN_SYSTEM[programme]} system",
            "programme-system",
            system=ONLY_IN_SYSTEM[programme],
        )
    if taken is not None:
        if earned is not None and earned > taken:
            r.fail(
                f"{path}.credits_earned",
                f"must not exceed credits_taken ({taken})",
                "earned-exceeds-taken",
                taken=taken,
            )
        if tolerated is not None and tolerated + (earned or 0) > taken:
            r.fail(
                f"{path}.credits_tolerated",
                f"earned and tolerated together must not exceed credits_taken ({taken})",
                "tolerated-exceeds-taken",
                taken=taken,
                high=taken - min(earned or 0, taken),
            )
    if block1 is not None and earned is None:
        r.fail(
            f"{path}.block1_credits_earned",
            "only with credits_earned (the results known)",
            "block1-without-earned",
        )
    elif block1 is not None and block1 > earned:
        r.fail(
            f"{path}.block1_credits_earned",
            f"must not exceed credits_earned ({earned})",
            "block1-exceeds-earned",
            earned=earned,
        )
    if (
        year
        and earned is None
        and system in SYSTEMS_WITH_PROGRESS
        and contract != "exam"
        and plan_from
    ):
        r.fail(
            f"{path}.credits_earned",
            "required in a plan: the credits you expect to pass",
            "plan-earned-required",
            high=MAX_CREDITS if taken is None else taken,
        )
    elif (
        year
        and earned is None
        and system in SYSTEMS_WITH_PROGRESS
        and contract != "exam"
        and not results_may_be_pending(year, as_of)
    ):
        r.fail(
            f"{path}.credits_earned",
            f"required for a past academic year ({year}): its results are known",
            "earned-required",
            year=str(year),
            high=MAX_CREDITS if taken is None else taken,
        )
    if len(r.errors) > before:
        return None
    return Enrolment(
        academic_year=year,
        system=system,
        programme=programme,
        contract=contract,
        credits_taken=taken,
        credits_earned=earned,
        credits_tolerated=tolerated,
        degree_obtained=degree,
        teacher_training=teacher,
        start_month=start,
        end_month=end,
        final_year=final,
        changed_programme=changed,
        block1_credits_earned=block1,
        position=position,
    )
