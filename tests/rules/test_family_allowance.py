"""Family allowance (RULES.md §2), table-driven: each id names the rule it checks."""

from datetime import date
from decimal import Decimal

import pytest

from rules import parameters
from rules.calendar import AcademicYear, Month
from rules.family_allowance import family_allowance
from rules.family_allowance.amounts import amount_on
from rules.scenario import parse_scenario

TODAY = date(2026, 11, 26)


def e(year, credits, **extra):
    """An enrolment; past Flemish years need their results, so they are all passed."""
    return {
        "academic_year": year,
        "programme": extra.pop("programme", "bachelor"),
        "credits_taken": credits,
        "credits_earned": extra.pop("earned", credits),
        **extra,
    }


def fa(residence, enrolments, birth="2004-02", as_of="2026-11-26"):
    data = {
        "as_of": as_of,
        "residence": residence,
        "education_system": "flanders",
        "enrolments": enrolments,
    }
    if birth:
        data["birth_month"] = birth
    return family_allowance(parse_scenario(data, today=TODAY))


def year(result, academic_year):
    return next(y for y in result.years if str(y.academic_year) == academic_year)


Y = "2024-2025"
MASTER_DEGREE = {"programme": "master", "degree_obtained": True}
BACHELOR_DEGREE = {"degree_obtained": True}

# (residence, enrolments, birth, academic year, student_status, reason, basis)
STATUS = {
    # Flanders (§2.1)
    "RULES-2.1-27-credits-exactly": (
        "flanders",
        [e(Y, 27)],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.1-26-credits-school-leaver": (
        "flanders",
        [e(Y, 26)],
        "2004-02",
        Y,
        False,
        "below-minimum",
        "school-leaver",
    ),
    "RULES-2.1-exam-contract-counts": (
        "flanders",
        [e(Y, 30, contract="exam")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.1-credit-contract-counts": (
        "flanders",
        [e(Y, 27, contract="credit")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.1-french-community-counts": (
        "flanders",
        [e(Y, 30, system="french-community")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.1-netherlands-counts": (
        "flanders",
        [e(Y, 30, system="netherlands")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.1-credits-add-up-over-systems": (
        "flanders",
        [e(Y, 15), e(Y, 12, system="french-community")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.1-diploma-year-exception": (
        "flanders",
        [e("2023-2024", 60), e(Y, 20, **BACHELOR_DEGREE)],
        "2004-02",
        Y,
        True,
        "diploma-year",
        "student",
    ),
    "RULES-2.1-diploma-year-once-per-cycle": (
        "flanders",
        [e("2022-2023", 20, **BACHELOR_DEGREE), e("2023-2024", 60), e(Y, 20, **BACHELOR_DEGREE)],
        "2004-02",
        Y,
        False,
        "diploma-year-used",
        "school-leaver",
    ),
    "RULES-0-final-year-still-running-keeps-the-diploma-year": (
        "flanders",
        [e("2025-2026", 60), e("2026-2027", 12, earned=None, final_year=True)],
        "2004-02",
        "2026-2027",
        True,
        "diploma-year",
        "student",
    ),
    "RULES-0-running-year-under-27-not-the-final-year": (
        "flanders",
        [e("2025-2026", 60), e("2026-2027", 12, earned=None)],
        "2004-02",
        "2026-2027",
        False,
        "below-minimum",
        "school-leaver",
    ),
    "RULES-0-final-year-once-per-cycle-even-before-the-results": (
        "flanders",
        [
            e("2022-2023", 20, **BACHELOR_DEGREE),
            e("2025-2026", 60),
            e("2026-2027", 12, earned=None, final_year=True),
        ],
        "2004-02",
        "2026-2027",
        False,
        "diploma-year-used",
        "none",
    ),  # school-leaver months used in 2023-2025
    "RULES-2.1-diploma-year-again-in-next-cycle": (
        "flanders",
        [e("2023-2024", 20, **BACHELOR_DEGREE), e(Y, 20, **MASTER_DEGREE)],
        "2004-02",
        Y,
        True,
        "diploma-year",
        "student",
    ),
    "RULES-2.1-no-diploma-year-for-bridging": (
        "flanders",
        [e(Y, 20, programme="bridging", degree_obtained=True)],
        "2004-02",
        Y,
        False,
        "below-minimum",
        "school-leaver",
    ),
    "RULES-2.1-under-27-but-unconditional-until-18th-birthday-month": (
        "flanders",
        [e(Y, 20)],
        "2007-03",
        Y,
        False,
        "below-minimum",
        "under-18",
    ),
    "RULES-2.1-past-25th-birthday-month": (
        "flanders",
        [e(Y, 60)],
        "2000-01",
        Y,
        True,
        "credits",
        "none",
    ),
    "RULES-2.1-25th-birthday-in-june": (
        "flanders",
        [e(Y, 60)],
        "2000-06",
        Y,
        True,
        "credits",
        "student",
    ),
    # Brussels (§2.2)
    "RULES-2.2-27-credits-exactly": (
        "brussels",
        [e(Y, 27)],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.2-26-credits-no-allowance": (
        "brussels",
        [e(Y, 26)],
        "2004-02",
        Y,
        False,
        "below-minimum",
        "none",
    ),
    "RULES-2.2-exam-contract-counts": (
        "brussels",
        [e(Y, 30, contract="exam")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.2-thesis-year-under-27": (
        "brussels",
        [e("2023-2024", 60), e(Y, 15, **MASTER_DEGREE)],
        "2002-02",
        Y,
        True,
        "thesis-year",
        "student",
    ),
    "RULES-0-brussels-thesis-year-still-running": (
        "brussels",
        [e("2025-2026", 60), e("2026-2027", 15, earned=None, programme="master", final_year=True)],
        "2004-02",
        "2026-2027",
        True,
        "thesis-year",
        "student",
    ),
    "RULES-2.2-no-flemish-diploma-year-exception": (
        "brussels",
        [e(Y, 20, programme="bridging", degree_obtained=True)],
        "2004-02",
        Y,
        False,
        "below-minimum",
        "none",
    ),
    "RULES-2.2-enrolled-after-30-november": (
        "brussels",
        [e(Y, 60, start_month="2024-12")],
        "2004-02",
        Y,
        False,
        "late-enrolment",
        "none",
    ),
    "RULES-2.2-unconditional-only-until-31-august": (
        "brussels",
        [e(Y, 20)],
        "2006-10",
        Y,
        False,
        "below-minimum",
        "none",
    ),
    "RULES-2.2-netherlands-counts": (
        "brussels",
        [e(Y, 30, system="netherlands")],
        "2004-02",
        Y,
        True,
        "credits",
        "student",
    ),
    # Wallonia (§2.3)
    "RULES-2.3-27-credits-exactly": (
        "wallonia",
        [e(Y, 27)],
        "2003-05",
        Y,
        True,
        "credits",
        "student",
    ),
    "RULES-2.3-26-credits-after-21": (
        "wallonia",
        [e(Y, 26)],
        "2003-05",
        Y,
        False,
        "below-minimum",
        "none",
    ),
    "RULES-2.3-born-2001-right-until-21-whatever-the-credits": (
        "wallonia",
        [e("2023-2024", 10)],
        "2003-05",
        "2023-2024",
        False,
        "below-minimum",
        "until-21",
    ),
    "RULES-2.3-21st-birthday-in-january-ends-semi-automatic-right": (
        "wallonia",
        [e(Y, 10)],
        "2004-01",
        Y,
        False,
        "below-minimum",
        "none",
    ),
    "RULES-2.3-21st-birthday-in-march-mostly-covered": (
        "wallonia",
        [e(Y, 10)],
        "2004-03",
        Y,
        False,
        "below-minimum",
        "until-21",
    ),
    "RULES-2.3-born-before-2001-no-right-until-21": (
        "wallonia",
        [e("2019-2020", 20, system="french-community")],
        "2000-06",
        "2019-2020",
        False,
        "below-minimum",
        "none",
    ),
    "RULES-2.3-enrolled-after-30-november": (
        "wallonia",
        [e(Y, 60, start_month="2025-02")],
        "2002-02",
        Y,
        False,
        "late-enrolment",
        "none",
    ),
    "RULES-2.3-thesis-year-under-27": (
        "wallonia",
        [e(Y, 15, **MASTER_DEGREE, system="french-community")],
        "2002-02",
        Y,
        True,
        "thesis-year",
        "student",
    ),
    "RULES-0-wallonia-thesis-year-still-running": (
        "wallonia",
        [e("2026-2027", 10, earned=None, system="french-community", final_year=True)],
        "2004-02",
        "2026-2027",
        True,
        "thesis-year",
        "student",
    ),
    # German-speaking Community (§2.4)
    "RULES-2.4-no-27-credit-rule": (
        "german-community",
        [e(Y, 10)],
        "2004-02",
        Y,
        True,
        "enrolled",
        "student",
    ),
    "RULES-2.4-26-credits-still-student": (
        "german-community",
        [e(Y, 26, contract="exam")],
        "2004-02",
        Y,
        True,
        "enrolled",
        "student",
    ),
    "RULES-2.4-under-18-until-31-august": (
        "german-community",
        [e(Y, 10)],
        "2007-03",
        Y,
        True,
        "enrolled",
        "under-18",
    ),
    "RULES-2.4-past-25": ("german-community", [e(Y, 60)], "1999-12", Y, True, "enrolled", "none"),
}


@pytest.mark.parametrize(
    "residence, enrolments, birth, academic_year, status, reason, basis",
    STATUS.values(),
    ids=STATUS.keys(),
)
def test_student_status_and_basis(
    residence, enrolments, birth, academic_year, status, reason, basis
):
    y = year(fa(residence, enrolments, birth), academic_year)
    assert (y.student_status, y.reason, y.basis) == (status, reason, basis)


# (residence, enrolments, birth, academic year, first and last month of the student status)
PERIODS = {
    "RULES-2.1-enrolled-by-30-november-whole-year": (
        "flanders",
        [e(Y, 60, start_month="2024-11")],
        Y,
        ("2024-09", "2025-08"),
    ),
    "RULES-2.1-enrolled-after-30-november-from-that-month": (
        "flanders",
        [e(Y, 60, start_month="2024-12")],
        Y,
        ("2024-12", "2025-08"),
    ),
    "RULES-2.1-deregistered-in-january-stops-end-of-month": (
        "flanders",
        [e(Y, 60, end_month="2025-01", earned=0)],
        Y,
        ("2024-09", "2025-01"),
    ),
    "RULES-2.2-deregistered-in-march": (
        "brussels",
        [e(Y, 60, end_month="2025-03", earned=0)],
        Y,
        ("2024-09", "2025-03"),
    ),
    "RULES-2.2-thesis-paid-until-30-june": (
        "brussels",
        [e(Y, 15, **MASTER_DEGREE)],
        Y,
        ("2024-09", "2025-06"),
    ),
    "RULES-2.3-deregistered-in-december": (
        "wallonia",
        [e(Y, 60, end_month="2024-12", earned=0)],
        Y,
        ("2024-09", "2024-12"),
    ),
    "RULES-2.4-enrolled-after-30-november-from-that-month": (
        "german-community",
        [e(Y, 20, start_month="2025-02")],
        Y,
        ("2025-02", "2025-08"),
    ),
    "RULES-2.4-deregistered-in-february": (
        "german-community",
        [e(Y, 20, end_month="2025-02", earned=0)],
        Y,
        ("2024-09", "2025-02"),
    ),
}


@pytest.mark.parametrize(
    "residence, enrolments, academic_year, months", PERIODS.values(), ids=PERIODS.keys()
)
def test_months_covered_by_the_student_status(residence, enrolments, academic_year, months):
    period = year(fa(residence, enrolments, "2002-02"), academic_year).student_period
    assert (str(period.start), str(period.end)) == months


# (residence, birth, unconditional until, until 21, last month of the right)
AGES = {
    "RULES-2.1-flanders-18th-birthday-month": ("flanders", "2006-10", "2024-10", None, "2031-10"),
    "RULES-2.2-brussels-31-august-of-18th-year": (
        "brussels",
        "2006-10",
        "2024-08",
        None,
        "2031-10",
    ),
    "RULES-2.3-wallonia-born-2001-until-21st-birthday-month": (
        "wallonia",
        "2001-01",
        "2019-08",
        "2022-01",
        "2026-01",
    ),
    "RULES-2.3-wallonia-born-december-2000-no-until-21": (
        "wallonia",
        "2000-12",
        "2018-08",
        None,
        "2025-12",
    ),
    "RULES-2.4-german-community-31-august-of-18th-year": (
        "german-community",
        "2006-10",
        "2024-08",
        None,
        "2031-10",
    ),
}


@pytest.mark.parametrize(
    "residence, birth, unconditional, until_21, end", AGES.values(), ids=AGES.keys()
)
def test_age_limits(residence, birth, unconditional, until_21, end):
    result = fa(residence, [], birth)
    assert str(result.unconditional_until) == unconditional
    assert (result.until_21 and str(result.until_21)) == until_21
    assert str(result.end_month) == end


# Periods after or between studies: (residence, enrolments, birth, expected periods)
AFTER = {
    "RULES-2.1-school-leaver-from-1-october-after-higher-education": (
        "flanders",
        [e("2023-2024", 60)],
        "2004-02",
        [("2024-10", "2025-09")],
    ),
    "RULES-2.1-school-leaver-from-month-after-stopping": (
        "flanders",
        [e(Y, 60, end_month="2025-01", earned=0)],
        "2004-02",
        [("2025-02", "2026-01")],
    ),
    "RULES-2.1-school-leaver-from-month-with-too-few-credits": (
        "flanders",
        [e(Y, 20)],
        "2004-02",
        [("2024-09", "2025-08")],
    ),
    "RULES-2.1-school-leaver-paused-while-studying-again": (
        "flanders",
        [e("2023-2024", 60), e(Y, 60, end_month="2024-12", earned=0), e("2025-2026", 60)],
        "2004-02",
        [("2025-01", "2025-08"), ("2026-10", "2027-01")],
    ),
    "RULES-2.1-school-leaver-stops-at-25th-birthday-month": (
        "flanders",
        [e("2023-2024", 60)],
        "1999-12",
        [("2024-10", "2024-12")],
    ),
    "RULES-0-school-leaver-months-never-spent-in-years-before-the-groeipakket": (
        "flanders",
        [e("2017-2018", 60), e("2018-2019", 60), e("2019-2020", 60)],
        "2000-05",
        [("2020-10", "2021-09")],
    ),
    "RULES-0-final-year-running-school-leaver-after-it-not-during-it": (
        "flanders",
        [e("2025-2026", 60), e("2026-2027", 12, earned=None, final_year=True)],
        "2004-02",
        [("2027-10", "2028-09")],
    ),
    "RULES-2.2-job-seeker-from-1-august-after-complete-year": (
        "brussels",
        [e(Y, 60)],
        "2004-02",
        [("2025-08", "2026-07")],
    ),
    "RULES-2.2-job-seeker-day-after-stopping": (
        "brussels",
        [e(Y, 60, end_month="2025-01", earned=0)],
        "2004-02",
        [("2025-02", "2026-01")],
    ),
    "RULES-2.3-job-seeker-from-1-august-once-past-21": (
        "wallonia",
        [e("2023-2024", 60)],
        "2003-05",
        [("2024-08", "2025-07")],
    ),
    "RULES-2.3-no-job-seeker-period-before-21": (
        "wallonia",
        [e("2023-2024", 60)],
        "2004-05",
        [("2025-06", "2026-05")],
    ),
    "RULES-2.4-twelve-months-after-last-summer": (
        "german-community",
        [e(Y, 60)],
        "2004-02",
        [("2025-09", "2026-08")],
    ),
}


@pytest.mark.parametrize(
    "residence, enrolments, birth, expected", AFTER.values(), ids=AFTER.keys()
)
def test_school_leaver_and_job_seeker_periods(residence, enrolments, birth, expected):
    result = fa(residence, enrolments, birth)
    periods = result.school_leaver if residence == "flanders" else result.job_seeker
    assert [(str(p.start), str(p.end)) for p in periods] == expected


def test_flanders_has_no_job_seeker_periods_and_others_no_school_leaver_months():
    assert fa("flanders", [e(Y, 20)]).job_seeker == ()
    assert fa("brussels", [e(Y, 20)]).school_leaver == ()


@pytest.mark.parametrize("residence", ["netherlands", "elsewhere"])
def test_no_belgian_scheme_outside_belgium(residence):
    assert fa(residence, [e(Y, 60)]) is None


def test_without_birth_month_the_basis_is_unknown_but_the_status_is_computed():
    y = year(fa("flanders", [e(Y, 26)], birth=None), Y)
    assert (y.student_status, y.basis) == (False, None)


# What if next year: (residence, enrolments, birth, as_of, year, threshold, matters, leaver months)
WHAT_IF = {
    "RULES-2.1-threshold-27-school-leaver-months-left": (
        "flanders",
        [e("2023-2024", 60), e(Y, 20)],
        "2005-05",
        "2026-11-26",
        "2026-2027",
        27,
        True,
        0,
    ),
    "RULES-2.1-next-year-after-30-november": (
        "flanders",
        [e(Y, 60, earned=None)],
        "2005-05",
        "2024-12-10",
        "2025-2026",
        27,
        True,
        12,
    ),
    "RULES-2.1-under-18-next-year-status-does-not-matter": (
        "flanders",
        [e(Y, 60, earned=None)],
        "2008-08",
        "2024-12-10",
        "2025-2026",
        27,
        False,
        12,
    ),
    "RULES-2.3-until-21-next-year-status-does-not-matter": (
        "wallonia",
        [e(Y, 60, earned=None)],
        "2005-08",
        "2024-12-10",
        "2025-2026",
        27,
        False,
        None,
    ),
    "RULES-2.4-no-credit-threshold": (
        "german-community",
        [e(Y, 60, earned=None)],
        "2004-02",
        "2024-12-10",
        "2025-2026",
        None,
        True,
        None,
    ),
}


@pytest.mark.parametrize(
    "residence, enrolments, birth, as_of, academic_year, threshold, matters, months_left",
    WHAT_IF.values(),
    ids=WHAT_IF.keys(),
)
def test_what_if_next_year(
    residence, enrolments, birth, as_of, academic_year, threshold, matters, months_left
):
    w = fa(residence, enrolments, birth, as_of).what_if
    assert (
        str(w.academic_year),
        w.credits_threshold,
        w.status_matters,
        w.school_leaver_months_left,
    ) == (academic_year, threshold, matters, months_left)


def test_years_before_the_groeipakket_are_not_judged_RULES_0():
    result = fa(
        "flanders", [e("2017-2018", 60), e("2018-2019", 60), e("2019-2020", 60)], birth="2000-05"
    )
    assert [(str(y.academic_year), y.student_status, y.basis) for y in result.years] == [
        ("2017-2018", None, None),
        ("2018-2019", None, None),
        ("2019-2020", True, "student"),
    ]
    assert [str(y) for y in result.not_judged] == ["2017-2018", "2018-2019"]


# What decides next year's right (SCENARIO.md v2 what_if.basis; RULES.md §0):
# (residence, enrolments, birth, as_of, basis, status_matters, school-leaver months left)
WHAT_IF_BASIS = {
    "RULES-0-past-the-age-limit-no-right-at-all": (
        "flanders",
        [e("2025-2026", 60)],
        "2001-06",
        "2026-11-26",
        "none",
        False,
        None,
    ),
    "RULES-0-past-the-age-limit-brussels": (
        "brussels",
        [e("2025-2026", 60)],
        "2001-06",
        "2026-11-26",
        "none",
        False,
        None,
    ),
    "RULES-2.1-under-18-next-september-age-gives-it": (
        "flanders",
        [e("2026-2027", 60, earned=None)],
        "2010-08",
        "2026-11-26",
        "age",
        False,
        12,
    ),
    "RULES-2.3-until-21-next-september-age-gives-it": (
        "wallonia",
        [e("2026-2027", 60, earned=None)],
        "2007-08",
        "2026-11-26",
        "age",
        False,
        None,
    ),
    "RULES-2.1-the-credits-decide": (
        "flanders",
        [e("2026-2027", 60, earned=None)],
        "2005-05",
        "2026-11-26",
        "credits",
        True,
        12,
    ),
    "SCENARIO-without-birth-month-unknown": (
        "flanders",
        [e("2026-2027", 60, earned=None)],
        None,
        "2026-11-26",
        None,
        None,
        12,
    ),
}


@pytest.mark.parametrize(
    "residence, enrolments, birth, as_of, basis, matters, months_left",
    WHAT_IF_BASIS.values(),
    ids=WHAT_IF_BASIS.keys(),
)
def test_what_if_basis(residence, enrolments, birth, as_of, basis, matters, months_left):
    w = fa(residence, enrolments, birth, as_of).what_if
    assert (w.basis, w.status_matters, w.school_leaver_months_left) == (
        basis,
        matters,
        months_left,
    )


def test_past_the_age_limit_the_page_knows_the_right_is_over_RULES_0():
    result = fa("flanders", [e("2025-2026", 60)], birth="2001-06")
    assert (result.right_over, str(result.end_month)) == (True, "2026-06")
    assert result.what_if.school_leaver is None


AMOUNTS = {
    "RULES-0-groeipakket-base-plus-age-supplement-september-2023": (
        "groeipakket",
        date(2023, 9, 1),
        Decimal("130.41"),
    ),
    "RULES-2.1-groeipakket-not-verified-after-august-2024": (
        "groeipakket",
        date(2024, 9, 1),
        None,
    ),
    "RULES-2.6-brussels-may-2024": ("brussels", date(2024, 9, 1), Decimal("170.66")),
    "RULES-2.6-brussels-before-may-2024-unknown": ("brussels", date(2024, 4, 30), None),
    "RULES-2.6-wallonia-base-plus-age-supplement-may-2024": (
        "wallonia",
        date(2024, 5, 1),
        Decimal("152.50"),
    ),
    "RULES-0-groeipakket-age-supplement-not-verified-from-2025": (
        "groeipakket",
        date(2025, 1, 1),
        None,
    ),
    "RULES-2.6-german-community-july-2023": (
        "german-community",
        date(2023, 7, 1),
        Decimal("181.30"),
    ),
    "RULES-2.6-german-community-not-verified-from-july-2024": (
        "german-community",
        date(2024, 7, 1),
        None,
    ),
}


@pytest.mark.parametrize("scheme, day, value", AMOUNTS.values(), ids=AMOUNTS.keys())
def test_amounts_only_where_verified(scheme, day, value):
    amount = amount_on(scheme, day)
    assert (amount and amount.value) == value


def test_year_carries_the_amount_of_its_first_day():
    y = year(fa("flanders", [e("2023-2024", 60)]), "2023-2024")
    assert (y.amount.value, y.amount.base, y.amount.age_supplement, y.amount.valid_from) == (
        Decimal("130.41"),
        Decimal("101.69"),
        Decimal("28.72"),
        date(2023, 9, 1),
    )


def test_the_last_verified_amount_is_quoted_with_its_date_when_today_is_unknown_RULES_0():
    result = fa("flanders", [e("2026-2027", 60, earned=None)])
    assert result.what_if.amount is None
    assert (result.latest_amount.value, result.latest_amount.valid_from) == (
        Decimal("130.41"),
        date(2023, 9, 1),
    )


def test_groeipakket_student_job_hours_official_pages_disagree_RULES_0():
    f = fa("flanders", [e(Y, 60)]).figures
    assert (
        f.student_contract_hours,
        f.student_contract_hours_confidence,
        f.student_contract_hours_earlier,
        f.work_hours,
    ) == (650, "low-medium", (600, 475), 80)


def test_brussels_no_work_limit_in_the_summer_quarter_RULES_0():
    f = fa("brussels", [e(Y, 60)]).figures
    assert (f.work_hours, f.work_unlimited_months) == (240, (7, 9))


def test_thresholds_come_from_dated_parameters():
    with pytest.raises(parameters.NoValue):
        parameters.get("family_allowance.groeipakket.min_credits", on=date(2018, 12, 31))
    y = year(fa("flanders", [e("2017-2018", 60)], birth="1999-06"), "2017-2018")
    assert (y.student_status, y.reason) == (None, "no-rules")


def test_calendar_helpers_used_in_the_tests():
    assert AcademicYear.parse(Y).first_month == Month(2024, 9)


# The basis on the advice's day (the page's first answer): (id, enrolments, birth, basis)
TODAY_BASIS = {
    "RULES-0-past-the-age-limit-today-no-right": ([e("2025-2026", 60)], "2001-06", "none"),
    "RULES-0-final-year-running-today-a-student": (
        [e("2025-2026", 60), e("2026-2027", 12, earned=None, final_year=True)],
        "2004-02",
        "student",
    ),
    "RULES-2.1-not-enrolled-this-year-today-a-school-leaver": (
        [e("2025-2026", 60)],
        "2004-02",
        "school-leaver",
    ),
    "RULES-2.1-under-18-today": ([e("2026-2027", 60, earned=None)], "2009-03", "under-18"),
}


@pytest.mark.parametrize("enrolments, birth, basis", TODAY_BASIS.values(), ids=TODAY_BASIS.keys())
def test_basis_on_the_advice_day(enrolments, birth, basis):
    result = fa("flanders", enrolments, birth)
    assert (str(result.today), result.basis_today) == ("2026-11", basis)


def test_next_years_enrolment_deadline_is_a_date_RULES_2_2():
    w = fa("brussels", [e("2026-2027", 60, earned=None)]).what_if
    assert (str(w.academic_year), w.enrolment_deadline) == ("2027-2028", date(2027, 11, 30))


# The age right ending within next year: it gives the first months, the study condition the
# rest (RULES.md §2.1: up to the month of the 18th birthday; §2.3: the Walloon semi-automatic
# right to the end of the month of the 21st; §2.1-2.3: the month of the 25th ends the right).
@pytest.mark.parametrize(
    "residence, birth, basis, age_until, right_ends",
    [
        pytest.param("flanders", "2009-12", "credits", "2027-12", None,
                     id="RULES-2.1: 18 in December 2027, conditional from January 2028"),
        pytest.param("wallonia", "2007-02", "credits", "2028-02", None,
                     id="RULES-2.3: 21 in February 2028, the 27 credits from March 2028"),
        pytest.param("brussels", "2010-03", "age", None, None,
                     id="RULES-2.2: 18 in March 2028, unconditional to 31 August: all year"),
        pytest.param("flanders", "2010-03", "credits", "2028-03", None,
                     id="RULES-2.1: 18 in March 2028, conditional from April 2028"),
        pytest.param("flanders", "2003-02", "credits", None, "2028-02",
                     id="RULES-2.1: 25 in February 2028, no right after it"),
    ],
)  # fmt: skip
def test_what_if_a_right_that_changes_within_the_year(
    residence, birth, basis, age_until, right_ends
):
    w = fa(residence, [e("2026-2027", 60, earned=None)], birth, "2026-12-10").what_if
    assert (w.basis, str(w.age_until) if w.age_until else None) == (basis, age_until)
    assert (str(w.right_ends) if w.right_ends else None) == right_ends
    assert w.status_matters is (basis == "credits")


def test_RULES_2_1_what_if_this_year_school_leaver_months_follow_the_summer():
    """No enrolment yet on 26 November: September was covered by the summer (to 30
    September), so the school-leaver months the 'what if' offers start in October, as the
    page's own school-leaver months do; next year's start in its September."""
    result = fa("flanders", [e("2025-2026", 60)], "2004-06", "2026-11-26")
    w = result.what_if
    assert str(w.academic_year) == "2026-2027"
    assert (str(w.school_leaver.start), str(w.school_leaver.end)) == ("2026-10", "2027-09")
    assert str(result.school_leaver[0].start) == "2026-10"
    later = fa("flanders", [e("2025-2026", 60), e("2026-2027", 60)], "2004-06", "2026-12-10")
    assert str(later.what_if.school_leaver.start) == "2027-09"
    # on 15 September, enrolling now under 27 makes September the month of too few credits, as
    # the page says for a 20-credit row (review 21): the what-if starts in September then
    september = fa("flanders", [e("2025-2026", 60)], "2004-06", "2026-09-15").what_if
    below = fa("flanders", [e("2025-2026", 60), e("2026-2027", 20)], "2004-06", "2026-09-15")
    assert str(september.school_leaver.start) == str(below.school_leaver[0].start) == "2026-09"
