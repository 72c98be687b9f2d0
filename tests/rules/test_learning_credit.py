"""The Flemish learning credit (RULES.md §1), table-driven: each case names its source."""

from datetime import date

import pytest

from rules.learning_credit import learning_credit
from rules.scenario import parse_scenario

AS_OF = "2026-11-26"


def year(academic_year, taken, earned=None, programme="bachelor", contract="diploma", **more):
    return {
        "academic_year": academic_year,
        "programme": programme,
        "contract": contract,
        "credits_taken": taken,
        "credits_earned": earned,
        **more,
    }


def compute(enrolments, as_of=AS_OF, **top):
    scenario = parse_scenario(
        {
            "as_of": as_of,
            "residence": "flanders",
            "education_system": "flanders",
            "enrolments": enrolments,
            **top,
        },
        today=date(2026, 11, 26),
    )
    return learning_credit(scenario)


def row(lc, academic_year):
    return next(y for y in lc.years if str(y.academic_year) == academic_year)


# (id naming the source, enrolments, extra scenario fields, expected {attribute: value})
BALANCE_CASES = [
    (
        "RULES-1.9-seed-enrol-60-while-year-runs",
        [year("2026-2027", 60)],
        {},
        {"balance": 80, "closing:2026-2027": None, "after_enrolment:2026-2027": 80},
    ),
    (
        "RULES-1.9-diploma-60-taken-60-earned-bonus",
        [year("2023-2024", 60, 60)],
        {},
        {"closing:2023-2024": 200, "bonus_remaining": 0, "bonus:2023-2024": 60},
    ),
    (
        "RULES-1.9-diploma-60-taken-30-earned-half-bonus",
        [year("2023-2024", 60, 30)],
        {},
        {"closing:2023-2024": 140, "bonus_remaining": 30},
    ),
    (
        "RULES-1.9-credit-contract-no-bonus",
        [year("2023-2024", 30, 30, contract="credit")],
        {},
        {"closing:2023-2024": 140, "bonus_remaining": 60, "bonus:2023-2024": 0},
    ),
    (
        "RULES-1.9-perfect-bachelor-and-master-ends-at-60",
        [
            year("2021-2022", 60, 60),
            year("2022-2023", 60, 60),
            year("2023-2024", 60, 60, degree_obtained=True),
            year("2024-2025", 60, 60, programme="master", degree_obtained=True),
        ],
        {},
        {
            "closing:2023-2024": 200,
            "master_deduction:2024-2025": 140,
            "closing:2024-2025": 60,
            "enrolled:2025-2026": False,
            "balance": 60,
            "rebuild": None,
        },
    ),
    (
        "RULES-1.1-exam-contract-deducts-nothing",
        [year("2023-2024", 60, 30, contract="exam")],
        {},
        {"closing:2023-2024": 140, "taken:2023-2024": 0},
    ),
    (
        "RULES-1.1-graduaat-diploma-contract-deducts-nothing",
        [year("2023-2024", 60, 40, programme="graduaat")],
        {},
        {"closing:2023-2024": 140},
    ),
    (
        "RULES-1.1-graduaat-unit-under-credit-contract-deducts",
        [year("2023-2024", 12, 6, programme="graduaat", contract="credit")],
        {},
        {"closing:2023-2024": 134},
    ),
    (
        "RULES-1.1-bridging-preparatory-banaba-manama-postgraduate-doctorate-deduct-nothing",
        [
            year("2023-2024", 30, 0, programme=p)
            for p in (
                "bridging",
                "preparatory",
                "advanced-bachelor",
                "advanced-master",
                "postgraduate",
                "doctorate",
                "teacher-training-short",
            )
        ],
        {},
        {"closing:2023-2024": 140, "taken:2023-2024": 0},
    ),
    (
        "RULES-1.1-master-diploma-contract-deducts",
        [year("2023-2024", 60, 0, programme="master")],
        {},
        {"closing:2023-2024": 80},
    ),
    (
        "RULES-1.2-tolerated-credits-are-lost",
        [year("2023-2024", 60, 48, credits_tolerated=6)],
        {},
        {"closing:2023-2024": 176, "returned:2023-2024": 48},
    ),
    (
        "RULES-1.2-bonus-spread-over-two-years",
        [year("2022-2023", 60, 20), year("2023-2024", 60, 60)],
        {},
        {
            "closing:2022-2023": 120,
            "bonus:2023-2024": 40,
            "closing:2023-2024": 160,
            "bonus_remaining": 0,
        },
    ),
    (
        "RULES-1.2-no-bonus-for-credit-contract-even-later",
        [year("2022-2023", 30, 30, contract="credit"), year("2023-2024", 60, 10)],
        {},
        {"closing:2022-2023": 140, "closing:2023-2024": 100, "bonus_remaining": 50},
    ),
    (
        "RULES-1.3-second-master-deducts-nothing-more",
        [
            year("2023-2024", 60, 60, programme="master", degree_obtained=True),
            year("2024-2025", 60, 60, programme="master", degree_obtained=True),
        ],
        {},
        {"closing:2023-2024": 60, "master_deduction:2024-2025": 0, "closing:2024-2025": 60},
    ),
    (
        "RULES-1.4-rebuild-after-master-from-next-year",
        [
            year("2019-2020", 60, 30),
            year("2020-2021", 60, 30),
            year("2021-2022", 60, 60),
            year("2022-2023", 60, 60, degree_obtained=True),
            year("2023-2024", 60, 60, programme="master", degree_obtained=True),
        ],
        {},
        {
            "closing:2023-2024": 0,
            "rebuild:2023-2024": 0,
            "rebuild:2024-2025": 10,
            "closing:2024-2025": 10,
            "closing:2025-2026": 20,
            "balance": 30,
            "rebuild": ("master", "2024-2025"),
        },
    ),
    (
        "RULES-1.4-rebuild-after-a-year-without-enrolment",
        [year("2020-2021", 60, 0), year("2021-2022", 60, 0)],
        {},
        {
            "closing:2021-2022": 20,
            "enrolled:2022-2023": False,
            "rebuild:2022-2023": 0,
            "rebuild:2023-2024": 10,
            "closing:2023-2024": 30,
            "balance": 60,
            "rebuild": ("no-enrolment", "2023-2024"),
        },
    ),
    (
        "RULES-1.4-bonus-lost-once-rebuild-started",
        [year("2020-2021", 60, 0), year("2021-2022", 60, 0), year("2024-2025", 60, 60)],
        {},
        {
            "after_enrolment:2024-2025": -20,
            "bonus:2024-2025": 0,
            "closing:2024-2025": 40,
            "bonus_remaining": 0,
            "closing:2025-2026": 50,
            "balance": 60,
        },
    ),
    (
        "RULES-1.4-rebuild-stops-at-60-and-happens-once",
        [year("2018-2019", 60, 0), year("2019-2020", 60, 0), year("2025-2026", 60, 0)],
        {},
        {
            "closing:2024-2025": 60,
            "rebuild:2025-2026": 0,
            "closing:2025-2026": 0,
            "rebuild:2026-2027": 0,
            "balance": 0,
            "rebuild": ("no-enrolment", "2021-2022"),
        },
    ),
    (
        "RULES-1.4-graduaat-diploma-tops-up-to-60-at-enrolment",
        [
            year("2019-2020", 60, 0),
            year("2020-2021", 60, 0),
            year("2021-2022", 90, 90, programme="graduaat", degree_obtained=True),
            year("2022-2023", 60, 60),
        ],
        {},
        {
            "closing:2021-2022": 20,
            "rebuild:2022-2023": 40,
            "after_enrolment:2022-2023": 0,
            "closing:2022-2023": 60,
            "rebuild": ("graduaat", "2022-2023"),
        },
    ),
    (
        "RULES-1.5-negative-balance",
        [
            year("2022-2023", 100, 0, contract="credit"),
            year("2023-2024", 60, 0, contract="credit"),
        ],
        {"as_of": "2024-05-01"},
        {"balance": -20, "sufficient": False},
    ),
]


@pytest.mark.parametrize(
    "enrolments, top, expected", [c[1:] for c in BALANCE_CASES], ids=[c[0] for c in BALANCE_CASES]
)
def test_balance(enrolments, top, expected):
    top = dict(top)
    lc = compute(enrolments, as_of=top.pop("as_of", AS_OF), **top)
    for key, want in expected.items():
        if ":" in key:
            attribute, academic_year = key.split(":")
            got = getattr(row(lc, academic_year), attribute)
        elif key == "rebuild":
            got = lc.rebuild and (lc.rebuild.trigger, str(lc.rebuild.from_year))
        else:
            got = getattr(lc, key)
        assert got == want, key


@pytest.mark.parametrize(
    "balance_credits, to_finish, verdict",
    [
        pytest.param(60, None, None, id="RULES-1.5-positive-without-credits-to-finish-unknown"),
        pytest.param(60, 60, True, id="RULES-1.5-enough-for-what-is-left"),
        pytest.param(60, 61, False, id="RULES-1.5-positive-but-lower-than-needed"),
    ],
)
def test_sufficient_against_credits_to_finish(balance_credits, to_finish, verdict):
    # 140 - 80 + 0 = 60 with a credit contract (no bonus)
    lc = compute(
        [year("2023-2024", 140 - balance_credits, 0, contract="credit")],
        credits_to_finish=to_finish,
    )
    assert lc.balance == balance_credits
    assert lc.sufficient is verdict


def test_zero_balance_is_insufficient_RULES_1_5():
    lc = compute([year("2023-2024", 140, 0, contract="credit")], as_of="2024-06-01")
    assert (lc.balance, lc.sufficient) == (0, False)


def test_gap_years_are_listed_up_to_the_advice_year_SCENARIO():
    lc = compute([year("2022-2023", 60, 60)])
    assert [str(y.academic_year) for y in lc.years] == [
        "2022-2023",
        "2023-2024",
        "2024-2025",
        "2025-2026",
        "2026-2027",
    ]
    assert [y.enrolled for y in lc.years] == [True, False, False, False, False]


def test_running_year_outcomes_RULES_1_9_seed():
    lc = compute([year("2026-2027", 60)])
    assert [(o.share, o.earned, o.closing) for o in lc.running_year_outcomes] == [
        ("all", 60, 200),
        ("half", 30, 140),
        ("none", 0, 80),
    ]


@pytest.mark.parametrize(
    "as_of, phase",
    [
        pytest.param("2026-11-30", "full", id="RULES-1.6-before-1-december-all-back"),
        pytest.param("2026-12-01", "half", id="RULES-1.6-from-1-december-half"),
        pytest.param("2027-03-15", "half", id="RULES-1.6-15-march-still-half"),
        pytest.param("2027-03-16", "passed-only", id="RULES-1.6-after-15-march-passed-only"),
    ],
)
def test_change_of_programme_phase(as_of, phase):
    scenario = parse_scenario(
        {
            "as_of": as_of,
            "residence": "flanders",
            "education_system": "flanders",
            "enrolments": [year("2026-2027", 60)],
        },
        today=date(2027, 6, 1),
    )
    change = learning_credit(scenario).change_of_programme
    assert change.phase == phase
    assert change.first_bachelor_year is True


def test_change_of_programme_fallback_is_for_first_year_only_RULES_1_6():
    lc = compute([year("2025-2026", 60, 60), year("2026-2027", 60)])
    assert lc.change_of_programme.first_bachelor_year is False


def test_no_flemish_enrolment_means_no_learning_credit_SCENARIO():
    scenario = parse_scenario(
        {
            "as_of": AS_OF,
            "residence": "netherlands",
            "education_system": "netherlands",
            "enrolments": [year("2023-2024", 60)],
        },
        today=date(2026, 11, 26),
    )
    assert learning_credit(scenario) is None


@pytest.mark.parametrize(
    "as_of, days_left, urgent",
    [
        pytest.param(
            "2026-10-31", 31, False, id="RULES-0-a-month-before-1-december-not-yet-urgent"
        ),
        pytest.param("2026-11-01", 30, True, id="RULES-0-from-1-november-urgent"),
        pytest.param("2026-11-30", 1, True, id="RULES-0-the-last-day-before-1-december"),
        pytest.param(
            "2026-12-01", 0, False, id="RULES-0-on-1-december-the-full-refund-has-passed"
        ),
    ],
)
def test_change_of_programme_urgency_near_1_december(as_of, days_left, urgent):
    change = compute([year("2026-2027", 60)], as_of=as_of).change_of_programme
    assert (change.days_left, change.urgent) == (days_left, urgent)


# A graduaat year is an enrolment, not a year without one (RULES.md §0; the official page
# "Kan ik mijn leerkrediet weer opbouwen?" describes the rebuild for a student who stopped
# studying): (id, enrolments, expected rebuild)
GRADUAAT_CASES = [
    (
        "RULES-0-graduaat-year-does-not-start-the-no-enrolment-rebuild",
        [
            year("2022-2023", 60, 0),
            year("2023-2024", 60, 0),
            year("2024-2025", 60, 30, programme="graduaat"),
            year("2025-2026", 60, 30, programme="graduaat"),
        ],
        None,
    ),
    (
        "RULES-1.4-a-year-without-any-enrolment-does-start-it",
        [
            year("2022-2023", 60, 0),
            year("2023-2024", 60, 0),
            year("2025-2026", 60, 30, programme="graduaat"),
        ],
        ("no-enrolment", "2025-2026"),
    ),
    (
        "RULES-1.4-exam-contract-only-year-still-counts-as-without-enrolment",
        [
            year("2022-2023", 60, 0),
            year("2023-2024", 60, 0),
            year("2024-2025", 60, 30, contract="exam"),
        ],
        ("no-enrolment", "2025-2026"),
    ),
]


@pytest.mark.parametrize(
    "enrolments, rebuild", [c[1:] for c in GRADUAAT_CASES], ids=[c[0] for c in GRADUAAT_CASES]
)
def test_graduaat_year_is_an_enrolment(enrolments, rebuild):
    lc = compute(enrolments)
    assert (lc.rebuild and (lc.rebuild.trigger, str(lc.rebuild.from_year))) == rebuild


def test_the_page_is_told_when_a_graduaat_year_kept_the_rebuild_off():
    lc = compute(GRADUAAT_CASES[0][1])
    assert lc.graduaat_years_counted is True
    assert (
        compute([year("2024-2025", 60, 30, programme="graduaat")]).graduaat_years_counted is False
    )  # the balance was 140: no rebuild to keep off


def test_september_previous_year_results_pending_give_a_range_SCENARIO_v2():
    # 15 September 2026: 2025-2026's second-session results are not known yet, and the
    # student has enrolled for 2026-2027: both years are pending, the figures are a range.
    lc = compute([year("2025-2026", 60), year("2026-2027", 60)], as_of="2026-09-15")
    assert lc.pending_years == tuple(r.academic_year for r in lc.years)
    assert (row(lc, "2025-2026").closing, lc.balance) == (None, 20)
    assert [(o.share, o.closing) for o in lc.running_year_outcomes] == [
        ("all", 200),
        ("half", 140),
        ("none", 20),
    ]
    assert lc.change_of_programme is not None  # the current year runs


def test_a_pending_year_leaves_later_closings_unknown():
    lc = compute([year("2025-2026", 60)], as_of="2026-09-15")
    assert (row(lc, "2025-2026").closing, row(lc, "2026-2027").closing) == (None, None)
    assert lc.results_pending is True
    assert lc.change_of_programme is None  # no enrolment runs this year


# (id naming the source, enrolments with known results before the running year)
HISTORY_BEFORE_RUNNING_YEAR = [
    ("RULES-1.9-two-known-years", [year("2024-2025", 60, 45), year("2025-2026", 60, 60)]),
    ("RULES-1.3-rebuild-after-a-gap", [year("2019-2020", 60, 0), year("2020-2021", 60, 0)]),
    (
        "RULES-1.2-master-degree-deducted",
        [
            year("2021-2022", 60, 60),
            year("2022-2023", 60, 60, programme="master", degree_obtained=True),
        ],
    ),
]


@pytest.mark.parametrize(
    "history",
    [h for _, h in HISTORY_BEFORE_RUNNING_YEAR],
    ids=[i for i, _ in HISTORY_BEFORE_RUNNING_YEAR],
)
@pytest.mark.parametrize("share, earned", [("all", 60), ("half", 30), ("none", 0)])
def test_each_running_year_outcome_is_the_balance_with_those_results_RULES_1_9(
    history, share, earned
):
    """The range shown while the year runs: each end is what the same history gives once the
    running year's results are in."""
    running = compute([*history, year("2026-2027", 60)])
    outcome = next(o for o in running.running_year_outcomes if o.share == share)
    assert outcome.earned == earned
    assert outcome.closing == compute([*history, year("2026-2027", 60, earned)]).balance


@pytest.mark.parametrize(
    "last, to_finish, deducted, closing",
    [
        pytest.param(year("2026-2027", 15, programme="master"), 15, 140, 45,
                     id="RULES-1.3: passing the last 15 of a first master deducts 140"),
        pytest.param(year("2026-2027", 15, programme="master", final_year=True), None, 140, 45,
                     id="RULES-1.3: the final year, as answered"),
        pytest.param(year("2026-2027", 15, programme="master"), 30, 0, 185,
                     id="RULES-1.3: 15 more still needed after it: no degree yet"),
    ],
)  # fmt: skip
def test_passing_everything_in_a_final_master_year_obtains_the_degree(
    last, to_finish, deducted, closing
):
    done = [year("2021-2022", 60, 60), year("2022-2023", 60, 60),
            year("2023-2024", 60, 60, degree_obtained=True),
            year("2024-2025", 60, 60, programme="master"),
            year("2025-2026", 60, 45, programme="master")]  # fmt: skip
    top = {"credits_to_finish": to_finish} if to_finish is not None else {}
    lc = compute([*done, last], as_of="2026-11-20", **top)
    assert (lc.if_all_passed.master_deduction, lc.if_all_passed.closing) == (deducted, closing)
    assert lc.if_none_passed.closing == 170
