"""A short, stateless form of the answers, short enough to type from paper:

    /nl/r/ff.200503.f60/23ba60.45t6/24ba60.60d/

First segment: residence and system letters, then optional `.YYYYMM` (birth month), `.fN`
(credits still needed), `.oYYYY-MM-DD` (a fixed advice date) and `.n` (an earlier enrolment in
Dutch higher education before 2018-2019). One segment per enrolment row:
two-digit start year (`23` = 2023-2024; 80-99 = 1980s-1990s), an optional system letter when it
differs from the default, the programme code, credits taken, then optionally `.earned`,
`tN` tolerated, `bN` block-1 (first-year) credits earned, `d` degree obtained, `f` final year,
`c` changed programme, `sMM`/`uMM` first/last month, `q` teacher training and `k`/`x` for a
credit or exam contract. Then one segment per plan of the planner (advisor/planner.py): its
column letter (`a`, `b`, `c`), the credits expected to pass this year, `nN` credits to take in
the planned year, `.N` expected to pass, the programme code, `k`/`x` for a credit or exam
contract and `c` for another programme than the last enrolment's (`a30n42.21ba`,
`b0n60.30bac`). Dots, not hyphens: a hyphen at the end of a printed line reads as a word break.
Opening it redirects to the full result URL, so every answer is back in the wizard.

A link cut off when copied, or mistyped from paper, is read as far as it goes (`read`): the
page then says which part could be read. A cut that leaves well-formed parts (`24ba6` for
`24ba60`, or a whole last segment gone) cannot be told from a complete link.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from django.http import QueryDict

from .answers import BY_NAME, ROWS, Answer
from .planner import CHANGED, FIELDS, LETTERS, NUMBERS
from .wizard import rows_of

RESIDENCES = BY_NAME["residence"].codes
SYSTEMS = BY_NAME["education_system"].codes
HEAD = re.compile(
    rf"^(?P<r>{'|'.join(RESIDENCES.values())})(?P<s>{'|'.join(SYSTEMS.values())})"
    r"(?:\.(?P<b>\d{6}))?(?:\.f(?P<f>\d{1,3}))?(?:\.o(?P<on>\d{4}-\d{2}-\d{2}))?(?P<nb>\.n)?$",
    re.ASCII,
)


def _pattern(a: Answer) -> str:
    """The part of a row's segment that writes answer `a`."""
    if a.name == "academic_year":
        return rf"(?P<{a.key}>\d{{2}})"
    if a.codes:
        return rf"(?P<{a.key}>{'|'.join(a.codes.values())}){'' if a.required else '?'}"
    if a.kind == "boolean":
        return rf"(?P<{a.key}>{re.escape(a.marker)})?"
    digits = r"\d{2}" if a.kind == "text" else r"\d{1,3}"  # months are MM
    if a.required:
        return rf"(?P<{a.key}>{digits})"
    return rf"(?:{re.escape(a.marker)}(?P<{a.key}>{digits}))?"


ROW = re.compile("^" + "".join(map(_pattern, ROWS)) + "$", re.ASCII)
DECODED = {a.key: {code: value for value, code in a.codes.items()} for a in ROWS}
PROGRAMMES = BY_NAME["programme"].codes
CONTRACTS = BY_NAME["contract"].codes
PLAN = re.compile(
    rf"^(?P<column>[{LETTERS.lower()}])(?P<pe>\d{{1,3}})?(?:n(?P<pt>\d{{1,3}}))?"
    rf"(?:\.(?P<pp>\d{{1,3}}))?(?P<pg>{'|'.join(PROGRAMMES.values())})?"
    rf"(?P<pk>{'|'.join(CONTRACTS.values())})?(?P<pc>c)?$",
    re.ASCII,
)


def encode(state: QueryDict) -> str | None:
    """The short code for a complete set of answers, or None when something cannot be coded."""
    try:
        head = RESIDENCES[state["r"]] + SYSTEMS[state["s"]]
        if state.get("by") and state.get("bm"):
            head += f".{int(state['by']):04d}{int(state['bm']):02d}"
        if state.get("f"):
            head += f".f{int(state['f'])}"
        if state.get("on"):
            head += f".o{state['on']}"
        if state.get("nb"):
            head += ".n"
        segments = [head] + [_row(row) for row in rows_of(state)] + _plans(state)
    except (KeyError, ValueError):
        return None
    code = "/".join(segments)
    parts = _parts(code)
    return code if parts is not None and parts[1] else None


def _row(row: dict[str, str]) -> str:
    text = ""
    for a in ROWS:
        value = row.get(a.key, "")
        if a.name == "academic_year":
            text += value[2:4]
        elif a.codes:
            if value and value not in a.choices:
                raise KeyError(value)
            text += a.codes.get(value, "")  # none for the default (a diploma contract)
        elif a.kind == "boolean":
            text += a.marker if value else ""
        elif value:
            number = int(value)
            text += a.marker + (f"{number:02d}" if a.kind == "text" else str(number))
    return text


def _plans(state) -> list[str]:
    """One segment per plan the planner holds (the columns with an answer)."""
    segments = []
    for n, letter in enumerate(LETTERS.lower()):
        values = {name: state.get(f"{name}{n}", "") for name in FIELDS}
        if not any(values.values()):
            continue
        text = letter
        for name, marker in (("pe", ""), ("pt", "n"), ("pp", ".")):
            if values[name]:
                text += marker + str(int(values[name]))
        if values["pg"]:
            text += PROGRAMMES[values["pg"]]
        if values["pk"] and values["pk"] != "diploma":
            text += CONTRACTS[values["pk"]]
        if values["pc"] == CHANGED:
            text += "c"
        segments.append(text)
    return segments


def _parts(code: str) -> tuple[re.Match, list[re.Match]] | None:
    """The code's head and rows, matched; None when it is not well-formed."""
    head, *segments = code.strip("/").split("/")
    m = HEAD.match(head)
    rows = [text for text in segments if not PLAN.match(text)]
    matches = [ROW.match(text) for text in rows]
    if m is None or None in matches or segments[: len(rows)] != rows:
        return None
    return m, matches


class Reading(NamedTuple):
    """What could be read of a short code: the head and the rows up to the first segment that
    is not well-formed."""

    state: QueryDict | None  # the answers read; None when even the head could not be read
    rows: int  # the enrolment rows read
    segments: int  # the row segments in the code, read or not
    unread: str  # the first segment that could not be read ("" when there is none)

    @property
    def complete(self) -> bool:
        """Every part read, and at least one row: the wizard never makes a link without."""
        return self.state is not None and 0 < self.rows == self.segments


def read(code: str) -> Reading:
    head, *segments = code.strip("/").split("/")
    m = HEAD.match(head)
    if m is None:
        return Reading(None, 0, len(segments), head)
    rows, plans = [], []
    for text in segments:
        row = None if plans else ROW.match(text)
        plan = row is None and PLAN.match(text)
        if not (row or plan):
            break
        (rows if row else plans).append(row or plan)
    read_segments = len(rows) + len(plans)
    unread = segments[read_segments] if read_segments < len(segments) else ""
    state = _state(m, rows)
    for plan in plans:
        n = LETTERS.lower().index(plan["column"])
        for name in NUMBERS:
            if plan[name]:
                state[f"{name}{n}"] = plan[name]
        if plan["pg"]:
            state[f"pg{n}"] = DECODED["p"][plan["pg"]]
        state[f"pk{n}"] = DECODED["k"].get(plan["pk"], "diploma")
        if plan["pc"]:
            state[f"pc{n}"] = CHANGED
    return Reading(state, len(rows), len(segments) - len(plans), unread)


def decode(code: str) -> QueryDict | None:
    """The answers as a query, or None when the code is not complete and well-formed."""
    reading = read(code)
    return reading.state if reading.complete else None


def _state(m: re.Match, rows: list[re.Match]) -> QueryDict:
    """The answers of a matched head and rows."""
    state = QueryDict(mutable=True)
    state["r"] = {c: v for v, c in RESIDENCES.items()}[m["r"]]
    state["s"] = {c: v for v, c in SYSTEMS.items()}[m["s"]]
    if m["b"]:
        state["by"], state["bm"] = m["b"][:4], m["b"][4:]
    for key in ("f", "on"):
        if m[key]:
            state[key] = m[key]
    if m["nb"]:
        state["nb"] = "1"
    for i, row in enumerate(rows):
        for a in ROWS:
            value = row[a.key]
            if not value:
                continue
            if a.name == "academic_year":
                start = (1900 if int(value) >= 80 else 2000) + int(value)
                value = f"{start}-{start + 1}"
            elif a.codes:
                value = DECODED[a.key][value]
            elif a.kind == "boolean":
                value = "1"
            state[f"{a.key}{i}"] = value
    return state
