"""The years step on a phone, 360 CSS px wide: one academic year per page, then the list of
the years with Change and Remove; with JavaScript and without."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_scenarios import (
    LAST,
    THREE_AGO,
    TWO_AGO,
    add_another_year,
    add_year,
    go_on,
)
from playwright.sync_api import expect

PHONE = {"width": 360, "height": 740}  # a common Android phone's CSS viewport
FLEMISH = "r=flanders&s=flanders&by=2004&bm=03"
JS_ONLY = pytest.mark.parametrize("page", [True], indirect=True, ids=["js"])


def heading(page):
    return page.get_by_role("heading", level=1)


def listed_years(page):
    return page.locator(".year-list dt")


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def continue_bottom(page) -> float:
    """Where the Continue button ends, in CSS px from the top of the page."""
    return page.evaluate(
        "document.querySelector('button[name=go]').getBoundingClientRect().bottom + window.scrollY"
    )


def assert_fits_a_phone(page):
    assert scroll_width(page) <= PHONE["width"]  # no scrolling sideways
    assert continue_bottom(page) <= 2 * PHONE["height"]  # the whole question in two screens


def expect_question_4(page):
    expect(page.get_by_text(re.compile(r"^Question 4 of \d to \d$"))).to_be_visible()


def test_three_years_one_page_at_a_time_on_a_phone(live_server, page, screenshot):
    mode = "js" if page.javascript else "nojs"
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/step/years/?{FLEMISH}")

    expect(page.get_by_role("group", name="Year 1")).to_be_visible()
    expect_question_4(page)
    assert_fits_a_phone(page)
    screenshot(page, f"{mode}-phone-years-1-first-row")
    add_year(page, 0, THREE_AGO, "bachelor", 60, 60)
    expect(heading(page)).to_have_text("You have added 1 year")

    add_another_year(page)
    expect(page.get_by_role("group", name="Year 2")).to_be_visible()
    expect_question_4(page)
    add_year(page, 1, TWO_AGO, "bachelor", 60, 30)
    add_another_year(page)
    add_year(page, 2, LAST, "master", 60, 45)

    expect(heading(page)).to_have_text("You have added 3 years")
    expect(listed_years(page)).to_have_text([THREE_AGO, TWO_AGO, LAST])
    expect_question_4(page)
    assert_fits_a_phone(page)
    screenshot(page, f"{mode}-phone-years-2-list")

    # change the second year: its page holds its answers
    page.get_by_role("button", name=f"Change {TWO_AGO}").click()
    expect(page.get_by_role("group", name="Year 2")).to_be_visible()
    expect(page.locator("#id_y1")).to_have_value(TWO_AGO)
    expect(page.locator("#id_e1")).to_have_value("30")
    assert_fits_a_phone(page)
    page.locator("#id_e1").fill("48")
    go_on(page)
    expect(page.locator(".year-item").nth(1)).to_contain_text("60 credits taken, 48 earned")

    # remove the first: the heading, which says how many are left, takes the focus
    page.get_by_role("button", name=f"Remove {THREE_AGO}").click()
    expect(heading(page)).to_have_text("You have added 2 years")
    expect(heading(page)).to_be_focused()
    expect(listed_years(page)).to_have_text([TWO_AGO, LAST])
    expect_question_4(page)
    screenshot(page, f"{mode}-phone-years-3-after-remove")

    go_on(page)
    for _ in range(3):  # the follow-up questions and the credits to finish, left as they are
        if heading(page).inner_text() == "Check your answers":
            break
        go_on(page)
    expect(heading(page)).to_have_text("Check your answers")
    rows = page.locator(".table tbody tr")
    expect(rows).to_have_count(2)
    # cell by cell: on a phone the table stacks, its cells run on without spaces
    expect(rows.nth(0).locator("th, td")).to_have_text(
        [TWO_AGO, "Bachelor", "Diploma contract", "60", "48", "—", "no"]
    )
    expect(rows.nth(1).locator("th, td")).to_have_text(
        [LAST, "Master", "Diploma contract", "60", "45", "—", "no"]
    )
    query = parse_qs(urlsplit(page.url).query)
    assert (query["y0"], query["e0"], query["y1"], query["e1"]) == (
        [TWO_AGO],
        ["48"],
        [LAST],
        ["45"],
    )
    assert "y2" not in query
    assert scroll_width(page) <= PHONE["width"]
    screenshot(page, f"{mode}-phone-years-4-check")


def test_an_error_on_a_row_is_shown_on_that_row_on_a_phone(live_server, page):
    page.set_viewport_size(PHONE)
    page.goto(
        f"{live_server.url}/en/step/years/?{FLEMISH}&y0={TWO_AGO}&p0=bachelor&t0=60&e0=60"
        f"&y1={LAST}&p1=bachelor&t1=30&e1=45"
    )
    go_on(page)  # from the list: the second year earned more than it took
    expect(page.get_by_role("group", name="Year 2")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary")).to_contain_text(
        "Year 2, credits earned: enter a number from 0 to 30 (the credits taken), for example 30"
    )
    expect(page.locator("#id_e1")).to_have_value("45")
    assert scroll_width(page) <= PHONE["width"]
    page.locator("#id_e1").fill("30")
    go_on(page)
    expect(heading(page)).to_have_text("You have added 2 years")


@JS_ONLY
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="first-row"),
        pytest.param(f"&y0={LAST}&p0=bachelor&t0=60&e0=45&row=0", id="changed-row"),
        pytest.param(
            f"&y0={LAST}&p0=bachelor&t0=60&e0=45&y1={LAST}&x1=french-community"
            "&p1=teacher-training-short&k1=credit&t1=12&l1=3&d1=1&sm1=02&em1=06",
            id="list",
        ),
    ],
)
def test_the_years_pages_fit_a_phone_in_every_language(live_server, page, lang, query):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{lang}/step/years/?{FLEMISH}{query}")
    assert page.locator("html").get_attribute("lang") == lang
    assert_fits_a_phone(page)
