"""Every answer the wizard asks, declared once: its scenario field (SCENARIO.md), its
query-string key, the step that asks it, its type, its allowed values (from `rules.scenario`)
and how the short link writes it. The query string (`querystring`), the short link
(`shortlink`), the forms' field map and the error-to-step map (`errors`) are derived from here.

A row answer's query key carries the row index (`t0`, `t1`, ...). Short link, per row, in
this order: the two-digit start year, the system letter when it differs from the default,
the programme's two letters, the credits taken, then each optional part with its marker
(`.45` earned, `t6` tolerated, `b30` first-year credits, `d` degree, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rules import scenario

Kind = Literal["choice", "integer", "boolean", "text"]
SYSTEM_CODES = {"flanders": "f", "french-community": "c", "netherlands": "n"}


@dataclass(frozen=True)
class Answer:
    name: str  # the scenario's field
    key: str  # the query-string key
    step: str | None  # the wizard step that asks it (None: not asked, e.g. the advice day)
    kind: Kind
    row: bool = False  # one per enrolment row
    choices: tuple[str, ...] = ()  # the allowed values, from rules.scenario
    codes: dict[str, str] = field(default_factory=dict)  # value -> short-link code
    marker: str = ""  # short link: the text before a row's optional part (flags: the part)
    required: bool = False  # the scenario cannot do without it


ANSWERS = (
    Answer(
        "residence",
        "r",
        "residence",
        "choice",
        choices=scenario.RESIDENCES,
        codes={
            "flanders": "f",
            "brussels": "b",
            "wallonia": "w",
            "german-community": "g",
            "netherlands": "n",
            "elsewhere": "e",
        },
    ),
    Answer(
        "education_system", "s", "system", "choice", choices=scenario.SYSTEMS, codes=SYSTEM_CODES
    ),
    Answer("birth_month", "by", "about", "text"),  # with `bm`, the month (see querystring)
    Answer("credits_to_finish", "f", "finish", "integer"),
    Answer("as_of", "on", None, "text"),
    Answer("dutch_enrolment_before_2018", "nb", "netherlands", "boolean"),
    # One per enrolment row, in the short link's order.
    Answer("academic_year", "y", "years", "text", row=True, required=True),
    Answer(
        "system", "x", "years", "choice", row=True, choices=scenario.SYSTEMS, codes=SYSTEM_CODES
    ),  # only when it differs from the default
    Answer(
        "programme",
        "p",
        "years",
        "choice",
        row=True,
        required=True,
        choices=scenario.PROGRAMMES,
        codes={
            "bachelor": "ba",
            "master": "ma",
            "graduaat": "gr",
            "associate-degree": "ad",
            "bridging": "br",
            "preparatory": "pr",
            "advanced-bachelor": "bb",
            "advanced-master": "mm",
            "teacher-training-short": "te",
            "postgraduate": "pg",
            "doctorate": "do",
        },
    ),
    Answer("credits_taken", "t", "years", "integer", row=True, required=True),
    Answer("credits_earned", "e", "years", "integer", row=True, marker="."),
    Answer("credits_tolerated", "l", "years", "integer", row=True, marker="t"),
    Answer("block1_credits_earned", "b", "details", "integer", row=True, marker="b"),
    Answer("degree_obtained", "d", "years", "boolean", row=True, marker="d"),
    Answer("final_year", "z", "details", "boolean", row=True, marker="f"),
    Answer("changed_programme", "c", "details", "boolean", row=True, marker="c"),
    Answer("start_month", "sm", "years", "text", row=True, marker="s"),
    Answer("end_month", "em", "years", "text", row=True, marker="u"),
    Answer("teacher_training", "q", "netherlands", "boolean", row=True, marker="q"),
    Answer(
        "contract",
        "k",
        "years",
        "choice",
        row=True,
        choices=scenario.CONTRACTS,
        codes={"credit": "k", "exam": "x"},
    ),  # the default, a diploma contract: nothing
)
BIRTH_MONTH_KEY = "bm"  # the birth month's second query key, beside `by` (the year)

BY_NAME = {a.name: a for a in ANSWERS}
BY_KEY = {a.key: a for a in ANSWERS}
TOP_LEVEL = tuple(a for a in ANSWERS if not a.row)
ROWS = tuple(a for a in ANSWERS if a.row)
