"""The feedback tests' set-up: an empty rate-limit cache for each test, and a real PostgreSQL
(feedback_servers.py) for the second run of the feedback tests (test_feedback_databases.py).
When it cannot start, the tests that need it are skipped with the reason, and the end of the
run says it."""

import pytest
from django.core.cache import cache
from feedback_servers import STATUS, PostgreSQL, PostgreSQLError


@pytest.fixture(autouse=True)
def _empty_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def postgresql():
    try:
        server = PostgreSQL()
    except (OSError, PostgreSQLError) as exc:
        STATUS.append(f"PostgreSQL could not start: {exc}")
        pytest.skip(f"PostgreSQL could not start: {exc}")
    STATUS.append(f"PostgreSQL started: {server.version()} on 127.0.0.1:{server.port}")
    yield server
    server.remove()


def pytest_terminal_summary(terminalreporter):
    for line in STATUS:
        terminalreporter.write_line(line)
