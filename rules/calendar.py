"""Academic years and calendar months, the two time units every rule counts in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

ACADEMIC_YEAR_PATTERN = re.compile(r"^([0-9]{4})-([0-9]{4})$")
MONTH_PATTERN = re.compile(r"^([0-9]{4})-([0-9]{2})$")
FIRST_MONTH = 9  # academic years run 1 September to 31 August


class Month(NamedTuple):
    """A calendar month. A named tuple: months are hashed and compared by the thousand on a
    page, and a tuple does both in C."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """`YYYY-MM`; raises ValueError."""
        m = MONTH_PATTERN.match(text)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(text)
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        i = self.index + months
        return Month(i // 12, i % 12 + 1)

    def minus(self, other: Month) -> int:
        """Months from `other` to `self`."""
        return self.index - other.index

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def academic_year(self) -> AcademicYear:
        return AcademicYear(self.year if self.month >= FIRST_MONTH else self.year - 1)


class AcademicYear(NamedTuple):
    """An academic year, 1 September to 31 August (a named tuple, as `Month`)."""

    start: int  # the calendar year in which it begins

    @classmethod
    def parse(cls, text: str) -> AcademicYear:
        """`YYYY-YYYY` with consecutive years; raises ValueError."""
        m = ACADEMIC_YEAR_PATTERN.match(text)
        if not m or int(m.group(2)) != int(m.group(1)) + 1:
            raise ValueError(text)
        return cls(int(m.group(1)))

    @classmethod
    def of(cls, day: date) -> AcademicYear:
        return Month.of(day).academic_year

    def __str__(self) -> str:
        return f"{self.start}-{self.start + 1}"

    @property
    def first_month(self) -> Month:
        return Month(self.start, FIRST_MONTH)

    @property
    def last_month(self) -> Month:
        return Month(self.start + 1, FIRST_MONTH - 1)

    @property
    def first_day(self) -> date:
        return self.first_month.first_day

    @property
    def last_day(self) -> date:
        """31 August: the day before the next academic year begins."""
        return self.next().first_day - timedelta(days=1)

    def next(self) -> AcademicYear:
        return AcademicYear(self.start + 1)

    def previous(self) -> AcademicYear:
        return AcademicYear(self.start - 1)

    def day(self, month_day: str) -> date:
        """The date of `MM-DD` within this academic year (September..August)."""
        month, day = (int(part) for part in month_day.split("-"))
        year = self.start if month >= FIRST_MONTH else self.start + 1
        return date(year, month, day)


@dataclass(frozen=True)
class Period:
    """The months from `start` to `end`, both included."""

    start: Month
    end: Month

    @property
    def months(self) -> int:
        return self.end.minus(self.start) + 1


def months_in(period: Period) -> list[Month]:
    first, last = period.start.index - _TABLE_START, period.end.index - _TABLE_START
    if first >= 0 and last < len(_MONTH_TABLE):
        return list(_MONTH_TABLE[first : last + 1])
    return [Month(i // 12, i % 12 + 1) for i in range(period.start.index, period.end.index + 1)]


# Every month from 1900 to 2199, made once: a timeline slices it instead of building its
# hundreds of months each time.
_TABLE_START = 1900 * 12
_MONTH_TABLE = tuple(Month(year, month) for year in range(1900, 2200) for month in range(1, 13))


def runs(months: list[Month]) -> list[Period]:
    """Consecutive months (in order) as periods."""
    found: list[Period] = []
    for m in months:
        if found and found[-1].end.plus(1) == m:
            found[-1] = Period(found[-1].start, m)
        else:
            found.append(Period(m, m))
    return found


def years_between(first: AcademicYear, last: AcademicYear) -> list[AcademicYear]:
    return [AcademicYear(y) for y in range(first.start, last.start + 1)]
