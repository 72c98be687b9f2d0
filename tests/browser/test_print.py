"""The result page on paper: A4 with print media, rendered by Chromium's own PDF printer."""
import os
import re
import shutil
import subprocess
from datetime import date

from browser_scenarios import FOUR_YEARS

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts")

PDFTOTEXT = shutil.which("pdftotext")  # Debian's poppler-utils

HIDDEN_IN_PRINT = """() => [...document.querySelectorAll('.btn, nav[aria-label], header nav')]
  .filter(el => getComputedStyle(el).display !== 'none' && el.checkVisibility())
  .map(el => el.outerHTML.slice(0, 120))"""


def pdf_pages_and_text(pdf: bytes, path: str) -> tuple[int, str]:
    """(page count, text) of a PDF; the text only when pdftotext is installed."""
    if PDFTOTEXT:
        text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", path, "-"], check=True,
                              capture_output=True, text=True).stdout
        # -raw keeps drawing order, so the floated print header stays in one piece;
        # pdftotext ends every page with a form feed.
        return text.count("\f"), text
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), ""


def test_four_year_result_on_a4(live_server, browser):
    context = browser.new_context(java_script_enabled=True, locale="en")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/result/?{FOUR_YEARS}")
        permalink = page.locator(".permalink a").first.inner_text().strip()
        page.emulate_media(media="print")
        shown = page.evaluate(HIDDEN_IN_PRINT)
        assert shown == [], f"buttons or navigation visible in print: {shown}"
        assert not page.get_by_role("link", name="Nederlands").is_visible()
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()

    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, "result-4-years.pdf")
    with open(path, "wb") as out:
        out.write(pdf)
    pages, text = pdf_pages_and_text(pdf, path)
    print(f"\nprinted result (4 years): {pages} A4 page(s), {path}")
    assert 1 <= pages <= 2, f"a typical 4-year result must fit on two A4 pages (issue 5), not {pages}"

    if PDFTOTEXT:
        flat = re.sub(r"\s+", "", text)  # long addresses wrap across lines
        assert permalink.startswith(live_server.url)
        assert re.sub(r"\s+", "", permalink) in flat, "the permalink is not on the paper"
        today = date.today()
        advice_day = f"{today.day} {today.strftime('%B')} {today.year}"  # 'j F Y', English
        words = re.sub(r"\s+", " ", text)
        assert f"Advice for {advice_day}, rules checked on " in words


def test_four_year_result_on_a4_in_french(live_server, browser):
    """French runs longer than English; the same result must still fit on two A4 pages."""
    context = browser.new_context(java_script_enabled=True, locale="fr")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/fr/result/?{FOUR_YEARS}")
        assert page.locator("html").get_attribute("lang") == "fr"
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()

    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, "result-4-years-fr.pdf")
    with open(path, "wb") as out:
        out.write(pdf)
    pages, text = pdf_pages_and_text(pdf, path)
    print(f"\nprinted result (4 years, French): {pages} A4 page(s), {path}")
    assert 1 <= pages <= 2, f"the French 4-year result must fit on two A4 pages, not {pages}"
    if PDFTOTEXT:
        words = re.sub(r"\s+", " ", text)
        assert "Ce site donne une estimation" in words  # the footer made it onto the paper
