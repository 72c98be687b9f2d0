"""The planner on the result page (issue 13): up to three plans for the year the student
decides, side by side: next academic year, or this one while its enrolment is still open on time
and the answers hold no enrolment in it (rules.family_allowance.allowance.enrolment_year).

A plan is a column of a GET form. Its answers travel in the query string like every other
answer, one key per field and column (`pe0`, `pt1`, ...), and in the short link (shortlink.py):

- `pe`: the credits the student expects to pass this year (asked only while this year's
  results are not known; it sets the results of the one enrolment awaiting them);
- `pt`: the credits to take in the planned year (0: not enrolling);
- `pp`: of those, the credits expected to pass;
- `pg`, `pk`: that year's programme and contract (by default the last one's);
- `pc`: `1` for another programme than the last enrolment's (a change of programme: a new
  run for the Flemish study-progress rule, a reorientation in the French Community); a
  programme of another kind is always another one.

Valid columns become SCENARIO `plans` (rules.scenario.Plan): the rules advise each one as the
main advice. Each field is checked here on its own, with its error next to it; the rules check
the rest as for any scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from rules.calendar import AcademicYear
from rules.family_allowance.allowance import enrolment_year
from rules.scenario import (
    CONTRACTS,
    MAX_CREDITS,
    MAX_PLANS,
    ONLY_IN_SYSTEM,
    PROGRAMMES,
    SYSTEMS_WITH_PROGRESS,
    Enrolment,
    Scenario,
    awaits_results,
)

from .forms import (
    CONTRACT_LABELS,
    EXAMPLES,
    PROGRAMME_LABELS,
    WHOLE_NUMBER,
    named,
)
from .querystring import ascii_digits, whole_number

FIELDS = ("pe", "pt", "pp", "pg", "pc", "pk")
NUMBERS = ("pe", "pt", "pp")
# The French Community's rules this planner follows are a bachelor's and a master's
# (rules/progression); its contracts are Flemish ones, not asked there.
FRENCH_COMMUNITY_PROGRAMMES = ("bachelor", "master")
KEYS = frozenset(f"{name}{n}" for name in FIELDS for n in range(MAX_PLANS))
LETTERS = "ABC"  # the columns' names: Plan A, Plan B, Plan C
FULL_YEAR = 60  # a model year's credits, for the preset plans
FEWER = 42  # the preset 'take fewer credits' (the issue's own example)

LABELS = {
    "pe": _("Credits you expect to pass this year"),
    "pt": _("Credits to take in {year}"),
    "pp": _("Credits you expect to pass in {year}"),
    "pg": _("Programme in {year}"),
    "pc": _("The same programme as your last enrolment?"),
    "pk": _("Contract in {year}"),
}
CHOOSE_FROM = _("choose one of the options, for example {example}")
THIS_YEAR_MISSING = _(
    "enter a whole number from 0 to {high}, for example {example}, or empty this plan's "
    "numbers to leave it out"
)
PASSED_ABOVE_TAKEN = _("enter a number from 0 to {high}: you cannot pass more than you take")
ABOVE_THIS_YEAR = _("enter a number from 0 to {high}: you take {high} credits this year")
NOTHING_TO_COMPARE = _("Fill in the numbers of at least one plan to compare it.")


# The presets' names (`_preset`), shown until the planner is first used.
PRESETS = {
    True: (  # while this year runs
        _("Filled in: pass everything, then a full year"),
        _("Filled in: pass half, then take fewer credits"),
        _("Filled in: pass half, then stop"),
    ),
    False: (
        _("Filled in: a full year"),
        _("Filled in: fewer credits"),
        _("Filled in: half a year"),
    ),
}


@dataclass
class Column:
    index: int
    values: dict[str, str]  # field name -> the answer as typed (or the preset)
    errors: dict[str, str] = field(default_factory=dict)  # field name -> message
    preset: str = ""  # the preset's name while the column holds it

    @property
    def letter(self) -> str:
        return LETTERS[self.index]

    def key(self, name: str) -> str:
        return f"{name}{self.index}"

    @property
    def used(self) -> bool:
        """A plan with a number in it (the lists always send a value)."""
        return any(self.values.get(name) for name in NUMBERS)


@dataclass
class Planner:
    running: Enrolment | None  # this year's enrolment awaiting its results, if any
    year: AcademicYear  # the year planned: the next one, or this one while enrolment is open
    columns: list[Column]
    programmes: list[str]  # the programmes the planned enrolment may be in
    submitted: bool  # the query holds the planner's answers
    system: str  # the planned year's education system: the last enrolment's
    last_programme: str  # the last enrolment's programme (another kind is a change of programme)
    this_year: bool  # the year planned is the running one (no enrolment in it yet, on time)
    problem: str = ""  # a plan the rules refused as a whole (their message)

    @property
    def asks_contract(self) -> bool:
        """Contracts are Flemish (diploma, credit, exam)."""
        return self.system == "flanders"

    @property
    def fields(self) -> list[str]:
        """The fields each plan asks: this year's expected credits only while the year runs,
        the contract only in Flanders."""
        return [
            name
            for name in FIELDS
            if (name != "pe" or self.running) and (name != "pk" or self.asks_contract)
        ]

    @property
    def valid(self) -> bool:
        return self.submitted and not any(c.errors for c in self.columns)

    def plans(self) -> list[dict]:
        """The valid columns as SCENARIO `plans`."""
        return [self._plan(c) for c in self.columns if c.used] if self.valid else []

    def _plan(self, column: Column) -> dict:
        rows = []
        if self.running:
            rows.append(_row(self.running) | {"credits_earned": int(column.values["pe"])})
        taken = int(column.values.get("pt") or 0)
        if taken:
            rows.append(
                {
                    "academic_year": str(self.year),
                    "system": self.system,
                    "programme": column.values["pg"],
                    "contract": column.values.get("pk") or "diploma",
                    "changed_programme": column.values.get("pc") == CHANGED
                    or column.values["pg"] != self.last_programme,
                    "credits_taken": taken,
                    "credits_earned": int(column.values["pp"]),
                }
            )
        return {"name": column.letter, "enrolments": rows}


def planner_for(state, scenario: Scenario) -> Planner | None:
    """The planner for this student, or None where it has nothing to compare: no enrolment
    in a system whose results count (Flanders, the French Community) in the latest year
    enrolled, or more than one enrolment this year still awaiting results (one column could
    not say which passes what)."""
    followed = [e for e in scenario.enrolments if e.system in SYSTEMS_WITH_PROGRESS]
    if not followed or followed[-1].academic_year < scenario.enrolments[-1].academic_year:
        return None  # no such enrolment, or the student has moved on to the Netherlands
    current = scenario.current_year
    waiting = [e for e in followed if e.academic_year == current and awaits_results(e)]
    if len(waiting) > 1:
        return None
    running = waiting[0] if waiting else None
    last = running or followed[-1]
    if last.system == "french-community":
        programmes = list(FRENCH_COMMUNITY_PROGRAMMES)
    else:
        programmes = [p for p in PROGRAMMES if ONLY_IN_SYSTEM.get(p, last.system) == last.system]
    submitted = any(key in state for key in KEYS)
    if submitted:
        columns = [Column(n, _answers(state, n)) for n in range(MAX_PLANS)]
    else:
        stopped = bool(running) and running.last_month < running.academic_year.last_month
        names = PRESETS[running is not None and not stopped]
        columns = [
            Column(n, _preset(n, running, last, stopped), preset=names[n])
            for n in range(MAX_PLANS)
        ]
    year = enrolment_year(scenario)
    planner = Planner(
        running, year, columns, programmes, submitted, last.system, last.programme,
        this_year=year == current,
    )  # fmt: skip
    if submitted:
        for column in columns:
            if column.used:
                _check(column, planner)
        if not any(column.used for column in columns):
            planner.problem = str(NOTHING_TO_COMPARE)
    return planner


def _answers(state, n: int) -> dict[str, str]:
    return {name: ascii_digits(state.get(f"{name}{n}", "").strip()) for name in FIELDS}


def _preset(n: int, running: Enrolment | None, last: Enrolment, stopped: bool) -> dict[str, str]:
    """Three common choices to start from. While this year runs: pass everything and take a
    full year next; pass half and take fewer credits next year, passing half; pass half and
    stop. Otherwise, or when this year's enrolment stopped early (nothing passed after it), a
    full year, fewer credits, and half of a full year."""
    if running and not stopped:
        taken = running.credits_taken
        this_year = (taken, taken // 2, taken // 2)[n]
        next_year = ((FULL_YEAR, FULL_YEAR), (FEWER, FEWER // 2), (0, 0))[n]
    else:
        this_year = None
        next_year = ((FULL_YEAR, FULL_YEAR), (FEWER, FEWER // 2), (FULL_YEAR // 2,) * 2)[n]
    values = {
        "pt": str(next_year[0]),
        "pp": str(next_year[1]) if next_year[0] else "",
        "pg": last.programme,
        "pk": last.contract,
    }
    if running:
        values["pe"] = str(this_year or 0)
    return values


def _check(column: Column, planner: Planner):
    """Each field on its own: a whole number in its range, a choice among the options."""
    values, asked, year = column.values, planner.fields, planner.year
    if "pe" in asked:
        high = planner.running.credits_taken
        raw = values.get("pe")
        if not raw:
            message = THIS_YEAR_MISSING
        else:
            message = WHOLE_NUMBER if whole_number(raw) is None else ABOVE_THIS_YEAR
        _number(column, "pe", high, message, year)
    taken = _number(column, "pt", MAX_CREDITS, WHOLE_NUMBER, year, required=False)
    if taken:
        message = PASSED_ABOVE_TAKEN if values.get("pp") else WHOLE_NUMBER
        _number(column, "pp", taken, message, year)
        if values.get("pg") not in planner.programmes:
            _fail(column, "pg", CHOOSE_FROM.format(example=EXAMPLES["p"]), planner.year)
        if values.get("pc") not in ("", CHANGED):
            _fail(column, "pc", CHOOSE_FROM.format(example=SAME_OR_CHANGED[1][1]), planner.year)
        if "pk" in asked and values.get("pk") not in CONTRACTS:
            _fail(column, "pk", CHOOSE_FROM.format(example=EXAMPLES["k"]), planner.year)


def _number(column: Column, name: str, high: int, message, year, *, required=True) -> int | None:
    """A whole number from 0 to `high`; the message's example is a model year's credits."""
    raw = column.values.get(name, "")
    number = whole_number(raw) if raw else None
    if (raw or required) and (number is None or number > high):
        example = min(high, FULL_YEAR)
        _fail(column, name, str(message).format(low=0, high=high, example=example), year)
        return None
    return number


def _fail(column: Column, name: str, problem: str, year: AcademicYear):
    text = label(name, year)
    field_name = _("Plan {letter}, {field}").format(
        letter=column.letter, field=text[0].lower() + text[1:]
    )
    column.errors[name] = named(field_name, problem)


def label(name: str, year: AcademicYear) -> str:
    """A field's label, naming the planned year."""
    return str(LABELS[name]).format(year=year)


def _row(e: Enrolment) -> dict:
    """This year's enrolment as SCENARIO data, to be given its expected results."""
    row = {
        "academic_year": str(e.academic_year),
        "system": e.system,
        "programme": e.programme,
        "contract": e.contract,
        "credits_taken": e.credits_taken,
        "final_year": e.final_year,
        "changed_programme": e.changed_programme,
    }
    for name in ("start_month", "end_month"):
        if (month := getattr(e, name)) is not None:
            row[name] = str(month)
    return row


def programme_choices(programmes) -> list[tuple[str, str]]:
    return [(p, PROGRAMME_LABELS[p]) for p in programmes]


CONTRACT_CHOICES = [(c, CONTRACT_LABELS[c]) for c in CONTRACTS]
CHANGED = "1"
SAME_OR_CHANGED = [("", _("Yes, the same")), (CHANGED, _("No, another programme"))]


def plan_keys(scenario: Scenario) -> tuple[dict[str, str], list[str]]:
    """The scenario's plans as the planner's query keys (`advise --permalink`), and the names
    of the plans the planner cannot show: it holds this year's expected results for the one
    enrolment awaiting them and one enrolment next year, at most three plans."""
    planner = planner_for({}, scenario)
    keys: dict[str, str] = {}
    left_out = []
    for n, plan in enumerate(scenario.plans):
        planned = [e for e in plan.enrolments if planner and e.academic_year == planner.year]
        this_year = [e for e in plan.enrolments if e not in planned]
        fits = (
            planner is not None
            and len(this_year) == (1 if planner.running else 0)
            and all(e.academic_year == scenario.current_year for e in this_year)
            and len(planned) <= 1
        )
        if not fits:
            left_out.append(plan.name)
            continue
        if this_year:
            keys[f"pe{n}"] = str(this_year[0].credits_earned)
        keys[f"pt{n}"] = str(planned[0].credits_taken if planned else 0)
        if planned:
            e = planned[0]
            keys |= {f"pp{n}": str(e.credits_earned), f"pg{n}": e.programme, f"pk{n}": e.contract}
            if e.changed_programme and e.programme == planner.last_programme:
                keys[f"pc{n}"] = CHANGED
    return keys, left_out
