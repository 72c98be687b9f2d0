"""The Content-Security-Policy in Chromium: the pages run with it and break none of its rules
(no inline script or style, images from the site or data:), and the Print button still prints."""

import pytest
from browser_scenarios import FLEMISH_RUNNING, FOUR_YEARS_RUNNING, LAST

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
window.print = () => { window.__printed = true; };
"""
FL = "r=flanders&s=flanders"


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def watched(request, browser):
    """A page whose CSP violations are collected, from the console and from the DOM event."""
    context = browser.new_context(java_script_enabled=request.param)
    yield watch(context.new_page(), javascript=request.param)
    context.close()


def watch(page, javascript=True):
    page.javascript = javascript
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    page.add_init_script(WATCH)  # runs without JavaScript too: Playwright injects it
    return page


def violations(page) -> list[str]:
    """The violations reported in the page (with JavaScript) and in the console."""
    reported = page.evaluate("() => window.__violations") if page.javascript else []
    return reported + [m for m in page.console if "Content Security Policy" in m]


@pytest.mark.parametrize(
    "path",
    [
        "/nl/",
        f"/en/step/about/?{FL}",
        f"/fr/step/years/?{FL}&y0={LAST}&p0=bachelor&t0=60&e0=60",
        f"/nl/check/?{FLEMISH_RUNNING}",
        f"/en/result/?{FOUR_YEARS_RUNNING}",
        f"/fr/result/?{FLEMISH_RUNNING}",
    ],
)
def test_a_page_breaks_no_rule_of_the_policy(live_server, watched, path):
    page = watched
    response = page.goto(f"{live_server.url}{path}")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert violations(page) == []


def test_the_scripts_run_under_the_policy(live_server, browser):
    context = browser.new_context()
    page = watch(context.new_page())
    page.goto(f"{live_server.url}/en/result/?{FOUR_YEARS_RUNNING}")
    assert page.evaluate("() => document.documentElement.classList.contains('js')")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("() => window.__printed") is True
    assert violations(page) == []
    context.close()


def test_a_broken_rule_would_be_seen(live_server, browser):
    """The watch works: an inline style and an image from elsewhere are refused and reported."""
    context = browser.new_context()
    page = watch(context.new_page())
    page.goto(f"{live_server.url}/en/")
    page.evaluate("""() => {
      document.querySelector("h1").setAttribute("style", "color: red");
      const image = document.createElement("img");
      image.src = "http://127.0.0.2:9/elsewhere.png";
      document.body.append(image);
    }""")
    page.wait_for_function("() => window.__violations.length >= 2")
    found = " ".join(violations(page))
    assert "style-src-attr" in found and "img-src http://127.0.0.2:9/elsewhere.png" in found
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('h1')).color")
        != "rgb(255, 0, 0)"
    )
    context.close()
