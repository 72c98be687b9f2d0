"""The production path (README, "Production"): `check --deploy` is clean with the documented
environment, gunicorn refuses the development secret key, and bin/serve serves the site."""

import gzip
import re
import subprocess
import time
import urllib.error
import urllib.request

import brotli
import pytest
from conftest import FOUR_YEARS_RUNNING, PRODUCTION_ENV, ROOT, environment, manage

from tests import ports

PORTS = range(8100, 8200)  # never 8000, the development server's


def test_check_deploy_is_clean_with_the_production_environment():
    done = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_check_deploy_names_what_the_defaults_lack():
    done = manage("check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode != 0
    for check in ("security.W004", "security.W008", "security.W009"):  # HSTS, HTTPS, the key
        assert check in done.stderr


def test_debug_turns_hsts_and_secure_cookies_off():
    shown = "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE)"
    on = manage("shell", "-v", "0", "-c", shown, **PRODUCTION_ENV)
    assert on.stdout.split() == ["31536000", "True", "True"], on.stderr
    debug = manage("shell", "-v", "0", "-c", shown, **PRODUCTION_ENV, DJANGO_DEBUG="1")
    assert debug.stdout.split() == ["0", "False", "False"], debug.stderr


def test_a_mistyped_number_of_seconds_is_named():
    done = manage("check", DJANGO_SECURE_HSTS_SECONDS="1 year")
    assert done.returncode != 0
    assert (
        "DJANGO_SECURE_HSTS_SECONDS must be a whole number of seconds, not '1 year'" in done.stderr
    )


def free_port() -> int:
    port = ports.free_port(PORTS)
    if port is None:
        pytest.skip("no free port in 8100-8199")
    return port


def test_gunicorn_refuses_the_development_key_in_a_sentence():
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{free_port()}"],
        cwd=ROOT,
        env=environment(DJANGO_ALLOWED_HOSTS="127.0.0.1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "Refusing to start: DJANGO_SECRET_KEY is not set" in done.stderr
    assert "Traceback" not in done.stderr


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is the answer looked at


OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """bin/serve, as documented, on a port of its own; its access log and error log."""
    port = free_port()
    logs = tmp_path_factory.mktemp("serve")
    out, err = (logs / "stdout").open("w+"), (logs / "stderr").open("w+")
    env = environment(**PRODUCTION_ENV, DJANGO_STATIC_ROOT=str(logs / "static"))
    server = subprocess.Popen(
        [str(ROOT / "bin" / "serve"), "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=err,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                if fetch(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.25)
        else:
            pytest.fail("bin/serve did not answer within a minute")
        assert server.poll() is None, (logs / "stderr").read_text()
        yield base, logs
    finally:
        server.terminate()
        server.wait(timeout=30)
        out.close()
        err.close()


HTTPS = {"X-Forwarded-Proto": "https"}  # what the proxy in front says


def test_bin_serve_serves_a_result_compressed_with_its_headers(served):
    base, _logs = served
    status, headers, page = fetch(
        f"{base}/nl/result/?{FOUR_YEARS_RUNNING}", **HTTPS, **{"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(page).decode()
    assert "<h1" in html
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in headers["Content-Security-Policy"]

    css = re.search(r'href="(/static/css/bootstrap\.[0-9a-f]{12}\.css)"', html)[1]
    status, headers, sheet = fetch(f"{base}{css}", **HTTPS, **{"Accept-Encoding": "br"})
    assert status == 200
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert b".visually-hidden" in brotli.decompress(sheet)


def test_bin_serve_sends_plain_http_to_https(served):
    base, _logs = served
    status, headers, _ = fetch(f"{base}/nl/?r=flanders")
    assert status == 301
    assert headers["Location"].startswith("https://127.0.0.1")


def test_the_access_log_has_the_path_but_no_answers(served):
    base, logs = served
    fetch(f"{base}/fr/check/?{FOUR_YEARS_RUNNING}", **HTTPS, Referer=f"{base}/fr/?by=2004")
    fetch(f"{base}/nl/r/ff.200409/23ba60.54/", **HTTPS)
    time.sleep(0.5)
    log = (logs / "stdout").read_text()
    assert '"GET /fr/check/" 200' in log
    assert '"GET /nl/r/..." 302' in log
    assert "2004" not in log.replace("/2004", "")  # the birth year, nowhere but in the date
    assert "?" not in log and "ff.200409" not in log
