"""The answers as a query string: short, stable parameter names (declared in `answers`), so
that every result is a permalink and every wizard step can be reopened from it. A row's keys
end in its index (`t0`, `t1`, ...); the birth month is two keys, `by` (year) and `bm` (month);
start and end months are `MM` within the row's academic year; booleans are `1`.

Digits typed in another script (Arabic-Indic, full-width...) are read as their ASCII digits;
anything else that is not a number is left for the validation to name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlencode

from rules.calendar import AcademicYear, Month
from rules.scenario import MAX_ENROLMENTS

from . import answers

TOP_LEVEL = {a.key: a.name for a in answers.TOP_LEVEL if a.key != "by"}  # birth: by + bm
ROW = {a.key: a.name for a in answers.ROWS}
INTEGERS = {a.name for a in answers.ANSWERS if a.kind == "integer"}
BOOLEANS = {a.name for a in answers.ANSWERS if a.kind == "boolean"}
YES = ("1", "on", "true")  # a boolean answer's yes; any other value is a no
_BOOLEAN_KEY = re.compile(
    "^(?:"
    + "|".join(a.key for a in answers.TOP_LEVEL if a.kind == "boolean")
    + ")$|^(?:"
    + "|".join(a.key for a in answers.ROWS if a.kind == "boolean")
    + ")[0-9]{1,2}$"
)


def said_no(key: str, value: str) -> bool:
    """A boolean answer other than a yes (`nb=0`, `z4=no`): a no, which the answers leave out,
    so that the page, the short link and the rules read it alike."""
    return value not in YES and _BOOLEAN_KEY.match(key) is not None


ROW_KEY = re.compile(rf"^({'|'.join(sorted(ROW, key=len, reverse=True))})([0-9]{{1,2}})$")
MAX_ROWS = MAX_ENROLMENTS  # the years step offers no more; a longer query is refused by name


def row_indices(query) -> list[int]:
    """The enrolment rows present in a query, in order."""
    return list(_row_indices(tuple(query)))


@lru_cache(maxsize=256)  # the same keys come again and again: every 11-year permalink has them
def _row_indices(keys: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(sorted({int(m.group(2)) for key in keys if (m := ROW_KEY.match(key))}))


def ascii_digits(text: str) -> str:
    """`٢٠٢٤` -> `2024`; other characters unchanged (`²` is not a decimal digit)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


MAX_DIGITS = 9  # more than any answer needs, far below Python's 4300-digit limit for int()


def whole_number(text: str) -> int | None:
    """`60` -> 60; None for anything but a few ASCII digits (`²`, `6.5`, 5000 nines)."""
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    return None


def _value(name: str, raw: str):
    raw = ascii_digits(raw.strip())
    if raw == "":
        return None
    if name in INTEGERS:
        number = whole_number(raw)
        return raw if number is None else number  # not a number: left for validation to name
    if name in BOOLEANS:
        return raw in YES
    return raw


def to_data(query) -> dict:
    """A query (dict-like of strings) -> the scenario's JSON-like data."""
    if hasattr(query, "dict"):
        query = query.dict()  # a QueryDict's last values, looked up faster
    data = {name: _value(name, query.get(key, "")) for key, name in TOP_LEVEL.items()}
    data = {k: v for k, v in data.items() if v is not None}
    year, month = (ascii_digits(query.get(key, "").strip()) for key in ("by", "bm"))
    if year or month:
        data["birth_month"] = f"{year}-{month}"
    enrolments = []
    for i in row_indices(query):
        row = {
            name: _value(name, raw)
            for key, name in ROW.items()
            if (raw := query.get(f"{key}{i}"))  # most rows leave most answers out
        }
        for name in ("start_month", "end_month"):
            if name in row:
                row[name] = _month_in_year(row[name], row.get("academic_year"))
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
