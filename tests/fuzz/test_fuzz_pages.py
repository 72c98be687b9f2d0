"""Every page under hostile addresses (issue 12, item 6): any query string, on any page in
any language, gives the site's own 200, 400 or 404 page or a redirect to one, in bounded size
and time (fuzzing.check_page), never a 500 or a traceback."""

import re
from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict
from fuzzing import (
    FORM_PAGES,
    LANGUAGES,
    ascii_days,
    control_values,
    encoded_query,
    fuzz,
    get,
    languages,
    mutated,
    numbers,
    on_dates,
    plausible,
    query_strings,
    segment,
    unknown_languages,
)
from hypothesis import given
from hypothesis import strategies as st

from rules.parameters import covered_period

STEPS = ("residence", "system", "about", "years", "details", "finish", "netherlands")
PAGES = ("", "check/", "result/", "print.css") + tuple(f"step/{name}/" for name in STEPS)
pages = st.one_of(
    st.sampled_from(PAGES),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_0123456789", max_size=12).map(
        lambda slug: f"step/{slug}/"
    ),
)


def too_long_to_redirect(page) -> bool:
    """Django refuses to redirect to an address over 16,384 characters (DisallowedRedirect):
    the site's page for an address it cannot read. Answers of thousands of digits in another
    script make one (each digit is 6 characters once percent-encoded)."""
    return page.status == 400 and "400.html" in page.templates


@given(page=pages, language=languages, query=encoded_query())
@fuzz(max_examples=600, deadline_seconds=8)
def test_any_answers_on_any_page(page, language, query):
    get(f"/{segment(language)}/{page}", query)


@given(page=st.sampled_from(PAGES), query=encoded_query())
@fuzz(max_examples=40, deadline_seconds=8)
def test_pages_without_a_language_prefix(page, query):
    """`/result/?...` leads to the same page with a language prefix, or is not found."""
    pages = get(f"/{page}", query)
    assert pages[0].status in (302, 404) or too_long_to_redirect(pages[0]), pages


YEARS_CONTROL = ("row", "add", "remove", "go", "lang", "return")


@st.composite
def years_step_queries(draw):
    """Answers with the years step's control keys (and the step's language button), each once
    or more, with any value: a row's number, one past the rows, far past them, not a number."""
    pairs = draw(st.one_of(plausible(max_rows=8), mutated()))
    rows = len({key[1:] for key, _value in pairs if re.fullmatch(r"y\d+", key)})
    for key in draw(st.lists(st.sampled_from(YEARS_CONTROL), min_size=1, max_size=4)):
        value = draw(
            st.one_of(
                st.integers(0, rows + 1).map(str),
                st.sampled_from(LANGUAGES + ("check", "1", "", "de")),
                control_values,
            )
        )
        pairs.insert(draw(st.integers(0, len(pairs))), (key, value))
    return draw(query_strings(pairs))


@given(
    step=st.sampled_from(("years", "years", "years", *STEPS)),
    language=st.sampled_from(LANGUAGES),
    query=years_step_queries(),
)
@fuzz(max_examples=500, deadline_seconds=8)
def test_the_years_step_and_its_control_keys(step, language, query):
    pages = get(f"/{language}/step/{step}/", query)
    sent = "go" in QueryDict(query.encode("latin-1"))  # as the request reads it
    if pages[0].templates & FORM_PAGES and pages[0].status == 400:
        assert sent, f"a step refused without being sent: {pages}"


@given(
    step=st.sampled_from(STEPS),
    language=st.sampled_from(LANGUAGES),
    answers=mutated(max_changes=6),
    returning=st.booleans(),
)
@fuzz(max_examples=150, deadline_seconds=8)
def test_every_step_sent_with_any_answers(step, language, answers, returning):
    """A step's Continue (`go`): on to the next page, or the step again with its errors."""
    control = [("go", "1")] + ([("return", "check")] if returning else [])
    pages = get(f"/{language}/step/{step}/", urlencode(answers + control))
    assert pages[0].status in (302, 400), pages
    if pages[0].status == 400:
        assert pages[0].templates & FORM_PAGES or too_long_to_redirect(pages[0]), pages


@st.composite
def many_rows(draw):
    """Hundreds to thousands of year rows: past Django's thousand fields, and below it past the
    forty rows the advisor takes and the hundred the query can number (`y0` to `y99`)."""
    count = draw(st.one_of(st.integers(41, 330), st.integers(330, 3000)))
    wrong = draw(st.booleans())  # every row wrong in several ways, or plausible
    pairs = [("r", "flanders"), ("s", "flanders"), ("by", "2000"), ("bm", "03")]
    for i in range(count):
        if wrong:
            pairs += [(f"y{i}", "2024-2025"), (f"p{i}", "graduaat"), (f"x{i}", "netherlands"),
                      (f"t{i}", "60"), (f"e{i}", "70"), (f"l{i}", "90"), (f"b{i}", "80"),
                      (f"sm{i}", "07"), (f"em{i}", "02")]  # fmt: skip
        else:
            pairs += [(f"y{i}", "2024-2025"), (f"p{i}", "bachelor"), (f"t{i}", "60")]
    return urlencode(pairs)


@given(page=st.sampled_from(PAGES), language=st.sampled_from(LANGUAGES), query=many_rows())
@fuzz(max_examples=40, deadline_seconds=8)
def test_thousands_of_year_rows(page, language, query):
    get(f"/{language}/{page}", query)


@st.composite
def wrong_rows(draw):
    """Up to forty rows (the most the advisor takes), each wrong in one to eight ways, and some
    padding: a page must not repeat the whole address once per problem."""
    count = draw(st.integers(1, 40))
    pairs = [("r", "flanders"), ("s", "flanders"), ("by", "2020"), ("bm", "03"), ("f", "999")]
    wrongs = (("p", "graduaat"), ("x", "netherlands"), ("e", "70"), ("l", "90"), ("b", "80"),
              ("sm", "07"), ("em", "02"), ("k", "none"))  # fmt: skip
    for i in range(count):
        pairs += [(f"y{i}", "2024-2025"), (f"t{i}", "60")]
        chosen = draw(st.lists(st.sampled_from(wrongs), min_size=1, max_size=8, unique=True))
        pairs += [(f"{key}{i}", value) for key, value in chosen]
    pairs.append(("pad", "x" * draw(st.integers(0, 3000))))
    return urlencode(pairs)


@given(language=st.sampled_from(LANGUAGES), query=wrong_rows())
@fuzz(max_examples=40, deadline_seconds=8)
def test_many_wrong_rows(language, query):
    for page in ("result/", "check/", "step/years/", "step/years/?go=1"):
        path, _, control = page.partition("?")
        get(f"/{language}/{path}", "&".join(filter(None, (query, control))))


@given(language=st.sampled_from(LANGUAGES), base=plausible(), on=on_dates)
@fuzz(max_examples=200, deadline_seconds=8)
def test_any_advice_day(language, base, on):
    """Any `on`: a day outside the period the rules are held for is named (`(on)`)."""
    query = urlencode([*base, ("on", on)])
    pages = get(f"/{language}/result/", query)
    day = ascii_days(on)
    first, last = covered_period()
    if day is not None and not first <= day <= last:
        assert pages[-1].status == 400 and b"(on)" in pages[-1].body, pages
    get(f"/{language}/check/", query)


NUMERIC = ("t", "e", "l", "b")


@st.composite
def numbers_anywhere(draw):
    pairs = draw(plausible())
    rows = sorted({key[1:] for key, _value in pairs if re.fullmatch(r"y\d+", key)})
    for _ in range(draw(st.integers(1, 3))):
        key = draw(
            st.one_of(
                st.just("f"),
                st.just("by"),
                st.tuples(st.sampled_from(NUMERIC), st.sampled_from(rows)).map("".join),
            )
        )
        pairs = [(k, v) for k, v in pairs if k != key] + [(key, draw(numbers))]
    return urlencode(pairs)


@given(
    page=st.sampled_from(("result/", "check/", "step/years/", "step/details/", "step/finish/")),
    query=numbers_anywhere(),
)
@fuzz(max_examples=200, deadline_seconds=8)
def test_huge_and_foreign_numbers(page, query):
    get(f"/fr/{page}", query)


@given(language=unknown_languages, page=st.sampled_from(PAGES), query=encoded_query())
@fuzz(max_examples=60, deadline_seconds=8)
def test_unknown_language_prefixes(language, page, query):
    pages = get(f"/{segment(language)}/{page}", query)
    if language not in LANGUAGES:
        assert pages[0].status in (302, 404), pages


header_text = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60),
    st.sampled_from(
        ("fr", "en-GB,en;q=0.9", "de", "*", "nl;q=abc", "fr;q=2", ";;;,,,", "x" * 500)
    ),
)


@given(accept=header_text, cookie=header_text, page=st.sampled_from(("", "nl/", "fr/result/")))
@fuzz(max_examples=60, deadline_seconds=8)
def test_any_accept_language_and_cookie(accept, cookie, page):
    """The start redirects to a language the site has, whatever the browser asks for."""
    headers = {"accept-language": accept, "cookie": f"django_language={cookie}"}
    pages = get(f"/{page}", "", headers)
    if page == "":
        assert re.match(rf"^/({'|'.join(LANGUAGES)})/$", pages[0].response["Location"]), pages


@given(query=encoded_query(), language=st.one_of(st.sampled_from(LANGUAGES), header_text))
@fuzz(max_examples=40, deadline_seconds=8)
def test_the_bare_view_and_the_language_switch(query, language):
    assert get("/bare/", query)[0].status == 200
    get("/i18n/setlang/", urlencode({"language": language, "next": query[:200]}))


def test_the_advice_day_strategy_reads_days_as_the_site_does():
    """The property of test_any_advice_day relies on ascii_days: check it on known cases."""
    assert ascii_days("2026-11-26") == date(2026, 11, 26)
    assert ascii_days("٢٠٢٦-١١-٢٦") == date(2026, 11, 26)
    assert ascii_days("2026-02-30") is None and ascii_days("20261126") is None
