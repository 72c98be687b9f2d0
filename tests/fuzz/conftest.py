"""The fuzz suite: its Hypothesis profile, its marker, and a summary of what it tried."""

import os
import shutil
import time

import fuzzing
import pytest
from hypothesis import settings

settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SUITE = {"seconds": 0.0, "tests": 0}


def pytest_collection_modifyitems(items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.fuzz)
            item.add_marker(pytest.mark.filterwarnings("ignore:Generating overly large repr"))


@pytest.fixture(scope="session", autouse=True)
def warm_pages(django_test_environment):
    """Load the templates and catalogues once, so that the first example is timed as the
    rest (each request must take at most fuzzing.MAX_SECONDS)."""
    answers = "r=flanders&s=flanders&y0=2024-2025&p0=bachelor&t0=60&e0=45"
    for language in fuzzing.LANGUAGES:
        for page in ("", "step/residence/", "step/years/", "check/", "result/"):
            fuzzing.CLIENT.get(f"/{language}/{page}?{answers}")
            fuzzing.CLIENT.get(f"/{language}/{page}")


def pytest_runtest_logreport(report):
    if report.when == "call":
        SUITE["seconds"] += report.duration
        SUITE["tests"] += 1


def pytest_terminal_summary(terminalreporter):
    if not fuzzing.CASES:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fuzzing (Hypothesis)")
    for name, count in sorted(fuzzing.CASES.items()):
        write(f"{count:6d}  {name}")
    statuses = ", ".join(f"{name}: {n}" for name, n in sorted(fuzzing.STATUSES.items()))
    calls = ", ".join(f"{n} {name}" for name, n in sorted(fuzzing.CALLS.items()))
    write(
        f"{sum(fuzzing.CASES.values())} cases tried in {SUITE['tests']} fuzz tests, "
        f"{SUITE['seconds']:.1f} s ({calls}; profile "
        f"{settings.get_current_profile_name()}, {time.strftime('%Y-%m-%d')})"
    )
    write(f"outcomes: {statuses}")


def pytest_sessionfinish():
    shutil.rmtree(fuzzing.ADVISE_DIR, ignore_errors=True)  # advise's input files
