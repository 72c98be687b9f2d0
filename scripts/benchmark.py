"""Measure the result page against a bare Django view, and the rules for a 10-year scenario.

The result page is measured over distinct permalinks, as real visitors bring them.

Prints absolute times and ratios from one run on this machine; the result page must also make
no database query. Run with `bin/benchmark`.

`bin/benchmark --instructions` counts instead of timing: the processor instructions per result
page and per bare view, under Valgrind (Debian's `valgrind`, installed when missing, as root).
A count does not move when the machine is busy (the times on a shared machine move by half),
so it is the measure to compare two versions of the code with; it takes about a minute.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import timeit
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advisor.settings")

import django

django.setup()

import debian  # noqa: E402  (scripts/debian.py, beside this file)
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from rules.advice import advise  # noqa: E402
from rules.learning_credit import learning_credit  # noqa: E402
from rules.scenario import MAX_CREDITS_TO_FINISH, parse_scenario  # noqa: E402

TEN_YEARS = {
    "as_of": "2026-11-26",
    "residence": "flanders",
    "education_system": "flanders",
    "credits_to_finish": 60,
    "enrolments": [
        {
            "academic_year": f"{y}-{y + 1}",
            "programme": "master" if y >= 2020 else "bachelor",
            "contract": "diploma",
            "credits_taken": 60,
            "credits_earned": 45,
            "credits_tolerated": 6,
            "degree_obtained": y == 2019,
        }
        for y in range(2016, 2026)
    ],
}
RUNNING = {
    **TEN_YEARS,
    "enrolments": TEN_YEARS["enrolments"]
    + [{"academic_year": "2026-2027", "programme": "master", "credits_taken": 60}],
}
QUERY = {"r": "flanders", "s": "flanders", "f": "60"}
for i, e in enumerate(RUNNING["enrolments"]):
    QUERY |= {f"y{i}": e["academic_year"], f"p{i}": e["programme"], f"t{i}": "60"}
    if "credits_earned" in e:
        QUERY |= {f"e{i}": "45", f"l{i}": "6"}


def best_of(statement, number, repeat=7):
    return min(timeit.repeat(statement, number=number, repeat=repeat)) / number


def distinct_result_urls(count: int) -> list[str]:
    """The 11-year result page for `count` different answers: the credits still needed (1 to
    600, the most rules.scenario takes) and the birth month (one of 72 from January 1995, so
    at least 15 at the first enrolment, in 2016) change from page to page, so the learning
    credit's verdict, the family allowance's months and the permalink (its QR code) are new on
    each page, and nothing drawn for one person serves the next (600 and 72 have no common
    multiple below 1,800: the pairs stay distinct up to there)."""
    assert count <= 1800
    return [
        "/nl/result/?"
        + urlencode(
            QUERY
            | {
                "f": str(n % MAX_CREDITS_TO_FINISH + 1),
                "by": str(1995 + n % 72 // 12),
                "bm": f"{n % 12 + 1:02d}",
            }
        )
        for n in range(count)
    ]


def per_page(client, urls: list[str], repeat=10, clock=timeit.default_timer) -> float:
    """The best mean time per page over `repeat` runs, each run over pages never seen before.
    `clock`: the wall clock, or time.process_time for the processor time this process used
    (on a shared machine, the time other machines' work takes from it is left out)."""
    runs = [urls[i::repeat] for i in range(repeat)]
    times = []
    for run in runs:
        start = clock()
        statuses = {client.get(u).status_code for u in run}
        times.append((clock() - start) / len(run))
        assert statuses == {200}, statuses  # every page a result, not an error page
    return min(times)


WARM_UP = 20  # requests before counting: templates compiled, catalogues and parameters loaded
COUNTED = {"page": 40, "bare": 200}  # requests counted per kind


def serve(kind: str, count: int) -> None:
    """`count` requests of `kind` after the warm-up (what Valgrind counts, run by count())."""
    client = Client()
    urls = distinct_result_urls(WARM_UP + count) if kind == "page" else ["/bare/"]
    for n in range(WARM_UP + count):
        assert client.get(urls[n % len(urls)]).status_code == 200


def instructions(kind: str, count: int) -> int:
    """The instructions of a run of `serve` (Python started, Django set up, warmed up)."""
    valgrind = debian.ensure("valgrind")
    done = subprocess.run(
        [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, __file__, "--serve", kind, str(count)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(re.search(r"I\s+refs:\s+([\d,]+)", done.stderr).group(1).replace(",", ""))


def count() -> None:
    """Instructions per request: a run with the counted requests less one without them."""
    per = {}
    for kind, number in COUNTED.items():
        print(f"counting {kind} ({number} requests, under Valgrind) ...", flush=True)
        per[kind] = (instructions(kind, number) - instructions(kind, 0)) / number
    print(f"bare Django view                     {per['bare'] / 1e6:7.2f} M instructions")
    print(
        f"result page (11 years, 1 running,   {per['page'] / 1e6:7.2f} M instructions  "
        f"{per['page'] / per['bare']:5.1f} x bare view"
    )
    print("  a different permalink each time)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions (Valgrind), not time"
    )
    parser.add_argument("--serve", nargs=2, metavar=("KIND", "COUNT"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve:
        return serve(options.serve[0], int(options.serve[1]))
    if options.instructions:
        return count()
    client = Client()
    urls = distinct_result_urls(801)
    assert client.get(urls[0]).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[0])
    bare = best_of(lambda: client.get("/bare/"), 200)
    page = per_page(client, urls[1:401])
    processor = per_page(client, urls[401:], clock=time.process_time)
    today = date(2026, 11, 26)
    print(f"bare Django view                    {bare * 1e3:8.3f} ms")
    print(
        f"result page (11 years, 1 running,  {page * 1e3:8.3f} ms  {page / bare:6.1f} x bare view"
    )
    print("  a different permalink each time)")
    print(f"  the same, processor time of this process: {processor * 1e3:.3f} ms")
    for name, data in (
        ("10 years, results known", TEN_YEARS),
        ("11 years, the last running", RUNNING),
    ):
        scenario = parse_scenario(data, today=today)
        rules = best_of(lambda s=scenario: advise(s), 1000)
        lc = best_of(lambda s=scenario: learning_credit(s), 1000)
        parse = best_of(lambda d=data: parse_scenario(d, today=today), 1000)
        print(
            f"{name}: all rules {rules * 1e3:.3f} ms ({rules / bare:.2f} x bare view), "
            f"learning credit {lc * 1e3:.3f} ms, parsing {parse * 1e3:.3f} ms"
        )
    print(f"database queries on the result page: {len(queries)}")


if __name__ == "__main__":
    main()
