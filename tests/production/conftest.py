"""The site as bin/serve runs it: production settings, static files collected (hashed names,
gzip and brotli copies)."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.template import engines
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent.parent
MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def academic_year(offset: int) -> str:
    """The academic year `offset` years before the current one, as '2025-2026'."""
    today = date.today()
    start = (today.year if today.month >= 9 else today.year - 1) - offset
    return f"{start}-{start + 1}"


CURRENT, LAST, TWO_AGO, THREE_AGO, FOUR_AGO = (academic_year(n) for n in range(5))
# Four Flemish years, the last still running: a long result page (the print scenario).
FOUR_YEARS_RUNNING = (
    f"r=flanders&s=flanders&by=2004&bm=09"
    f"&y0={THREE_AGO}&p0=bachelor&t0=60&e0=54&y1={TWO_AGO}&p1=bachelor&t1=60&e1=60"
    f"&y2={LAST}&p2=bachelor&t2=66&e2=60&y3={CURRENT}&p3=master&t3=60&f=60"
)
# Three years in Maastricht, then a Flemish master: the Dutch halved fee as well.
ANTWERP_MAASTRICHT = (
    f"r=flanders&s=flanders&by=2003&bm=06&y0={FOUR_AGO}&x0=netherlands&p0=bachelor&t0=60&e0=60"
    f"&y1={THREE_AGO}&x1=netherlands&p1=bachelor&t1=60&e1=60&y2={TWO_AGO}&x2=netherlands"
    f"&p2=bachelor&t2=60&e2=60&y3={LAST}&p3=master&t3=60&e3=54&y4={CURRENT}&p4=master&t4=60"
    f"&f=66"
)
# Lives in Wallonia, studies in French: block 1 and fundability.
FRENCH_COMMUNITY = (
    f"r=wallonia&s=french-community&by=2005&bm=10&y0={TWO_AGO}&p0=bachelor"
    f"&t0=60&e0=40&y1={LAST}&p1=bachelor&t1=60&e1=20&y2={CURRENT}&p2=bachelor&t2=60"
)

# What a deployment behind an HTTPS proxy sets (README, "Production").
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-test-key-long-and-random-enough-0123456789-abcdefghijklmnop",
    "DJANGO_ALLOWED_HOSTS": "advisor.example.org,127.0.0.1",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://advisor.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DJANGO_SECURE_HSTS_SECONDS": "31536000",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_SECURE_HSTS_PRELOAD": "1",
}


def environment(**variables) -> dict:
    """This process's environment without any DJANGO_ variable, plus these."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {**kept, "DJANGO_SETTINGS_MODULE": "advisor.settings", **variables}


def manage(*args, **variables) -> subprocess.CompletedProcess:
    """`manage.py args` in a fresh process with these environment variables."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(**variables),
        capture_output=True,
        text=True,
        timeout=120,
    )


def reset_templates():
    """Forget the compiled templates: `{% once %}` keeps the static files' addresses."""
    for loader in engines["django"].engine.template_loaders:
        if hasattr(loader, "reset"):
            loader.reset()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic as bin/serve runs it, into a folder of its own."""
    root = tmp_path_factory.mktemp("staticfiles")
    done = manage("collectstatic", "--noinput", "-v", "0", DJANGO_STATIC_ROOT=str(root))
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def collected(static_root, settings):
    """A client of the site with the collected static files, as in production."""
    settings.STATIC_ROOT = str(static_root)
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    settings.WHITENOISE_USE_FINDERS = False
    reset_templates()
    yield Client()
    reset_templates()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content
