"""The feedback tests on a real PostgreSQL, and reports that survive a restart.

The ordinary run uses SQLite. Here the feedback tests run a second time, in a new pytest
process whose DATABASE_URL names a PostgreSQL started for the session (conftest.py). And on
both databases, a report sent to the site running as a server (manage.py runserver, a separate
process) is still there when that server is stopped, the database server too for PostgreSQL,
and a new process reads the database."""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from feedback_servers import STATUS, free_port

ROOT = Path(__file__).resolve().parent.parent.parent
FEEDBACK_TESTS = ["tests/feedback/test_feedback_form.py", "tests/feedback/test_feedback_admin.py"]
ANSWERS = (
    "r=flanders&s=flanders&by=2004&bm=02&y0=2022-2023&p0=bachelor&t0=60&e0=30"
    "&y1=2023-2024&p1=bachelor&t1=60&e1=60"
)


def environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return {**env, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "advisor.settings"}


def test_the_feedback_tests_pass_on_postgresql(postgresql):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *FEEDBACK_TESTS, "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=environment(postgresql.url("feedback")),
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= 20, summary
    assert not re.search(r"skipped|failed|error", summary), summary
    STATUS.append(f"PostgreSQL run of the feedback tests: {summary}")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """(DATABASE_URL, restart the database server or None) for a fresh, migrated database."""
    if request.param == "sqlite":
        url, restart = f"sqlite:///{tmp_path / 'restart.sqlite3'}", None
    else:
        server = request.getfixturevalue("postgresql")
        url, restart = server.create_database(f"restart_{uuid.uuid4().hex[:8]}"), server.restart
    manage("migrate", "--noinput", database_url=url)
    return url, restart


def manage(*args, database_url: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


class LocalIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Browsers send Secure cookies (the CSRF cookie, outside DEBUG) to http://127.0.0.1, a
    secure context; so does this client."""

    def return_ok_secure(self, cookie, request):
        return True


class Site:
    """The site as its own process (runserver), on a free port of 8200-8299."""

    def __init__(self, database_url: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks",
             f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=environment(database_url),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(LocalIsSecure()))
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                self.opener.open(f"{self.url}/bare/", timeout=2).read()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise
                time.sleep(0.1)

    def get(self, path: str):
        with self.opener.open(self.url + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, data: dict):
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(self.url + path, body, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def test_a_report_survives_a_restart(database):
    url, restart_database = database
    comment = f"Survives a restart {uuid.uuid4().hex}"
    site = Site(url)
    try:
        _, page = site.get(f"/fr/result/?{ANSWERS}")
        token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', page).group(1)
        action = re.search(r'<form method="post" action="([^"#]+)', page).group(1)
        final_url, page = site.post(
            action, {"csrfmiddlewaretoken": token, "comment": comment, "email": "an@example.be"}
        )
    finally:
        site.stop()
    assert final_url.endswith(f"/fr/result/?{ANSWERS}&sent=1#feedback")
    assert "Nous avons bien reçu votre signalement." in page
    if restart_database:
        restart_database()
    read = manage(
        "shell", "--no-imports", "-c",
        "import json; from feedback.models import Feedback; "
        "print(json.dumps([[f.code, f.language, f.comment, f.email] for f in Feedback.objects.all()]))",
        database_url=url,
    )  # fmt: skip
    assert json.loads(read.strip().splitlines()[-1]) == [
        ["ff.200402/22ba60.30/23ba60.60", "fr", comment, "an@example.be"]
    ]
