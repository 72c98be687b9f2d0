"""The whole wizard in a real browser, with JavaScript and without."""

import re

from browser_scenarios import add_another_year, add_year, answer_first_steps


def test_flemish_student_through_the_wizard(live_server, page, screenshot):
    mode = "js" if page.javascript else "nojs"
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Start now").click()

    page.get_by_role("button", name="Continue").click()  # nothing chosen
    assert page.locator("#error-summary").is_visible()
    screenshot(page, f"{mode}-1-residence-error")
    answer_first_steps(
        page, "Flanders", "Dutch-speaking higher education in Flanders or Brussels", "03", "2005"
    )

    add_year(page, 0, "2023-2024", "bachelor", 60, 30)
    add_another_year(page)
    add_year(page, 1, "2024-2025", "bachelor", 60, 60)
    screenshot(page, f"{mode}-2-years")
    page.get_by_role("button", name="Continue").click()

    # Started in 2023-2024 with 30 of 60 passed: the study-efficiency rule asks how many of
    # the second year's credits were first-year units.
    assert page.get_by_role("heading", name="A few more questions about your years").is_visible()
    page.get_by_label(
        "How many of the 60 credits earned that year belong to your first "
        "enrolment in this programme?"
    ).fill("30")
    screenshot(page, f"{mode}-2b-details")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Credits still needed to finish your programme").fill("60")
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role("heading", name="Check your answers").is_visible()
    screenshot(page, f"{mode}-3-check")
    page.get_by_role("link", name="See your result").click()

    # RULES.md §1.9: 140 - 60 + 30 + 30 = 140, then 140 - 60 + 60 + 30 = 170
    heading = page.locator("#answer-title").inner_text()
    assert re.search(r"\b170 credits\b", heading)
    summary = page.locator(".summary").inner_text()
    assert "Study progress: you passed all 60 credits of your first enrolment in time" in summary
    screenshot(page, f"{mode}-4-result")

    page.get_by_role("link", name="Nederlands", exact=True).click()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "170" in page.locator("#answer-title").inner_text()
