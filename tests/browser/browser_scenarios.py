"""Answers (as permalink query strings) and wizard helpers shared by the browser tests.

The dates follow the academic year the server is in, so the 'running year' scenario stays a
running year whenever the suite runs.
"""

import re
from datetime import date

from playwright.sync_api import expect


def _year(offset: int) -> str:
    """The academic year `offset` years before the current one, as '2025-2026'."""
    today = date.today()
    start = today.year if today.month >= 9 else today.year - 1
    start -= offset
    return f"{start}-{start + 1}"


CURRENT, LAST, TWO_AGO, THREE_AGO, FOUR_AGO = (_year(n) for n in range(5))

# Flemish, third year still running (results of this year not known yet).
FLEMISH_RUNNING = (
    f"r=flanders&s=flanders&by=2006&bm=05&y0={TWO_AGO}&p0=bachelor&t0=60&e0=60"
    f"&y1={LAST}&p1=bachelor&t1=60&e1=48&y2={CURRENT}&p2=bachelor&t2=60&f=60"
)
# Lives in Brussels, studies in Dutch in Flanders/Brussels: Brussels family allowance.
BRUSSELS = (
    f"r=brussels&s=flanders&by=2005&bm=03&y0={LAST}&p0=bachelor&t0=60&e0=60"
    f"&y1={CURRENT}&p1=bachelor&t1=60&f=120"
)
# Lives and studies in the Netherlands: no Flemish learning credit, no 'finish' step.
NETHERLANDS = f"r=netherlands&s=netherlands&by=2006&bm=01&y0={LAST}&p0=bachelor&t0=60&e0=60"
# Lives in Wallonia, studies in French: block 1 after two years, third year running.
FRENCH_COMMUNITY = (
    f"r=wallonia&s=french-community&by=2005&bm=10&y0={TWO_AGO}&p0=bachelor"
    f"&t0=60&e0=40&y1={LAST}&p1=bachelor&t1=60&e1=20&y2={CURRENT}&p2=bachelor"
    f"&t2=60"
)
# Four finished Flemish years: the print scenario.
FOUR_YEARS = (
    f"r=flanders&s=flanders&by=2003&bm=09"
    f"&y0={FOUR_AGO}&p0=bachelor&t0=60&e0=54&y1={THREE_AGO}&p1=bachelor&t1=60&e1=60"
    f"&y2={TWO_AGO}&p2=bachelor&t2=66&e2=60&y3={LAST}&p3=master&t3=60&e3=48&f=72"
)
# Four Flemish years, the fourth still running: the other print scenario (issue 11).
FOUR_YEARS_RUNNING = (
    f"r=flanders&s=flanders&by=2004&bm=09"
    f"&y0={THREE_AGO}&p0=bachelor&t0=60&e0=54&y1={TWO_AGO}&p1=bachelor&t1=60&e1=60"
    f"&y2={LAST}&p2=bachelor&t2=66&e2=60&y3={CURRENT}&p3=master&t3=60&f=60"
)
# The three journeys of issue 11, tried on a phone: a Flemish parent (FLEMISH_RUNNING), a
# Brussels student at a French-speaking university, and an Antwerp student who studied three
# years in Maastricht before a Flemish master.
BRUSSELS_FRENCH = (
    f"r=brussels&s=french-community&by=2005&bm=03&y0={LAST}&p0=bachelor&t0=60&e0=45"
    f"&y1={CURRENT}&p1=bachelor&t1=60"
)
ANTWERP_MAASTRICHT = (
    f"r=flanders&s=flanders&by=2003&bm=06&y0={FOUR_AGO}&x0=netherlands&p0=bachelor&t0=60&e0=60"
    f"&y1={THREE_AGO}&x1=netherlands&p1=bachelor&t1=60&e1=60&y2={TWO_AGO}&x2=netherlands"
    f"&p2=bachelor&t2=60&e2=60&y3={LAST}&p3=master&t3=60&e3=54&y4={CURRENT}&p4=master&t4=60"
    f"&f=66"
)
# Half of the first year passed, the second enrolment running, 120 credits to go with 80 of
# learning credit: insufficient, and the study-efficiency rule at risk (the appeal sheet).
FLEMISH_AT_RISK = (
    f"r=flanders&s=flanders&by=2006&bm=03&y0={LAST}&p0=bachelor&t0=60&e0=30"
    f"&y1={CURRENT}&p1=bachelor&t1=60&f=120"
)
# Earned more than taken: the result page refuses it ('Some answers need another look').
INVALID = f"r=flanders&s=flanders&y0={LAST}&p0=bachelor&t0=30&e0=60&f=60"


def fill_row(page, index, year, programme, taken, earned=None):
    """Fill the years step's row on screen, row `index` (one academic year per page)."""
    page.locator(f"#id_y{index}").select_option(year)
    page.locator(f"#id_p{index}").select_option(programme)
    page.locator(f"#id_t{index}").fill(str(taken))
    if earned is not None:
        page.locator(f"#id_e{index}").fill(str(earned))


def add_year(page, index, year, programme, taken, earned=None):
    """On the years step: fill row `index` and save it, which shows the list of the years; then
    'Add another year' gives the next row's page."""
    fill_row(page, index, year, programme, taken, earned)
    go_on(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(YEARS_ADDED)


def add_another_year(page):
    page.get_by_role("button", name="Add another year").click()


YEARS_ADDED = re.compile(r"^You have added \d+ years?$")
CONTINUE = {"en": "Continue", "nl": "Verder"}


def choose(page, label):
    page.get_by_label(label, exact=True).check()


def go_on(page, lang="en"):
    page.get_by_role("button", name=CONTINUE[lang], exact=True).click()


def answer_first_steps(page, residence, system, birth_month=None, birth_year=None):
    """From the residence step to the years step, in English; the birth may stay empty."""
    choose(page, residence)
    go_on(page)
    choose(page, system)
    go_on(page)
    if birth_month:
        page.locator("#id_bm").select_option(birth_month)
        page.locator("#id_by").fill(birth_year)
    go_on(page)
