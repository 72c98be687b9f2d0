"""The Flemish study-efficiency rule (RULES.md §1.8 and §0), table-driven: each id names its
source (RULES.md, the EhB page in rules/parameters/study_efficiency/)."""

from datetime import date

import pytest

from rules.scenario import parse_scenario
from rules.study_efficiency import study_efficiency

AS_OF = "2026-11-26"


def year(academic_year, taken, earned=None, programme="bachelor", **more):
    return {
        "academic_year": academic_year,
        "programme": programme,
        "credits_taken": taken,
        "credits_earned": earned,
        **more,
    }


def compute(enrolments, as_of=AS_OF):
    scenario = parse_scenario(
        {
            "as_of": as_of,
            "residence": "flanders",
            "education_system": "flanders",
            "enrolments": enrolments,
        },
        today=date(2026, 11, 26),
    )
    return study_efficiency(scenario)


# (id, enrolments, expected verdict on the current programme: start, to pass, passed,
#  deadline, met, refused until, state)
CASES = [
    (
        "RULES-1.8-first-enrolment-all-passed-met-at-once",
        [year("2025-2026", 60, 60)],
        ("2025-2026", 60, 60, "2027-2028", True, None, "met"),
    ),
    (
        "RULES-1.8-first-enrolment-running-open",
        [year("2026-2027", 60)],
        ("2026-2027", 60, 0, "2027-2028", None, None, "open"),
    ),
    (
        "RULES-1.8-45-of-60-after-year-1-at-risk-deadline-is-the-second-enrolment",
        [year("2025-2026", 60, 45), year("2026-2027", 60)],
        ("2025-2026", 60, 45, "2026-2027", None, None, "at-risk"),
    ),
    (
        "RULES-1.8-tolerance-and-deliberation-count-as-passed",
        [year("2024-2025", 60, 50, credits_tolerated=10)],
        ("2024-2025", 60, 60, "2027-2028", True, None, "met"),
    ),
    (
        "RULES-1.8-rest-passed-in-the-second-enrolment-met",
        [year("2024-2025", 60, 45), year("2025-2026", 60, 60)],
        ("2024-2025", 60, 60, "2025-2026", True, None, "met"),
    ),
    (
        "RULES-0-not-passed-by-the-second-enrolment-refused-six-years",
        [year("2024-2025", 60, 30), year("2025-2026", 60, 20, block1_credits_earned=20)],
        ("2024-2025", 60, 50, "2025-2026", False, "2031-2032", "missed"),
    ),
    (
        "RULES-0-first-refusals-fall-in-2025-2026",
        [year("2023-2024", 60, 20), year("2024-2025", 60, 30, block1_credits_earned=30)],
        ("2023-2024", 60, 50, "2024-2025", False, "2030-2031", "missed"),
    ),
    (
        "RULES-1.8-the-first-enrolments-credits-not-60",
        [year("2025-2026", 45, 40)],
        ("2025-2026", 45, 40, "2027-2028", None, None, "at-risk"),
    ),
    (
        "RULES-1.8-no-second-enrolment-yet-the-deadline-is-the-next-possible-one",
        [year("2024-2025", 60, 40)],
        ("2024-2025", 60, 40, "2027-2028", None, None, "at-risk"),
    ),
    (
        "RULES-1.8-first-enrolment-last-year-not-enrolled-this-year",
        [year("2025-2026", 60, 40)],
        ("2025-2026", 60, 40, "2027-2028", None, None, "at-risk"),
    ),
    (
        "RULES-1.8-per-programme-a-change-starts-a-new-count",
        [year("2024-2025", 60, 10), year("2025-2026", 60, 60, changed_programme=True)],
        ("2025-2026", 60, 60, "2027-2028", True, None, "met"),
    ),
    (
        "RULES-1.8-second-enrolment-results-pending-still-open",
        [year("2025-2026", 60, 40), year("2026-2027", 60)],
        ("2025-2026", 60, 40, "2026-2027", None, None, "at-risk"),
    ),
]


@pytest.mark.parametrize("enrolments, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_verdict(enrolments, expected):
    p = compute(enrolments).current
    assert (
        str(p.programme_start),
        p.credits_to_pass,
        p.credits_passed,
        str(p.deadline),
        p.met,
        p.refused_until and str(p.refused_until),
        p.state,
    ) == expected


@pytest.mark.parametrize(
    "enrolments",
    [
        pytest.param(
            [year("2022-2023", 60, 60), year("2023-2024", 60, 60)],
            id="RULES-1.8-bachelor-started-before-2023-2024",
        ),
        pytest.param(
            [year("2022-2023", 60, 60, programme="graduaat"), year("2023-2024", 60, 60)],
            id="EhB-not-for-students-enrolled-in-a-graduaat-before-2023-2024",
        ),
        pytest.param(
            [year("2024-2025", 60, 60, contract="credit")], id="RULES-1.8-only-diploma-contracts"
        ),
        pytest.param(
            [year("2024-2025", 60, 60, programme="master")], id="RULES-1.8-only-bachelors"
        ),
        pytest.param(
            [year("2024-2025", 60, 60, system="french-community")],
            id="RULES-1.8-only-flemish-institutions",
        ),
    ],
)
def test_the_rule_does_not_apply(enrolments):
    assert compute(enrolments) is None


def test_RULES_0_without_block1_credits_the_later_years_credits_are_approximated():
    # Year 2 earned 40, of which we don't know how many were first-enrolment units: all count.
    se = compute([year("2024-2025", 60, 30), year("2025-2026", 60, 40)])
    assert (se.current.met, se.current.credits_passed, se.current.approximated) == (True, 60, True)
    # Told: only 20 of them were first-enrolment units, so the rule is missed.
    told = compute(
        [year("2024-2025", 60, 30), year("2025-2026", 60, 40, block1_credits_earned=20)]
    )
    assert (told.current.met, told.current.credits_passed, told.current.approximated) == (
        False,
        50,
        False,
    )


def test_RULES_0_an_earlier_missed_programme_stays_listed():
    se = compute(
        [
            year("2023-2024", 60, 20),
            year("2024-2025", 60, 30, block1_credits_earned=30),
            year("2025-2026", 60, 60, changed_programme=True),
        ]
    )
    assert [p.state for p in se.programmes] == ["missed", "met"]
    assert str(se.earlier[0].refused_from) == "2025-2026"
    assert se.needs_attention is True


def test_RULES_0_refusal_length_is_medium_confidence():
    assert compute([year("2025-2026", 60, 60)]).figures.refusal_confidence == "medium"
