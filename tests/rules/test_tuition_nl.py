"""The Dutch halved tuition fee (RULES.md §4), table-driven: each case names its source."""

from datetime import date
from decimal import Decimal

import pytest

from rules.advice import advise
from rules.output import to_json
from rules.scenario import parse_scenario
from rules.tuition_nl import tuition_halving

AS_OF = "2026-11-26"


def nl(academic_year, start=None, end=None, programme="bachelor", **more):
    """A Dutch enrolment; start/end months default to September and August."""
    first = int(academic_year[:4])
    return {
        "academic_year": academic_year,
        "system": "netherlands",
        "programme": programme,
        "credits_taken": 60,
        "start_month": start or f"{first}-09",
        "end_month": end or f"{first + 1}-08",
        **more,
    }


def teacher(academic_year, start=None, end=None, programme="bachelor"):
    return nl(academic_year, start, end, programme, teacher_training=True)


def compute(enrolments, **top):
    scenario = parse_scenario(
        {
            "as_of": AS_OF,
            "residence": "netherlands",
            "education_system": "netherlands",
            "enrolments": enrolments,
            **top,
        },
        today=date(2026, 11, 26),
    )
    return tuition_halving(scenario)


def periods(th):
    return [(str(p.start), str(p.end)) for p in th.periods]


# (id naming the source, enrolments, extra scenario fields, expected
#  (months, periods, reason, second_window_reason))
CASES = [
    (
        "RULES-4.2-seed-1-one-month-in-2016-rules-it-out",
        [nl("2016-2017", "2016-09", "2016-09"), nl("2019-2020")],
        {},
        (0, [], "earlier-enrolment", None),
    ),
    (
        "RULES-4.2-seed-2-february-start-switch-in-september",
        [nl("2018-2019", "2019-02", "2019-08"), nl("2019-2020")],
        {},
        (12, [("2019-02", "2020-01")], None, "no-teacher-training"),
    ),
    (
        "RULES-4.2-seed-3-stop-1-december-months-without-enrolment-lost",
        [nl("2019-2020", "2019-09", "2019-11"), nl("2020-2021")],
        {},
        (3, [("2019-09", "2019-11")], None, "no-teacher-training"),
    ),
    (
        "RULES-4.2-seed-4-teacher-master-from-2021-2022-gives-24",
        [teacher("2021-2022", programme="master"), teacher("2022-2023", programme="master")],
        {},
        (24, [("2021-09", "2023-08")], None, None),
    ),
    (
        "RULES-4.2-seed-5-bachelor-then-teacher-master-12-plus-12",
        [
            nl("2018-2019"),
            nl("2019-2020"),
            nl("2020-2021"),
            teacher("2021-2022", programme="master"),
        ],
        {},
        (24, [("2018-09", "2019-08"), ("2021-09", "2022-08")], None, None),
    ),
    (
        "RULES-4.2-seed-6-teacher-master-beside-another-programme-gives-12",
        [
            teacher("2021-2022", programme="master"),
            nl("2021-2022", programme="master"),
            teacher("2022-2023", programme="master"),
        ],
        {},
        (12, [("2021-09", "2022-08")], None, "concurrent-programme"),
    ),
    (
        "RULES-4.2-seed-7-teacher-training-stop-1-february-resume-gives-17",
        [teacher("2022-2023", "2022-09", "2023-01"), teacher("2023-2024")],
        {},
        (17, [("2022-09", "2023-01"), ("2023-09", "2024-08")], None, None),
    ),
    (
        "RULES-4.1-earlier-dutch-enrolment-not-listed-rules-it-out",
        [nl("2019-2020")],
        {"dutch_enrolment_before_2018": True},
        (0, [], "earlier-enrolment", None),
    ),
    (
        "RULES-4.3-rijksoverheid-started-february-2018-no-halving",
        [nl("2017-2018", "2018-02", "2018-08"), nl("2018-2019")],
        {},
        (0, [], "earlier-enrolment", None),
    ),
    (
        "RULES-4.3-first-enrolment-in-a-master-excluded",
        [nl("2019-2020", programme="master")],
        {},
        (0, [], "first-programme", None),
    ),
    (
        "RULES-4.3-teacher-master-before-2021-2022-not-a-first-enrolment-medium",
        [teacher("2020-2021", programme="master")],
        {},
        (0, [], "first-programme", None),
    ),
    (
        "RULES-4.3-associate-degree-counts",
        [nl("2019-2020", programme="associate-degree")],
        {},
        (12, [("2019-09", "2020-08")], None, "no-teacher-training"),
    ),
    (
        "RULES-4.3-study-abroad-before-does-not-count-medium",
        [
            {
                "academic_year": "2016-2017",
                "system": "flanders",
                "programme": "bachelor",
                "credits_taken": 60,
                "credits_earned": 60,
            },
            nl("2019-2020"),
        ],
        {},
        (12, [("2019-09", "2020-08")], None, "no-teacher-training"),
    ),
    (
        "RULES-4.3-second-window-counts-only-teacher-training-months",
        [teacher("2019-2020"), teacher("2020-2021", "2020-09", "2020-12")],
        {},
        (16, [("2019-09", "2020-12")], None, None),
    ),
    (
        "RULES-4.4-first-enrolment-in-2024-2025-abolished",
        [nl("2024-2025")],
        {},
        (0, [], "abolished", None),
    ),
    (
        "RULES-4.4-months-after-august-2024-never-count",
        [nl("2023-2024", "2024-02", "2024-08"), nl("2024-2025")],
        {},
        (7, [("2024-02", "2024-08")], None, "no-teacher-training"),
    ),
    (
        "RULES-4.4-transition-teacher-on-1-september-2023-keeps-second-year-2024-2025",
        [teacher("2023-2024"), teacher("2024-2025")],
        {},
        (24, [("2023-09", "2025-08")], None, None),
    ),
    (
        "RULES-4.4-no-transition-without-teacher-training-on-1-september-2023",
        [nl("2023-2024"), teacher("2024-2025")],
        {},
        (12, [("2023-09", "2024-08")], None, "abolished"),
    ),
    (
        "RULES-4.4-no-halving-after-the-transition-year",
        [teacher("2023-2024", "2023-09", "2023-12"), teacher("2025-2026")],
        {},
        (4, [("2023-09", "2023-12")], None, "abolished"),
    ),
]


@pytest.mark.parametrize(
    "enrolments, top, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_halved_months(enrolments, top, expected):
    th = compute(enrolments, **top)
    months, want_periods, reason, second_reason = expected
    assert (len(th.months), periods(th), th.reason, th.second_window_reason) == (
        months,
        want_periods,
        reason,
        second_reason,
    )
    assert th.eligible is (months > 0)


def test_no_dutch_enrolment_gives_none_SCENARIO():
    scenario = parse_scenario(
        {
            "as_of": AS_OF,
            "residence": "flanders",
            "education_system": "flanders",
            "enrolments": [
                {
                    "academic_year": "2023-2024",
                    "programme": "bachelor",
                    "credits_taken": 60,
                    "credits_earned": 60,
                }
            ],
        },
        today=date(2026, 11, 26),
    )
    assert tuition_halving(scenario) is None
    assert to_json(advise(scenario))["tuition_halving"] is None


# (id, academic year, statutory fee, halved fee or None, confidence, COVID nominal fee or None)
FEES = [
    ("RULES-4.5-2018-2019", [nl("2018-2019")], "2018-2019", "2060", "1030", "high", None),
    ("RULES-4.5-2020-2021-medium", [nl("2020-2021")], "2020-2021", "2143", "1072", "medium", None),
    (
        "RULES-4.5-2021-2022-covid-halved-for-all",
        [nl("2021-2022")],
        "2021-2022",
        "1084",
        "542",
        "high",
        "2168",  # the fee before the measure, said on the page
    ),
    (
        "RULES-4.5-2024-2025-transitional-amount-unverified",
        [teacher("2023-2024"), teacher("2024-2025")],
        "2024-2025",
        "2530",
        None,
        "high",
        None,
    ),
]


@pytest.mark.parametrize(
    "enrolments, academic_year, statutory, halved, confidence, nominal",
    [c[1:] for c in FEES],
    ids=[c[0] for c in FEES],
)
def test_published_fees_of_the_halved_years(
    enrolments, academic_year, statutory, halved, confidence, nominal
):
    fee = next(f for f in compute(enrolments).fees if str(f.academic_year) == academic_year)
    assert fee.statutory == Decimal(statutory)
    assert fee.halved == (halved and Decimal(halved))
    assert fee.confidence == confidence
    assert fee.covid_nominal == (nominal and Decimal(nominal))


def test_json_has_the_scenario_contract_shape_SCENARIO():
    scenario = parse_scenario(
        {
            "as_of": AS_OF,
            "residence": "netherlands",
            "education_system": "netherlands",
            "enrolments": [teacher("2022-2023", "2022-09", "2023-01"), teacher("2023-2024")],
        },
        today=date(2026, 11, 26),
    )
    out = to_json(advise(scenario))["tuition_halving"]
    assert (out["eligible"], out["months"], out["periods"]) == (
        True,
        17,
        [{"from": "2022-09", "to": "2023-01"}, {"from": "2023-09", "to": "2024-08"}],
    )
    assert out["first_window"] == {"from": "2022-09", "to": "2023-08", "months": 5}
    assert out["second_window"] == {"from": "2023-09", "to": "2024-08", "months": 12}
    assert out["fees"][0] == {
        "academic_year": "2022-2023",
        "statutory_fee": "2209.00",
        "halved_fee": "1105.00",
        "valid_from": "2022-09-01",
        "confidence": "high",
    }
