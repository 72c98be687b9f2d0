"""The answers as a query string: short, stable parameter names, so that every result is a
permalink and every wizard step can be reopened from it.

    r  residence        s  education_system   by/bm  birth year and month
    f  credits_to_finish                      on as_of (only when fixed, e.g. by `advise`)
    nb dutch_enrolment_before_2018 (1)
    per enrolment row N (0, 1, ...):
    yN academic_year   xN system (when not the default)   pN programme   kN contract
    tN credits_taken   eN credits_earned   lN credits_tolerated   dN degree_obtained (1)
    smN/emN first/last month enrolled, as MM within the row's academic year   qN teacher (1)
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

from rules.calendar import AcademicYear, Month

TOP_LEVEL = {"r": "residence", "s": "education_system", "f": "credits_to_finish",
             "on": "as_of", "nb": "dutch_enrolment_before_2018"}
ROW = {"y": "academic_year", "x": "system", "p": "programme", "k": "contract",
       "t": "credits_taken", "e": "credits_earned", "l": "credits_tolerated",
       "d": "degree_obtained", "sm": "start_month", "em": "end_month", "q": "teacher_training"}
INTEGERS = {"credits_taken", "credits_earned", "credits_tolerated", "credits_to_finish"}
BOOLEANS = {"degree_obtained", "teacher_training", "dutch_enrolment_before_2018"}
ROW_KEY = re.compile(r"^(sm|em|[yxpktelqd])(\d{1,2})$")
MAX_ROWS = 30


def row_indices(query) -> list[int]:
    """The enrolment rows present in a query, in order."""
    found = {int(m.group(2)) for key in query if (m := ROW_KEY.match(key))}
    return sorted(i for i in found if i < MAX_ROWS)


def _value(name: str, raw: str):
    raw = raw.strip()
    if raw == "":
        return None
    if name in INTEGERS:
        return int(raw) if raw.isdigit() else raw  # a non-number is left for validation
    if name in BOOLEANS:
        return raw in ("1", "on", "true")
    return raw


def to_data(query) -> dict:
    """A query (dict-like of strings) -> the scenario's JSON-like data."""
    data = {name: _value(name, query.get(key, "")) for key, name in TOP_LEVEL.items()}
    data = {k: v for k, v in data.items() if v is not None}
    year, month = query.get("by", "").strip(), query.get("bm", "").strip()
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
    pairs = [(key, _text(data[name])) for key, name in TOP_LEVEL.items()
             if data.get(name) is not None]
    if data.get("birth_month"):
        year, _, month = str(data["birth_month"]).partition("-")
        pairs += [("by", year), ("bm", month)]
    for i, enrolment in enumerate(data.get("enrolments", [])):
        for key, name in ROW.items():
            value = enrolment.get(name)
            if value is None or value is False or (name == "system"
                                                   and value == data.get("education_system")):
                continue
            if name in ("start_month", "end_month"):
                value = str(value)[-2:]
            pairs.append((f"{key}{i}", _text(value)))
    return urlencode(pairs)


def _text(value) -> str:
    return "1" if value is True else str(value)
