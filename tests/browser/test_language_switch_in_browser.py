"""Switching language on a wizard step keeps what was typed there and not yet sent: with
JavaScript through the header's language links (static/js/language.js), without it through the
step form's language buttons."""

from browser_scenarios import LAST, fill_row
from playwright.sync_api import expect

FL = "r=flanders&s=flanders"


def switch_to(page, language):
    """Choose another language the way this browser can: the header's link with JavaScript
    (the form's buttons are hidden then), the step form's button without."""
    buttons = page.locator("#step-form").get_by_role("button", name=language, exact=True)
    if page.javascript:
        expect(buttons).to_be_hidden()
        page.locator("#languages").get_by_role("link", name=language, exact=True).click()
    else:
        buttons.click()


def test_the_birth_month_and_year_typed_stay_after_switching_language(live_server, page):
    page.goto(f"{live_server.url}/en/step/about/?{FL}")
    page.locator("#id_bm").select_option("03")
    page.locator("#id_by").fill("2004")
    switch_to(page, "Français")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Quelle est votre date de naissance ?"
    )
    expect(page.locator("#id_bm")).to_have_value("03")
    expect(page.locator("#id_by")).to_have_value("2004")
    expect(page.locator("#error-summary")).to_have_count(0)  # switching is not sending
    switch_to(page, "Nederlands")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("#id_by")).to_have_value("2004")


def test_the_years_typed_stay_after_switching_language(live_server, page):
    """The years step asks one year per page: a second year typed on its own page, the
    first one saved already, both kept across the switch."""
    page.goto(f"{live_server.url}/nl/step/years/?{FL}")
    fill_row(page, 0, LAST, "bachelor", 60, 45)
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("button", name="Nog een jaar toevoegen").click()
    fill_row(page, 1, LAST, "master", 30, 24)
    switch_to(page, "English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#id_p1")).to_have_value("master")
    expect(page.locator("#id_t1")).to_have_value("30")
    expect(page.locator("#id_e1")).to_have_value("24")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have added 2 years")


def test_a_wrong_value_is_kept_as_typed_and_judged_only_when_sent(live_server, page):
    page.goto(f"{live_server.url}/fr/step/about/?{FL}")
    page.locator("#id_bm").select_option("03")
    page.locator("#id_by").fill("1800")
    switch_to(page, "English")
    expect(page.locator("#id_by")).to_have_value("1800")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#id_by_error")).to_have_text(
        "Birth year: enter a year from 1900 to "
        + page.locator("#id_by").get_attribute("max")
        + ", for example 2005"
    )
