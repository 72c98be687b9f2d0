"""Plans (issue 13): each plan advised as the main advice, with the running year's results and
the next years it sets; the comparison's verdicts; the money at stake. Table-driven, each case
naming its source."""

from datetime import date
from decimal import Decimal

import pytest

from rules.advice import advise
from rules.calendar import AcademicYear
from rules.fees import tuition_table
from rules.plans import compare
from rules.scenario import ScenarioError, parse_scenario

TODAY = date(2026, 11, 20)
RUNNING = "2026-2027"
NEXT = "2027-2028"


def year(academic_year, taken, earned=None, programme="bachelor", **more):
    row = {"academic_year": academic_year, "programme": programme, "credits_taken": taken}
    return row | ({"credits_earned": earned} if earned is not None else {}) | more


def scenario(*plans, enrolments=None, residence="flanders", system="flanders", **top):
    data = {
        "as_of": TODAY.isoformat(),
        "residence": residence,
        "education_system": system,
        "birth_month": "2007-03",
        "enrolments": enrolments or [year("2025-2026", 60, 60), year(RUNNING, 60)],
        "plans": [{"name": f"P{i}", "enrolments": list(p)} for i, p in enumerate(plans)],
        **top,
    }
    return parse_scenario(data, today=TODAY)


@pytest.mark.parametrize(
    ("plan", "balance"),
    [
        pytest.param(
            [year(RUNNING, 60, 30)], 170, id="issue-13: 200 after 60/60, plan 60/30 -> 170"
        ),
        pytest.param(
            [year(RUNNING, 30, 30)], 200, id="issue-13: 200 after 60/60, plan 30/30 -> 200"
        ),
        pytest.param(
            [year(RUNNING, 60, 60), year(NEXT, 60, 0)],
            140,
            id="RULES.md 1.1: the bonus is used up, a year of 60 failed deducts 60",
        ),
        pytest.param(
            [year(RUNNING, 60, 0), year(NEXT, 60, 60)],
            140,
            id="RULES.md 1.2: no bonus left after the first 60 earned",
        ),
    ],
)
def test_learning_credit_after_the_plan(plan, balance):
    advice = advise(scenario(plan))
    assert advice.results["learning_credit"].balance == 140  # 200, this year's 60 deducted
    [outcome] = advice.plans
    assert outcome.advice.results["learning_credit"].balance == balance


@pytest.mark.parametrize(
    ("plan", "sufficiency", "still_needed"),
    [
        pytest.param([year(RUNNING, 60, 60)], "enough", 60, id="RULES.md 1.5: 200 for 60 left"),
        pytest.param(
            [year(RUNNING, 60, 0), year(NEXT, 60, 0), year("2028-2029", 60, 0)],
            "below-needed",
            120,
            id="RULES.md 1.5: 20 left for 120 needed is insufficient",
        ),
        pytest.param(
            [
                year(RUNNING, 60, 0),
                year(NEXT, 60, 0),
                year("2028-2029", 60, 0),
                year("2029-2030", 60, 0),
            ],
            "zero-or-below",
            120,
            id="RULES.md 1.5: a negative balance is insufficient",
        ),
    ],
)
def test_enough_to_finish_after_the_plan(plan, sufficiency, still_needed):
    [outcome] = advise(scenario(plan, credits_to_finish=120)).plans
    lc = outcome.advice.results["learning_credit"]
    assert (lc.sufficiency, lc.credits_to_finish) == (sufficiency, still_needed)


def test_study_efficiency_verdict_after_the_plan():
    """RULES.md 1.8: a bachelor started in 2025-2026 must pass its first 60 credits by the end of
    its second enrolment (2026-2027)."""
    started = [year("2025-2026", 60, 30, block1_credits_earned=30), year(RUNNING, 60)]
    met, missed = advise(
        scenario(
            [year(RUNNING, 60, 60, block1_credits_earned=30)],
            [year(RUNNING, 60, 20, block1_credits_earned=20)],
            enrolments=started,
        )
    ).plans
    assert met.advice.results["study_efficiency"].current.state == "met"
    missed_se = missed.advice.results["study_efficiency"].current
    assert (missed_se.state, str(missed_se.refused_until)) == ("missed", "2032-2033")


@pytest.mark.parametrize(
    ("plan", "months"),
    [
        pytest.param(
            [year(RUNNING, 60, 60), year(NEXT, 27, 27)],
            (("student", 12),),
            id="RULES.md 2.2: 27 credits keep the Groeipakket the whole year",
        ),
        pytest.param(
            [year(RUNNING, 60, 60), year(NEXT, 26, 26)],
            (("school-leaver", 12),),
            id="RULES.md 2.2: under 27 credits, the school-leaver months count instead",
        ),
        pytest.param(
            [year(RUNNING, 60, 60)],
            (("student", 1), ("school-leaver", 11)),
            id="RULES.md 2.3: stopping: September still covered, then school-leaver months",
        ),
    ],
)
def test_family_allowance_next_year_by_month(plan, months):
    comparison = compare(advise(scenario(plan)))
    assert comparison.year == AcademicYear(2027)
    assert comparison.columns[0].allowance == months


@pytest.mark.parametrize(
    ("academic_year", "table_year", "fixed", "per_credit", "grant"),
    [
        pytest.param("2023-2024", "2023-2024", "282.10", "13.50", "128.80", id="RULES.md 1.5: 2023-24"),
        pytest.param("2024-2025", "2024-2025", "288.00", "13.80", "131.50", id="RULES.md 0: 2024-25"),
        pytest.param("2025-2026", "2025-2026", "299.00", "14.30", "136.50", id="KdG: 2025-26"),
        pytest.param("2027-2028", "2025-2026", "299.00", "14.30", "136.50", id="not yet verified: last table"),
    ],
)  # fmt: skip
def test_tuition_tables(academic_year, table_year, fixed, per_credit, grant):
    table = tuition_table(AcademicYear.parse(academic_year))
    assert str(table.academic_year) == table_year
    assert (table.fixed, table.per_credit, table.grant) == tuple(
        map(Decimal, (fixed, per_credit, grant))
    )


@pytest.mark.parametrize(
    ("taken", "earned_before", "tuition", "without", "extra"),
    [
        pytest.param(60, 60, "1157.00", 0, "0", id="KdG 2025-26: 299 + 60 x 14.30"),
        pytest.param(42, 60, "899.60", 0, "0", id="KdG 2025-26: 299 + 42 x 14.30"),
        pytest.param(
            60, 0, "1157.00", 40, "440",
            id="RULES.md 1.5: 20 left, 40 credits without learning credit, at most 11 each",
        ),
    ],
)  # fmt: skip
def test_fees_next_year(taken, earned_before, tuition, without, extra):
    enrolments = [year("2025-2026", 60, earned_before), year(RUNNING, 60)]
    # earned_before 0: 140 - 60 - 60 = 20 left at the start of next year
    plan = [year(RUNNING, 60, earned_before), year(NEXT, taken, 0)]
    [column] = compare(advise(scenario(plan, enrolments=enrolments))).columns
    fees = column.fees
    assert (fees.tuition, fees.tuition_verified) == (Decimal(tuition), False)
    assert fees.credits_without_learning_credit == without
    assert fees.extra_fee_max == Decimal(extra)


def test_a_lost_year_costs_twelve_months_of_the_lowest_amount():
    """RULES.md 2.6: Groeipakket, born before 2019: 101.69 + 28.72 from September 2023; not
    verified after August 2024, so the last verified amount is quoted, and said so."""
    comparison = compare(advise(scenario([year(RUNNING, 60, 60)])))
    assert comparison.lost_year.monthly == Decimal("130.41")
    assert comparison.lost_year.value == Decimal("1564.92")
    assert comparison.allowance_verified is False


@pytest.mark.parametrize(
    ("plans", "message"),
    [
        pytest.param(
            [[year("2025-2026", 60, 60)]], "plans[0].enrolments[0].academic_year: a plan covers",
            id="a plan starts in the running year",
        ),
        pytest.param(
            [[year("2030-2031", 60, 60)]], "a plan covers 2026-2027 to 2029-2030",
            id="three years ahead at most",
        ),
        pytest.param(
            [[year(NEXT, 60, 60)]], "needs the results you expect for 2026-2027 first",
            id="the running year's results first",
        ),
        pytest.param(
            [[year(RUNNING, 60)]], "plans[0].enrolments[0].credits_earned: required in a plan",
            id="a plan says what it expects to pass",
        ),
        pytest.param(
            [[year(RUNNING, 60, 70)]], "plans[0].enrolments[0].credits_earned: must not exceed",
            id="no more passed than taken",
        ),
        pytest.param([[year(RUNNING, 60, 60)]] * 4, "plans: at most 3 plans", id="three plans at most"),
        pytest.param(
            [[]], "plans[0].enrolments: a plan for the years after 2026-2027 needs the results",
            id="a plan says this year's results first, even one that stops",
        ),
    ],
)  # fmt: skip
def test_bad_plans_are_refused_by_field(plans, message):
    with pytest.raises(ScenarioError) as refused:
        scenario(*plans)
    assert message in str(refused.value)


def test_a_plan_that_stops_without_a_running_year_is_the_advice_as_it_is():
    """The planner's 'Take 0 credits next year' for a student not enrolled this year: no
    enrolment in the plan, so its advice is that of the answers themselves."""
    done = [year("2023-2024", 60, 30)]
    advice = advise(scenario([], [year(NEXT, 60, 60)], enrolments=done))
    stop, full = advice.plans
    assert stop.plan.enrolments == ()
    for code in ("learning_credit", "study_efficiency"):
        assert stop.advice.results[code] == advice.results[code]
    assert stop.advice.results["study_efficiency"].current.state == "at-risk"
    assert full.advice.results["study_efficiency"].current.state == "met"


def test_a_plan_replaces_the_running_year_only_in_its_own_advice():
    advice = advise(scenario([year(RUNNING, 30, 30)]))
    assert advice.scenario.enrolments[-1].credits_taken == 60
    assert advice.results["learning_credit"].results_pending
    planned = advice.plans[0].advice.scenario
    assert [(str(e.academic_year), e.credits_taken) for e in planned.enrolments] == [
        ("2025-2026", 60),
        (RUNNING, 30),
    ]


# The plan's diploma year (rules.scenario._diploma_year): with the credits still needed known,
# the enrolment that takes them all is the final year and passing them all gives the degree.
@pytest.mark.parametrize(
    ("to_finish", "plan", "marks"),
    [
        pytest.param(75, [year(RUNNING, 60, 60), year(NEXT, 15, 15)],
                     [(False, False), (True, True)], id="the last 15 taken and passed"),
        pytest.param(75, [year(RUNNING, 60, 60), year(NEXT, 30, 10)],
                     [(False, False), (True, False)], id="taken, not all passed: no degree"),
        pytest.param(75, [year(RUNNING, 60, 30), year(NEXT, 30, 30)],
                     [(False, False), (False, False)], id="15 still needed after the plan"),
        pytest.param(75, [year(RUNNING, 60, 60), year(NEXT, 15, 15, contract="credit")],
                     [(False, False), (False, False)], id="a credit contract gives no degree"),
        pytest.param(75, [year(RUNNING, 60, 60),
                          year(NEXT, 15, 15, programme="graduaat")],
                     [(False, False), (False, False)], id="another programme: not these credits"),
        pytest.param(None, [year(RUNNING, 60, 60), year(NEXT, 15, 15)],
                     [(False, False), (False, False)], id="credits still needed not given"),
    ],
)  # fmt: skip
def test_the_plan_that_takes_every_credit_still_needed_is_the_diploma_year(to_finish, plan, marks):
    top = {"credits_to_finish": to_finish} if to_finish is not None else {}
    advice = advise(scenario(plan, **top))
    planned = [
        e
        for e in advice.plans[0].advice.scenario.enrolments
        if str(e.academic_year) in (RUNNING, NEXT)
    ]
    assert [(e.final_year, e.degree_obtained) for e in planned] == marks


def test_rules_2_1_a_final_year_plan_keeps_the_student_months():
    """RULES.md §2.1 (diploma-year exception): 15 credits in the last year keep the student
    status, so the plan does not spend the school-leaver months before graduating."""
    comparison = compare(advise(scenario([year(RUNNING, 60, 60), year(NEXT, 15, 15)],
                                         credits_to_finish=75)))  # fmt: skip
    assert comparison.columns[0].allowance == (("student", 12),)


def test_rules_1_3_a_plan_that_obtains_a_first_master_deducts_140():
    done = [year("2025-2026", 60, 60, programme="master"), year(RUNNING, 60, programme="master")]
    plan = [year(RUNNING, 60, 60, programme="master"), year(NEXT, 20, 20, programme="master")]
    column = compare(advise(scenario(plan, enrolments=done, credits_to_finish=80))).columns[0]
    assert column.master_deduction == 140


def test_rules_2_1_a_diploma_year_plan_carries_the_uncertain_length_note():
    plan = [year(RUNNING, 60, 60), year(NEXT, 15, 15)]
    comparison = compare(advise(scenario(plan, credits_to_finish=75)))
    assert comparison.diploma_year and comparison.columns[0].diploma_year
    assert not compare(advise(scenario([year(RUNNING, 60, 60), year(NEXT, 60, 60)]))).diploma_year
