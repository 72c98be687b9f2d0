"""More whole-wizard flows (Brussels, the Netherlands), the language switch (on a wizard step and
from a French result page) and the permalink round trip, in a real browser with JavaScript and
without."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_scenarios import (
    CURRENT,
    FOUR_YEARS,
    LAST,
    YEARS_ADDED,
    add_another_year,
    add_year,
    answer_first_steps,
    go_on,
)
from playwright.sync_api import expect

# Plain links and forms, the same with or without JavaScript: one run keeps the suite fast.
JS_ONLY = pytest.mark.parametrize("page", [True], indirect=True, ids=["js"])


def answers(url):
    return parse_qs(urlsplit(url).query)


def without_default_contract(query):
    return {k: v for k, v in query.items() if not (re.fullmatch(r"k\d+", k) and v == ["diploma"])}


def back(page, text):
    page.get_by_role("link", name=text, exact=True).click()


def step_heading(page):
    return page.get_by_role("heading", level=1)


def test_brussels_resident_studying_in_flanders(live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Start now").click()
    answer_first_steps(
        page,
        "Brussels-Capital Region",
        "Dutch-speaking higher education in Flanders or Brussels",
        "03",
        "2005",
    )
    expect(step_heading(page)).to_have_text("What did you enrol for each academic year?")
    add_year(page, 0, LAST, "bachelor", 60, 60)
    add_another_year(page)
    add_year(page, 1, CURRENT, "bachelor", 60)  # results of the running year not known yet
    go_on(page)
    # A second enrolment in a bachelor started from 2023-2024: did the programme change?
    expect(step_heading(page)).to_have_text("A few more questions about your years")
    expect(page.get_by_role("group", name=f"Year 2: {CURRENT}, Bachelor")).to_be_visible()
    expect(page.get_by_label("The last year of this programme")).to_have_count(0)
    go_on(page)  # the same programme: the box stays unticked
    expect(step_heading(page)).to_have_text(
        "How many credits do you still need to finish your programme?"
    )
    page.get_by_label("Credits still needed to finish your programme").fill("120")
    go_on(page)
    expect(step_heading(page)).to_have_text("Check your answers")
    expect(page.locator("main")).to_contain_text("Brussels-Capital Region")
    page.get_by_role("link", name="See your result").click()

    # 140 - 60 + 60 = 140, then 60 more taken in the running year: 80 now, 140 if all passed
    expect(page.locator("#answer-title")).to_have_text(
        re.compile(r"Your learning credit while this year runs: \d+ credits")
    )
    expect(
        page.get_by_role("heading", name="Family allowance in Brussels while you study")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Groeipakket"))).to_have_count(0)
    assert answers(page.url)["r"] == ["brussels"]


def test_student_living_and_studying_in_the_netherlands(live_server, page):
    page.goto(f"{live_server.url}/en/step/residence/")
    answer_first_steps(page, "The Netherlands", "Higher education in the Netherlands")
    expect(step_heading(page)).to_have_text("What did you enrol for each academic year?")
    expect(page.get_by_text("Question 4 of 5 to 7")).to_be_visible()  # the Dutch questions
    add_year(page, 0, LAST, "bachelor", 60, 45)
    expect(page.get_by_text("Question 4 of 5 to 7")).to_be_visible()
    go_on(page)  # no Flemish enrolment: no 'finish' step, but the Dutch questions
    expect(step_heading(page)).to_have_text("Your studies in the Netherlands")
    page.get_by_label(f"Year 1 ({LAST}, Bachelor) is teacher training").check()
    go_on(page)
    expect(step_heading(page)).to_have_text("Check your answers")
    expect(page.get_by_text("How many credits do you still need")).to_have_count(0)
    page.get_by_role("link", name="See your result").click()
    # RULES.md §4.4: a first enrolment after August 2024 gets no halving
    expect(page.locator("#answer-title")).to_have_text("No halved tuition fee in the Netherlands")
    expect(page.locator("main")).to_contain_text("after the halving was abolished on")
    # the one year is on the address, so the page is a permalink
    assert answers(page.url)["s"] == ["netherlands"] and answers(page.url)["e0"] == ["45"]
    assert answers(page.url)["q0"] == ["on"]


@JS_ONLY
def test_language_switch_on_a_wizard_step_keeps_the_answers(live_server, page):
    page.goto(f"{live_server.url}/en/step/residence/")
    answer_first_steps(
        page, "Flanders", "Dutch-speaking higher education in Flanders or Brussels", "11", "2004"
    )
    add_year(page, 0, LAST, "master", 60, 42)
    go_on(page)
    expect(step_heading(page)).to_have_text(
        "How many credits do you still need to finish your programme?"
    )

    page.get_by_role("link", name="Nederlands", exact=True).click()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert urlsplit(page.url).path == "/nl/step/finish/"
    expect(step_heading(page)).to_have_text(
        "Hoeveel studiepunten heb je nog nodig om je opleiding af te ronden?"
    )
    # back through the steps, in Dutch, with every answer still there
    back(page, "Terug")
    expect(step_heading(page)).to_have_text("Je hebt 1 jaar toegevoegd")
    page.get_by_role("button", name=f"Wijzigen {LAST}").click()
    expect(page.locator("#id_y0")).to_have_value(LAST)
    expect(page.locator("#id_p0")).to_have_value("master")
    expect(page.locator("#id_t0")).to_have_value("60")
    expect(page.locator("#id_e0")).to_have_value("42")
    back(page, "Terug")  # to the list of years
    back(page, "Terug")
    expect(page.locator("#id_bm")).to_have_value("11")
    expect(page.locator("#id_by")).to_have_value("2004")
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("#id_by")).to_have_value("2004")
    back(page, "Back")
    expect(
        page.get_by_label("Dutch-speaking higher education in Flanders or Brussels", exact=True)
    ).to_be_checked()


@JS_ONLY
def test_permalink_round_trip(live_server, page):
    page.goto(f"{live_server.url}/en/result/?{FOUR_YEARS}")
    expect(page.locator("#answer-title")).to_have_text(re.compile(r"\d+ credits"))
    title = page.locator("#answer-title").inner_text()
    expected = answers(page.url)

    # the address printed on the page (maybe a short form) brings back the same result
    permalink = page.locator(".permalink a").first.inner_text().strip()
    assert permalink.startswith(f"{live_server.url}/en/")
    page.goto("about:blank")
    page.goto(permalink)
    expect(page.locator("#answer-title")).to_have_text(title)
    assert answers(page.url) == expected

    page.get_by_role("link", name="Back to your answers").click()
    expect(step_heading(page)).to_have_text("Check your answers")
    expect(page.locator("main")).to_contain_text("Flanders")

    page.get_by_role("link", name="Change your enrolments").click()
    expect(step_heading(page)).to_have_text("You have added 4 years")
    expect(page.locator(".year-item dt")).to_have_text([expected[f"y{i}"][0] for i in range(4)])
    page.get_by_role("button", name=f"Change {expected['y3'][0]}").click()
    for key in "ypte":
        expect(page.locator(f"#id_{key}3")).to_have_value(expected[f"{key}3"][0])
    go_on(page)  # unchanged: back to the list, still on the way to 'check your answers'
    expect(step_heading(page)).to_have_text(YEARS_ADDED)
    page.get_by_role("button", name="Save and return").click()

    expect(step_heading(page)).to_have_text("Check your answers")
    page.get_by_role("link", name=re.compile(r"^Change when were you born", re.IGNORECASE)).click()
    expect(page.locator("#id_bm")).to_have_value(expected["bm"][0])
    expect(page.locator("#id_by")).to_have_value(expected["by"][0])
    page.locator("#id_by").fill("2002")
    page.get_by_role("button", name="Save and return").click()

    page.get_by_role("link", name="See your result").click()
    # all kept (the form now spells out the default contract), one changed
    assert without_default_contract(answers(page.url)) == dict(expected, by=["2002"])
    expect(page.locator("#answer-title")).to_have_text(title)


@JS_ONLY
def test_language_switch_on_a_french_result_keeps_the_answers(live_server, page):
    page.goto(f"{live_server.url}/fr/result/?{FOUR_YEARS}")
    assert page.locator("html").get_attribute("lang") == "fr"
    title = page.locator("#answer-title")
    expect(title).to_have_text(re.compile(r"^Votre crédit d'apprentissage\s:\s\d+ crédits$"))
    balance = re.search(r"\d+", title.inner_text()).group()
    expected = answers(page.url)
    switch = page.get_by_role("navigation", name="Langue")
    expect(switch.get_by_role("link")).to_have_count(2)  # the two other languages

    switch.get_by_role("link", name="Nederlands", exact=True).click()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert urlsplit(page.url).path == "/nl/result/" and answers(page.url) == expected
    expect(title).to_have_text(f"Je leerkrediet: {balance} studiepunten")

    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert urlsplit(page.url).path == "/en/result/" and answers(page.url) == expected
    expect(title).to_have_text(f"Your learning credit: {balance} credits")

    page.get_by_role("link", name="Français").click()
    assert urlsplit(page.url).path == "/fr/result/" and answers(page.url) == expected
    page.get_by_role("link", name="Retour à vos réponses").click()
    expect(step_heading(page)).to_have_text("Vérifiez vos réponses")
    expect(page.locator("main")).to_contain_text("Flandre")
