"""The planner's form (advisor/planner.py), written in Python: its hidden answers, its fields
and its error summary, on every result page that offers a plan; and the comparison's lines."""

import re
from functools import lru_cache

from django import template
from django.utils.safestring import mark_safe

from advisor.forms import CONTRACT_LABELS, PROGRAMME_LABELS
from advisor.html import html, html_join
from advisor.language import current_language
from advisor.planner import (
    CONTRACT_CHOICES,
    KEYS,
    LETTERS,
    SAME_OR_CHANGED,
    label,
    programme_choices,
)

from .translations import gettext as _

register = template.Library()
PLAIN = re.compile(r"[A-Za-z0-9_.-]*")  # nothing html.escape would change


@register.simple_tag
def hidden_answers(state) -> str:
    """Every answer but the planner's own, so that comparing keeps them in the address."""
    pairs = [(key, value) for key, values in state.lists() if key not in KEYS for value in values]
    if all(PLAIN.fullmatch(key) and PLAIN.fullmatch(value) for key, value in pairs):
        # answers are codes and digits: nothing to escape (most pages)
        return mark_safe(
            "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in pairs)
        )
    return html_join("", '<input type="hidden" name="{}" value="{}">', pairs)


@register.simple_tag
def planner_errors(planner) -> str:
    """The error summary: each problem links to its field."""
    problems = [
        (c.key(name), message) for c in planner.columns for name, message in c.errors.items()
    ]
    if not problems:
        return ""
    return html(
        '<div class="alert alert-danger error-summary" role="alert" tabindex="-1" '
        'id="planner-errors">'
        '<h3 class="h6">{}</h3><ul class="mb-0">{}</ul></div>',
        _("There is a problem"),
        html_join("", '<li><a href="#id_{}">{}</a></li>', problems),
    )


@register.simple_tag
def planner_columns(planner) -> str:
    """The plans' fieldsets: this year's expected credits while the year runs, then the
    planned year's. The same for everyone with the same answers in them (the presets, nearly
    always): written once per language and year."""
    names = planner.fields
    return _columns(
        current_language(),
        planner.year,
        tuple(planner.programmes),
        tuple(
            (
                column.index,
                str(column.preset),
                tuple(
                    (name, column.values.get(name, ""), column.errors.get(name)) for name in names
                ),
            )
            for column in planner.columns
        ),
    )


@lru_cache(maxsize=1024)
def _columns(language: str, year, programmes: tuple, columns: tuple) -> str:
    return html_join(
        "\n",
        '<fieldset class="col-md-4"><legend class="h6 fw-semibold">{}</legend>{}{}</fieldset>',
        (
            (
                _("Plan %(letter)s") % {"letter": LETTERS[index]},
                html('<p class="form-text mt-0">{}</p>', preset) if preset else "",
                mark_safe("".join(_field(index, year, programmes, *field) for field in fields)),
            )
            for index, preset, fields in columns
        ),
    )


def _field(index: int, year, programmes: tuple, name: str, value: str, error: str | None) -> str:
    key = f"{name}{index}"
    described = f' aria-describedby="{key}-error" aria-invalid="true"' if error else ""
    invalid = " is-invalid" if error else ""
    if name in ("pg", "pc", "pk"):
        choices = {"pg": programme_choices(programmes), "pc": SAME_OR_CHANGED}.get(
            name, CONTRACT_CHOICES
        )
        options = html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (code, mark_safe(" selected") if code == value else "", text)
                for code, text in choices
            ),
        )
        control = html(
            '<select name="{}" id="id_{}" class="form-select{}"{}>{}</select>',
            key, key, invalid, mark_safe(described), options,
        )  # fmt: skip
    else:
        control = html(
            '<input type="number" name="{}" id="id_{}" value="{}" min="0" inputmode="numeric" '
            'class="form-control{}"{}>',
            key, key, value, invalid, mark_safe(described),
        )  # fmt: skip
    message = (
        html('<div id="{}-error" class="invalid-feedback">{}</div>', key, error) if error else ""
    )
    return html(
        '<div class="mb-2"><label for="id_{}" class="form-label">{}</label>{}{}</div>',
        key, label(name, year), control, message,
    )  # fmt: skip


@register.filter
def shows(comparison, row: str) -> bool:
    return comparison.shows(row)


@register.simple_tag
def plan_enrolment(e, last_programme: str) -> str:
    """One enrolment of a plan: its year, programme (and contract, in Flanders), and the credits
    it takes and expects to pass; on paper the comparison is all that says which plan is which."""
    what = str(PROGRAMME_LABELS[e.programme])
    if e.changed_programme and e.programme == last_programme:  # another kind says it already
        another = _("(another programme)")
        what = f"{what} {another}"
    if e.system == "flanders":
        contract = str(CONTRACT_LABELS[e.contract])
        what = f"{what}, {contract[0].lower()}{contract[1:]}"
    return _("%(year)s, %(programme)s: take %(taken)s, pass %(earned)s") % {
        "year": e.academic_year,
        "programme": what,
        "taken": e.credits_taken,
        "earned": e.credits_earned,
    }
