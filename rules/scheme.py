"""What every scheme the advisor explains provides (the registry is `rules/schemes.py`).

A scheme computes its result from the scenario (None where it does not apply), names the
topics that explain it (the first is its own, whose template also holds its short answer, the
`summary` line), writes its part of the advise JSON, and says whether it answers the result
page and whether it needs attention first. Its templates live in `templates/schemes/<code>/`,
one per topic, its parameters in `rules/parameters/<code>/`, its sources in `sources.toml`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from .scenario import Scenario


class Scheme:
    code: ClassVar[str]  # its JSON key, its templates' folder, its own topic's name
    answer_rank: ClassVar[int | None] = None  # the page answers with the lowest rank present
    summary_rank: ClassVar[int]  # the order of the short answers (SCENARIO.md `summary`)
    json_parent: ClassVar[str | None] = None  # its JSON goes inside that scheme's object
    absent_note: ClassVar[bool] = False  # the page says so when the scheme does not apply

    def compute(self, scenario: Scenario) -> Any | None:
        raise NotImplementedError

    def topics(self, result) -> list[str]:
        """The topics that explain the result, its own first."""
        return [self.code]

    def sources_key(self, topic: str, result) -> str:
        """The key of the topic's sources in sources.toml."""
        return topic

    def to_json(self, result) -> dict:
        """Its part of the advise JSON; `result` is None where the scheme does not apply."""
        raise NotImplementedError

    def needs_attention(self, result) -> bool:
        """True when its verdict is the most urgent thing for the student: its topic first."""
        return False

    def background(self, result) -> set[str]:
        """Its topics that are only background for this person: folded on screen, left out
        on paper."""
        return set()
