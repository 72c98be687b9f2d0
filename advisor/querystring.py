"""The answers as a query string: short, stable parameter names, so that every result is a
permalink and every wizard step can be reopened from it.

    r  residence        s  education_system   by/bm  birth year and month
    f  credits_to_finish                      on as_of (only when fixed, e.g. by `advise`)
    nb dutch_enrolment_before_2018 (1)
    per enrolment row N (0, 1, ...):
    yN academic_year   xN system (when not the default)   pN programme   kN contract
    tN credits_taken   eN credits_earned   lN credits_tolerated   dN degree_obtained (1)
    smN/emN first/last month enrolled, as MM within the row's academic year   qN teacher (1)
    zN final_year (1)   cN changed_programme (1)   bN block1_credits_earned

Digits typed in another script (Arabic-Indic, full-width...) are read as their ASCII digits;
anything else that is not a number is left for the validation to name.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlencode

from rules.calendar import AcademicYear, Month
from rules.scenario import MAX_ENROLMENTS

TOP_LEVEL = {
    "r": "residence",
    "s": "education_system",
    "f": "credits_to_finish",
    "on": "as_of",
    "nb": "dutch_enrolment_before_2018",
}
ROW = {
    "y": "academic_year",
    "x": "system",
    "p": "programme",
    "k": "contract",
    "t": "credits_taken",
    "e": "credits_earned",
    "l": "credits_tolerated",
    "d": "degree_obtained",
    "sm": "start_month",
    "em": "end_month",
    "q": "teacher_training",
    "z": "final_year",
    "c": "changed_programme",
    "b": "block1_credits_earned",
}
INTEGERS = {
    "credits_taken",
    "credits_earned",
    "credits_tolerated",
    "credits_to_finish",
    "block1_credits_earned",
}
BOOLEANS = {
    "degree_obtained",
    "teacher_training",
    "dutch_enrolment_before_2018",
    "final_year",
    "changed_programme",
}
ROW_KEY = re.compile(r"^(sm|em|[yxpktelqdzcb])([0-9]{1,2})$")
MAX_ROWS = MAX_ENROLMENTS  # the years step offers no more; a longer query is refused by name


def row_indices(query) -> list[int]:
    """The enrolment rows present in a query, in order."""
    return sorted({int(m.group(2)) for key in query if (m := ROW_KEY.match(key))})


def ascii_digits(text: str) -> str:
    """`٢٠٢٤` -> `2024`; other characters unchanged (`²` is not a decimal digit)."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _value(name: str, raw: str):
    raw = ascii_digits(raw.strip())
    if raw == "":
        return None
    if name in INTEGERS:
        return int(raw) if raw.isascii() and raw.isdigit() else raw  # else left for validation
    if name in BOOLEANS:
        return raw in ("1", "on", "true")
    return raw


def to_data(query) -> dict:
    """A query (dict-like of strings) -> the scenario's JSON-like data."""
    data = {name: _value(name, query.get(key, "")) for key, name in TOP_LEVEL.items()}
    data = {k: v for k, v in data.items() if v is not None}
    year, month = (ascii_digits(query.get(key, "").strip()) for key in ("by", "bm"))
    if year or month:
        data["birth_month"] = f"{year}-{month}"
    enrolments = []
    for i in row_indices(query):
        row = {name: _value(name, query.get(f"{key}{i}", "")) for key, name in ROW.items()}
        for name in ("start_month", "end_month"):
            row[name] = _month_in_year(row[name], row["academic_year"])
        enrolments.append({k: v for k, v in row.items() if v is not None})
    data["enrolments"] = enrolments
    return data


def _month_in_year(month: str | None, academic_year: str | None) -> str | None:
    """`MM` -> `YYYY-MM` within the academic year; anything else is left for validation."""
    if not month or not academic_year or len(month) != 2:
        return month
    try:
        return str(Month.of(AcademicYear.parse(academic_year).day(f"{month}-01")))
    except ValueError:
        return month


def to_query(data: dict) -> str:
    """The scenario's data -> a query string (the inverse of to_data)."""
    pairs = [
        (key, _text(data[name])) for key, name in TOP_LEVEL.items() if data.get(name) is not None
    ]
    if data.get("birth_month"):
        year, _, month = str(data["birth_month"]).partition("-")
        pairs += [("by", year), ("bm", month)]
    for i, enrolment in enumerate(data.get("enrolments", [])):
        for key, name in ROW.items():
            value = enrolment.get(name)
            if (
                value is None
                or value is False
                or (name == "system" and value == data.get("education_system"))
            ):
                continue
            if name in ("start_month", "end_month"):
                value = str(value)[-2:]
            pairs.append((f"{key}{i}", _text(value)))
    return urlencode(pairs)


def _text(value) -> str:
    return "1" if value is True else str(value)
