"""The follow-up questions of SCENARIO.md v2 are asked only where they change an answer."""

from datetime import date

import pytest

from rules.questions import follow_up_questions
from rules.scenario import parse_scenario


def year(academic_year, taken, earned=None, **more):
    return {
        "academic_year": academic_year,
        "programme": more.pop("programme", "bachelor"),
        "credits_taken": taken,
        "credits_earned": earned,
        **more,
    }


def questions(enrolments, residence="flanders", system="flanders"):
    scenario = parse_scenario(
        {
            "as_of": "2026-11-26",
            "residence": residence,
            "education_system": system,
            "enrolments": enrolments,
        },
        today=date(2026, 11, 26),
    )
    return follow_up_questions(scenario)


# (id, residence, system, enrolments in input order, expected {position: fields})
CASES = [
    (
        "RULES-0-final-year-asked-for-a-running-year-under-27",
        "flanders",
        "flanders",
        [year("2025-2026", 60, 60), year("2026-2027", 12)],
        {1: ("final_year", "changed_programme")},
    ),
    (
        "RULES-0-final-year-not-asked-with-27-credits-or-more",
        "flanders",
        "netherlands",
        [year("2026-2027", 30)],
        {},
    ),
    (
        "RULES-0-final-year-not-asked-outside-belgium",
        "netherlands",
        "netherlands",
        [year("2026-2027", 12)],
        {},
    ),
    (
        "RULES-2.4-final-year-not-asked-where-any-enrolment-counts",
        "german-community",
        "netherlands",
        [year("2026-2027", 12)],
        {},
    ),
    (
        "RULES-0-final-year-not-asked-for-a-bridging-programme",
        "flanders",
        "flanders",
        [year("2026-2027", 12, programme="bridging")],
        {},
    ),
    (
        "RULES-0-thesis-year-asked-in-brussels",
        "brussels",
        "french-community",
        [year("2026-2027", 15, programme="master")],
        {0: ("final_year",)},
    ),
    (
        "RULES-1.8-second-flemish-enrolment-change-and-first-year-credits",
        "flanders",
        "flanders",
        [year("2024-2025", 60, 40), year("2025-2026", 60, 50)],
        {1: ("changed_programme", "block1_credits_earned")},
    ),
    (
        "RULES-1.8-first-year-credits-not-asked-once-all-passed",
        "flanders",
        "flanders",
        [year("2024-2025", 60, 60), year("2025-2026", 60, 50)],
        {1: ("changed_programme",)},
    ),
    (
        "RULES-1.8-not-asked-for-bachelors-started-before-2023-2024",
        "flanders",
        "flanders",
        [year("2022-2023", 60, 40), year("2023-2024", 60, 50)],
        {},
    ),
    (
        "RULES-0-french-community-reorientation-and-block-1-from-the-second-enrolment",
        "wallonia",
        "french-community",
        [year("2023-2024", 60, 40), year("2024-2025", 60, 30), year("2025-2026", 60, 30)],
        {
            1: ("changed_programme", "block1_credits_earned"),
            2: ("changed_programme", "block1_credits_earned"),
        },
    ),
    (
        "RULES-0-block-1-not-asked-for-a-running-year",
        "wallonia",
        "french-community",
        [year("2025-2026", 60, 40), year("2026-2027", 60)],
        {1: ("changed_programme",)},
    ),
]


@pytest.mark.parametrize(
    "residence, system, enrolments, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_follow_up_questions(residence, system, enrolments, expected):
    assert questions(enrolments, residence, system) == expected


def test_answering_a_follow_up_question_changes_no_other_question():
    base = [year("2024-2025", 60, 40), year("2025-2026", 60, 50)]
    answered = [base[0], {**base[1], "changed_programme": True, "block1_credits_earned": 10}]
    assert questions(answered) == questions(base)


def test_positions_follow_the_input_order_not_the_years():
    later_first = [year("2026-2027", 12), year("2025-2026", 60, 60)]
    assert questions(later_first) == {0: ("final_year", "changed_programme")}
