"""The scenario's validation errors, translated and tied to the wizard's fields."""
from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from rules.scenario import FieldError, ScenarioError

from .forms import SCENARIO_FIELD

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
    "before-learning-credit": _("Flemish enrolments are covered from {year}, when the learning "
                                "credit started."),
    "before-paysage": _("French Community enrolments are covered from {year}, when the Paysage "
                        "decree's credit system started."),
    "earned-exceeds-taken": _("The credits earned cannot be more than the credits taken "
                              "({taken})."),
    "tolerated-exceeds-taken": _("The credits earned and tolerated together cannot be more than "
                                 "the credits taken ({taken})."),
    "earned-required": _("Enter the credits earned: the results of {year} are known."),
    "programme-system": _("This programme does not exist in the education system chosen for this "
                          "year."),
    "month-outside-year": _("Choose a month within {year}."),
    "end-before-start": _("The last month cannot be before the first month."),
}
PATH = re.compile(r"^(?:enrolments\[(\d+)\]\.)?(\w+)$")
STEP_OF_FIELD = {"r": "residence", "s": "system", "by": "about", "f": "finish",
                 "nb": "netherlands"}


def message(error: FieldError) -> str:
    template = MESSAGES.get(error.code)
    return str(template).format(**error.params) if template else error.message


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
    return "years" if index is not None else STEP_OF_FIELD.get(key, "residence")
