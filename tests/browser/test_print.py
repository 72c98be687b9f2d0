"""The result page on paper: A4 with print media, rendered by Chromium's own PDF printer."""

import os
import re
import shutil
import subprocess
from datetime import date

import pytest
import zxingcpp
from browser_scenarios import FOUR_YEARS, FOUR_YEARS_RUNNING
from django.utils import translation
from django.utils.translation import gettext

from advisor.context_processors import SITE_NAME
from advisor.templatetags.advisor import long_date

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts")

PDFTOTEXT = shutil.which("pdftotext")  # Debian's poppler-utils
PDFTOPPM = shutil.which("pdftoppm")

HIDDEN_IN_PRINT = """() => [...document.querySelectorAll('.btn, nav[aria-label], header nav')]
  .filter(el => getComputedStyle(el).display !== 'none' && el.checkVisibility())
  .map(el => el.outerHTML.slice(0, 120))"""

# A4 minus the side margins of `@page` in site.css (12 mm each), in CSS pixels (96 per inch).
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)
WIDER_THAN_PAPER = """() => [...document.querySelectorAll('main *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map(el => el.tagName + '.' + el.className).slice(0, 5)"""


def qr_on_paper(path: str) -> str | None:
    """The text of the QR code on the PDF's first page, read from a 300 dpi grey raster."""
    raster = subprocess.run(
        [PDFTOPPM, "-r", "300", "-gray", "-f", "1", "-l", "1", path],
        check=True,
        capture_output=True,
    ).stdout
    _magic, size, _depth, pixels = raster.split(b"\n", 3)  # PGM: P5, width height, 255
    width, height = map(int, size.split())
    found = zxingcpp.read_barcode(memoryview(pixels).cast("B", (height, width)))
    return found and found.text


def pdf_pages_and_text(pdf: bytes, path: str) -> tuple[int, str]:
    """(page count, text) of a PDF; the text only when pdftotext is installed."""
    if PDFTOTEXT:
        text = subprocess.run(
            [PDFTOTEXT, "-raw", "-enc", "UTF-8", path, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        # -raw keeps drawing order, so the floated print header stays in one piece;
        # pdftotext ends every page with a form feed.
        return text.count("\f"), text
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), ""


@pytest.mark.parametrize(
    "lang, query, header",
    [
        pytest.param(
            "en", FOUR_YEARS, "Advice for {day}, rules checked on ", id="en-four-years-done"
        ),
        pytest.param(
            "nl", FOUR_YEARS, "Advies voor {day}, regels nagekeken op ", id="nl-four-years-done"
        ),
        pytest.param(
            "fr",
            FOUR_YEARS,
            "Conseil pour le {day}, règles vérifiées le ",
            id="fr-four-years-done-French-runs-longer",
        ),
        pytest.param(
            "nl",
            FOUR_YEARS_RUNNING,
            "Advies voor {day}, regels nagekeken op ",
            id="nl-four-years-the-last-running",
        ),
        pytest.param(
            "fr",
            FOUR_YEARS_RUNNING,
            "Conseil pour le {day}, règles vérifiées le ",
            id="fr-four-years-the-last-running",
        ),
    ],
)
def test_typical_four_year_result_on_two_a4_pages(live_server, browser, lang, query, header):
    context = browser.new_context(java_script_enabled=True, locale=lang)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/{lang}/result/?{query}")
        permalink = page.locator(".permalink a").first.inner_text().strip()
        page.emulate_media(media="print")
        shown = page.evaluate(HIDDEN_IN_PRINT)
        assert shown == [], f"buttons or navigation visible in print: {shown}"
        assert not page.locator("header a[hreflang]").first.is_visible()  # language switch
        caption = page.locator("#year-table-caption").bounding_box()
        first_row = page.locator(".year-table thead tr").first.bounding_box()
        assert caption["y"] < first_row["y"], "the year table's title is printed below it"
        page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
        too_wide = page.evaluate(WIDER_THAN_PAPER)
        assert too_wide == [], (
            f"wider than the paper, so Chromium would shrink the page: {too_wide}"
        )
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()

    os.makedirs(ARTIFACTS, exist_ok=True)
    running = "-running" if query == FOUR_YEARS_RUNNING else ""
    path = os.path.join(ARTIFACTS, f"result-4-years{running}-{lang}.pdf")
    with open(path, "wb") as out:
        out.write(pdf)
    pages, text = pdf_pages_and_text(pdf, path)
    print(f"\nprinted result (4 years, {lang}): {pages} A4 page(s), {path}")
    assert 1 <= pages <= 2, (
        f"a typical 4-year result must fit on two A4 pages (issue 5), not {pages}"
    )

    if PDFTOTEXT:
        flat = re.sub(r"\s+", "", text)  # long addresses wrap across lines
        assert permalink.startswith(live_server.url)
        assert re.sub(r"\s+", "", permalink) in flat, "the permalink is not on the paper"
        with translation.override(lang):
            day = long_date(date.today())  # as the template writes it (French: « 1er »)
        assert header.format(day=day) in re.sub(r"\s+", " ", text)
        # every sheet says what it is and where it belongs (issue 11): name and page numbers
        with translation.override(lang):
            name = str(SITE_NAME)
            numbers = gettext("Page %(page)s of %(pages)s")
        for number, sheet in enumerate(text.split("\f")[:pages], start=1):
            flat_sheet = re.sub(r"\s+", " ", sheet)
            assert name in flat_sheet, f"page {number} without the site's name"
            assert numbers % {"page": number, "pages": pages} in flat_sheet, number
    if PDFTOPPM:
        # the code on paper holds the page's short link, in capitals (advisor/qr.py)
        assert "/r/" in permalink
        assert qr_on_paper(path) == permalink.upper()
