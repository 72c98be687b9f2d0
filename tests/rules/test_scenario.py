"""Scenario validation (SCENARIO.md): every bad input is refused with its field path."""

from datetime import date

import pytest

from rules.scenario import ScenarioError, parse_scenario

TODAY = date(2026, 11, 26)


def scenario(**enrolment_fields):
    enrolment = {
        "academic_year": "2023-2024",
        "programme": "bachelor",
        "credits_taken": 60,
        "credits_earned": 30,
        **enrolment_fields,
    }
    return {
        "as_of": "2026-11-26",
        "residence": "flanders",
        "education_system": "flanders",
        "enrolments": [{k: v for k, v in enrolment.items() if v is not ...}],
    }


@pytest.mark.parametrize(
    "data, path, code",
    [
        pytest.param(
            scenario(credits_earned=70),
            "enrolments[0].credits_earned",
            "earned-exceeds-taken",
            id="SCENARIO-earned-exceeds-taken",
        ),
        pytest.param(
            scenario(academic_year="2023-2025"),
            "enrolments[0].academic_year",
            "format",
            id="SCENARIO-academic-year-not-consecutive",
        ),
        pytest.param(
            scenario(programme="phd"),
            "enrolments[0].programme",
            "choice",
            id="SCENARIO-unknown-programme",
        ),
        pytest.param(
            scenario(academic_year="2027-2028"),
            "enrolments[0].academic_year",
            "future-year",
            id="SCENARIO-year-after-the-advice",
        ),
        pytest.param(
            scenario(academic_year="2005-2006"),
            "enrolments[0].academic_year",
            "before-learning-credit",
            id="RULES-1.1-flemish-before-2008",
        ),
        pytest.param(
            scenario(credits_taken="sixty"),
            "enrolments[0].credits_taken",
            "range",
            id="SCENARIO-credits-not-a-number",
        ),
        pytest.param(
            scenario(credits_taken=True),
            "enrolments[0].credits_taken",
            "range",
            id="SCENARIO-credits-boolean",
        ),
        pytest.param(
            scenario(credits_taken=201),
            "enrolments[0].credits_taken",
            "range",
            id="SCENARIO-credits-over-200",
        ),
        pytest.param(
            scenario(credits_earned=...),
            "enrolments[0].credits_earned",
            "earned-required",
            id="SCENARIO-past-year-needs-results",
        ),
        pytest.param(
            scenario(credits_tolerated=40),
            "enrolments[0].credits_tolerated",
            "tolerated-exceeds-taken",
            id="SCENARIO-tolerated-plus-earned-over-taken",
        ),
        pytest.param(
            scenario(programme="associate-degree"),
            "enrolments[0].programme",
            "programme-system",
            id="SCENARIO-associate-degree-only-in-nl",
        ),
        pytest.param(
            scenario(start_month="2024-10"),
            "enrolments[0].start_month",
            "month-outside-year",
            id="SCENARIO-month-outside-year",
        ),
        pytest.param(
            scenario(start_month="2024-02", end_month="2023-10"),
            "enrolments[0].end_month",
            "end-before-start",
            id="SCENARIO-end-before-start",
        ),
        pytest.param(
            scenario(colour="blue"),
            "enrolments[0].colour",
            "unknown-field",
            id="SCENARIO-unknown-field",
        ),
        pytest.param(
            {**scenario(), "birth_month": "2005-13"},
            "birth_month",
            "format",
            id="SCENARIO-malformed-birth-month",
        ),
        pytest.param(
            {**scenario(), "as_of": "26/11/2026"}, "as_of", "format", id="SCENARIO-malformed-date"
        ),
        pytest.param(
            {**scenario(), "residence": "mars"},
            "residence",
            "choice",
            id="SCENARIO-unknown-residence",
        ),
        pytest.param(
            {**scenario(), "enrolments": {}},
            "enrolments",
            "format",
            id="SCENARIO-enrolments-not-a-list",
        ),
        pytest.param([], "(scenario)", "format", id="SCENARIO-not-an-object"),
        pytest.param(
            {**scenario(), "as_of": "2018-06-01"},
            "as_of",
            "as-of-not-covered",
            id="SCENARIO-v2-as-of-before-the-rules-held",
        ),
        pytest.param(
            {**scenario(), "as_of": "9999-12-31"},
            "as_of",
            "as-of-not-covered",
            id="SCENARIO-v2-as-of-far-in-the-future",
        ),
        pytest.param(
            {**scenario(), "as_of": "2027-09-01"},
            "as_of",
            "as-of-not-covered",
            id="SCENARIO-v2-as-of-after-the-checked-academic-year",
        ),
        pytest.param(
            {**scenario(), "as_of": "20261126"},
            "as_of",
            "format",
            id="SCENARIO-as-of-only-YYYY-MM-DD",
        ),
        pytest.param(
            {**scenario(), "as_of": "٢٠٢٦-١١-٢٦"},
            "as_of",
            "format",
            id="SCENARIO-as-of-non-ascii-digits",
        ),
        pytest.param(
            scenario(academic_year="٢٠٢٣-٢٠٢٤"),
            "enrolments[0].academic_year",
            "format",
            id="SCENARIO-academic-year-non-ascii-digits",
        ),
        pytest.param(
            {**scenario(), "enrolments": [scenario()["enrolments"][0]] * 41},
            "enrolments",
            "too-many-rows",
            id="SCENARIO-v2-thousands-of-rows-refused-by-name",
        ),
        pytest.param(
            scenario(block1_credits_earned=31),
            "enrolments[0].block1_credits_earned",
            "block1-exceeds-earned",
            id="SCENARIO-v2-block1-within-credits-earned",
        ),
        pytest.param(
            scenario(academic_year="2026-2027", credits_earned=..., block1_credits_earned=10),
            "enrolments[0].block1_credits_earned",
            "block1-without-earned",
            id="SCENARIO-v2-block1-needs-the-results",
        ),
        pytest.param(
            scenario(final_year="yes"),
            "enrolments[0].final_year",
            "boolean",
            id="SCENARIO-v2-final-year-boolean",
        ),
        pytest.param(
            {**scenario(academic_year="2025-2026", credits_earned=...), "as_of": "2026-10-01"},
            "enrolments[0].credits_earned",
            "earned-required",
            id="SCENARIO-v2-last-years-results-known-after-september",
        ),
        pytest.param(
            {**scenario(), "credits_to_finish": 999},
            "credits_to_finish",
            "range",
            id="SCENARIO-credits-to-finish-out-of-range",
        ),
        pytest.param(
            {**scenario(), "credits_to_finish": "60"},
            "credits_to_finish",
            "range",
            id="SCENARIO-credits-to-finish-not-a-number",
        ),
        pytest.param(
            {**scenario(), "dutch_enrolment_before_2018": "yes"},
            "dutch_enrolment_before_2018",
            "boolean",
            id="SCENARIO-dutch-enrolment-before-2018-not-a-boolean",
        ),
    ],
)
def test_bad_input_names_the_field(data, path, code):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data, today=TODAY)
    assert (path, code) in [(e.path, e.code) for e in caught.value.errors]
    assert str(caught.value).startswith(path) or f"\n{path}" in str(caught.value)


def two_rows(second: dict, birth_month: str | None = None) -> dict:
    """A scenario with the row of `scenario()` and a second row: that row with `second`."""
    data = scenario()
    first = data["enrolments"][0]
    data["enrolments"].append({**first, **second})
    if birth_month:
        data["birth_month"] = birth_month
    return data


# Answers that are each valid but cannot all be true (rules.scenario._check_together):
# (data, errors as (path, code)); no error means the answers are accepted.
SANITY = {
    "sanity-enrolled-before-15": (
        {**scenario(academic_year="2024-2025"), "birth_month": "2016-03"},
        [("enrolments[0].academic_year", "enrolled-too-young")],
    ),
    "sanity-enrolled-before-15-by-one-month": (
        {**scenario(academic_year="2024-2025"), "birth_month": "2009-10"},
        [("enrolments[0].academic_year", "enrolled-too-young")],
    ),
    "sanity-enrolled-at-15-is-accepted": (
        {**scenario(academic_year="2024-2025"), "birth_month": "2009-09"},
        [],
    ),
    "sanity-enrolled-before-15-counts-from-the-start-month": (
        {**scenario(academic_year="2024-2025", start_month="2025-02"), "birth_month": "2010-02"},
        [],
    ),
    "sanity-enrolled-before-birth": (
        {**scenario(academic_year="2023-2024"), "birth_month": "2024-01"},
        [("enrolments[0].academic_year", "enrolled-too-young")],
    ),
    "sanity-no-birth-month-no-age-check": (scenario(academic_year="2008-2009"), []),
    "sanity-every-young-row-is-named": (
        two_rows({"academic_year": "2024-2025"}, birth_month="2016-03"),
        [
            ("enrolments[0].academic_year", "enrolled-too-young"),
            ("enrolments[1].academic_year", "enrolled-too-young"),
        ],
    ),
    "sanity-same-programme-twice": (
        two_rows({}),
        [("enrolments[1].academic_year", "same-enrolment-twice")],
    ),
    "sanity-same-programme-twice-with-the-defaults-written-out": (
        two_rows({"contract": "diploma", "degree_obtained": False}),
        [("enrolments[1].academic_year", "same-enrolment-twice")],
    ),
    "sanity-two-programmes-of-one-kind-at-once-are-accepted": (
        two_rows({"credits_earned": 45}),
        [],
    ),
    "sanity-teacher-master-beside-another-master-is-accepted": (
        {
            **two_rows({"teacher_training": True}),
            "education_system": "netherlands",
            "residence": "netherlands",
        },
        [],
    ),
    "sanity-change-of-programme-during-the-year-is-accepted": (
        two_rows({"start_month": "2023-12"}),
        [],
    ),
    "sanity-same-programme-in-another-system-is-accepted": (
        two_rows({"system": "netherlands"}),
        [],
    ),
}


@pytest.mark.parametrize("data, errors", SANITY.values(), ids=SANITY.keys())
def test_answers_that_cannot_all_be_true_are_refused_by_field(data, errors):
    try:
        parse_scenario(data, today=TODAY)
    except ScenarioError as caught:
        found = [(e.path, e.code) for e in caught.errors]
    else:
        found = []
    assert found == errors


def test_an_enrolment_before_15_names_the_threshold_and_the_birth_month():
    data = {**scenario(academic_year="2024-2025"), "birth_month": "2016-03"}
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data, today=TODAY)
    assert str(caught.value) == (
        "enrolments[0].academic_year: starts before the student is 15 (birth_month 2016-03): "
        "check the academic year and birth_month"
    )


def test_the_same_enrolment_twice_names_the_first_one():
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(two_rows({}), today=TODAY)
    assert str(caught.value) == (
        "enrolments[1].academic_year: the same enrolment as enrolments[0] (every answer the "
        "same): remove one of them or correct it"
    )


def test_defaults_SCENARIO():
    parsed = parse_scenario(
        {
            "residence": "brussels",
            "education_system": "netherlands",
            "enrolments": [
                {"academic_year": "2026-2027", "programme": "bachelor", "credits_taken": 60}
            ],
        },
        today=TODAY,
    )
    enrolment = parsed.enrolments[0]
    assert parsed.as_of == TODAY
    assert (enrolment.system, enrolment.contract, enrolment.degree_obtained) == (
        "netherlands",
        "diploma",
        False,
    )
    assert (str(enrolment.first_month), str(enrolment.last_month)) == ("2026-09", "2027-08")


def test_enrolments_are_sorted_by_year_SCENARIO():
    data = scenario()
    data["enrolments"].insert(
        0,
        {
            "academic_year": "2024-2025",
            "programme": "bachelor",
            "credits_taken": 60,
            "credits_earned": 60,
        },
    )
    parsed = parse_scenario(data, today=TODAY)
    assert [str(e.academic_year) for e in parsed.enrolments] == ["2023-2024", "2024-2025"]


def test_thousands_of_rows_are_refused_without_reading_them():
    data = {**scenario(), "enrolments": [{"academic_year": "x"}] * 5000}
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data, today=TODAY)
    assert [e.code for e in caught.value.errors] == ["too-many-rows"]


@pytest.mark.parametrize(
    "as_of",
    [
        pytest.param("2026-09-15", id="SCENARIO-v2-september-second-session-pending"),
        pytest.param("2026-09-30", id="SCENARIO-v2-pending-until-30-september"),
    ],
)
def test_last_years_results_may_be_pending_in_september(as_of):
    data = {**scenario(academic_year="2025-2026", credits_earned=...), "as_of": as_of}
    assert parse_scenario(data, today=TODAY).enrolments[0].results_known is False


def test_the_covered_period_is_given_in_the_message():
    with pytest.raises(ScenarioError) as caught:
        parse_scenario({**scenario(), "as_of": "2018-06-01"}, today=TODAY)
    assert str(caught.value) == (
        "as_of: must be from 2022-09-01 to 2027-08-31, the days for "
        "which the advisor holds the rules"
    )


def test_v2_fields_are_read_SCENARIO():
    e = parse_scenario(
        scenario(final_year=True, changed_programme=True, block1_credits_earned=20), today=TODAY
    ).enrolments[0]
    assert (e.final_year, e.changed_programme, e.block1_credits_earned, e.last_of_programme) == (
        True,
        True,
        20,
        True,
    )


def test_an_academic_year_of_null_is_refused_as_required_not_a_traceback():
    """Found by tests/fuzz: `"academic_year": null` passed the 'required' check (the key was
    there) and the enrolment was built without a year: AttributeError in `advise`."""
    with pytest.raises(ScenarioError) as refused:
        parse_scenario(scenario(academic_year=None), today=TODAY)
    assert [(e.path, e.code) for e in refused.value.errors] == [
        ("enrolments[0].academic_year", "required")
    ]
