"""The table of answers (advisor/answers.py) and everything derived from it agree with the
scenario contract (rules.scenario, SCENARIO.md) and with each other."""

import ast
from pathlib import Path

import pytest

from advisor import answers, errors, forms, querystring, shortlink
from rules import scenario

SCENARIO_SOURCE = (Path(scenario.__file__)).read_text(encoding="utf-8")


def test_every_scenario_field_is_one_answer():
    """The plans are the planner's (advisor/planner.py), in keys of their own."""
    top_level = scenario.TOP_LEVEL_FIELDS - {"enrolments", "plans"}
    assert {a.name for a in answers.TOP_LEVEL} == top_level
    assert {a.name for a in answers.ROWS} == scenario.ENROLMENT_FIELDS
    assert len(answers.BY_KEY) == len(answers.ANSWERS) == len(answers.BY_NAME)


def test_the_planner_keys_are_no_other_answer_s():
    from advisor import planner

    keys = {a.key for a in answers.ANSWERS} | {answers.BIRTH_MONTH_KEY}
    assert not {name for name in planner.FIELDS} & keys
    assert not any(querystring.ROW_KEY.match(key) for key in planner.KEYS)
    assert len(planner.LETTERS) == scenario.MAX_PLANS


def test_every_step_that_asks_exists():
    assert {a.step for a in answers.ANSWERS} - {None} <= set(forms.STEPS) | {"years"}


@pytest.mark.parametrize(
    "answer", [a for a in answers.ANSWERS if a.kind == "choice"], ids=lambda a: a.name
)
def test_choices_come_from_the_scenario_and_the_short_link_codes_them(answer):
    labels = {
        "residence": forms.RESIDENCE_LABELS,
        "education_system": forms.SYSTEM_LABELS,
        "system": forms.SYSTEM_LABELS,
        "programme": forms.PROGRAMME_LABELS,
        "contract": forms.CONTRACT_LABELS,
    }[answer.name]
    assert set(labels) == set(answer.choices)
    assert set(answer.codes) <= set(answer.choices)
    uncoded = set(answer.choices) - set(answer.codes)
    assert uncoded <= {"diploma"}  # the default contract is written as nothing
    assert len(set(answer.codes.values())) == len(answer.codes)


def test_the_query_string_maps_are_the_table():
    assert set(querystring.ROW.values()) == scenario.ENROLMENT_FIELDS
    assert forms.SCENARIO_FIELD["birth_month"] == "by"
    assert {errors.STEP_OF_ROW_FIELD[a.key] for a in answers.ROWS} <= set(forms.STEPS) | {"years"}
    for key in querystring.ROW:
        assert querystring.ROW_KEY.match(f"{key}12").group(1) == key


def test_every_validation_error_has_a_translated_message():
    """Each code rules.scenario fails with (`r.fail(path, message, code)`) has a message."""
    used = {
        node.args[2].value
        for node in ast.walk(ast.parse(SCENARIO_SOURCE))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "fail"
        and len(node.args) >= 3
        and isinstance(node.args[2], ast.Constant)
    }
    assert len(used) > 15
    assert used <= set(errors.MESSAGES), used - set(errors.MESSAGES)


def test_the_short_link_writes_every_row_answer():
    names = set(shortlink.ROW.groupindex)
    assert names == {a.key for a in answers.ROWS}


@pytest.mark.parametrize(
    "query",
    [
        "r=brussels&s=flanders&by=2004&bm=03&f=60&y0=2024-2025&p0=bachelor&t0=60&e0=45",
        "r=flanders&s=netherlands&y0=2024-2025&p0=bachelor&t0=60&e0=60&q0=1&nb=1",
        "r=flanders&s=flanders&y0=2024-2025&p0=bachelor&t0=60&e0=20&y1=2025-2026&p1=master"
        "&t1=60&e1=60&c1=1&b1=20",
    ],
    ids=["fixed-fields", "netherlands-rows", "follow-up-questions"],
)
def test_the_result_page_summary_without_forms_is_the_check_page_summary(query):
    """The result page writes 'your answers' without building a form where a step's fields
    are fixed (Step.valid_summary); the check page validates through the form."""
    from datetime import date

    from django.http import QueryDict

    from advisor.wizard import follow_ups, steps_for

    state, today = QueryDict(query), date(2026, 11, 26)
    questions = follow_ups(state)
    for name in steps_for(state, questions):
        if name == "years":
            continue
        form_class = forms.STEPS[name]
        form = form_class(state, **form_class.options(state, today))
        assert form.is_valid(), (name, form.errors)
        as_text = [(str(q), str(a)) for q, a in form.summary()]  # cleaned: 60, query: "60"
        assert [
            (str(q), str(a)) for q, a in form_class.valid_summary(state, today, questions)
        ] == as_text, name
