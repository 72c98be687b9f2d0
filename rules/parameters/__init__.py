"""Dated legal parameters, read from the TOML files in this folder.

A file `learning_credit/start.toml` is the parameter `learning_credit.start`. It holds a
`description`, a `unit` ("credits", "EUR", "date", "months", ...), a top-level `reference`
(title and url of the legal source), a `confidence` and a list of `[[values]]`, each with
`valid_from` (a TOML date) and `value`; a value may carry its own `reference`, `note` and
`confidence` (where one figure is less sure than the others). An entry with `ended = true`
instead of a value ends the rule from that date (a rule the law abolished).

`get(name, on=day)` returns the value in force on that day, typed (int, Decimal for money,
date, str, bool), and raises `NoValue` when no period covers the day: a dated rule never
silently falls back to an older or newer figure.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CONFIDENCES = ("high", "medium-high", "medium", "low-medium", "low")  # surest first


class NoValue(LookupError):
    """No value of a parameter covers the asked date."""


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True)
class Period:
    valid_from: date
    value: object  # None when the period ends the rule
    reference: Reference | None
    note: str
    confidence: str | None = None  # None: the parameter's own


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    reference: Reference
    confidence: str
    periods: tuple[Period, ...]  # sorted by valid_from

    def period_on(self, on: date) -> Period:
        current = self.period_or_none(on)
        if current is None:
            raise NoValue(f"{self.name}: no value on {on.isoformat()}")
        return current

    def period_or_none(self, on: date) -> Period | None:
        """The period in force on that day; None before the rule began or after it ended."""
        current = None
        for period in self.periods:
            if period.valid_from <= on:
                current = period
        return current if current is not None and current.value is not None else None

    def confidence_on(self, on: date) -> str:
        return self.period_on(on).confidence or self.confidence

    @property
    def ended_on(self) -> date | None:
        """The day an abolished rule stopped applying, or None while it applies."""
        last = self.periods[-1]
        return last.valid_from if last.value is None else None


def _typed(unit: str, raw):
    if raw is None:
        return None
    if unit == "EUR":
        return Decimal(str(raw))
    return raw


def _reference(raw) -> Reference | None:
    return Reference(title=raw["title"], url=raw["url"]) if raw else None


def _load(path: Path) -> Parameter:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    unit = data["unit"]
    periods = tuple(
        sorted(
            (
                Period(
                    valid_from=v["valid_from"],
                    value=None if v.get("ended") else _typed(unit, v["value"]),
                    reference=_reference(v.get("reference")),
                    note=v.get("note", ""),
                    confidence=v.get("confidence"),
                )
                for v in data["values"]
            ),
            key=lambda p: p.valid_from,
        )
    )
    return Parameter(
        name=name,
        description=data["description"],
        unit=unit,
        reference=_reference(data["reference"]),
        confidence=data.get("confidence", "high"),
        periods=periods,
    )


@cache
def all_parameters() -> dict[str, Parameter]:
    files = sorted(f for f in ROOT.rglob("*.toml") if f != ROOT / "meta.toml")
    return {p.name: p for p in map(_load, files)}


def parameter_or_none(name: str) -> Parameter | None:
    """A parameter, or None where it does not exist (a region without that figure)."""
    return all_parameters().get(name)


def parameter(name: str) -> Parameter:
    found = all_parameters().get(name)
    if found is None:
        raise NoValue(f"unknown parameter {name!r}")
    return found


@lru_cache(maxsize=4096)
def get(name: str, *, on: date):
    return parameter(name).period_on(on).value


@cache
def _meta() -> dict:
    return tomllib.loads((ROOT / "meta.toml").read_text(encoding="utf-8"))


def rules_checked_on() -> date:
    """The day the parameter files were last checked against their sources."""
    return _meta()["checked_on"]


def covered_period() -> tuple[date, date]:
    """The first and last advice day the rules are held for (meta.toml)."""
    return _meta()["covered_from"], _meta()["covered_until"]


def in_force(name: str, *, on: date) -> bool:
    """Does a dated rule apply on that day (a period covers it and did not end it)?"""
    return get_or_none(name, on=on) is not None


def get_or_none(name: str, *, on: date):
    """The value in force on that day, or None where the rule does not apply then (before it
    began, after the law ended it) or does not exist (a region without that figure). This is
    the one place that asks; `get` is for figures that must be there."""
    found = all_parameters().get(name)
    period = found and found.period_or_none(on)
    return period.value if period else None
