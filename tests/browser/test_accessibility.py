"""axe-core (tests/browser/vendor/axe.min.js, npm axe-core 4.14.1) on every page of the site,
in every language of settings.LANGUAGES (Dutch, French, English): no 'serious' or 'critical'
WCAG 2.x A/AA violations.

One JavaScript-enabled context per language serves the whole module; axe.min.js is served with a
cache header by a tiny local server (so it is compiled once), and a few pages scan in turn so
that axe runs in one while the next one loads. Each page still gets its own test and report.
"""

import functools
import json
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from browser_scenarios import (
    BRUSSELS,
    CURRENT,
    FLEMISH_AT_RISK,
    FLEMISH_RUNNING,
    FOUR_YEARS,
    FRENCH_COMMUNITY,
    INVALID,
    LAST,
    NETHERLANDS,
    TWO_AGO,
)
from django.conf import settings

AXE = os.path.join(os.path.dirname(__file__), "vendor", "axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
LANGUAGES = [code for code, _name in settings.LANGUAGES]

FL = "r=flanders&s=flanders"
ROWS = f"{FL}&y0={LAST}&p0=bachelor&t0=60&e0=60"

# (id, path after /<lang>/, expected HTTP status)
PAGES = [
    ("start", "", 200),
    ("residence", "step/residence/", 200),
    ("residence-nothing-chosen", "step/residence/?go=1", 400),
    ("system", "step/system/?r=flanders", 200),
    ("system-nothing-chosen", "step/system/?r=flanders&go=1", 400),
    ("about", f"step/about/?{FL}", 200),
    ("about-month-only-year-invalid", f"step/about/?{FL}&bm=03&by=1800&go=1", 400),
    ("years", f"step/years/?{FL}", 200),
    ("years-nothing-entered", f"step/years/?{FL}&go=1", 400),
    ("years-two-rows", f"step/years/?{ROWS}&y1={LAST}&p1=master&t1=30", 200),
    ("years-change-row", f"step/years/?{ROWS}&y1={LAST}&p1=master&t1=30&row=1", 200),
    ("years-after-remove", f"step/years/?{ROWS}&y1={LAST}&p1=master&t1=30&remove=0", 200),
    ("years-earned-above-taken", f"step/years/?{FL}&y0={LAST}&p0=bachelor&t0=30&e0=60&go=1", 400),
    (
        "details",
        f"step/details/?{FL}&y0={TWO_AGO}&p0=bachelor&t0=60&e0=40&y1={LAST}&p1=bachelor"
        f"&t1=60&e1=50&y2={CURRENT}&p2=bachelor&t2=12",
        200,
    ),
    (
        "details-too-many-first-year-credits",
        f"step/details/?{FL}&y0={TWO_AGO}&p0=bachelor"
        f"&t0=60&e0=40&y1={LAST}&p1=bachelor&t1=60&e1=50&b1=51&go=1",
        400,
    ),
    ("finish", f"step/finish/?{ROWS}", 200),
    ("finish-invalid", f"step/finish/?{ROWS}&f=-5&go=1", 400),
    ("check-complete", f"check/?{ROWS}&f=60", 200),
    ("check-incomplete", "check/?r=flanders", 200),
    ("result-flemish-running-year", f"result/?{FLEMISH_RUNNING}", 200),
    ("result-four-years", f"result/?{FOUR_YEARS}", 200),
    ("result-brussels", f"result/?{BRUSSELS}", 200),
    ("netherlands", f"step/netherlands/?{NETHERLANDS}", 200),
    ("result-netherlands", f"result/?{NETHERLANDS}", 200),
    ("result-french-community", f"result/?{FRENCH_COMMUNITY}", 200),
    ("result-at-risk", f"result/?{FLEMISH_AT_RISK}", 200),
    ("appeal-sheet-at-risk", f"result/appeal/?{FLEMISH_AT_RISK}", 200),
    (
        "appeal-sheet-not-fundable",
        f"result/appeal/?r=wallonia&s=french-community&y0={TWO_AGO}&p0=bachelor&t0=60&e0=30"
        f"&y1={LAST}&p1=bachelor&t1=60&e1=10",
        200,
    ),
    ("appeal-sheet-nothing-to-appeal", f"result/appeal/?{NETHERLANDS}", 200),
    (
        "result-netherlands-halved",
        "result/?r=netherlands&s=netherlands&y0=2022-2023&p0=bachelor"
        "&t0=60&em0=01&q0=1&y1=2023-2024&p1=bachelor&t1=60&q1=1",
        200,
    ),
    ("invalid-answers", f"result/?{INVALID}", 400),
    ("invalid-advice-date", f"result/?{ROWS}&on=9999-12-31", 400),
    (
        "result-study-efficiency-at-risk",
        f"result/?{FL}&by=2006&bm=03&y0={LAST}&p0=bachelor"
        f"&t0=60&e0=45&y1={CURRENT}&p1=bachelor&t1=60",
        200,
    ),
    ("not-found", "no-such-page/", 404),
    ("short-link-cut-off", "r/ff.200503.f60/23ba60.45t6/24ba/", 404),
]

START_SCAN = """(tags) => {
  window.__axeScan = axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(results =>
    results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, impact: n.impact, summary: n.failureSummary})),
    })));
}"""
FINISH_SCAN = "() => window.__axeScan"
POOL = 3  # pages scanning in turn


class _Handler(SimpleHTTPRequestHandler):
    """Serves axe.min.js with a cache header, so each page reuses the compiled script."""

    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def axe_url():
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=os.path.dirname(AXE))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/{os.path.basename(AXE)}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def new_page(browser):
    """new_page(lang, width=1000): a page in the module's JavaScript-enabled context for that
    language and viewport width."""
    contexts = {}

    def make(lang, width=1000):
        if (lang, width) not in contexts:
            contexts[lang, width] = browser.new_context(
                java_script_enabled=True,
                bypass_csp=True,  # axe.min.js comes from the test's own server
                locale=lang,
                viewport={"width": width, "height": 900 if width > 600 else 640},
            )
        return contexts[lang, width].new_page()

    yield make
    for context in contexts.values():
        context.close()


def start_scan(page, axe_url):
    page.add_script_tag(url=axe_url)
    page.evaluate(START_SCAN, TAGS)


def finish_scan(page) -> list[dict]:
    return page.evaluate(FINISH_SCAN)


def scan(page, axe_url) -> list[dict]:
    """All WCAG A/AA violations axe finds on the page as it is now."""
    start_scan(page, axe_url)
    return finish_scan(page)


@pytest.fixture(scope="module")
def scans(live_server, new_page, axe_url):
    """scans(lang): every page of PAGES in that language, scanned once:
    {name: (HTTP status, <html lang>, violations or the exception met)}."""
    done = {}

    def of(lang):
        if lang in done:
            return done[lang]
        results, pending = {}, {}
        pool = [new_page(lang) for _ in range(POOL)]

        def collect(page):
            name, status, lang_attr = pending.pop(page)
            try:
                results[name] = (status, lang_attr, finish_scan(page))
            except Exception as exc:  # reported by that page's test
                results[name] = (status, lang_attr, exc)

        for i, (name, path, _) in enumerate(PAGES):
            page = pool[i % POOL]
            if page in pending:
                collect(page)
            try:
                response = page.goto(f"{live_server.url}/{lang}/{path}")
                lang_attr = page.locator("html").get_attribute("lang")
                start_scan(page, axe_url)
                pending[page] = (name, response.status, lang_attr)
            except Exception as exc:
                results[name] = (None, None, exc)
        for page in list(pending):
            collect(page)
        for page in pool:
            page.close()
        done[lang] = results
        return results

    return of


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(
                f"    {json.dumps(node['target'])}: "
                + (node["summary"] or "").replace("\n", " / ")
            )
    return "\n".join(lines)


# Defects found by these scans and not fixed yet, as strict xfails, so the marker must go as soon
# as the page is fixed. Key: (lang, page name, viewport); value: the reason.
KNOWN_DEFECTS = {}
# the wide tables, and the years step's pages (one academic year per page, for a phone)
PHONE_PAGES = [
    "appeal-sheet-at-risk",
    "check-complete",
    "result-four-years",
    "result-netherlands",
    "years",
    "years-two-rows",
    "years-earned-above-taken",
]


def _params(viewport, names):
    params = []
    for lang in LANGUAGES:
        for name, path, status in PAGES:
            if name not in names:
                continue
            reason = KNOWN_DEFECTS.get((lang, name, viewport))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(lang, name, path, status, marks=marks, id=f"{name}-{lang}"))
    return params


def check_scan(result, lang, path, status):
    got_status, lang_attr, violations = result
    if isinstance(violations, Exception):
        raise violations
    assert got_status == status, f"/{lang}/{path}: HTTP {got_status}, expected {status}"
    if status != 404:  # Django's own 'Not Found' page is in English
        assert lang_attr == lang
    milder = [v for v in violations if v["impact"] not in BLOCKING]
    if milder:  # shown with -rP; not a failure
        print(f"/{lang}/{path}: milder violations\n{report(milder)}")
    serious = blocking(violations)
    assert not serious, f"/{lang}/{path}: serious or critical violations\n{report(serious)}"


@pytest.mark.parametrize("lang,name,path,status", _params("desktop", [p[0] for p in PAGES]))
def test_no_serious_violations(scans, lang, name, path, status):
    check_scan(scans(lang)[name], lang, path, status)


@pytest.mark.parametrize("lang,name,path,status", _params("phone", PHONE_PAGES))
def test_no_serious_violations_on_a_phone(
    live_server, new_page, axe_url, lang, name, path, status
):
    """320 CSS px wide (WCAG 1.4.10 reflow): the pages with wide tables, which scroll there,
    and the years step's."""
    page = new_page(lang, width=320)
    try:
        response = page.goto(f"{live_server.url}/{lang}/{path}")
        # only the tables may scroll sideways, never the page
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        result = (response.status, page.locator("html").get_attribute("lang"), scan(page, axe_url))
    finally:
        page.close()
    check_scan(result, lang, path, status)


def test_scan_finds_a_broken_page(live_server, new_page, axe_url):
    """The scan can fail: a copy of a real step page with its label and the page language
    removed (via set_content; the site is untouched) must be reported."""
    page = new_page("en")
    try:
        page.goto(f"{live_server.url}/en/step/finish/?{ROWS}")
        html = page.content()
        assert '<label for="id_f"' in html
        broken = html.replace('<label for="id_f"', '<span data-was="label"', 1).replace(
            '<html lang="en"', "<html", 1
        )
        page.set_content(broken)
        ids = {v["id"] for v in blocking(scan(page, axe_url))}
    finally:
        page.close()
    assert {"label", "html-has-lang"} <= ids, ids
