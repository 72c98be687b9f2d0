"""Parameter lookup and the age limits of the family-allowance schemes (RULES.md §2)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from .. import parameters
from ..calendar import AcademicYear, Month

SCHEMES = {
    "flanders": "groeipakket",
    "brussels": "brussels",
    "wallonia": "wallonia",
    "german-community": "german-community",
}


def _folder(region: str) -> str:
    return SCHEMES[region].replace("-", "_")


def _p(region: str, name: str, on: date):
    return parameters.get(f"family_allowance.{_folder(region)}.{name}", on=on)


def _p_or_none(region: str, name: str, on: date):
    try:
        return _p(region, name, on)
    except parameters.NoValue:
        return None


# --- ages -----------------------------------------------------------------------------------


def unconditional_until(region: str, birth: Month, on: date) -> Month:
    """The last month of the unconditional right."""
    age = _p(region, "unconditional_age", on)
    if region == "flanders":  # up to and including the month of the birthday
        return birth.plus(12 * age)
    until = _p(region, "unconditional_until", on)  # 31 August of that calendar year
    return Month(birth.year + age, int(until.split("-")[0]))


def until_21(region: str, birth: Month, on: date) -> Month | None:
    """Wallonia, born on or after the cut-off: the last month of the semi-automatic right."""
    if region != "wallonia":
        return None
    if birth.first_day < _p(region, "semi_automatic_born_from", on):
        return None
    return birth.plus(12 * _p(region, "semi_automatic_age", on))


def end_month(region: str, birth: Month, on: date) -> Month:
    return birth.plus(12 * _p(region, "age_limit", on))


# --- months ---------------------------------------------------------------------------------


def _majority(counts: Counter, year: AcademicYear) -> str | None:
    if not counts:
        return None
    top = max(counts.values())
    tied = [b for b, n in counts.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    # On a tie, the basis in force later in the year.
    return tied[-1]  # Counter keeps first-seen order: the last tied basis started later
