"""The security headers on every kind of response, served over HTTPS as in production
(README, "Production"): the Content-Security-Policy, HSTS, Permissions-Policy, the frame, type,
referrer and opener headers; the language cookie; CSRF on every POST."""

import re

import pytest
from conftest import FOUR_YEARS_RUNNING, body
from django.http import QueryDict
from django.test import Client

from advisor import shortlink
from advisor.wizard import state_of

CSP = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
HSTS = "max-age=31536000; includeSubDomains; preload"
EVERY_RESPONSE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": HSTS,
}
PAGE = {
    **EVERY_RESPONSE,
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()",
}
FL = "r=flanders&s=flanders"
SHORT = shortlink.encode(state_of(QueryDict(FOUR_YEARS_RUNNING)))
TOO_MANY_FIELDS = "&".join(f"a{i}=1" for i in range(1100))


@pytest.fixture
def https(collected, settings):
    """The site over HTTPS with production's HSTS settings (the middleware reads them when the
    client makes its first request)."""
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_SSL_REDIRECT = True
    settings.ROOT_URLCONF = "urls_with_a_failing_page"
    return Client(raise_request_exception=False)


def policy(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize(
    ("kind", "path", "status"),
    [
        ("start", "/nl/", 200),
        ("step", f"/fr/step/about/?{FL}", 200),
        ("step with errors", f"/en/step/about/?{FL}&by=1800&go=1", 400),
        ("check", f"/nl/check/?{FOUR_YEARS_RUNNING}", 200),
        ("result", f"/nl/result/?{FOUR_YEARS_RUNNING}", 200),
        ("result refused", f"/en/result/?{FL}&y0=2024-2025&p0=bachelor&t0=30&e0=60", 400),
        ("short link redirect", f"/nl/r/{SHORT}/", 302),
        ("root redirect", "/", 302),
        ("print style sheet", "/nl/print.css", 200),
        ("404", "/nl/no-such-page/", 404),
        ("400 too many fields", f"/nl/result/?{TOO_MANY_FIELDS}", 400),
        ("500", f"/fr/fail/?{FL}", 500),
        ("healthz", "/healthz", 200),
    ],
)
def test_every_kind_of_page_has_the_security_headers(https, kind, path, status):
    response = https.get(path, secure=True)
    assert response.status_code == status
    for name, value in PAGE.items():
        assert response.get(name) == value, name
    assert policy(response["Content-Security-Policy"]) == CSP


def test_a_csrf_refusal_has_the_security_headers(https):
    response = Client(enforce_csrf_checks=True).post("/nl/result/", secure=True)
    assert response.status_code == 403
    for name, value in PAGE.items():
        assert response.get(name) == value, name
    assert policy(response["Content-Security-Policy"]) == CSP


def test_a_static_file_is_hashed_compressed_and_cached_for_good(https):
    page = body(https.get("/nl/", secure=True)).decode()
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)
    assert css, "the style sheet's address carries its hash"
    response = https.get(css[1], secure=True, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    for name, value in EVERY_RESPONSE.items():
        assert response.get(name) == value, name


def test_plain_http_is_sent_to_https_except_the_health_check(https):
    response = https.get("/nl/result/?r=flanders")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/nl/result/?r=flanders"
    assert "Strict-Transport-Security" not in response  # only ever sent over HTTPS
    assert https.get("/healthz").status_code == 200


@pytest.mark.parametrize(
    "path", ["/nl/", "/fr/step/about/", "/en/result/", "/nl/r/ff/", "/healthz"]
)
def test_every_post_needs_the_csrf_token(path):
    response = Client(enforce_csrf_checks=True).post(path, {"r": "flanders"})
    assert response.status_code == 403


def test_the_csrf_refusal_is_in_the_page_language():
    response = Client(enforce_csrf_checks=True).post("/fr/check/")
    assert response.status_code == 403
    assert "Ce formulaire a expiré" in response.content.decode()
    assert '<html lang="fr">' in response.content.decode()


def test_the_language_cookie_is_secure_lax_and_hidden_from_scripts():
    response = Client().post("/i18n/setlang/", {"language": "fr", "next": "/fr/"})
    assert response.status_code == 302
    cookie = response.cookies["django_language"]
    assert cookie.value == "fr"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
