"""advisor.wizard.query_of builds the QueryDict Django builds for `request.GET`, for any query
string: the same keys, values and order, the same encoding, read-only, and the same error
when there are too many fields."""

import pytest
from django.core.exceptions import TooManyFieldsSent
from django.test import RequestFactory, override_settings
from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st

from advisor.wizard import query_of

FACTORY = RequestFactory()
# The characters a query is made of, and those that break it: percent signs with and without
# hex digits, separators, plus signs, non-ASCII text and bytes that are not UTF-8.
PIECES = st.sampled_from(
    ["a", "Z", "0", "9", "=", "&", ";", "+", "%", "%2", "%20", "%C3%A9", "%E9", "%FF%FE",
     "%D9%A6", "é", "ü", "€", " ", "#", "?", "/", "y0", "t0", "=2024-2025", "\x00"]
)  # fmt: skip
QUERIES = st.lists(PIECES, max_size=40).map("".join)


def request_for(query: str | bytes):
    """A request for the query; bytes as a client sent them (not always UTF-8)."""
    raw = query if isinstance(query, bytes) else query.encode("utf-8")
    request = FACTORY.get("/nl/result/")
    request.META["QUERY_STRING"] = raw.decode("iso-8859-1")  # as WSGI passes the bytes on
    return request


def assert_as_django(query: str | bytes):
    django, ours = request_for(query), request_for(query)
    try:
        expected = django.GET
    except TooManyFieldsSent:
        with pytest.raises(TooManyFieldsSent):
            query_of(ours)
        return
    found = query_of(ours)
    assert list(found.lists()) == list(expected.lists())
    assert found.encoding == expected.encoding
    assert ours.GET is found  # the request keeps it
    with pytest.raises(AttributeError):
        found["x"] = "1"  # read-only, as request.GET


@pytest.mark.parametrize(
    "query",
    ["", "r=flanders&s=flanders&y0=2024-2025&p0=bachelor&t0=60", "g=1&g=2&g=", "a=x%20y+z",
     "%C3%A9=%E9", "&&=&a", "t0=%D9%A6%D9%A0", "a=1;b=2", "x=%FF%FE"],
    ids=["empty", "answers", "repeated", "spaces", "latin-1-byte", "empty-pairs",
         "arabic-indic-digits", "semicolon", "not-utf-8"],
)  # fmt: skip
def test_as_django_for_these_queries(query):
    assert_as_django(query)


@given(QUERIES)
@fuzz(max_examples=300, deadline_seconds=2)
def test_as_django_for_any_query(query):
    assert_as_django(query)


@pytest.mark.parametrize(
    "raw", [b"a=\xe9t\xe9", b"\xff=\xfe&b=1", b"a=%C3%A9&b=\xe9"],
    ids=["latin-1-text", "bytes-in-a-key", "mixed"],
)  # fmt: skip
def test_as_django_for_bytes_that_are_not_utf_8(raw):
    assert_as_django(raw)


@given(st.binary(max_size=60))
@fuzz(max_examples=200, deadline_seconds=2)
def test_as_django_for_any_bytes(raw):
    assert_as_django(raw)


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=3)
@pytest.mark.parametrize("query", ["a=1&b=2&c=3", "a=1&b=2&c=3&d=4"], ids=["at-limit", "over"])
def test_too_many_fields_as_django(query):
    assert_as_django(query)


def test_a_read_query_is_used_as_it_is():
    request = request_for("r=flanders")
    first = request.GET
    assert query_of(request) is first
