"""The four Belgian family-allowance schemes (RULES.md §2), one small class each: what each
decides in its own way. The scheme follows where the child lives (`residence`).

Each reads its figures from `rules/parameters/family_allowance/<folder>/` and writes its
sentences in `templates/schemes/family_allowance/regions/<folder>.html`.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import ClassVar, Literal

from .. import parameters
from ..calendar import AcademicYear, Month, Period
from ..scenario import Enrolment

# Flanders' diploma-year exception: once per cycle; the programmes that belong to a cycle.
DIPLOMA_CYCLES = {
    "graduaat": "graduaat",
    "associate-degree": "graduaat",
    "bachelor": "bachelor",
    "master": "master",
}
# Brussels/Wallonia: a last year with a report or thesis (TFE).
THESIS_PROGRAMMES = frozenset(
    {"bachelor", "master", "advanced-bachelor", "advanced-master", "graduaat",
     "associate-degree", "teacher-training-short"}
)  # fmt: skip

Reason = Literal[
    "credits", "below-minimum", "diploma-year", "diploma-year-used", "thesis-year",
    "enrolled", "late-enrolment", "no-rules",
]  # fmt: skip
Condition = tuple[bool | None, Reason, Period | None]


class Region:
    key: ClassVar[str]  # the residence it serves
    scheme: ClassVar[str]  # the scheme's code in the JSON
    folder: ClassVar[str]  # its parameters' and sentences' folder
    job_seeker_office: ClassVar[str | None] = None  # where to register after the studies
    school_leaver_months: ClassVar[bool] = False  # Flanders' 12 months, paused while studying
    last_year_programmes: ClassVar[frozenset[str]] = frozenset()  # its last-year exception

    @property
    def template(self) -> str:
        return f"schemes/family_allowance/regions/{self.folder}.html"

    def p(self, name: str, on: date):
        return parameters.get(f"family_allowance.{self.folder}.{name}", on=on)

    def rules_cover(self, year: AcademicYear) -> bool:
        """Do the regional rules (from 2019) judge this academic year? Earlier years fell
        under the federal rules of the time, which the advisor does not apply."""
        return _in_force(f"family_allowance.{self.folder}.enrolment_deadline", year)

    def thesis_deadline(self, on: date) -> str | None:
        """MM-DD: a last year with only a thesis is paid until then at the latest."""
        return None

    def credit_minimum(self, on: date) -> int | None:
        """The credits a year needs for the student status (None: any enrolment counts)."""
        return self.p("min_credits", on)

    # --- ages -----------------------------------------------------------------------------

    def unconditional_until(self, birth: Month, on: date) -> Month:
        """The last month of the unconditional right: 31 August of the calendar year of the
        birthday (Brussels, Wallonia, German-speaking Community)."""
        until = self.p("unconditional_until", on)  # MM-DD
        return Month(birth.year + self.p("unconditional_age", on), int(until.split("-")[0]))

    def until_21(self, birth: Month, on: date) -> Month | None:
        """The last month of a right whatever the studies, after the unconditional one."""
        return None

    def end_month(self, birth: Month, on: date) -> Month:
        """The last month a conditional right can run: the month of the 25th birthday."""
        return birth.plus(12 * self.p("age_limit", on))

    # --- one academic year ----------------------------------------------------------------

    def study_condition(
        self, year: AcademicYear, enrolments: list[Enrolment], cycles_used: set[str]
    ) -> Condition:
        """Whether the year meets the study condition, why, and which months it covers.
        `cycles_used` (Flanders) is updated when the diploma-year exception is used."""
        if not self.rules_cover(year):
            return None, "no-rules", None
        on = year.first_day
        first = min(e.first_month for e in enrolments)
        on_time = first <= self.deadline_month(year)
        start = year.first_month if on_time else first
        whole = Period(start, max(e.last_month for e in enrolments))
        if not on_time and self.refuses_late_enrolment():
            return False, "late-enrolment", None
        minimum = self.credit_minimum(on)
        if minimum is None:
            return True, "enrolled", whole
        if sum(e.credits_taken for e in enrolments) >= minimum:
            return True, "credits", whole
        return self.last_year(year, enrolments, whole, cycles_used)

    @cache  # noqa: B019 (the four regions live as long as the program)
    def deadline_month(self, year: AcademicYear) -> Month:
        """The month of the year's enrolment deadline: a first enrolment later than this month
        is late."""
        return Month.of(year.day(self.p("enrolment_deadline", year.first_day)))

    def refuses_late_enrolment(self) -> bool:
        """A first enrolment after the deadline gives no student status (else: from then)."""
        return False

    def last_year(
        self, year: AcademicYear, enrolments: list[Enrolment], whole: Period, cycles_used: set[str]
    ) -> Condition:
        """Under the minimum: the exception for the last year of a programme, if any. The
        last year is the enrolment for the programme's last credits, known before its results
        (`final_year`), or the year the degree was obtained."""
        return False, "below-minimum", None

    # --- after a year of study -------------------------------------------------------------

    def holiday_grace(self) -> bool:
        """After a year covered up to August, the next September stays covered without a new
        enrolment (Flanders: 'until 30 September at the latest')."""
        return False

    def job_seeker_months(self, on: date) -> int:
        """How long the allowance continues, only after registering as a job seeker."""
        return self.p("job_seeker_days", on) // 30

    def job_seeker_start(self, on: date) -> int | None:
        """The month in which the job-seeker period starts after a complete academic year
        (None: only when the studies stop)."""
        return int(self.p("job_seeker_start", on).split("-")[0])


class Flanders(Region):
    """Groeipakket (decree of 27 April 2018; BVR rechtgevend kind, art. 24)."""

    key, scheme, folder = "flanders", "groeipakket", "groeipakket"
    school_leaver_months = True
    last_year_programmes = frozenset(DIPLOMA_CYCLES)

    def unconditional_until(self, birth, on):
        """Up to and including the month of the 18th birthday (decree art. 8 §2)."""
        return birth.plus(12 * self.p("unconditional_age", on))

    def last_year(self, year, enrolments, whole, cycles_used):
        """The diploma-year exception: one year per cycle (graduaat, bachelor, master)."""
        cycles = {
            DIPLOMA_CYCLES[e.programme]
            for e in enrolments
            if e.last_of_programme and e.programme in DIPLOMA_CYCLES
        }
        unused = sorted(cycles - cycles_used)
        if unused:
            cycles_used.add(unused[0])
            return True, "diploma-year", whole
        return False, ("diploma-year-used" if cycles else "below-minimum"), None

    def holiday_grace(self):
        return True

    def job_seeker_months(self, on):
        return 0  # no job-seeker period: the school-leaver months instead


class _ThesisYear(Region):
    """Brussels and Wallonia: the last year with a report or thesis (TFE) keeps the right
    until the month the work is handed in, at the latest the first-session deadline."""

    last_year_programmes = THESIS_PROGRAMMES

    def refuses_late_enrolment(self):
        return True

    def last_year(self, year, enrolments, whole, cycles_used):
        if not any(e.last_of_programme and e.programme in THESIS_PROGRAMMES for e in enrolments):
            return False, "below-minimum", None
        handed_in = Month.of(year.day(self.thesis_deadline(year.first_day)))
        return True, "thesis-year", Period(whole.start, min(whole.end, handed_in))

    def thesis_deadline(self, on: date) -> str:
        # Wallonia has no file of its own: the Brussels deadline is the documented one
        # (RULES.md §2.2); the Walloon end date is marked medium in RULES.md §2.3.
        return parameters.get("family_allowance.brussels.thesis_deadline", on=on)


class Brussels(_ThesisYear):
    """Famiris rules, as Famiris ("Mon enfant est un jeune demandeur d'emploi") and Brussels
    Family ("Enseignement supérieur") explain them."""

    key, scheme, folder = "brussels", "brussels", "brussels"
    job_seeker_office = "actiris"


class Wallonia(_ThesisYear):
    """AVIQ rules, as AVIQ ("Le jeune étudiant") and Famiwal ("Nés à partir du 1er janvier
    2001") explain them: children born from 2001 keep a right until 21, whatever they study."""

    key, scheme, folder = "wallonia", "wallonia", "wallonia"
    job_seeker_office = "forem"

    def until_21(self, birth, on):
        if birth.first_day < self.p("semi_automatic_born_from", on):
            return None
        return birth.plus(12 * self.p("semi_automatic_age", on))


class GermanCommunity(Region):
    """Ostbelgien Familienleistungen (decree of 23 April 2018): no credit minimum."""

    key, scheme, folder = "german-community", "german-community", "german_community"
    job_seeker_office = "adg"

    def credit_minimum(self, on):
        return None

    def job_seeker_months(self, on):
        return self.p("after_studies_months", on)

    def job_seeker_start(self, on):
        return None


REGIONS = {region.key: region() for region in (Flanders, Brussels, Wallonia, GermanCommunity)}


@cache
def _in_force(name: str, year: AcademicYear) -> bool:
    return parameters.in_force(name, on=year.first_day)
