"""HTML from Python for the result page's repeated rows: `html()` is Django's `format_html`
without its per-argument lazy-string checks, which cost more than the rows themselves. The
arguments are escaped unless they are already safe HTML. The result is a `SafeString` made
directly: `mark_safe` checks for lazy text first, and a formatted `str` never is."""

import re
from html import escape

from django.utils.safestring import SafeData, SafeString

SPECIAL = re.compile("[&<>\"']")  # what html.escape replaces


def escaped(value) -> str:
    """The value as HTML text: escaped unless it is safe HTML already."""
    kind = type(value)
    if kind is str:  # the most frequent, asked first
        return escape(value) if SPECIAL.search(value) else value  # most need no escaping
    if kind is int:
        return str(value)  # nothing to escape in a number
    if isinstance(value, SafeData):
        return value
    text = str(value)
    return escape(text) if SPECIAL.search(text) else text


def html(template: str, *args) -> SafeString:
    return SafeString(template.format(*map(escaped, args)))


def html_join(separator: str, template: str, rows) -> SafeString:
    """`template` filled with each row's arguments, joined by `separator`."""
    return SafeString(separator.join(template.format(*map(escaped, row)) for row in rows))
