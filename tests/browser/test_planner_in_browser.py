"""The planner in a real browser (issue 13), with JavaScript (htmx compares in place) and
without (a plain GET form): the same comparison either way, the plans in the address, the
focus on the planner after comparing, and the comparison on paper."""

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from test_print import ARTIFACTS

# After a first year 60/60 (learning credit 200), 60 credits this year awaiting results.
ANSWERS = (
    "r=flanders&s=flanders&f=120&on=2026-11-20&by=2007&bm=03&y0=2025-2026&p0=bachelor&t0=60"
    "&e0=60&y1=2026-2027&p1=bachelor&t1=60"
)


def compare(page, live_server):
    page.goto(f"{live_server.url}/en/result/?{ANSWERS}")
    page.evaluate("window.sameDocument = true") if page.javascript else None
    page.get_by_label("Credits you expect to pass this year").first.fill("30")  # Plan A
    plan_b = page.locator("fieldset", has_text="Plan B")
    plan_b.get_by_label("Credits to take in 2027-2028").fill("30")
    plan_b.get_by_label("Credits you expect to pass in 2027-2028").fill("30")
    page.get_by_role("button", name="Compare these plans").click()
    table = page.locator("table.comparison")
    expect(table).to_be_visible()
    return table


def test_the_planner_compares_the_same_with_and_without_javascript(
    live_server, browser, screenshot
):
    tables = {}
    for javascript in (True, False):
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1000, "height": 900}
        )
        page = context.new_page()
        page.javascript = javascript
        table = compare(page, live_server)
        tables[javascript] = table.inner_text()
        query = parse_qs(urlsplit(page.url).query)
        assert query["pe0"] == ["30"] and query["pt1"] == ["30"]  # a permalink either way
        if javascript:
            assert page.evaluate("window.sameDocument") is True  # compared in place
            expect(page.locator("#planner-title")).to_be_focused()
        screenshot(page, f"planner-{'js' if javascript else 'no-js'}")
        context.close()
    assert tables[True] == tables[False]
    assert re.search(r"170 credits", tables[True])  # Plan A: 200 - 60 + 30
    assert "12 months as a student" in tables[True]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_comparison_prints_with_what_it_rests_on(live_server, browser, lang):
    context = browser.new_context()
    page = context.new_page()
    plans = "&pe0=30&pt0=0&pe1=60&pt1=30&pp1=30&pg1=bachelor&pk1=diploma"
    page.goto(f"{live_server.url}/{lang}/result/?{ANSWERS}{plans}")
    page.emulate_media(media="print")
    expect(page.locator("table.comparison")).to_be_visible()
    expect(page.locator("#planner form")).to_be_hidden()  # the inputs stay off paper
    expect(page.locator(".planner-notes")).to_be_visible()
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.pdf(path=os.path.join(ARTIFACTS, f"planner-{lang}.pdf"), format="A4")
    context.close()


def test_the_calendar_link_downloads_a_file_icalendar_reads(live_server, browser):
    """The result page's "Add these dates to your calendar" in a real browser: the file it
    downloads parses with icalendar, one all-day event per dated deadline (RULES.md §2.2: the
    Groeipakket's 30 November enrolment for next year; §1.8: the study-efficiency year)."""
    import icalendar

    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/nl/result/?{ANSWERS}")
    dated = page.locator(".deadline-list time").count()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"\.ics")).click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == dated > 0
    assert all(not hasattr(e["DTSTART"].dt, "hour") for e in events)  # all-day
    assert any("kinderbijslag" in str(e["SUMMARY"]) for e in events)
    context.close()
