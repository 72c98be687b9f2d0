"""`manage.py advise` under hostile input (issue 12, item 6): random JSON, scenarios with wrong
types, missing fields, deep nesting and huge lists, text that is not JSON or not UTF-8: exit 0
with the advice as JSON, or exit 2 with a message naming a field; never another status or a
traceback, in bounded size and time (fuzzing.check_run)."""

import json

from fuzzing import (
    LANGUAGES,
    advise,
    check_run,
    fuzz,
    json_values,
    mutated_scenarios,
    numbers,
    scenarios,
)
from hypothesis import given
from hypothesis import strategies as st

options = st.tuples(
    st.one_of(st.just(()), st.sampled_from(LANGUAGES).map(lambda code: ("--lang", code))),
    st.sampled_from(((), (), ("--permalink",))),
).map(lambda t: t[0] + t[1])


def run(data, raw: bytes, opts, stdin: bool):
    result = advise(raw, *opts, stdin=stdin)
    check_run(result, data, opts, len(raw))
    return result


@given(data=json_values, opts=options, stdin=st.booleans())
@fuzz(max_examples=160, deadline_seconds=5)
def test_random_json(data, opts, stdin):
    raw = json.dumps(data).encode()
    result = run(data, raw, opts, stdin)
    if not isinstance(data, dict):
        assert result.status == 2 and result.err.startswith("(scenario): must be a JSON object")


@given(data=scenarios(), opts=options)
@fuzz(max_examples=60, deadline_seconds=5)
def test_plausible_scenarios(data, opts):
    """The oracle's positive side: scenarios built as the contract says mostly give advice."""
    result = run(data, json.dumps(data).encode(), opts, False)
    assert result.status in (0, None, 2), result


@given(data=mutated_scenarios(), opts=options, stdin=st.booleans())
@fuzz(max_examples=300, deadline_seconds=5)
def test_scenarios_with_wrong_types_missing_fields_and_huge_lists(data, opts, stdin):
    run(data, json.dumps(data).encode(), opts, stdin)


@st.composite
def nested(draw):
    """A value nested `depth` times in lists or objects, alone or as a field's value."""
    depth = draw(st.one_of(st.integers(1, 1200), st.integers(1200, 200_000)))
    opening, closing = draw(st.sampled_from((("[", "]"), ('{"a":', "}"))))
    value = opening * depth + "0" + closing * depth
    where = draw(st.sampled_from(("top", "residence", "enrolments", "row")))
    if where == "top":
        return value
    if where == "row":
        return (
            '{"residence": "flanders", "education_system": "flanders", "enrolments": '
            f'[{{"academic_year": "2024-2025", "programme": "bachelor", "credits_taken": {value}}}]}}'
        )
    return f'{{"residence": "flanders", "education_system": "flanders", "{where}": {value}}}'


@given(text=nested(), opts=options)
@fuzz(max_examples=40, deadline_seconds=5)
def test_deep_nesting(text, opts):
    run(None, text.encode(), opts, False)


VALID = (
    '{"as_of": "2026-11-26", "residence": "flanders", "education_system": "flanders", '
    '"birth_month": "2005-03", "enrolments": [{"academic_year": "2024-2025", '
    '"programme": "bachelor", "credits_taken": 60, "credits_earned": 45}]}'
)


@st.composite
def raw_texts(draw) -> bytes:
    """Text that is not JSON, or not UTF-8, or JSON as no encoder writes it."""
    kind = draw(st.sampled_from(("bytes", "cut", "text", "number", "bom", "literal", "dupes")))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "cut":
        return VALID.encode()[: draw(st.integers(0, len(VALID)))]
    if kind == "text":
        return draw(st.text(max_size=100)).encode("utf-8", "surrogatepass")
    if kind == "number":  # a number where the contract has one, written in any way
        field = draw(st.sampled_from(("credits_taken", "credits_earned")))
        number = draw(st.one_of(numbers, st.sampled_from(("1e999", "-1e999", "NaN", "Infinity"))))
        if not number.lstrip("-").replace(".", "", 1).isdigit() and draw(st.booleans()):
            number = json.dumps(number)  # not a JSON number: as a string
        return VALID.replace(f'"{field}": 60' if field == "credits_taken" else '"credits_earned": 45',
                             f'"{field}": {number}').encode("utf-8", "surrogatepass")  # fmt: skip
    if kind == "bom":
        return b"\xef\xbb\xbf" + VALID.encode()
    if kind == "literal":
        return draw(st.sampled_from((b"NaN", b"null", b"[]", b'""', b"0", b"true", b"", b" ")))
    return VALID.replace("{", '{"residence": 7, ', 1).encode()  # a key twice: the last wins


@given(raw=raw_texts(), opts=options, stdin=st.booleans())
@fuzz(max_examples=200, deadline_seconds=5)
def test_text_that_is_not_a_scenario(raw, opts, stdin):
    try:
        data = json.loads(raw)
    except Exception:  # not JSON as the test reads it either: no field names of its own
        data = None
    run(data, raw, opts, stdin)
