"""advisor/html.py writes what Django's format_html writes, for every kind of value a row
holds: plain and special text, safe HTML, numbers, booleans, None and lazy translations."""

from decimal import Decimal

import pytest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from advisor.html import escaped, html, html_join

VALUES = [
    ("plain-text", "2024-2025"),
    ("special-characters", "<b>Ann & \"Bo\"</b> 'x'"),
    ("safe-html", mark_safe('<a href="#x">this & that</a>')),
    ("whole-number", 60),
    ("negative-number", -30),
    ("boolean", True),
    ("decimal", Decimal("130.41")),
    ("none", None),
    ("lazy-translation", gettext_lazy("Change")),
    ("empty", ""),
]


@pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[i for i, _ in VALUES])
def test_as_format_html(value):
    with override("nl"):
        assert html("<td>{}</td>", value) == format_html("<td>{}</td>", value)
        assert escaped(value) == format_html("{}", value)
        assert isinstance(html("{}", value), SafeString)


def test_rows_joined_as_format_html():
    rows = [(v, v) for _, v in VALUES]
    expected = "|".join(format_html("<i>{}</i>{}", *row) for row in rows)
    assert html_join("|", "<i>{}</i>{}", rows) == expected
