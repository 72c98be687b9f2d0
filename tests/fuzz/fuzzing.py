"""What the fuzz tests share (issue 12, item 6): the properties every page and every `advise`
run must have, the strategies that build hostile input, and the count of cases tried.

A page is always one of: a 200 of the site's own, a redirect to a path of the site, a 400 of
the site's own (the bare-request page, the result's list of problems, or a step with its error
summary), or a 404 of the site's own (not found, or the short link's "incomplete" page); never a
500 and never a traceback; at most MAX_BYTES, and no more than a fixed multiple of the request
(a page repeats the answers in its links a fixed number of times, not once per problem); at
most MAX_SECONDS. `advise` exits 0 with JSON on standard output, or 2 with a message that
starts with a field's name on standard error.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import date, timedelta
from functools import wraps
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin, urlsplit

from django.conf import settings as django_settings
from django.core.management import call_command
from django.http import QueryDict
from django.test import Client
from hypothesis import currently_in_test_context, event, settings
from hypothesis import strategies as st

from advisor import shortlink
from advisor.wizard import CONTROL_KEYS
from rules import scenario

MAX_BYTES = 1_000_000  # a page or an advise output
MAX_SECONDS = 2.0  # one request or one advise run, in-process
# A page echoes the answers in its links (each step, the languages, check your answers): a
# fixed number of times. Over this many times the request's length plus a base, it echoes them
# per problem or per row.
ECHOES = 30
BASE_BYTES = 150_000
MAX_REDIRECTS = 5

# Kept for the session's summary (conftest.py): examples run per test, requests and advise
# runs made, and the statuses seen.
CASES: Counter[str] = Counter()
CALLS: Counter[str] = Counter()
STATUSES: Counter[str] = Counter()

# Profiles: `ci` (the default, for bin/test and CI) is deterministic; `explore` draws new
# examples on every run, ten times as many (HYPOTHESIS_PROFILE=explore bin/test tests/fuzz).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, database=None, print_blob=True)
SCALE = {"ci": 1, "explore": 10}


def fuzz(max_examples: int, deadline_seconds: float):
    """A fuzz test's settings (below `@given`), counting every example it runs."""

    def decorate(test):
        @wraps(test)
        def counted(*args, **kwargs):
            CASES[test.__name__] += 1
            return test(*args, **kwargs)

        return settings(
            max_examples=max_examples * SCALE.get(settings.get_current_profile_name(), 1),
            deadline=timedelta(seconds=deadline_seconds),
        )(counted)

    return decorate


# --- Pages ---------------------------------------------------------------------------------

CLIENT = Client()
LANGUAGES = tuple(code for code, _name in django_settings.LANGUAGES)
SITE_PAGE = "base.html"
BAD_REQUEST_PAGES = {"400.html", "advice/invalid.html"}
FORM_PAGES = {"advice/step.html", "advice/years_row.html"}
NOT_FOUND_PAGES = {"404.html", "advice/incomplete_link.html"}
PLAIN_PAGES = {"/bare/": b"ok"}  # not the site's HTML


class Page:
    """One response, checked."""

    def __init__(self, response, seconds: float, request_bytes: int):
        self.response = response
        self.status = response.status_code
        self.body = response.content
        self.seconds = seconds
        self.request_bytes = request_bytes
        self.rendered = [t.name for t in getattr(response, "templates", []) if t.name]
        self.templates = set(self.rendered)

    @property
    def kind(self) -> str:
        """The page's template (`result`, `404`, ...: the first rendered), or what it is."""
        if self.status in (301, 302):
            return "redirect"
        if not self.rendered:
            return "plain"
        return self.rendered[0].removeprefix("advice/").removesuffix(".html")

    def __repr__(self):
        return f"<Page {self.status} {len(self.body)} bytes {self.seconds:.3f} s>"


def get(path: str, query: str = "", headers: dict | None = None) -> list[Page]:
    """GET `path` with `query` as a WSGI server hands it over (the raw bytes as latin-1, so
    bytes that are not UTF-8 arrive as they are), then each local redirect: every page checked."""
    pages = []
    for _hop in range(MAX_REDIRECTS + 1):
        page = _fetch(path, query, headers)
        pages.append(page)
        if page.status not in (301, 302):
            return pages
        location = urljoin(path, page.response["Location"])
        path, _, query = location.partition("?")
    raise AssertionError(f"more than {MAX_REDIRECTS} redirects: {[p.status for p in pages]}")


def _fetch(path: str, query: str, headers: dict | None) -> Page:
    extra = {"QUERY_STRING": query} if query else {}
    start = time.perf_counter()
    response = CLIENT.get(path, headers=headers, **extra)  # a 500 raises here
    seconds = time.perf_counter() - start
    CALLS["requests"] += 1
    request_bytes = (
        len(path) + len(query) + sum(len(k) + len(v) for k, v in (headers or {}).items())
    )
    page = Page(response, seconds, request_bytes)
    check_page(page, path)
    STATUSES[f"{page.status} {page.kind}"] += 1
    if currently_in_test_context():
        event(f"{page.status} {page.kind}")
    return page


def check_page(page: Page, path: str) -> None:
    """The properties of every page (the module's docstring)."""
    where = f"{path}: {page!r}"
    assert page.seconds <= MAX_SECONDS, f"too slow, {where}"
    assert len(page.body) <= MAX_BYTES, f"too large, {where}"
    assert len(page.body) <= BASE_BYTES + ECHOES * page.request_bytes, (
        f"{len(page.body)} bytes for a request of {page.request_bytes}, {where}"
    )
    assert b"Traceback" not in page.body, where
    if page.status in (301, 302):
        location = page.response["Location"]
        parts = urlsplit(location)
        assert not (parts.scheme or parts.netloc or location.startswith(("//", "/\\"))), (
            f"a redirect off the site: {location[:200]!r}, {where}"
        )
        return
    if page.status == 200 and path in PLAIN_PAGES:
        assert page.body == PLAIN_PAGES[path], where
        return
    if page.status == 200 and path.endswith("/print.css"):
        assert page.response["Content-Type"].startswith("text/css"), where
        return
    if page.status == 204 and path == "/i18n/setlang/":  # Django's view: nothing to go back to
        return
    assert SITE_PAGE in page.templates, f"not the site's own page, {where}: {page.body[:300]!r}"
    assert b'class="site-name' in page.body, where
    if page.status == 200:
        return
    if page.status == 400:
        if page.templates & FORM_PAGES:
            assert b'id="error-summary"' in page.body, f"a form refused without errors, {where}"
        else:
            assert page.templates & BAD_REQUEST_PAGES, f"an unexpected 400 page, {where}"
        return
    if page.status == 404:
        assert page.templates & NOT_FOUND_PAGES, where
        return
    raise AssertionError(f"status {page.status}, {where}")


# --- Values --------------------------------------------------------------------------------

# The zeros of scripts whose digits are decimal digits (Python's `isdecimal`): Arabic-Indic,
# Extended Arabic-Indic (Persian), Devanagari, Bengali, Thai, Myanmar, full-width, mathematical
# bold.
ZEROS = ("\u0660", "\u06f0", "\u0966", "\u09e6", "\u0e50", "\u1040", "\uff10", "\U0001d7ce")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def in_script(digits: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in digits)


def superscript(digits: str) -> str:
    return "".join(SUPERSCRIPTS[int(c)] if c.isdigit() else c for c in digits)


ODD_NUMBERS = (
    "9" * 5000,
    "1" + "0" * 4300,
    "-" + "9" * 5000,
    "0" * 5000 + "60",
    "\u0661" * 5000,
    "\uff19" * 4301,
    "6.5",
    "60,0",
    "1e400",
    "0x3c",
    " 60 ",
    "+60",
    "-0",
    "\u221260",  # a minus sign
    "inf",
    "nan",
    "½",
    "①",
    "Ⅻ",
    "60\x00",
    "٦٠",
    "６０",
    "𝟔𝟎",
)

numbers = st.one_of(
    st.integers(-1000, 1000).map(str),
    st.integers(0, 10**12).map(str),
    st.tuples(st.integers(0, 9999).map(str), st.sampled_from(ZEROS)).map(lambda t: in_script(*t)),
    st.integers(0, 999).map(lambda n: superscript(str(n))),
    st.integers(10, 6000).map(lambda n: "9" * n),
    st.sampled_from(ODD_NUMBERS),
)

garbage = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),  # control characters
    st.sampled_from(["", " ", "\x00", "\r\n", "%", "%%", "&", "=", "+", "<script>", '"', "'"]),
    # very long values: a short text repeated
    st.tuples(st.text(min_size=1, max_size=4), st.integers(100, 500)).map(lambda t: t[0] * t[1]),
)

ODD_DATES = (
    "",
    "today",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "20261126",
    "2026-W48-4",
    "2026-11-26T00:00",
    " 2026-11-26",
    "+2026-11-26",
    "-2026-11-26",
    "٢٠٢٦-١١-٢٦",
    "２０２６-１１-２６",
    "2026-11-26\x00",
    "9998-08-31",
    "9999-12-31",
    "0000-00-00",
    "0001-01-01",
    "2022-08-31",
    "2022-09-01",
    "2027-08-31",
    "2027-09-01",
)


def ascii_days(text: str) -> date | None:
    """The advice day the site reads in `on` (digits of any script, white space around), or
    None when it is not a day written YYYY-MM-DD."""
    text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text.strip())
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


covered_days = st.dates(min_value=date(2022, 9, 1), max_value=date(2027, 8, 31))
on_dates = st.one_of(
    covered_days.map(date.isoformat),
    st.dates().map(date.isoformat),  # any day of years 1 to 9999
    st.tuples(st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)).map(
        lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"
    ),
    st.tuples(covered_days.map(date.isoformat), st.sampled_from(ZEROS)).map(
        lambda t: in_script(*t)
    ),
    st.sampled_from(ODD_DATES),
    st.text(max_size=12),
)

academic_years = st.one_of(
    st.integers(1890, 2040).map(lambda y: f"{y}-{y + 1}"),
    st.tuples(st.integers(0, 99999), st.integers(-3, 3)).map(lambda t: f"{t[0]}-{t[0] + t[1]}"),
    st.tuples(st.integers(1990, 2030), st.sampled_from(ZEROS)).map(
        lambda t: in_script(f"{t[0]}-{t[0] + 1}", t[1])
    ),
    st.sampled_from(["2024", "2024/2025", "2024-25", "24-25", "-", "2024-2025-2026"]),
)
flags = st.sampled_from(["1", "on", "true", "0", "", "yes", "2", "TRUE"])
months = st.one_of(st.integers(0, 99).map(lambda m: f"{m:02d}"), st.sampled_from(["9", "1", "٠٩"]))

GOOD = {
    "r": st.sampled_from(scenario.RESIDENCES),
    "s": st.sampled_from(scenario.SYSTEMS),
    "x": st.sampled_from(scenario.SYSTEMS),
    "p": st.sampled_from(scenario.PROGRAMMES),
    "k": st.sampled_from(scenario.CONTRACTS),
    "by": st.integers(1880, 2030).map(str),
    "bm": st.integers(0, 13).map(lambda m: f"{m:02d}"),
    "on": on_dates,
    "y": academic_years,
    "sm": months,
    "em": months,
    **dict.fromkeys(("f", "t", "e", "l", "b"), numbers),
    **dict.fromkeys(("nb", "d", "z", "c", "q"), flags),
    # the planner's (advisor/planner.py)
    **dict.fromkeys(("pe", "pt", "pp"), numbers),
    "pg": st.sampled_from(scenario.PROGRAMMES),
    "pk": st.sampled_from(scenario.CONTRACTS),
}
TOP_KEYS = ("r", "s", "by", "bm", "f", "on", "nb")
ROW_KEYS = ("y", "x", "p", "t", "e", "l", "b", "d", "z", "c", "sm", "em", "q", "k")
PLAN_KEYS = ("pe", "pt", "pp", "pg", "pk")
CONTROL = tuple(sorted(CONTROL_KEYS))

control_values = st.one_of(
    st.integers(0, 120).map(str),
    numbers,
    st.sampled_from(LANGUAGES + ("check", "de", "")),
    garbage,
)


def value_for(key: str) -> st.SearchStrategy[str]:
    """A value for a query key: of the right kind most of the time, else anything."""
    base = re.sub(r"\d+$", "", key)
    if base in CONTROL_KEYS:
        return control_values
    good = GOOD.get(base)
    return st.one_of(good, good, numbers, garbage) if good is not None else garbage


# --- Answers -------------------------------------------------------------------------------


@st.composite
def plausible(draw, max_rows: int = 5) -> list[tuple[str, str]]:
    """Answers that make a valid scenario most of the time: consecutive academic years up to
    the current one, each with its credits, a birth month at least 17 years before the first."""
    current = 2026  # the academic year of the machine's today may be later: then it is past
    first = draw(st.integers(2014, current))
    count = draw(st.integers(1, min(max_rows, current + 1 - first)))
    born = first - draw(st.integers(17, 25))
    system = draw(st.sampled_from(scenario.SYSTEMS))
    pairs = [
        ("r", draw(st.sampled_from(scenario.RESIDENCES))),
        ("s", system),
        ("by", str(born)),
        ("bm", f"{draw(st.integers(1, 12)):02d}"),
    ]
    if draw(st.booleans()):
        pairs.append(("f", str(draw(st.integers(0, 240)))))
    for i in range(count):
        year = first + i
        taken = draw(st.integers(1, 75))
        pairs += [
            (f"y{i}", f"{year}-{year + 1}"),
            (f"p{i}", draw(st.sampled_from(("bachelor", "bachelor", "master")))),
            (f"t{i}", str(taken)),
        ]
        if year < current or draw(st.booleans()):
            earned = draw(st.integers(0, taken))
            pairs.append((f"e{i}", str(earned)))
            if draw(st.booleans()):
                pairs.append((f"b{i}", str(draw(st.integers(0, earned)))))
        for key in draw(st.sets(st.sampled_from(("d", "z", "c", "q")), max_size=2)):
            pairs.append((f"{key}{i}", "1"))
    if draw(st.booleans()):
        pairs.append(("on", draw(covered_days).isoformat()))
    for n in range(draw(st.integers(0, 3))):  # the planner's columns
        taken = draw(st.integers(0, 75))
        pairs += [(f"pe{n}", str(draw(st.integers(0, 75)))), (f"pt{n}", str(taken))]
        if taken:
            pairs += [
                (f"pp{n}", str(draw(st.integers(0, taken)))),
                (f"pg{n}", draw(st.sampled_from(scenario.PROGRAMMES))),
                (f"pk{n}", draw(st.sampled_from(scenario.CONTRACTS))),
            ]
    return pairs


@st.composite
def mutated(draw, pairs: list[tuple[str, str]] | None = None, max_changes: int = 4):
    """Plausible answers with a few changes: a value replaced (by one of the wrong kind too),
    a key repeated with another value, a key dropped, a random or a control key added."""
    pairs = list(draw(plausible()) if pairs is None else pairs)
    for _ in range(draw(st.integers(0, max_changes))):
        change = draw(st.sampled_from(("replace", "repeat", "drop", "random", "known", "control")))
        if change in ("replace", "repeat", "drop") and pairs:
            i = draw(st.integers(0, len(pairs) - 1))
            key = pairs[i][0]
            if change == "replace":
                pairs[i] = (key, draw(value_for(key)))
            elif change == "repeat":
                pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(value_for(key))))
            else:
                del pairs[i]
        elif change == "random":
            pairs.append((draw(st.text(max_size=8)), draw(garbage)))
        elif change == "known":
            key = draw(
                st.one_of(
                    st.sampled_from(TOP_KEYS),
                    st.tuples(st.sampled_from(ROW_KEYS), st.integers(0, 120)).map(
                        lambda t: f"{t[0]}{t[1]}"
                    ),
                    st.tuples(st.sampled_from(PLAN_KEYS), st.integers(0, 9)).map(
                        lambda t: f"{t[0]}{t[1]}"
                    ),
                )
            )
            pairs.append((key, draw(value_for(key))))
        else:
            key = draw(st.sampled_from(CONTROL))
            pairs.append((key, draw(control_values)))
    return pairs


random_pairs = st.lists(
    st.one_of(
        st.tuples(st.text(max_size=6), garbage),
        st.sampled_from(TOP_KEYS + CONTROL + tuple(f"{k}0" for k in ROW_KEYS)).flatmap(
            lambda key: st.tuples(st.just(key), value_for(key))
        ),
    ),
    max_size=12,
)

answers = st.one_of(plausible(), mutated(), random_pairs)

# Raw pieces of a query string that no encoder writes.
BROKEN = st.sampled_from(
    ["%", "%Z", "%ZZ", "%C3%28", "%ff", "%FE%FF", "%00", "%E2%82", "%ed%a0%80", "&&", "==",
     ";", "+", "%2", "%25", "%u0041", "\x00", "\x7f", "\xff", "é", "\r\n", " ", "#", "?"]
)  # fmt: skip


@st.composite
def query_strings(draw, pairs: list[tuple[str, str]]) -> str:
    """`pairs` as a query string as it reaches the server: encoded as a form would, or with
    its bytes raw (UTF-8 cut anywhere), or with broken percent-encoding pasted in."""
    style = draw(st.sampled_from(("form", "form", "raw", "broken")))
    if style == "form":
        return urlencode(pairs)
    parts = []
    for key, value in pairs:
        if style == "raw":
            raw = f"{key}={value}".encode("utf-8", "surrogatepass")
            cut = draw(st.integers(0, len(raw))) if draw(st.booleans()) else len(raw)
            parts.append(raw[:cut].decode("latin-1"))
        else:
            parts.append(urlencode([(key, value)]))
            parts.extend(draw(st.lists(BROKEN, max_size=3)))
    return "&".join(parts)


def encoded_query(pairs_strategy=answers) -> st.SearchStrategy[str]:
    return pairs_strategy.flatmap(query_strings)


unknown_languages = st.one_of(
    st.sampled_from(("de", "xx", "NL", "Nl", "nl-be", "en-us", "fr_FR", "zz", "n", "nld")),
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", min_size=1, max_size=6
    ),
    st.text(min_size=1, max_size=4),
)
languages = st.one_of(st.sampled_from(LANGUAGES), st.sampled_from(LANGUAGES), unknown_languages)


def segment(text: str) -> str:
    """A path segment as a browser sends it (percent-encoded, slashes kept)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="/")


# --- Short links ---------------------------------------------------------------------------


def code_of(pairs: list[tuple[str, str]]) -> str:
    """The short code of plausible answers (a real one), or a fixed one when they have none."""
    state = QueryDict(mutable=True)
    for key, value in pairs:
        state.appendlist(key, value)
    return shortlink.encode(state) or "ff.200503/24ba60.45/25ba60.60d"


MAX_CODE = 3000  # characters: far longer than a request line a server takes (gunicorn: 4094)


@st.composite
def near_misses(draw, code: str) -> str:
    """A real short code, changed the way a copy or a typist changes it."""
    for _ in range(draw(st.integers(1, 3))):
        change = draw(
            st.sampled_from(
                ("cut", "delete", "insert", "replace", "case", "script", "double", "segments",
                 "date", "slash", "long")
            )
        )  # fmt: skip
        i = draw(st.integers(0, max(len(code) - 1, 0)))
        if change == "cut":
            code = code[:i]
        elif change == "delete":
            code = code[:i] + code[i + 1 :]
        elif change == "insert":
            code = code[:i] + draw(st.sampled_from("0123456789./-abcdfknqstuxz ")) + code[i:]
        elif change == "replace" and code:
            code = code[:i] + draw(st.characters()) + code[i + 1 :]
        elif change == "case":
            code = code.upper()
        elif change == "script":
            code = in_script(code, draw(st.sampled_from(ZEROS)))
        elif change == "double":
            code = code + "/" + code.split("/")[-1]
        elif change == "segments":
            code = code + ("/" + code.split("/")[-1]) * draw(st.integers(30, 1500))
        elif change == "date":
            head, _, rest = code.partition("/")
            head = re.sub(r"\.o[^.]*", "", head) + ".o" + draw(on_dates)
            code = head + "/" + rest
        elif change == "slash":
            code = code[:i] + draw(st.sampled_from(("//", "/./", "/../", "/%2F"))) + code[i:]
        else:
            code = code + draw(st.sampled_from(("9", ".45", "t6"))) * draw(st.integers(50, 2000))
        code = code[:MAX_CODE]
    return code


short_codes = st.one_of(
    plausible().map(code_of),
    plausible().map(code_of).flatmap(near_misses),
    st.text(max_size=40),
    st.text(alphabet="0123456789abcdfgkmnoqstuxzABCDEF./-", max_size=60),
)


# --- advise --------------------------------------------------------------------------------

ADVISE_DIR = Path(tempfile.mkdtemp(prefix="fuzz-advise-"))
# Where an error's message may start: the scenario as a whole, a contract field, an enrolment.
FIELD_PATH = re.compile(
    r"^(?:\(scenario\)|[a-z_0-9]+|(?:plans\[\d+\]\.)?enrolments\[\d+\](?:\.[a-z_0-9]+)?"
    r"|plans\[\d+\](?:\.[a-z_0-9]+)?): ",
    re.ASCII,
)


class Run:
    def __init__(self, status, out: str, err: str, seconds: float):
        self.status, self.out, self.err, self.seconds = status, out, err, seconds

    def __repr__(self):
        return f"<advise exit {self.status}: {self.err[:300]!r} {self.out[:200]!r}>"


def advise(raw: bytes, *options: str, stdin: bool = False) -> Run:
    """`manage.py advise` in-process, on a file or on standard input holding `raw`."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    saved = sys.stdin
    if stdin:
        sys.stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
        source = "-"
    else:
        path = ADVISE_DIR / "scenario.json"
        path.write_bytes(raw)
        source = str(path)
    start = time.perf_counter()
    try:
        call_command("advise", source, *options, stdout=out, stderr=err)
    except SystemExit as exited:  # anything else is a traceback: the test fails with it
        status = exited.code
    finally:
        sys.stdin = saved
    CALLS["advise runs"] += 1
    run = Run(status, out.getvalue(), err.getvalue(), time.perf_counter() - start)
    STATUSES[f"advise exit {run.status}"] += 1
    if currently_in_test_context():
        event(f"exit {run.status}")
    return run


def check_run(run: Run, data, options: tuple[str, ...] = (), raw_bytes: int = 0) -> None:
    """Exit 0 with the advice as JSON (or the permalink), or exit 2 naming a field; `data`:
    the input as parsed, for the field names an unknown field may have."""
    assert run.seconds <= MAX_SECONDS, f"too slow ({run.seconds:.2f} s): {run!r}"
    assert "Traceback" not in run.err, run
    assert len(run.out) <= MAX_BYTES, run
    assert len(run.err) <= 4096 + 10 * raw_bytes, f"{len(run.err)} characters of error: {run!r}"
    if run.status in (0, None):
        # only `--permalink` may warn: the plans the page's planner cannot show
        warnings = [line for line in run.err.splitlines() if "left out of the link" not in line]
        assert warnings == [] and (run.err == "" or "--permalink" in options), run
        if "--permalink" in options:
            assert re.match(r"^/(nl|fr|en)/result/\?", run.out), run
        else:
            try:
                output = json.loads(run.out)
            except ValueError:
                raise AssertionError(f"exit 0 without JSON: {run!r}") from None
            assert output["schema"] == 2 and "summary" in output, run
        return
    assert run.status == 2, run
    assert run.out == "", run
    assert run.err.strip(), run
    first = run.err.splitlines()[0] if run.err.splitlines() else run.err
    names = _field_names(data)
    assert FIELD_PATH.match(run.err) or any(run.err.startswith(f"{n}: ") for n in names), (
        f"no field named first: {first[:200]!r}"
    )


def _field_names(data) -> set[str]:
    """The input's own keys as the validation names them (an unknown field's path)."""
    if not isinstance(data, dict):
        return set()
    names = {str(k) for k in data}
    enrolments = data.get("enrolments")
    if isinstance(enrolments, list):
        for i, row in enumerate(enrolments[: scenario.MAX_ENROLMENTS]):
            if isinstance(row, dict):
                names |= {f"enrolments[{i}].{k}" for k in row}
    return names


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**6), 10**6),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(("flanders", "bachelor", "2024-2025", "2026-11-26", "2005-03", "60", "")),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=10), children, max_size=5),
    ),
    max_leaves=20,
)


@st.composite
def scenarios(draw) -> dict:
    """A scenario in the contract's form, valid most of the time (as `plausible`)."""
    pairs = dict(draw(plausible()))
    data = {
        "residence": pairs["r"],
        "education_system": pairs["s"],
        "birth_month": f"{pairs['by']}-{pairs['bm']}",
        "enrolments": [],
    }
    if "on" in pairs:
        data["as_of"] = pairs["on"]
    if "f" in pairs:
        data["credits_to_finish"] = int(pairs["f"])
    i = 0
    while f"y{i}" in pairs:
        row = {
            "academic_year": pairs[f"y{i}"],
            "programme": pairs[f"p{i}"],
            "credits_taken": int(pairs[f"t{i}"]),
        }
        if f"e{i}" in pairs:
            row["credits_earned"] = int(pairs[f"e{i}"])
        if f"b{i}" in pairs:
            row["block1_credits_earned"] = int(pairs[f"b{i}"])
        for key, name in (
            ("d", "degree_obtained"),
            ("z", "final_year"),
            ("c", "changed_programme"),
        ):
            if f"{key}{i}" in pairs:
                row[name] = True
        data["enrolments"].append(row)
        i += 1
    plans = []
    for n in range(3):  # the planner's columns, as the contract's plans
        if f"pe{n}" not in pairs or not data["enrolments"]:
            continue
        last = data["enrolments"][-1]
        this_year = {**last, "credits_earned": min(int(pairs[f"pe{n}"]), last["credits_taken"])}
        rows = [this_year]
        if int(pairs[f"pt{n}"]):
            start = int(last["academic_year"][:4]) + 1
            rows.append(
                {
                    "academic_year": f"{start}-{start + 1}",
                    "programme": pairs[f"pg{n}"],
                    "contract": pairs[f"pk{n}"],
                    "credits_taken": int(pairs[f"pt{n}"]),
                    "credits_earned": int(pairs[f"pp{n}"]),
                }
            )
        plans.append({"name": f"Plan {n}", "enrolments": rows})
    if plans:
        data["plans"] = plans
    return data


MAX_LIST = 20_000
TOP_FIELDS = tuple(sorted(scenario.TOP_LEVEL_FIELDS))
ROW_FIELDS = tuple(sorted(scenario.ENROLMENT_FIELDS))
hostile_json = st.one_of(st.none(), json_values, numbers, on_dates, academic_years)


@st.composite
def mutated_scenarios(draw):
    """A scenario with a few fields given the wrong type or value, dropped or added."""
    data = draw(scenarios())
    for _ in range(draw(st.integers(1, 4))):
        change = draw(st.sampled_from(("top", "row", "drop", "unknown", "rows")))
        rows = data.get("enrolments")
        if change == "top":
            data[draw(st.sampled_from(TOP_FIELDS))] = draw(hostile_json)
        elif change == "row" and isinstance(rows, list) and rows and isinstance(rows[0], dict):
            row = rows[draw(st.integers(0, len(rows) - 1))]
            if isinstance(row, dict):
                row[draw(st.sampled_from(ROW_FIELDS))] = draw(hostile_json)
        elif change == "drop":
            key = draw(st.sampled_from(TOP_FIELDS))
            data.pop(key, None)
            if isinstance(rows, list) and rows and isinstance(rows[0], dict):
                rows[0].pop(draw(st.sampled_from(ROW_FIELDS)), None)
        elif change == "unknown":
            data[draw(st.text(max_size=10))] = draw(json_values)
        elif isinstance(rows, list) and rows:
            data["enrolments"] = (rows * draw(st.integers(2, 5000)))[:MAX_LIST]  # huge lists
    return data
