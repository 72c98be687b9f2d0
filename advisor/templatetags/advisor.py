"""Formatting for the advice pages: money, dates, the balance chart."""

from datetime import date
from decimal import Decimal
from functools import lru_cache

from django import template
from django.conf import settings
from django.forms import RadioSelect
from django.urls import translate_url
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from advisor.forms import PROGRAMME_LABELS
from advisor.html import html, html_join
from advisor.language import current_language
from advisor.qr import qr_png

from .translations import gettext as _

register = template.Library()


@register.filter
def euro(amount: Decimal) -> str:
    """The sign before the amount (€ 101,69), except in French, which puts it after (101,69 €)."""
    places = 0 if amount == amount.to_integral_value() else 2
    number = number_format(amount, places, use_l10n=True, force_grouping=True)
    if current_language() == "fr":
        return f"{number}\u00a0€"
    return f"€\u00a0{number}"


@lru_cache(maxsize=8)
def _month_names(language: str) -> tuple[str, ...]:
    """January..December in the language, as Django's date formats write them ("F")."""
    return tuple(str(MONTHS[m]) for m in range(1, 13))


def _dated(day: date, with_year: bool) -> str:
    """`j F Y` or `j F`, written here: Django's date formatting is the slowest filter on the
    page. French writes the first of the month as an ordinal: « 1er décembre »."""
    language = current_language()
    first = "1er" if language == "fr" and day.day == 1 else str(day.day)
    text = f"{first} {_month_names(language)[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


@register.filter
def long_date(day: date) -> str:
    """`1 December 2026`, `1 december 2026`, `1er décembre 2026`."""
    return _dated(day, with_year=True)


@register.filter
def day_month(day: date) -> str:
    """`1 December`, `1er décembre`."""
    return _dated(day, with_year=False)


@register.filter
def month_day(text: str) -> str:
    """A parameter's `MM-DD` (`11-30`) as `30 November`, `1er décembre`."""
    month, day = (int(part) for part in text.split("-"))
    return _dated(date(2000, month, day), with_year=False)


@register.filter
def month_year(month) -> str:
    """A month (or a day) as `December 2026`, `december 2026`, `décembre 2026`."""
    return f"{_month_names(current_language())[month.month - 1]} {month.year}"


@register.filter
def month_name(month: int) -> str:
    """A month number (7) in words, lower case as in a sentence in nl and fr."""
    language = current_language()
    name = _month_names(language)[month - 1]
    return name if language == "en" else name.lower()


@register.simple_tag
def colon() -> str:
    """A colon after a label: French puts a non-breaking space before it (« 2024-2025 : »)."""
    return "\u00a0:" if current_language() == "fr" else ":"


@register.simple_tag
def balance_chart(lc):
    """A small SVG line chart of the balance at the end of each year, with lines at zero, the
    rebuild level and the start. A year still running is drawn as the range its results can
    give (pass nothing ... pass everything), not as a final figure. Built here rather than in
    a template: a template spends milliseconds on its hundred-odd attributes. Coordinates are
    formatted with a decimal point whatever the language."""
    width, height, pad_x, pad_y = 560, 200, 44, 24
    points = [y.closing if y.closing is not None else y.after_enrolment for y in lc.years]
    low, high = lc.lowest_outcome, lc.highest_outcome
    running = (low.closing, high.closing) if high else None  # the last year's range
    top = max(points + [lc.start + lc.figures.bonus] + list(running or ())) + 10
    bottom = min(points + [0] + list(running or ())) - 10

    def y_of(value):
        return pad_y + (top - value) * (height - 2 * pad_y) / (top - bottom)

    def n(number):
        return f"{number:.1f}"

    pad_right = 2 * pad_x if running else pad_x  # room for the range's figures
    step = (width - pad_x - pad_right) / max(1, len(points) - 1)
    dots = [
        (pad_x + i * step, y_of(v), v, str(y.academic_year))
        for i, (v, y) in enumerate(zip(points, lc.years, strict=True))
    ]
    final = dots[:-1] if running else dots  # the years whose balance is known
    guides = html_join(
        "",
        (
            '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" class="guide"/>'
            '<text x="{3}" y="{2}" class="guide-label" text-anchor="end" '
            'dominant-baseline="middle">{4}</text>'
        ),
        (
            (pad_x, width - pad_right, n(y_of(v)), pad_x - 6, v)
            for v in sorted({0, lc.figures.rebuild_target, lc.start})
        ),
    )
    marks = html_join(
        "",
        (
            '<circle cx="{0}" cy="{1}" r="4" class="dot"/>'
            '<text x="{0}" y="{2}" text-anchor="middle" class="value">{3}</text>'
        ),
        ((n(x), n(y), n(y - 10), v) for x, y, v, _label in final),
    )
    years = html_join(
        "",
        '<text x="{0}" y="{1}" text-anchor="middle" class="{3}">{2}</text>',
        (
            (n(x), height - 4, label, "year minor" if i % 2 and len(dots) > 6 else "year")
            for i, (x, _y, _v, label) in enumerate(dots)
        ),
    )
    described = [f"{label}: {v}" for _x, _y, v, label in final]
    if running:
        x = dots[-1][0]
        y_low, y_high = y_of(running[0]), y_of(running[1])
        start = final[-1] if final else (x, y_low)
        marks += html(
            '<line x1="{0}" y1="{1}" x2="{2}" y2="{3}" class="pending"/>'
            '<line x1="{0}" y1="{1}" x2="{2}" y2="{4}" class="pending"/>'
            '<line x1="{2}" x2="{2}" y1="{3}" y2="{4}" class="range"/>'
            '<line x1="{5}" x2="{6}" y1="{3}" y2="{3}" class="range"/>'
            '<line x1="{5}" x2="{6}" y1="{4}" y2="{4}" class="range"/>'
            '<text x="{7}" y="{3}" dominant-baseline="middle" class="value">{8}</text>'
            '<text x="{7}" y="{4}" dominant-baseline="middle" class="value">{9}</text>',
            n(start[0]), n(start[1]), n(x), n(y_high), n(y_low), n(x - 6), n(x + 6), n(x + 9),
            running[1], running[0],
        )  # fmt: skip
        described.append(
            _("%(year)s: between %(low)s and %(high)s, once the results are known")
            % {"year": dots[-1][3], "low": running[0], "high": running[1]}
        )
    caption = (
        _(
            "The balance after each academic year's results; the year still running as a "
            "range, from passing nothing to passing everything. The grey lines mark zero, "
            "the rebuild level and your starting balance."
        )
        if running
        else _(
            "The balance after each academic year's results. The grey lines mark zero, the "
            "rebuild level and your starting balance."
        )
    )
    return html(
        '<figure class="balance-chart"><svg viewBox="0 0 {0} {1}" role="img" '
        'aria-labelledby="chart-title chart-desc" class="w-100">'
        '<title id="chart-title">{2}</title><desc id="chart-desc">{3}</desc>{4}'
        '<polyline points="{5}" class="line"/>{6}{7}</svg>'
        '<figcaption class="small text-body-secondary">{8}</figcaption></figure>',
        width,
        height,
        _("Your learning credit at the end of each academic year"),
        "; ".join(described),
        guides,
        " ".join(f"{n(x)},{n(y)}" for x, y, _v, _l in final),
        marks,
        years,
        caption,
    )


@register.simple_tag(takes_context=True)
def language_links(context) -> str:
    """The header's languages: the current one marked, the others linking to this page."""
    current = current_language()
    return html_join(
        "",
        '<li class="list-inline-item">{}</li>',
        (
            (
                html(
                    '<span aria-current="true" class="fw-semibold" lang="{0}">{1}</span>',
                    code,
                    name,
                )
                if code == current
                else html(
                    '<a href="{0}" lang="{1}" hreflang="{1}">{2}</a>',
                    translated_url(context, code),
                    code,
                    name,
                ),
            )
            for code, name in _language_names()
        ),
    )


@register.simple_tag
def language_buttons() -> str:
    """The step form's buttons for the other languages: without JavaScript, the way to switch
    language and keep what was typed (views._in_language)."""
    current = current_language()
    return html_join(
        " ",
        '<button type="submit" name="lang" value="{0}" lang="{0}" '
        'class="btn btn-link p-0 align-baseline">{1}</button>',
        ((code, name) for code, name in _language_names() if code != current),
    )


@lru_cache(maxsize=1)
def _language_names() -> tuple[tuple[str, str], ...]:
    """Each language's code and its own name (`Nederlands`, `Français`, `English`)."""
    return tuple(
        (code, capfirst(get_language_info(code)["name_local"])) for code, _ in settings.LANGUAGES
    )


def translated_url(context, language: str) -> str:
    """This page, answers included, in another language: the language prefix swapped (the
    URL resolver only for a page outside the language prefixes)."""
    path = context["request"].get_full_path()
    prefix = f"/{current_language()}/"
    if path.startswith(prefix):
        return f"/{language}/{path[len(prefix) :]}"
    return translate_url(path, language)


@register.filter
def error_anchor(bound_field) -> str:
    """The id to link to from the error summary: the first radio of a group, else the field."""
    if isinstance(bound_field.field.widget, RadioSelect):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


SCALE = 2  # CSS pixels per module on screen; paper sets its own size


@register.simple_tag
def qr_code(url: str, label: str):
    """The URL as a QR code image (advisor/qr.py); none for an address too long for a QR code
    (answers the short link cannot write, with a long query): the page prints it as text."""
    try:
        png, size = qr_png(url)
    except ValueError:  # zxing-cpp: "Input too long for ECC level M"
        return ""
    return html(
        '<img src="data:image/png;base64,{}" width="{}" height="{}" alt="{}" class="qr-code">',
        png, size * SCALE, size * SCALE, label,
    )  # fmt: skip


@register.filter
def part(template: str, name: str) -> str:
    """`{% include topic.template|part:"body" %}`: one partial of a template (the `add` filter
    would first try to add them as numbers, and fail)."""
    return f"{template}#{name}"


@register.filter
def item(mapping: dict, key: str):
    """`{{ titles|item:topic.code }}`: a dict's value for a key held in a variable."""
    return mapping[key]


@register.filter
def scheme_part(code: str, name: str) -> str:
    """`{% include code|scheme_part:"absent" %}`: a partial of a scheme's own template."""
    return f"schemes/{code}/{code}.html#{name}"


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
