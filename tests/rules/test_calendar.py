"""Academic years and months (rules/calendar.py): the two time units every rule counts in.
An academic year runs from 1 September to 31 August (RULES.md, introduction)."""

from datetime import date

import pytest

from rules.calendar import AcademicYear, Month, Period, months_in, runs, years_between


@pytest.mark.parametrize(
    "day, year",
    [
        pytest.param(date(2026, 9, 1), "2026-2027", id="RULES-intro-starts-1-september"),
        pytest.param(date(2026, 8, 31), "2025-2026", id="RULES-intro-ends-31-august"),
        pytest.param(date(2027, 1, 15), "2026-2027", id="january-in-the-year-begun-in-september"),
    ],
)
def test_academic_year_of_a_day(day, year):
    assert str(AcademicYear.of(day)) == year


@pytest.mark.parametrize("text", ["2024-2026", "2024/2025", "24-25", "٢٠٢٤-٢٠٢٥", ""])
def test_academic_year_refuses_anything_but_two_consecutive_years(text):
    with pytest.raises(ValueError):
        AcademicYear.parse(text)


@pytest.mark.parametrize("text", ["2024-13", "2024-00", "2024-1", "٢٠٢٤-٠١"])
def test_month_refuses_a_malformed_month(text):
    with pytest.raises(ValueError):
        Month.parse(text)


def test_academic_year_first_and_last_months_and_days():
    year = AcademicYear.parse("2024-2025")
    assert (str(year.first_month), str(year.last_month)) == ("2024-09", "2025-08")
    assert year.first_day == date(2024, 9, 1)
    assert (year.day("12-01"), year.day("03-15")) == (date(2024, 12, 1), date(2025, 3, 15))
    assert (str(year.next()), str(year.previous())) == ("2025-2026", "2023-2024")


def test_month_arithmetic_across_the_new_year():
    assert str(Month(2024, 11).plus(3)) == "2025-02"
    assert Month(2025, 2).minus(Month(2024, 11)) == 3
    assert str(Month(2025, 2).academic_year) == "2024-2025"


def test_periods_months_and_runs():
    period = Period(Month(2024, 11), Month(2025, 2))
    assert period.months == 4
    assert [str(m) for m in months_in(period)] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    found = runs([Month(2024, 9), Month(2024, 10), Month(2025, 1)])
    assert [(str(p.start), str(p.end)) for p in found] == [
        ("2024-09", "2024-10"),
        ("2025-01", "2025-01"),
    ]


def test_years_between_includes_both_ends():
    first, last = AcademicYear(2022), AcademicYear(2024)
    assert [str(y) for y in years_between(first, last)] == ["2022-2023", "2023-2024", "2024-2025"]
