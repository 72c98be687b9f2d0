"""The wizard's routing and state: pure functions of the answers in the query string.

The state is the query string without the control keys. Which steps apply follows from the
answers alone (`steps_for`), so 'check your answers' and the back links replay the path from
the start; answers off the path are ignored, not deleted.
"""

from __future__ import annotations

from functools import lru_cache

from django.http import QueryDict
from django.utils import timezone

from rules.questions import follow_up_questions
from rules.scenario import ScenarioError, parse_scenario

from .querystring import ROW, row_indices, to_data

CONTROL_KEYS = {"go", "add", "remove", "return"}


def state_of(query: QueryDict) -> QueryDict:
    state = query.copy()
    for key in CONTROL_KEYS:
        state.pop(key, None)
    for key in [k for k, v in state.items() if v == ""]:
        del state[key]
    return state


def uses_system(state: QueryDict, system: str) -> bool:
    """The default system or one row's own system is `system`."""
    return state.get("s", "") == system or any(
        state.get(f"x{i}", "") == system for i in row_indices(state)
    )


FOLLOW_UP_KEYS = ("z", "c", "b")  # their answers never decide which of them are asked


def follow_ups(state: QueryDict) -> dict[int, tuple[str, ...]]:
    """The follow-up questions per row index (rules.questions), none while the other answers
    do not make a valid scenario."""
    others = state.copy()
    for i in row_indices(state):
        for key in FOLLOW_UP_KEYS:
            others.pop(f"{key}{i}", None)
    return _follow_ups(others.urlencode(), timezone.localdate())


@lru_cache(maxsize=256)
def _follow_ups(query: str, today) -> dict[int, tuple[str, ...]]:
    try:
        scenario = parse_scenario(to_data(QueryDict(query)), today=today)
    except ScenarioError:
        return {}
    indices = row_indices(QueryDict(query))
    return {
        indices[position]: fields for position, fields in follow_up_questions(scenario).items()
    }


def steps_for(state: QueryDict) -> list[str]:
    steps = ["residence", "system", "about", "years"]
    if follow_ups(state):
        steps.append("details")
    if uses_system(state, "flanders"):
        steps.append("finish")
    if uses_system(state, "netherlands"):
        steps.append("netherlands")
    return steps


def next_step(current: str, state: QueryDict) -> str | None:
    """The step after `current`, or None when the next page is 'check your answers'."""
    steps = steps_for(state)
    if current not in steps:
        return steps[0]
    later = steps[steps.index(current) + 1 :]
    return later[0] if later else None


def previous_step(current: str, state: QueryDict) -> str | None:
    steps = steps_for(state)
    if current not in steps or steps.index(current) == 0:
        return None
    return steps[steps.index(current) - 1]


def rows_of(state: QueryDict) -> list[dict[str, str]]:
    """The enrolment rows as dicts of their field keys (`y`, `p`, ...), in order."""
    return [
        {key: state[f"{key}{i}"] for key in ROW if f"{key}{i}" in state}
        for i in row_indices(state)
    ]


def with_rows(state: QueryDict, rows: list[dict[str, str]]) -> QueryDict:
    """The state with its rows replaced by `rows`, numbered from 0."""
    new = state.copy()
    for i in row_indices(state):
        for key in ROW:
            new.pop(f"{key}{i}", None)
    for i, row in enumerate(rows):
        for key, value in row.items():
            new[f"{key}{i}"] = value
    return new
