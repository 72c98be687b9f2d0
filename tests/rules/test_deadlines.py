"""The dates that matter for one student (rules/deadlines.py), table-driven: each id names the
source of its dates (a RULES.md section, or the official page in the parameter file)."""

from datetime import date

import pytest

from rules.advice import advise
from rules.calendar import AcademicYear
from rules.deadlines import deadlines
from rules.scenario import parse_scenario


def advice_of(as_of, residence, system, enrolments, birth=None, **more):
    scenario = parse_scenario(
        {
            "as_of": as_of,
            "residence": residence,
            "education_system": system,
            "enrolments": enrolments,
            **({"birth_month": birth} if birth else {}),
            **more,
        },
        today=date.fromisoformat(as_of),
    )
    return advise(scenario)


def year(academic_year, taken, earned=None, programme="bachelor", **more):
    return {
        "academic_year": academic_year,
        "programme": programme,
        "credits_taken": taken,
        "credits_earned": earned,
        **more,
    }


FIRST_YEAR_FLEMISH = ("flanders", "flanders", [year("2026-2027", 60)], "2008-03")
FRENCH_COMMUNITY = (
    "wallonia",
    "french-community",
    [year("2026-2027", 60, system="french-community")],
    "2006-10",
)
DUTCH = ("netherlands", "netherlands", [year("2026-2027", 60, system="netherlands")], "2006-10")

# (id naming the sources, advice day, scenario, expected (day, code) in order)
CASES = [
    (
        "RULES-1.6-RULES-2.1-RULES-1.8-flemish-first-year-in-november",
        "2026-11-15",
        FIRST_YEAR_FLEMISH,
        [
            ("2026-11-30", "change-programme-full-refund"),
            ("2027-03-15", "change-programme-half-refund"),
            ("2027-11-30", "allowance-enrolment"),
            ("2028-08-31", "study-efficiency-last-chance"),
            (None, "appeal-internal"),
        ],
    ),
    (
        "RULES-1.6-flemish-first-year-in-december-only-the-half-refund-left",
        "2026-12-01",
        FIRST_YEAR_FLEMISH,
        [
            ("2027-03-15", "change-programme-half-refund"),
            ("2027-11-30", "allowance-enrolment"),
            ("2028-08-31", "study-efficiency-last-chance"),
            (None, "appeal-internal"),
        ],
    ),
    (
        "RULES-1.6-second-year-student-institution-sets-the-dates-RULES-1.8-at-risk",
        "2026-11-15",
        (
            "flanders",
            "flanders",
            [year("2025-2026", 60, 30), year("2026-2027", 60)],
            "2006-03",
        ),
        [
            ("2027-08-31", "study-efficiency-last-chance"),
            ("2027-11-30", "allowance-enrolment"),
            (None, "appeal-internal"),
        ],
    ),
    (
        "RULES-1.8-RULES-2.1-not-enrolled-this-year-by-30-november-its-second-enrolment-may-be-now",
        "2026-11-26",
        ("flanders", "flanders", [year("2023-2024", 60, 30)], None),
        [
            ("2026-11-30", "allowance-enrolment"),
            ("2027-08-31", "study-efficiency-last-chance"),
            (None, "appeal-internal"),
        ],
    ),
    (
        "RULES-1.8-RULES-2.1-not-enrolled-this-year-after-30-november-next-years-end",
        "2026-12-01",
        ("flanders", "flanders", [year("2023-2024", 60, 30)], None),
        [
            ("2027-11-30", "allowance-enrolment"),
            ("2028-08-31", "study-efficiency-last-chance"),
            (None, "appeal-internal"),
        ],
    ),
    (
        "RULES-3-La-Libre-mesetudes.be-RULES-2.3-french-community-first-year-in-october",
        "2026-10-15",
        FRENCH_COMMUNITY,
        [
            ("2026-10-30", "fc-first-year-change"),
            ("2027-10-31", "fc-enrolment-request"),
            ("2027-11-30", "allowance-enrolment"),  # the semi-automatic right ends at 21
        ],
    ),
    (
        "mesetudes.be-french-community-not-enrolled-yet-this-year-asks-by-31-october",
        "2026-09-20",
        (
            "wallonia",
            "french-community",
            [
                year("2024-2025", 60, 30, system="french-community"),
                year("2025-2026", 60, 10, system="french-community"),
            ],
            None,
        ),
        [
            ("2026-10-31", "fc-enrolment-request"),
            ("2026-11-30", "allowance-enrolment"),
        ],
    ),
    (
        "RULES-4.5-EUR-studiekeuze123-dutch-student",
        "2026-10-15",
        DUTCH,
        [
            ("2027-05-01", "nl-application"),
            ("2027-05-31", "nl-deregistration-refund"),
        ],
    ),
    (
        "RULES-4.5-dutch-student-in-june-past-all-dates",
        "2027-06-15",
        DUTCH,
        [],
    ),
    (
        "RULES-0-RULES-1.3-past-the-age-limit-with-a-master-past-all-dates",
        "2026-08-15",
        (
            "flanders",
            "flanders",
            [
                year("2023-2024", 60, 60, programme="master", degree_obtained=True),
            ],
            "2000-10",
        ),
        [],
    ),
    (
        "RULES-2.1-age-gives-the-allowance-all-next-year-no-enrolment-deadline",
        "2026-11-15",
        (
            "flanders",
            "flanders",
            [year("2025-2026", 60, 60, programme="graduaat")],
            "2009-09",
        ),
        [],
    ),
]


@pytest.mark.parametrize(
    "as_of, scenario, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_dates_that_matter_for_this_student(as_of, scenario, expected):
    residence, system, enrolments, birth = scenario
    found = deadlines(advice_of(as_of, residence, system, enrolments, birth))
    assert [(d.day and d.day.isoformat(), d.code) for d in found] == expected


def test_rules_1_6_a_date_before_1_december_is_listed_on_its_last_day():
    found = deadlines(advice_of("2026-11-15", *FIRST_YEAR_FLEMISH))
    full = next(d for d in found if d.code == "change-programme-full-refund")
    assert full.day == date(2026, 11, 30)
    assert full.params == {"before": date(2026, 12, 1)}
    assert full.rule == "learning_credit.change_full_refund_before"
    assert full.reference.url.startswith("https://www.onderwijs.vlaanderen.be/")


def test_rules_1_8_the_study_efficiency_deadline_is_the_end_of_the_second_enrolment():
    advice = advice_of(
        "2026-11-15", "flanders", "flanders", [year("2025-2026", 60, 45), year("2026-2027", 60)]
    )
    (found,) = [d for d in deadlines(advice) if d.code == "study-efficiency-last-chance"]
    assert found.params == {
        "year": AcademicYear(2026),
        "missing": 15,
        "total": 60,
        "listed": True,
    }
    assert found.day == advice.results["study_efficiency"].current.deadline.last_day
    assert found.confidence == "medium"


def test_vlaanderen_be_the_appeal_is_a_rule_in_days_without_a_date():
    found = deadlines(advice_of("2026-11-15", *FIRST_YEAR_FLEMISH))
    appeal = found[-1]
    assert (appeal.code, appeal.day, appeal.params) == ("appeal-internal", None, {"days": 7})
    assert "vlaanderen.be" in appeal.reference.url


def test_rules_2_2_not_enrolled_yet_this_year_the_deadline_is_this_years():
    """The region's own parameter; this year's 30 November while it has not passed and the
    student has no enrolment in the year yet (what_if in rules/family_allowance)."""
    brussels = advice_of(
        "2026-11-15", "brussels", "flanders", [year("2025-2026", 60, 60)], "2006-03"
    )
    (found,) = [d for d in deadlines(brussels) if d.code == "allowance-enrolment"]
    assert found.rule == "family_allowance.brussels.enrolment_deadline"
    assert found.day == date(2026, 11, 30)
    # not enrolled since the summer: no right now (the job seeker's days need Actiris), so
    # enrolling brings it back rather than keeping it
    assert found.params == {"year": AcademicYear(2026), "credits": 27, "again": True}
    flemish = advice_of("2026-11-15", "flanders", "flanders", [year("2026-2027", 60)], "2006-03")
    (kept,) = [d for d in deadlines(flemish) if d.code == "allowance-enrolment"]
    assert kept.params["again"] is False


def test_every_deadline_names_a_parameter_with_a_source():
    from rules import parameters

    for as_of, scenario, _expected in (c[1:] for c in CASES):
        for d in deadlines(advice_of(as_of, *scenario)):
            assert parameters.parameter(d.rule).reference.url.startswith("https://")
            assert d.confidence in parameters.CONFIDENCES


@pytest.mark.parametrize(
    "as_of, residence, birth, top_up",
    [
        pytest.param("2026-11-26", "flanders", "2005-03", date(2026, 11, 30),
                     id="RULES-2.1-art-24: 20 credits, 27 by 30 November count the whole year"),
        pytest.param("2026-11-26", "brussels", None, date(2026, 11, 30),
                     id="RULES-2.2: without a birth month too"),
        pytest.param("2026-12-01", "flanders", "2005-03", None, id="RULES-2.1: past the day"),
        pytest.param("2026-11-26", "flanders", "2001-09", None,
                     id="RULES-2.1: past the age limit (25 in September 2026), nothing to keep"),
    ],
)  # fmt: skip
def test_the_running_year_below_27_can_still_be_topped_up(as_of, residence, birth, top_up):
    advice = advice_of(as_of, residence, "flanders",
                       [year("2025-2026", 60, 60), year("2026-2027", 20)], birth)  # fmt: skip
    days = [d.day for d in deadlines(advice) if d.code == "allowance-top-up"]
    assert days == ([top_up] if top_up else [])
