"""The money at stake in an academic year with a Flemish enrolment (issue 13; RULES.md §0
"Amounts found", §1.5): the tuition fee for the credits taken, the most the institution may
add for the credits without learning credit, and the family allowance a lost year would cost.

Tuition comes from `rules/amounts/tuition/flanders.toml`, one official table per academic year.
Where the year's own table was not found, the last verified table before it is quoted with its
year (`verified` false: the page says "not yet verified for ..."); none is ever extrapolated.

Output (`fees` in the advise JSON, also per plan): `years[]`, one per academic year from the
running one on with a Flemish diploma or credit contract: `academic_year`, `credits_taken`,
`tuition` (full rate), `tuition_grant` (grant students: flat), `tuition_near_grant`,
`tuition_table_year` and `tuition_verified`; `credits_without_learning_credit` (null without a
learning credit), `extra_fee_max` (at most that many euros more; not for grant or near-grant
students), `extra_fee_per_credit` and `extra_fee_indexed` (false: the official base amount,
indexed yearly by a figure not found); `allowance_monthly`, `allowance_valid_from`,
`allowance_verified` and `allowance_lost_year` (12 times the monthly amount), null without a
family allowance or a known amount. Money as strings with two decimals.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from . import parameters
from .calendar import AcademicYear
from .family_allowance.allowance import FamilyAllowance
from .family_allowance.amounts import Amount, amount_or_latest
from .learning_credit.credit import LearningCredit
from .parameters import Reference
from .scenario import Scenario

TUITION = Path(__file__).resolve().parent / "amounts" / "tuition" / "flanders.toml"
PAYING_CONTRACTS = ("diploma", "credit")  # an exam contract has its own fee, not computed here
MONTHS_IN_A_YEAR = 12


@dataclass(frozen=True)
class TuitionTable:
    """One academic year's official tuition figures."""

    academic_year: AcademicYear
    fixed: Decimal
    per_credit: Decimal
    grant: Decimal
    near_grant_fixed: Decimal
    near_grant_per_credit: Decimal
    confidence: str
    source: Reference
    note: str


@dataclass(frozen=True)
class YearFees:
    academic_year: AcademicYear
    credits_taken: int
    table: TuitionTable | None  # None before the first table
    credits_without_learning_credit: int | None  # None without a learning credit
    extra_fee_per_credit: Decimal
    allowance: Amount | None  # the year's monthly amount, or the last verified one
    allowance_verified: bool  # the amount is in force in that year

    @property
    def tuition_verified(self) -> bool:
        return self.table is not None and self.table.academic_year == self.academic_year

    @property
    def tuition(self) -> Decimal | None:
        return self.table and self.table.fixed + self.table.per_credit * self.credits_taken

    @property
    def tuition_near_grant(self) -> Decimal | None:
        t = self.table
        return t and t.near_grant_fixed + t.near_grant_per_credit * self.credits_taken

    @property
    def extra_fee_max(self) -> Decimal | None:
        without = self.credits_without_learning_credit
        return None if without is None else self.extra_fee_per_credit * without

    @property
    def allowance_lost_year(self) -> Decimal | None:
        return self.allowance and self.allowance.value * MONTHS_IN_A_YEAR


@dataclass(frozen=True)
class Fees:
    years: tuple[YearFees, ...]


@cache
def tuition_tables() -> tuple[TuitionTable, ...]:
    data = tomllib.loads(TUITION.read_text(encoding="utf-8"))
    money = ("fixed", "per_credit", "grant", "near_grant_fixed", "near_grant_per_credit")
    return tuple(
        sorted(
            (
                TuitionTable(
                    academic_year=AcademicYear.parse(row["academic_year"]),
                    **{key: Decimal(str(row[key])) for key in money},
                    confidence=row["confidence"],
                    source=Reference(**row["source"]),
                    note=row.get("note", ""),
                )
                for row in data["years"]
            ),
            key=lambda t: t.academic_year,
        )
    )


def tuition_table(year: AcademicYear) -> TuitionTable | None:
    """The year's own table, or else the last one before it."""
    found = None
    for table in tuition_tables():
        if table.academic_year <= year:
            found = table
    return found


def fees(scenario: Scenario, lc: LearningCredit | None, fa: FamilyAllowance | None) -> Fees:
    current = scenario.current_year
    credits: dict[AcademicYear, int] = {}
    for e in scenario.in_system("flanders"):
        if e.academic_year >= current and e.contract in PAYING_CONTRACTS:
            credits[e.academic_year] = credits.get(e.academic_year, 0) + e.credits_taken
    lc_years = {y.academic_year: y for y in lc.years} if lc else {}
    fa_years = {y.academic_year: y for y in fa.years} if fa else {}
    extra_per_credit = parameters.get(
        "learning_credit.higher_fee_max_per_credit", on=scenario.as_of
    )
    years = []
    for year, taken in sorted(credits.items()):
        lc_year = lc_years.get(year)
        allowance, verified = _allowance(fa, fa_years.get(year))
        years.append(
            YearFees(
                academic_year=year,
                credits_taken=taken,
                table=tuition_table(year),
                credits_without_learning_credit=lc_year and _without_credit(lc_year),
                extra_fee_per_credit=extra_per_credit,
                allowance=allowance,
                allowance_verified=verified,
            )
        )
    return Fees(years=tuple(years))


def _without_credit(year) -> int:
    """The credits taken beyond the balance at enrolment (RULES.md §1.5)."""
    available = max(0, year.opening + year.rebuild)
    return max(0, year.taken - available)


def _allowance(fa: FamilyAllowance | None, fa_year) -> tuple[Amount | None, bool]:
    if fa is None or fa_year is None:
        return None, False
    return amount_or_latest(fa.scheme, fa_year.academic_year.first_day)


def money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def json_of(f: Fees) -> dict:
    def day(d: date | None):
        return d and d.isoformat()

    return {
        "years": [
            {
                "academic_year": str(y.academic_year),
                "credits_taken": y.credits_taken,
                "tuition": money(y.tuition),
                "tuition_grant": money(y.table and y.table.grant),
                "tuition_near_grant": money(y.tuition_near_grant),
                "tuition_table_year": y.table and str(y.table.academic_year),
                "tuition_verified": y.tuition_verified,
                "credits_without_learning_credit": y.credits_without_learning_credit,
                "extra_fee_max": money(y.extra_fee_max),
                "extra_fee_per_credit": money(y.extra_fee_per_credit),
                "extra_fee_indexed": False,
                "allowance_monthly": money(y.allowance and y.allowance.value),
                "allowance_valid_from": day(y.allowance and y.allowance.valid_from),
                "allowance_verified": y.allowance_verified,
                "allowance_lost_year": money(y.allowance_lost_year),
            }
            for y in f.years
        ]
    }
