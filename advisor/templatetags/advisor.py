"""Formatting for the advice pages: money, dates, the balance chart."""

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

import zxingcpp
from django import template
from django.forms import RadioSelect
from django.urls import translate_url
from django.utils.dates import MONTHS
from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from advisor.forms import PROGRAMME_LABELS

register = template.Library()


@register.filter
def euro(amount: Decimal) -> str:
    """The sign before the amount (€ 101,69), except in French, which puts it after (101,69 €)."""
    places = 0 if amount == amount.to_integral_value() else 2
    number = number_format(amount, places, use_l10n=True, force_grouping=True)
    if get_language() == "fr":
        return f"{number}\u00a0€"
    return f"€\u00a0{number}"


def _dated(day: date, form: str) -> str:
    """French writes the first of the month as an ordinal: « 1er décembre »."""
    text = date_format(day, form)
    if get_language() == "fr" and day.day == 1:
        text = "1er" + text[1:]
    return text


@register.filter
def long_date(day: date) -> str:
    """`1 December 2026`, `1 december 2026`, `1er décembre 2026`."""
    return _dated(day, "j F Y")


@register.filter
def day_month(day: date) -> str:
    """`1 December`, `1er décembre`."""
    return _dated(day, "j F")


@register.filter
def month_day(text: str) -> str:
    """A parameter's `MM-DD` (`11-30`) as `30 November`, `1er décembre`."""
    month, day = (int(part) for part in text.split("-"))
    return _dated(date(2000, month, day), "j F")


@register.filter
def month_name(month: int) -> str:
    """A month number (7) in words, lower case as in a sentence in nl and fr."""
    name = str(MONTHS[month])
    return name if get_language() == "en" else name.lower()


@register.simple_tag
def colon() -> str:
    """A colon after a label: French puts a non-breaking space before it (« 2024-2025 : »)."""
    return "\u00a0:" if get_language() == "fr" else ":"


@register.simple_tag
def balance_chart(lc):
    """A small SVG line chart of the balance at the end of each year (after enrolment while a
    year runs), with lines at zero, the rebuild level and the start. Built here rather than in
    a template: a template spends milliseconds on its hundred-odd attributes. Coordinates are
    formatted with a decimal point whatever the language."""
    width, height, pad_x, pad_y = 560, 200, 44, 24
    points = [y.closing if y.closing is not None else y.after_enrolment for y in lc.years]
    top = max(points + [lc.start + lc.figures.bonus]) + 10
    bottom = min(points + [0]) - 10

    def y_of(value):
        return pad_y + (top - value) * (height - 2 * pad_y) / (top - bottom)

    def n(number):
        return f"{number:.1f}"

    step = (width - 2 * pad_x) / max(1, len(points) - 1)
    dots = [
        (pad_x + i * step, y_of(v), v, str(y.academic_year))
        for i, (v, y) in enumerate(zip(points, lc.years, strict=True))
    ]
    guides = format_html_join(
        "",
        (
            '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" class="guide"/>'
            '<text x="{3}" y="{2}" class="guide-label" text-anchor="end" '
            'dominant-baseline="middle">{4}</text>'
        ),
        (
            (pad_x, width - pad_x, n(y_of(v)), pad_x - 6, v)
            for v in sorted({0, lc.figures.rebuild_target, lc.start})
        ),
    )
    marks = format_html_join(
        "",
        (
            '<circle cx="{0}" cy="{1}" r="4" class="dot"/>'
            '<text x="{0}" y="{2}" text-anchor="middle" class="value">{3}</text>'
            '<text x="{0}" y="{4}" text-anchor="middle" class="{6}">{5}</text>'
        ),
        (
            (
                n(x),
                n(y),
                n(y - 10),
                v,
                height - 4,
                label,
                "year minor" if i % 2 and len(dots) > 6 else "year",
            )
            for i, (x, y, v, label) in enumerate(dots)
        ),
    )
    return format_html(
        '<figure class="balance-chart"><svg viewBox="0 0 {0} {1}" role="img" '
        'aria-labelledby="chart-title chart-desc" class="w-100" style="max-width: {0}px">'
        '<title id="chart-title">{2}</title><desc id="chart-desc">{3}</desc>{4}'
        '<polyline points="{5}" class="line"/>{6}</svg>'
        '<figcaption class="small text-body-secondary">{7}</figcaption></figure>',
        width,
        height,
        _("Your learning credit at the end of each academic year"),
        "; ".join(f"{label}: {v}" for _x, _y, v, label in dots),
        guides,
        " ".join(f"{n(x)},{n(y)}" for x, y, _v, _l in dots),
        marks,
        _(
            "The balance after each academic year's results (while a year runs: after its "
            "enrolment). The grey lines mark zero, the rebuild level and your start."
        ),
    )


@register.simple_tag(takes_context=True)
def translated_url(context, language: str) -> str:
    """This page, answers included, in another language."""
    return translate_url(context["request"].get_full_path(), language)


@register.filter
def error_anchor(bound_field) -> str:
    """The id to link to from the error summary: the first radio of a group, else the field."""
    if isinstance(bound_field.field.widget, RadioSelect):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.simple_tag
def qr_code(text: str, label: str):
    """The text as a QR code, an inline SVG drawn on the server."""
    labelled = f'<svg role="img" aria-label="{escape(label)}" '
    return mark_safe(_qr_svg(text).replace("<svg ", labelled, 1))


QUIET_ZONE = 4  # modules of white around the symbol, as the QR standard asks
SCALE = 2  # CSS pixels per module on screen; paper sets its own size
DARK_RUN = re.compile(rb"\x00+")  # zxing's image: 0 is a dark module, 255 a light one


@lru_cache(maxsize=256)
def _qr_svg(text: str) -> str:
    """A compact SVG: one path, a rectangle per run of dark modules in each row. zxing-cpp
    encodes in C++ (under a millisecond where a pure-Python encoder took four)."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    size = image.shape[0]
    modules = bytes(memoryview(image))
    q = QUIET_ZONE
    path = "".join(f"M{x + q},{y + q}h{w}v1H{x + q}z" for x, y, w in _dark_runs(modules, size))
    full = size + 2 * QUIET_ZONE
    return (
        f'<svg viewBox="0 0 {full} {full}" width="{full * SCALE}" height="{full * SCALE}" '
        f'class="qr-code" xmlns="http://www.w3.org/2000/svg"><path fill="#fff" '
        f'd="M0,0h{full}v{full}h-{full}z"/><path d="{path}"/></svg>'
    )


def _dark_runs(modules: bytes, size: int):
    """(column, row, length) of each run of dark modules, row by row."""
    for row in range(size):
        offset = row * size
        for run in DARK_RUN.finditer(modules, offset, offset + size):
            yield run.start() - offset, row, run.end() - run.start()


@register.filter
def breakable_url(url: str) -> str:
    """The URL with line-break opportunities after each slash only, for paper."""
    return mark_safe(escape(url).replace("/", "/<wbr>"))


@register.filter
def programme_label(code: str) -> str:
    """A programme code (`bachelor`, `advanced-master`...) in words, in the page's language."""
    return str(PROGRAMME_LABELS.get(code, code))


@register.filter
def programme_list(codes) -> str:
    """Programme codes as a list in words, mid-sentence: `bachelor, master`."""
    return ", ".join(f"{label[0].lower()}{label[1:]}" for label in map(programme_label, codes))
