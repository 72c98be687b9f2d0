"""The appeal sheet on paper: one A4 page, printed by Chromium's own PDF printer (as
test_print.py does for the result)."""

import os
import re

import pytest
from browser_scenarios import FLEMISH_AT_RISK
from django.utils import translation
from django.utils.translation import gettext
from test_print import (
    A4_CONTENT_PX,
    ARTIFACTS,
    HIDDEN_IN_PRINT,
    PDFTOTEXT,
    WIDER_THAN_PAPER,
    pdf_pages_and_text,
)

from advisor.context_processors import SITE_NAME


@pytest.mark.parametrize(
    "lang, raad, title",
    [
        pytest.param("nl", "Raad voor betwistingen", "Je beroepsfiche", id="nl-appeal-at-risk"),
        pytest.param(
            "fr", "Raad voor betwistingen", "Votre fiche de recours", id="fr-appeal-at-risk"
        ),
    ],
)
def test_the_appeal_sheet_of_an_at_risk_flemish_student_prints_on_one_a4_page(
    live_server, browser, lang, raad, title
):
    context = browser.new_context(java_script_enabled=True, locale=lang)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/{lang}/result/appeal/?{FLEMISH_AT_RISK}")
        assert page.locator("h1").inner_text().strip() == title
        page.emulate_media(media="print")
        shown = page.evaluate(HIDDEN_IN_PRINT)
        assert shown == [], f"buttons or navigation visible in print: {shown}"
        page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
        too_wide = page.evaluate(WIDER_THAN_PAPER)
        assert too_wide == [], f"wider than the paper: {too_wide}"
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()

    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, f"appeal-at-risk-{lang}.pdf")
    with open(path, "wb") as out:
        out.write(pdf)
    pages, text = pdf_pages_and_text(pdf, path)
    print(f"\nprinted appeal sheet ({lang}): {pages} A4 page(s), {path}")
    assert pages == 1, f"the appeal sheet must fit on one A4 page, not {pages}"
    if PDFTOTEXT:
        flat = re.sub(r"\s+", " ", text)
        assert raad in flat
        assert "/r/" in re.sub(r"\s+", "", text)  # the result's short link
        with translation.override(lang):
            assert str(SITE_NAME) in flat
            assert gettext("Page %(page)s of %(pages)s") % {"page": 1, "pages": 1} in flat
