"""The result on a phone (issue 11): the three journeys at 360 x 740 CSS pixels, as a Flemish
parent, a Brussels student at a French-speaking university and an Antwerp student who studied
in Maastricht. Every short answer inside the first two screens; nothing wider than the screen,
at 320 px too, so no key column (year, verdict, closing balance) is cut off."""

import pytest
from browser_scenarios import ANTWERP_MAASTRICHT, BRUSSELS_FRENCH, FLEMISH_RUNNING

PHONE = {"width": 360, "height": 740}
JOURNEYS = [
    pytest.param("nl", FLEMISH_RUNNING, 3, id="flemish-parent-nl"),
    pytest.param("fr", BRUSSELS_FRENCH, 2, id="brussels-student-french-university-fr"),
    pytest.param("nl", ANTWERP_MAASTRICHT, 3, id="antwerp-student-maastricht-nl"),
]
TOO_WIDE = """(width) => [...document.querySelectorAll('main *')]
  .filter(el => el.checkVisibility() && !el.closest('.stacked thead'))
  .filter(el => el.getBoundingClientRect().right > width + 1)
  .map(el => el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 40))
  .slice(0, 5)"""


@pytest.fixture
def phone(browser, request):
    context = browser.new_context(viewport=PHONE, java_script_enabled=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("phone", [True, False], ids=["js", "no-js"], indirect=True)
@pytest.mark.parametrize("lang, query, answers", JOURNEYS)
def test_every_short_answer_within_two_phone_screens(
    live_server, phone, screenshot, lang, query, answers
):
    phone.goto(f"{live_server.url}/{lang}/result/?{query}")
    items = phone.locator(".summary li")
    assert items.count() == answers
    for i in range(answers):
        box = items.nth(i).bounding_box()
        assert box["y"] + box["height"] <= 2 * PHONE["height"], items.nth(i).inner_text()
    screenshot(phone, f"phone-result-{lang}-{answers}-answers")


@pytest.mark.parametrize("phone", [True], ids=["js"], indirect=True)
@pytest.mark.parametrize("width", [360, 320])
@pytest.mark.parametrize("lang, query, answers", JOURNEYS)
def test_nothing_wider_than_a_phone(live_server, phone, width, lang, query, answers):
    phone.set_viewport_size({"width": width, "height": PHONE["height"]})
    phone.goto(f"{live_server.url}/{lang}/result/?{query}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    assert phone.evaluate(TOO_WIDE, width) == []
    closing = phone.locator(".year-table td[data-label]").last
    if closing.count():  # the learning credit's table: the closing balance on screen
        box = closing.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
