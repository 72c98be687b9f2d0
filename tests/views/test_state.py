"""The answers read from and written back to the query string, as Django writes a query."""

import pytest
from django.http import QueryDict

from advisor.wizard import encoded, state_of

QUERIES = [
    ("plain-answers", "r=flanders&s=flanders&y0=2024-2025&p0=bachelor&t0=60"),
    ("spaces-and-accents", "a=x%20y&b=%C3%A9t%C3%A9&c=a+b"),
    ("reserved-characters", "f=%2B%26%3D%2F%3F&%C3%A9=1&h=~._-"),
    ("repeated-key", "g=1&g=2"),
    ("arabic-indic-digits", "t0=%D9%A6%D9%A0"),
]


@pytest.mark.parametrize("query", [q for _, q in QUERIES], ids=[i for i, _ in QUERIES])
def test_the_answers_are_written_back_as_django_writes_them(query):
    state = state_of(QueryDict(query))
    assert encoded(state) == state.urlencode()


def test_control_keys_and_empty_answers_are_not_answers():
    state = state_of(QueryDict("r=flanders&go=1&return=check&f=&by=2004"))
    assert dict(state.lists()) == {"r": ["flanders"], "by": ["2004"]}
