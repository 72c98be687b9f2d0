"""Nothing personal is stored or logged (README, "What is logged"): a result request writes no
answer to the database, and what the logs write, even at DEBUG and with a failing page whose
error message holds the whole address, has no answer in it."""

import io
import logging
import re

import pytest
from conftest import LAST, TWO_AGO
from django.db import connection
from django.http import QueryDict
from django.test import Client

from advisor import shortlink
from advisor.logs import WithoutAnswers
from advisor.wizard import state_of

# Answers unlike anything else in a log line: a birth year and month, credits, the years.
ANSWERS = (
    f"r=flanders&s=flanders&by=1998&bm=11&y0={TWO_AGO}&p0=bachelor&t0=57&e0=39"
    f"&y1={LAST}&p1=bachelor&t1=43&e1=41"
)
VALUES = ["1998", "57", "39", "43", "41", TWO_AGO, LAST]
SHORT = shortlink.encode(state_of(QueryDict(ANSWERS)))


def requests_with_answers(client):
    pages = [
        (f"/nl/result/?{ANSWERS}", 200),
        (f"/fr/check/?{ANSWERS}", 200),
        (f"/en/step/years/?{ANSWERS}", 200),
        (f"/nl/r/{SHORT}/", 302),
        (f"/nl/no-such-page/?{ANSWERS}", 404),
        (f"/nl/result/?{ANSWERS}&e0=99", 400),  # more earned than taken: refused
        (f"/nl/fail/?{ANSWERS}", 500),
    ]
    for path, status in pages:
        assert client.get(path).status_code == status, path


@pytest.fixture
def written():
    """What the configured log handlers write, with every logger and handler at DEBUG."""
    handlers = {
        handler
        for logger in [logging.root, *logging.root.manager.loggerDict.values()]
        for handler in getattr(logger, "handlers", [])
        if any(isinstance(f, WithoutAnswers) for f in handler.filters)
    }
    assert len(handlers) == 2  # errors, and runserver's request lines
    loggers = [logging.root] + [
        logger for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]  # fmt: skip
    levels = {logger: logger.level for logger in loggers}
    output = io.StringIO()
    kept = {handler: (handler.setStream(output), handler.level) for handler in handlers}
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    for handler in handlers:
        handler.setLevel(logging.DEBUG)
    yield output
    for logger, level in levels.items():
        logger.setLevel(level)
    for handler, (stream, level) in kept.items():
        handler.setStream(stream)
        handler.setLevel(level)


def test_the_logs_write_no_answer(settings, written, caplog):
    settings.ROOT_URLCONF = "urls_with_a_failing_page"
    requests_with_answers(Client(raise_request_exception=False))
    text = written.getvalue()
    assert "ERROR django.request: Internal Server Error: /nl/fail/" in text
    assert "RuntimeError: the page failed for /nl/fail/" in text  # the traceback, answers out
    failure = next(r for r in caplog.records if r.name == "django.request" and r.exc_info)
    assert "by=1998" in str(failure.exc_info[1])  # what the error message held
    assert "?" not in text and SHORT not in text
    numbers_of_the_log = re.compile(r"^\S+ \S+ |line \d+", re.M)  # its time, traceback lines
    for value in VALUES:
        assert not re.search(rf"(?<![\d-]){value}(?![\d-])", numbers_of_the_log.sub("", text))


def test_the_filter_takes_the_answers_out_of_a_request_record():
    request = Client().get(f"/nl/r/{SHORT}/").wsgi_request
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Bad: %s", (request.get_full_path(),), None
    )
    record.request = request
    assert WithoutAnswers().filter(record)
    assert record.getMessage() == "Bad: /nl/r/..."
    assert record.request == "GET /nl/r/..."


@pytest.mark.django_db
def test_a_result_writes_nothing_to_the_database(settings):
    settings.ROOT_URLCONF = "urls_with_a_failing_page"
    tables = connection.introspection.table_names()

    def rows():
        with connection.cursor() as cursor:
            return {t: cursor.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}

    before = rows()
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        requests_with_answers(Client(raise_request_exception=False))
    assert rows() == before
    writes = [s for s, _p in statements if not s.lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert not any(v in str(p) for _s, p in statements for v in VALUES)
