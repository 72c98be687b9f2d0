"""The site's form renderer (settings.FORM_RENDERER): Django's own, with its commonest widget
templates written in Python.

The years step's row page has six selects, one of some forty years; Django draws every option
with two template includes, and those widgets were two thirds of the page's 19 ms. The markup
here is that of Django's templates (django/forms/templates/django/forms/widgets/ select.html,
select_option.html, input.html and attrs.html), character for character:
tests/views/test_form_renderer.py compares both for every widget of every form of the site and
for the awkward values. Every other template, a select with option groups and a label that is
not text go to Django's templates."""

from html import escape

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
INPUTS = frozenset(
    f"{WIDGETS}{name}.html" for name in ("input", "text", "number", "email", "hidden", "checkbox")
)
SELECT = f"{WIDGETS}select.html"
SELECT_OPTION = f"{WIDGETS}select_option.html"


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUTS:
            return _input(context["widget"])
        if template_name == SELECT and (html := _select(context["widget"])) is not None:
            return html
        return super().render(template_name, context, request)


def _input(widget) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{_variable(widget["type"])}" name="{_variable(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _select(widget) -> str | None:
    options = []
    for group_name, group, _index in widget["optgroups"]:
        if group_name:
            return None
        for option in group:
            label = option["label"]
            if option["template_name"] != SELECT_OPTION or not isinstance(label, str | Promise):
                return None
            options.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_variable(label)}</option>\n"
            )
    opening = f'<select name="{_variable(widget["name"])}"{_attrs(widget["attrs"])}>'
    return f"{opening}{''.join(options)}\n</select>"


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name` for True, nothing for False, else ` name="value"`."""
    return "".join(
        f" {_variable(name)}" if value is True else f' {_variable(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text, escaped unless it was safe already."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _variable(text) -> str:
    """`{{ text }}` for text (a string or a translation): escaped unless it is safe."""
    return str(text.__html__()) if hasattr(text, "__html__") else escape(str(text))
