"""The scenario's validation errors, translated and tied to the wizard's fields."""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext_lazy as _

from rules.calendar import Month
from rules.scenario import FieldError, ScenarioError

from .answers import ROWS, TOP_LEVEL
from .forms import FOLLOW_UP_NAMES, SCENARIO_FIELD, STEPS, EnrolmentRowForm
from .templatetags.advisor import long_date, month_year

MESSAGES = {
    "required": _("Answer this question."),
    "choice": _("Choose one of the options."),
    "boolean": _("Answer yes or no."),
    "range": _("Enter a whole number from {low} to {high}."),
    "format": _("This answer is not in the expected form."),
    "unknown-field": _("This answer is not one we ask for."),
    "birth-range": _("The birth month cannot be in the future."),
    "too-early": _("Choose {year} or a later year."),
    "future-year": _("Choose {year} or an earlier year."),
    "before-learning-credit": _(
        "Flemish enrolments are covered from {year}, when the learning credit started."
    ),
    "before-paysage": _(
        "French Community enrolments are covered from {year}, when the Paysage "
        "decree's credit system started."
    ),
    "earned-exceeds-taken": _(
        "The credits earned cannot be more than the credits taken ({taken})."
    ),
    "tolerated-exceeds-taken": _(
        "The credits earned and tolerated together cannot be more than "
        "the credits taken ({taken})."
    ),
    "earned-required": _("Enter the credits earned: the results of {year} are known."),
    "programme-system": _(
        "This programme does not exist in the education system chosen for this year."
    ),
    "month-outside-year": _("Choose a month within {year}."),
    "end-before-start": _("The last month cannot be before the first month."),
    "as-of-not-covered": _(
        "Choose a day from {first} to {last}: we hold the rules for those days only."
    ),
    "too-many-rows": _("Give at most {high} rows: one per programme per academic year."),
    "block1-without-earned": _("Give the credits earned first: these are part of them."),
    "block1-exceeds-earned": _("At most the {earned} credits you earned that year."),
    "enrolled-too-young": _(
        "This year starts before you were {min_age} (born in {born}). "
        "Check this year and your birth year."
    ),
    "same-enrolment-twice": _(
        "Year {row} has exactly the same answers. Remove one of the two rows, or correct this one."
    ),
}
PATH = re.compile(r"^(?:enrolments\[(\d+)\]\.)?(\w+)$")
STEP_OF_FIELD = {a.key: a.step for a in TOP_LEVEL if a.step}
STEP_OF_ROW_FIELD = {a.key: a.step for a in ROWS}


# Fields whose wizard label is a whole question or depends on the row: a short name instead.
FIELD_NAMES = {
    "by": _("Birth month and year"),
    "on": _("Advice date (on)"),
    **FOLLOW_UP_NAMES,
    "q": _("Teacher training"),
    "nb": _("Earlier enrolment in the Netherlands"),
}


def field_name(index: int | None, key: str) -> str:
    """The answer an error is about, in words: `Year 2, Credits taken`, `Birth month and year`."""
    if key in FIELD_NAMES:
        name = str(FIELD_NAMES[key])
    elif index is not None and key in EnrolmentRowForm.base_fields:
        name = str(EnrolmentRowForm.base_fields[key].label)
    else:
        form = STEPS.get(STEP_OF_FIELD.get(key, ""))
        name = str(form.base_fields[key].label) if form and key in form.base_fields else ""
    if index is None:
        return name
    year = str(_("Year {n}")).format(n=index + 1)
    return f"{year}, {name[0].lower()}{name[1:]}" if name else year


def _text(value) -> str:
    """A message's figure in words: a day as `1 December 2026`, a month as `March 2016`."""
    if isinstance(value, Month):
        return month_year(value)
    return long_date(value) if isinstance(value, date) else value


def message(error: FieldError) -> str:
    template = MESSAGES.get(error.code)
    params = {key: _text(value) for key, value in error.params.items()}
    return str(template).format(**params) if template else error.message


def scenario_errors(exc: ScenarioError) -> list[tuple[int | None, str, str]]:
    """(row index or None, form field key, translated message) for each error."""
    found = []
    for error in exc.errors:
        m = PATH.match(error.path)
        index = int(m.group(1)) if m and m.group(1) else None
        key = SCENARIO_FIELD.get(m.group(2), "") if m else ""
        found.append((index, key, message(error)))
    return found


def step_of_path(index: int | None, key: str) -> str:
    if index is not None:
        return STEP_OF_ROW_FIELD.get(key, "years")  # a row-wide problem: the years step
    return STEP_OF_FIELD.get(key, "residence")
