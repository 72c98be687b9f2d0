"""The scenario's validation errors, translated and tied to the wizard's fields."""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rules.calendar import Month
from rules.scenario import FieldError, ScenarioError

from . import forms
from .answers import ROWS, TOP_LEVEL
from .forms import CHOOSE, EXAMPLES, SCENARIO_FIELD, WHOLE_NUMBER
from .templatetags.advisor import long_date, month_year

# Each code's message after the field's name (`Year 1, credits taken: ...`); `code:key` where a
# field needs its own. `{example}` is the field's example (forms.EXAMPLES).
MESSAGES = {
    "required": CHOOSE,
    "required:": _("an answer is missing"),  # no field of a form to name (a plan's list)
    "required:t": WHOLE_NUMBER,
    "choice": CHOOSE,
    "boolean": _("answer yes or no"),
    "range": WHOLE_NUMBER,
    "format": _("this answer is not in the expected form"),
    "format:y": CHOOSE,
    "format:sm": CHOOSE,
    "format:em": CHOOSE,
    "format:by": _("give a month and a year, for example March 2005"),
    "format:on": _("give a day as YYYY-MM-DD, for example {example}"),
    "unknown-field": _("this answer is not one we ask for"),
    "birth-range": _("give a month from {first} to {last}, for example March 2005"),
    "too-early": _("choose {year} or a later year, for example {example}"),
    "future-year": _("choose {year} or an earlier year, for example {example}"),
    "before-learning-credit": _(
        "give Flemish years from {year} only, when the learning credit started, "
        "for example {example}"
    ),
    "before-paysage": _(
        "give French Community years from {year} only, when the Paysage decree's credit "
        "system started, for example {example}"
    ),
    "earned-exceeds-taken": _(
        "enter a number from 0 to {taken} (the credits taken), for example {taken}"
    ),
    "tolerated-exceeds-taken": _(
        "enter a number from 0 to {high}, for example {high} (earned and tolerated together "
        "are at most the {taken} credits taken)"
    ),
    "earned-required": _(
        "enter the credits earned, from 0 to {high}, for example {example} "
        "(the results of {year} are known)"
    ),
    "programme-system": _(
        "choose a programme of this year's education system, for example {example}"
    ),
    "month-outside-year": _("choose a month within {year}, for example {example}"),
    "end-before-start": _("choose {start} or a later month, for example {last}"),
    "as-of-not-covered": _(
        "choose a day from {first} to {last}, for example today "
        "(we hold the rules for those days only)"
    ),
    "too-many-rows": _("give at most {high} rows, one per programme per academic year"),
    "block1-without-earned": _(
        "first enter the credits earned that year on the years page (these are part of them)"
    ),
    "block1-exceeds-earned": _(
        "enter a number from 0 to {earned} (the credits you earned that year), "
        "for example {earned}"
    ),
    "enrolled-too-young": _(
        "check this year and your birth year (born in {born}, you were not yet {min_age} then)"
    ),
    "same-enrolment-twice": _(
        "remove this row or correct it (year {row} has exactly the same answers)"
    ),
    # The planner's plans (advisor/planner.py checks each field itself first).
    "too-many-plans": _("compare at most {high} plans"),
    "plan-name": _("give the plan a name of at most {high} characters"),
    "plan-year": _("plan the years from {first} to {last} only"),
    "plan-earned-required": _(
        "enter the credits you expect to pass, from 0 to {high}, for example {example}"
    ),
    "plan-running-year-first": _(
        "first enter the credits you expect to pass in {year}, the year that runs now"
    ),
}
PATH = re.compile(r"^(?:enrolments\[(\d+)\]\.)?(\w+)$")
STEP_OF_FIELD = {a.key: a.step for a in TOP_LEVEL if a.step}
STEP_OF_ROW_FIELD = {a.key: a.step for a in ROWS}


# Scenario fields that no single wizard field holds.
SCENARIO_NAMES = {"by": _("Birth month and year"), "on": _("Advice date (on)")}


def field_name(index: int | None, key: str) -> str:
    """The answer a scenario error is about, in words: `Year 2, credits taken`."""
    return str(SCENARIO_NAMES[key]) if key in SCENARIO_NAMES else forms.field_name(index, key)


def _text(value) -> str:
    """A message's figure in words: a day as `1 December 2026`, a month as `March 2016`."""
    if isinstance(value, Month):
        return month_year(value)
    return long_date(value) if isinstance(value, date) else value


def _example(key: str):
    """The field's example; for the advice day, today (`2026-11-26`)."""
    return timezone.localdate().isoformat() if key == "on" else EXAMPLES.get(key, "")


def message(error: FieldError, key: str) -> str:
    template = MESSAGES.get(f"{error.code}:{key}", MESSAGES.get(error.code))
    params = {name: _text(value) for name, value in error.params.items()}
    example = _example(key)
    if isinstance(example, int) and isinstance(error.params.get("high"), int):
        example = min(example, error.params["high"])  # not "from 0 to 200, for example 200"
    return str(template).format(example=example, **params) if template else error.message


def scenario_errors(exc: ScenarioError) -> list[tuple[int | None, str, str]]:
    """(row index or None, form field key, translated message) for each error."""
    found = []
    for error in exc.errors:
        m = PATH.match(error.path)
        index = int(m.group(1)) if m and m.group(1) else None
        key = SCENARIO_FIELD.get(m.group(2), "") if m else ""
        found.append((index, key, message(error, key)))
    return found


def step_of_path(index: int | None, key: str) -> str:
    if index is not None:
        return STEP_OF_ROW_FIELD.get(key, "years")  # a row-wide problem: the years step
    return STEP_OF_FIELD.get(key, "residence")
