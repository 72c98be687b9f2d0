"""`{% load translations %}` (advisor/templatetags/translations.py) renders exactly what
Django's `{% load i18n %}` renders, kept translations and all, and every template of the site
loads it instead of `i18n`."""

import re
from pathlib import Path

import pytest
from django.template import Context, engines
from django.test import override_settings
from django.utils import translation
from django.utils.safestring import mark_safe

from advisor.templatetags.translations import gettext

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = sorted(
    p for p in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]
    if ".venv" not in p.parts
)  # fmt: skip
LOAD = re.compile(r"\{%\s*load\s+([^%]*)%\}")

CASES = [
    '{% translate "Change" %}',
    "{% translate 'Change' as word %}[{{ word }}]",
    '{% translate "Change" noop %}',
    '{% translate "May" context "month name" %}',
    "{% translate name %}",
    '{% translate "Change"|upper %}',
    "{% translate '100% & <b>' %}",
    "{% blocktranslate %}Change{% endblocktranslate %}",
    "{% blocktranslate trimmed with n=count %}\n  {{ n }} %\n  credits{% endblocktranslate %}",
    "{% blocktranslate count n=count %}{{ n }} credit{% plural %}{{ n }} credits"
    "{% endblocktranslate %}",
    "{% blocktranslate count n=count with x=name %}{{ x }} {{ n }} month{% plural %}"
    "{{ x }} {{ n }} months{% endblocktranslate %}",
    "{% blocktranslate with x=name asvar out %}Hello {{ x }}{% endblocktranslate %}<{{ out }}>",
    "{% blocktranslate context 'month name' %}May{% endblocktranslate %}",
    "{% blocktranslate %}{{ missing }} and {{ name }}{% endblocktranslate %}",
    "{% blocktranslate with amount=money %}{{ amount }} a month{% endblocktranslate %}",
    "{% autoescape off %}{% blocktranslate %}{{ name }}{% endblocktranslate %}{% endautoescape %}",
    "{% blocktranslate count n=name %}{{ n }}{% plural %}{{ n }}s{% endblocktranslate %}",
    # The values translations.py writes itself: whole numbers outside localisation, safe text.
    "{% localize off %}{% blocktranslate with n=big %}{{ n }} credits{% endblocktranslate %}"
    "{% endlocalize %}",
    "{% localize off %}{% blocktranslate with n=negative x=yes %}{{ n }} {{ x }}"
    "{% endblocktranslate %}{% endlocalize %}",
    "{% localize off %}{% autoescape off %}{% blocktranslate with n=big %}{{ n }}"
    "{% endblocktranslate %}{% endautoescape %}{% endlocalize %}",
    "{% localize on %}{% blocktranslate with n=big %}{{ n }} credits{% endblocktranslate %}"
    "{% endlocalize %}",
    "{% blocktranslate with x=safe %}Read {{ x }}{% endblocktranslate %}",
    "{% autoescape off %}{% blocktranslate with x=safe y=name %}{{ x }} {{ y }}"
    "{% endblocktranslate %}{% endautoescape %}",
]
VALUES = {
    "count": 1,
    "name": "<Ann & Bo>",
    "money": 130.41,
    "big": 12345,
    "negative": -30,
    "yes": True,
    "safe": mark_safe('<a href="#x">this & that</a>'),
}


def render(library: str, text: str, values: dict) -> str:
    template = engines["django"].from_string(f"{{% load {library} l10n %}}{text}")
    return template.template.render(Context(values))


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("count", [1, 2, 60])
@pytest.mark.parametrize("grouping", [False, True], ids=["plain", "thousand-separator"])
def test_the_same_as_django(text, language, count, grouping):
    values = {**VALUES, "count": count}
    with translation.override(language), override_settings(USE_THOUSAND_SEPARATOR=grouping):
        try:
            expected = render("i18n", text, values)
        except Exception as exc:  # a template error stays the same error
            with pytest.raises(type(exc)):
                render("translations", text, values)
            return
        assert render("translations", text, values) == expected
        assert render("translations", text, values) == expected  # kept, still the same


def test_kept_translations_follow_a_change_of_catalogue_settings():
    kept = engines["django"].from_string(
        '{% load translations %}{% translate "Compare these plans" %}/'
        "{% blocktranslate %}Your plans side by side{% endblocktranslate %}"
    )  # one template, so that its nodes keep what they translated
    with translation.override("nl"):
        assert kept.render({}) == "Vergelijk deze plannen/Je plannen naast elkaar"
        assert gettext("Compare these plans") == "Vergelijk deze plannen"  # the tags in Python
        with override_settings(LOCALE_PATHS=[]):  # the site's catalogue gone: the source text
            assert kept.render({}) == "Compare these plans/Your plans side by side"
            assert gettext("Compare these plans") == "Compare these plans"
        assert kept.render({}) == "Vergelijk deze plannen/Je plannen naast elkaar"
        assert gettext("Compare these plans") == "Vergelijk deze plannen"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_template_loads_translations_not_i18n(path):
    for libraries in LOAD.findall(path.read_text(encoding="utf-8")):
        assert "i18n" not in libraries.split(), f"{path}: load translations instead of i18n"
