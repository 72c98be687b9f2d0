"""Logs without the answers. The answers travel in the page address, so a logged address would
store them: its query string is left out, and so is a short link's code (`/nl/r/<code>/`), which
holds the same answers in its path."""

import logging
import re

QUERY = re.compile(r"(/[^\s?\"'<>]*)\?[^\s\"'<>]*")
SHORT_LINK = re.compile(r"(/[A-Za-z]{2}/[rR]/)[^\s?\"'<>]+")


def without_answers(text: str) -> str:
    """`GET /nl/result/?r=flanders&...` as `GET /nl/result/`, `/nl/r/ff.f60/` as `/nl/r/.../`."""
    return SHORT_LINK.sub(r"\1...", QUERY.sub(r"\1", text))


class WithoutAnswers(logging.Filter):
    """Takes the answers out of a record (settings.LOGGING): its message, its traceback, and the
    request that Django attaches to it (replaced by its method and path, answers left out)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = without_answers(record.getMessage())
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = without_answers(record.exc_text)
        request = getattr(record, "request", None)
        if request is not None:
            path = getattr(request, "path", "")
            record.request = without_answers(f"{getattr(request, 'method', '')} {path}".strip())
        return True
