"""Official monthly family-allowance amounts, dated (rules/amounts/family_allowance/<scheme>.toml).

The files follow the parameter format (description, unit, reference, confidence, `[[values]]`
with valid_from/value/note, `ended = true` to stop quoting a figure). They live outside
rules/parameters because an amount is quoted only up to its last verified date: after it there
is no value today, on purpose, and every parameter must have one. `amount_on` raises nothing:
it returns None ("unknown") where no verified figure covers the day.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from .parameters import NoValue, Parameter, Period, Reference

ROOT = Path(__file__).resolve().parent / "amounts" / "family_allowance"


@dataclass(frozen=True)
class Amount:
    value: Decimal
    valid_from: date


@cache
def amount_table(scheme: str) -> Parameter:
    path = ROOT / f"{scheme.replace('-', '_')}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    periods = tuple(sorted(
        (Period(valid_from=v["valid_from"],
                value=None if v.get("ended") else Decimal(str(v["value"])),
                reference=None, note=v.get("note", "")) for v in data["values"]),
        key=lambda p: p.valid_from))
    return Parameter(name=f"family_allowance_amount.{scheme}", description=data["description"],
                     unit=data["unit"], reference=Reference(**data["reference"]),
                     confidence=data.get("confidence", "high"), periods=periods)


def amount_on(scheme: str, on: date) -> Amount | None:
    """The verified monthly amount on that day, or None when no verified figure covers it."""
    try:
        period = amount_table(scheme).period_on(on)
    except NoValue:
        return None
    return Amount(period.value, period.valid_from)


def latest_amount(scheme: str) -> Amount | None:
    known = [p for p in amount_table(scheme).periods if p.value is not None]
    return Amount(known[-1].value, known[-1].valid_from) if known else None
