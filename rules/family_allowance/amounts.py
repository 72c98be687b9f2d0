"""Official monthly family-allowance amounts, dated (rules/amounts/family_allowance/<scheme>.toml).

The files follow the parameter format (description, unit, reference, confidence, `[[values]]`
with valid_from/value/note, `ended = true` to stop quoting a figure). They live outside
rules/parameters because an amount is quoted only up to its last verified date: after it there
is no value today, on purpose, and every parameter must have one. `amount_on` raises nothing:
it returns None ("unknown") where no verified figure covers the day.

Where a scheme adds an age supplement from 18 to the base amount (Groeipakket and Wallonia for
children born before 2019/2020), `<scheme>_age_supplement.toml` holds its lowest figure, and
the amount at stake is their sum, known only where both are (RULES.md §0, §2.6).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from ..parameters import Parameter, Period, Reference

ROOT = Path(__file__).resolve().parent.parent / "amounts" / "family_allowance"


@dataclass(frozen=True)
class Amount:
    value: Decimal  # the lowest monthly amount for a student of 18 or more: base + supplement
    valid_from: date  # the date of the latest of the figures it adds up
    base: Decimal
    age_supplement: Decimal  # 0 where the scheme's amount already depends on the age


@cache
def amount_table(scheme: str, part: str = "") -> Parameter | None:
    """The base amounts of a scheme, or with `part="age_supplement"` its age supplements
    (None when the scheme has none)."""
    path = ROOT / f"{scheme.replace('-', '_')}{'_' + part if part else ''}.toml"
    if part and not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    periods = tuple(
        sorted(
            (
                Period(
                    valid_from=v["valid_from"],
                    value=None if v.get("ended") else Decimal(str(v["value"])),
                    reference=None,
                    note=v.get("note", ""),
                )
                for v in data["values"]
            ),
            key=lambda p: p.valid_from,
        )
    )
    return Parameter(
        name=f"family_allowance_amount.{scheme}",
        description=data["description"],
        unit=data["unit"],
        reference=Reference(**data["reference"]),
        confidence=data.get("confidence", "high"),
        periods=periods,
    )


@lru_cache(maxsize=1024)
def amount_on(scheme: str, on: date) -> Amount | None:
    """The verified monthly amount on that day, or None when no verified figure covers it."""
    supplements = amount_table(scheme, "age_supplement")
    base = amount_table(scheme).period_or_none(on)
    supplement = supplements.period_or_none(on) if supplements else None
    if base is None or (supplements and supplement is None):
        return None
    extra = supplement.value if supplement else Decimal(0)
    valid_from = max(base.valid_from, supplement.valid_from) if supplement else base.valid_from
    return Amount(base.value + extra, valid_from, base.value, extra)


def amount_or_latest(scheme: str, on: date) -> tuple[Amount | None, bool]:
    """The amount on that day, verified (True); else the last verified one, which the page
    quotes as "not yet verified for ..." (False)."""
    found = amount_on(scheme, on)
    return (found, True) if found else (latest_amount(scheme), False)


def latest_amount(scheme: str) -> Amount | None:
    """The most recent amount whose figures are all verified, whatever its date."""
    for period in reversed(amount_table(scheme).periods):
        if period.value is not None and (found := amount_on(scheme, period.valid_from)):
            return found
    return None
