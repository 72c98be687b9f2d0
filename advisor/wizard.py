"""The wizard's routing and state: pure functions of the answers in the query string.

The state is the query string without the control keys. Which steps apply follows from the
answers alone (`steps_for`), so 'check your answers' and the back links replay the path from
the start; answers off the path are ignored, not deleted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote_plus

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.utils import timezone

from rules.questions import follow_up_questions
from rules.scenario import Scenario, ScenarioError, parse_scenario

from .querystring import ROW, row_indices, said_no, to_data

# The years step: row, add, remove; the result page: sent (a feedback report was just sent).
CONTROL_KEYS = {"go", "add", "remove", "row", "return", "lang", "sent"}


def query_of(request) -> QueryDict:
    """`request.GET`, the same QueryDict as Django's, built in a third of the time (a result
    page's 60 answers cost Django eight calls each); kept on the request as `request.GET`."""
    if "GET" in request.__dict__:  # already read
        return request.GET
    raw = request.META.get("QUERY_STRING", "").encode("iso-8859-1")  # the WSGI text's bytes
    encoding = request.encoding or settings.DEFAULT_CHARSET
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:  # as Django: a misbehaving client's bytes, read as Latin-1
        text = raw.decode("iso-8859-1")
    lists: dict[str, list[str]] = {}
    try:
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding=encoding,
            max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        )
    except ValueError as exc:  # as Django: too many fields
        raise TooManyFieldsSent(
            "The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS."
        ) from exc
    for key, value in pairs:
        if key in lists:
            lists[key].append(value)
        else:
            lists[key] = [value]
    query = QueryDict(encoding=encoding, mutable=True)
    dict.update(query, lists)  # a MultiValueDict keeps each key's list as its dict value
    query._mutable = False
    request.GET = query
    return query


def state_of(query: QueryDict) -> QueryDict:
    """The answers: the query without its control keys and empty values, read-only. A query
    that holds nothing else (a permalink) is the state as it is; else it is built key by key
    (QueryDict.copy() deep-copies, which costs more than the rest of the page's reading)."""
    lists = list(query.lists())
    if all(_kept(key, values) for key, values in lists):
        return query
    state = QueryDict(mutable=True)
    for key, values in lists:
        if _kept(key, values):
            state.setlist(key, list(values))
    state._mutable = False
    return state


def _kept(key: str, values: list[str]) -> bool:
    """An answer: not a control key, not empty, not a boolean's no (querystring.said_no)."""
    return (
        key not in CONTROL_KEYS and bool(values) and values[-1] != ""
        and not said_no(key, values[-1])
    )  # fmt: skip


def encoded(state: QueryDict) -> str:
    """The answers as a query string, as QueryDict.urlencode writes it; the plain keys and
    values it would leave as they are (nearly all of them) are not passed through quote_plus,
    which costs more than the rest of a page's answers."""
    return "&".join(
        f"{_quoted(key)}={_quoted(value)}" for key, values in state.lists() for value in values
    )


_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")  # what quote_plus leaves unchanged


def _quoted(text: str) -> str:
    return text if _PLAIN.fullmatch(text) else quote_plus(text)


def uses_system(state: QueryDict, system: str) -> bool:
    """The default system or one row's own system is `system`."""
    return state.get("s", "") == system or any(
        state.get(f"x{i}", "") == system for i in row_indices(state)
    )


FOLLOW_UP_KEYS = ("z", "c", "b")  # their answers never decide which of them are asked


Questions = dict[int, tuple[str, ...]]  # row index -> the follow-up fields asked about it


def follow_ups(state: QueryDict, scenario: Scenario | None = None) -> Questions:
    """The follow-up questions per row index (rules.questions), none while the other answers
    do not make a valid scenario. `scenario`: the answers already parsed (the result page)."""
    if scenario is not None:
        return _by_row(state, follow_up_questions(scenario))
    others = state.copy()
    for i in row_indices(state):
        for key in FOLLOW_UP_KEYS:
            others.pop(f"{key}{i}", None)
    return _follow_ups(encoded(others), timezone.localdate())


@lru_cache(maxsize=256)
def _follow_ups(query: str, today) -> dict[int, tuple[str, ...]]:
    state = QueryDict(query)
    try:
        scenario = parse_scenario(to_data(state), today=today)
    except ScenarioError:
        return {}
    return _by_row(state, follow_up_questions(scenario))


def _by_row(state: QueryDict, questions: dict[int, tuple[str, ...]]) -> Questions:
    """Scenario positions (the rows in order) -> the rows' query indices."""
    indices = row_indices(state)
    return {indices[position]: fields for position, fields in questions.items()}


def steps_for(state: QueryDict, questions: Questions | None = None) -> list[str]:
    """The wizard's steps for these answers; `questions`: their follow-up questions, when
    already known."""
    steps = ["residence", "system", "about", "years"]
    if questions if questions is not None else follow_ups(state):
        steps.append("details")
    if uses_system(state, "flanders"):
        steps.append("finish")
    if uses_system(state, "netherlands"):
        steps.append("netherlands")
    return steps


OPTIONAL_STEPS = ("details", "finish", "netherlands")  # asked only where the answers need them


def question_count(current: str, steps: list[str], has_rows: bool) -> tuple[int, int]:
    """How many questions in all, from the fewest to the most: until the years are answered,
    the optional steps they decide may still be added (a plain 'Question 2 of 5' would become
    'of 6' later); once they are, one number (on the years step itself, rows may still come)."""
    past_years = current in steps and steps.index(current) > steps.index("years")
    if past_years or (has_rows and current != "years"):
        return len(steps), len(steps)
    return len(steps), len(steps) + sum(s not in steps for s in OPTIONAL_STEPS)


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
    """The enrolment rows as dicts of their field keys (`y`, `p`, ...), in order: each key's
    last value, as `state[key]` gives it (read from the lists a QueryDict keeps as its dict
    values, without its __getitem__ for each of a page's hundred-odd keys)."""
    lists = dict.get
    return [
        {
            key: values[-1] if values else []
            for key in ROW
            if (values := lists(state, f"{key}{i}")) is not None
        }
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
