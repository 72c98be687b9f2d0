"""Formatting for the advice pages: money, the balance chart."""
from decimal import Decimal

from django import template
from django.forms import RadioSelect
from django.urls import translate_url
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(amount: Decimal) -> str:
    places = 0 if amount == amount.to_integral_value() else 2
    return f"€\u00a0{number_format(amount, places, use_l10n=True, force_grouping=True)}"


@register.inclusion_tag("advice/chart.html")
def balance_chart(lc):
    """A small line chart of the balance at the end of each year (after enrolment while a year
    runs), with the start and rebuild lines for orientation. Coordinates are strings, so that
    no locale turns their decimal point into a comma."""
    width, height, pad_x, pad_y = 560, 200, 44, 24
    points = [y.closing if y.closing is not None else y.after_enrolment for y in lc.years]
    top = max(points + [lc.start + lc.figures.bonus]) + 10
    bottom = min(points + [0]) - 10

    def y_of(value):
        return pad_y + (top - value) * (height - 2 * pad_y) / (top - bottom)

    step = (width - 2 * pad_x) / max(1, len(points) - 1)
    dots = [{"x": f"{pad_x + i * step:.1f}", "y": f"{y_of(v):.1f}",
             "label_y": f"{y_of(v) - 10:.1f}", "value": v, "label": str(y.academic_year)}
            for i, (v, y) in enumerate(zip(points, lc.years))]
    return {
        "width": width, "height": height, "dots": dots,
        "polyline": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "guides": [{"y": f"{y_of(v):.1f}", "value": v}
                   for v in sorted({0, lc.figures.rebuild_target, lc.start})],
        "left": pad_x, "right": width - pad_x, "label_x": pad_x - 6, "year_y": height - 4,
    }


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
