"""Random short links (issue 12, item 6): random text, and real short codes changed as a copy or a
typist changes them, in small letters (`/nl/r/...`) and in the QR code's capitals
(`/NL/R/...`): a redirect to the result (then a result or its list of problems), or the
"incomplete link" page, or not found; never a 500."""

from fuzzing import (
    LANGUAGES,
    code_of,
    fuzz,
    get,
    languages,
    near_misses,
    plausible,
    segment,
    short_codes,
)
from hypothesis import given
from hypothesis import strategies as st


@given(language=languages, code=short_codes)
@fuzz(max_examples=400, deadline_seconds=8)
def test_any_short_link(language, code):
    pages = get(f"/{segment(language)}/r/{segment(code)}/")
    if language in LANGUAGES:
        assert pages[0].status in (301, 302, 404), pages  # the link's page only redirects


@given(
    language=st.one_of(st.sampled_from([c.upper() for c in LANGUAGES]), languages),
    code=short_codes,
)
@fuzz(max_examples=200, deadline_seconds=8)
def test_any_short_link_in_capitals(language, code):
    get(f"/{segment(language.upper())}/R/{segment(code.upper())}/")


@given(language=st.sampled_from(LANGUAGES), answers=plausible())
@fuzz(max_examples=40, deadline_seconds=8)
def test_a_real_short_link_restores_a_page(language, answers):
    """The oracle's positive side: a real short link, in either form, reaches a result or its
    problems (so that the near misses above start from links that work)."""
    code = code_of(answers)
    for path in (f"/{language}/r/{code}/", f"/{language.upper()}/R/{code.upper()}/"):
        pages = get(path)
        assert pages[-1].status in (200, 400) and pages[-1].templates & {
            "advice/result.html",
            "advice/invalid.html",
        }, (path, pages)


@given(code=plausible().map(code_of).flatmap(near_misses))
@fuzz(max_examples=60, deadline_seconds=8)
def test_a_near_miss_without_its_slash(code):
    """Without the last slash: CommonMiddleware's redirect, then the same pages."""
    get(f"/fr/r/{segment(code)}")
