"""The fuzz suite's properties can fail: each is shown a response or a run it must refuse."""

import pytest
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from fuzzing import MAX_BYTES, Page, Run, check_page, check_run, get


def page(response, seconds=0.01, request_bytes=100, templates=()):
    response.templates = [type("Template", (), {"name": name})() for name in templates]
    return Page(response, seconds, request_bytes)


SITE_400 = ("400.html", "base.html")


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(page(HttpResponseBadRequest(b"<h1>Bad Request (400)</h1>")), id="django-400"),
        pytest.param(page(HttpResponse(b"oops", status=500)), id="a-500"),
        pytest.param(page(HttpResponse(b"Traceback (most recent call last):")), id="traceback"),
        pytest.param(
            page(HttpResponse(b'class="site-name' * (MAX_BYTES // 10)), templates=SITE_400),
            id="over-a-megabyte",
        ),
        pytest.param(
            page(HttpResponse(b'class="site-name'), seconds=3, templates=SITE_400), id="too-slow"
        ),
        pytest.param(
            page(HttpResponse(b'class="site-name' + b"x" * 600_000), templates=SITE_400),
            id="thirty-times-the-request",
        ),
        pytest.param(page(HttpResponseRedirect("https://example.org/")), id="off-site"),
        pytest.param(
            page(HttpResponse(b'class="site-name', status=400), templates=("advice/step.html",)),
            id="a-form-400-without-its-error-summary",
        ),
        pytest.param(page(HttpResponse(b"not found", status=404)), id="django-404"),
    ],
)
def test_the_page_properties_refuse(bad):
    with pytest.raises(AssertionError):
        check_page(bad, "/nl/result/")


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(Run(1, "", "Traceback (most recent call last):", 0.1), id="exit-1"),
        pytest.param(Run(2, "", "something went wrong", 0.1), id="no-field-named"),
        pytest.param(Run(2, "{}", "residence: required", 0.1), id="output-with-exit-2"),
        pytest.param(Run(0, "not json", "", 0.1), id="exit-0-without-json"),
        pytest.param(Run(0, '{"schema": 2, "summary": []}', "", 5.0), id="too-slow"),
    ],
)
def test_the_advise_properties_refuse(bad):
    with pytest.raises(AssertionError):
        check_run(bad, {"residence": 7})


def test_the_properties_accept_the_site_s_own_pages():
    assert [p.status for p in get("/nl/result/", "r=flanders")] == [400]
    assert get("/nl/r/zz/")[0].status == 404
    check_run(Run(2, "", "enrolments[0].credits_taken: required", 0.1), {})
