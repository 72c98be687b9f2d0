"""The result page's 'Report a mistake' form on a phone (360 px), with JavaScript and without:
open it, leave the comment empty (the error next to the field), write it, send it, see the
thank-you, and find the report in the database."""

import re

import pytest
from browser_scenarios import FOUR_YEARS
from django.core.cache import cache
from playwright.sync_api import expect

from feedback.models import Feedback

PHONE = {"width": 360, "height": 740}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone(browser, request):
    context = browser.new_context(viewport=PHONE, java_script_enabled=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.django_db(transaction=True)
def test_report_a_mistake_on_a_phone(live_server, phone, screenshot, request):
    cache.clear()  # the rate limit: a fresh count for this client
    phone.goto(f"{live_server.url}/en/result/?{FOUR_YEARS}")
    section = phone.locator("section.feedback")
    expect(section.get_by_role("heading", name="Is this advice right for you?")).to_be_visible()
    comment = phone.get_by_label("What is wrong?")
    expect(comment).to_be_hidden()  # folded until asked for
    section.get_by_text("Report a mistake").click()

    phone.get_by_role("button", name="Send report").click()
    error = "What is wrong: write a few words about the mistake."
    expect(phone.locator("#feedback-comment-error")).to_have_text(error)
    summary = phone.locator("#feedback.error-summary")  # the address's target: it has the focus
    expect(summary).to_contain_text(error)
    expect(summary).to_be_focused()
    expect(phone.locator("#answer-title")).to_have_text(re.compile(r"\d+ credits"))  # same page

    phone.get_by_label("What is wrong?").fill("My third year had 48 credits, not 60.")
    phone.get_by_label("Your e-mail address (optional)").fill("ann@example.be")
    phone.get_by_role("button", name="Send report").click()

    thanks = phone.get_by_role("status")
    expect(thanks).to_have_text("Thank you. We have received your report.")
    expect(thanks).to_be_in_viewport()
    assert "sent=1" in phone.url
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, f"feedback-sent-{request.node.callspec.id}")

    report = Feedback.objects.get()
    assert report.comment == "My third year had 48 credits, not 60."
    assert report.email == "ann@example.be" and report.language == "en"
    assert (
        phone.locator(".permalink a").first.inner_text().strip().endswith(f"/en/r/{report.code}/")
    )
