"""Who has something to appeal (rules/appeal.py), table-driven: each id names its RULES.md
section."""

import pytest
from test_deadlines import advice_of, year

from rules.appeal import appeal_sheet

FC = "french-community"

# (id, advice day, residence, system, enrolments, credits to finish, grounds, routes)
CASES = [
    (
        "RULES-1.5-RULES-1.8-flemish-below-needed-and-at-risk",
        "2026-11-15",
        "flanders",
        "flanders",
        [year("2025-2026", 60, 30), year("2026-2027", 60)],
        120,
        ["learning-credit-below-needed", "study-efficiency-at-risk"],
        ("flanders",),
    ),
    (
        "RULES-1.5-RULES-0-zero-learning-credit-and-study-efficiency-missed",
        "2026-11-15",
        "flanders",
        "flanders",
        [year("2023-2024", 60, 0), year("2024-2025", 60, 0), year("2025-2026", 60, 0)],
        180,
        ["learning-credit-zero-or-below", "study-efficiency-missed"],
        ("flanders",),
    ),
    (
        "RULES-1.5-enough-learning-credit-nothing-to-appeal",
        "2026-11-15",
        "flanders",
        "flanders",
        [year("2025-2026", 60, 60), year("2026-2027", 60)],
        120,
        [],
        (),
    ),
    (
        "RULES-3-not-fundable-unless-changing-programme",
        "2026-11-26",
        "wallonia",
        FC,
        [year("2024-2025", 60, 30, system=FC), year("2025-2026", 60, 10, system=FC)],
        None,
        ["fundable-only-if-reoriented"],
        ("french-community",),
    ),
    (
        "RULES-3-block-1-missing-after-three-enrolments-not-fundable",
        "2026-11-26",
        "brussels",
        FC,
        [
            year("2022-2023", 60, 30, system=FC),
            year("2023-2024", 60, 10, system=FC),
            year("2025-2026", 60, 10, system=FC),
        ],
        None,
        ["not-fundable"],
        ("french-community",),
    ),
    (
        "RULES-4-a-dutch-student-nothing-to-appeal",
        "2026-10-15",
        "netherlands",
        "netherlands",
        [year("2026-2027", 60, system="netherlands")],
        None,
        [],
        (),
    ),
]


@pytest.mark.parametrize(
    "as_of, residence, system, enrolments, to_finish, grounds, routes",
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_the_grounds_to_appeal(as_of, residence, system, enrolments, to_finish, grounds, routes):
    more = {"credits_to_finish": to_finish} if to_finish is not None else {}
    sheet = appeal_sheet(advice_of(as_of, residence, system, enrolments, **more))
    assert [g.code for g in sheet.grounds] == grounds
    assert sheet.routes == routes
    assert sheet.applies == bool(grounds)
    assert bool(sheet.sources) == bool(grounds)


def test_rules_1_5_the_sheet_cites_the_raad_and_the_days_from_the_parameter():
    advice = advice_of(
        "2026-11-15",
        "flanders",
        "flanders",
        [year("2025-2026", 60, 30), year("2026-2027", 60)],
        credits_to_finish=120,
    )
    sheet = appeal_sheet(advice)
    assert sheet.appeal_days == 7
    assert any("waarvoor-kan-ik-bij-de-raad" in s.url for s in sheet.sources)
    assert [s.valid_from for s in sheet.sources] == sorted(s.valid_from for s in sheet.sources)
