"""The sources each explanation topic cites (sources.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    valid_from: date
    lang: str  # the language the source is written in: nl, fr, de
    appeal_sheet: bool = True  # cited on the appeal sheet when its topic backs a ground
    on_page: bool = True  # false: backs only the appeal sheet's own sentences


@cache
def _all() -> dict[str, tuple[Source, ...]]:
    data = tomllib.loads((Path(__file__).parent / "sources.toml").read_text(encoding="utf-8"))
    return {topic: tuple(Source(**s) for s in entries) for topic, entries in data.items()}


def sources_for(topic: str) -> tuple[Source, ...]:
    return _all()[topic]


def topics() -> tuple[str, ...]:
    return tuple(_all())
