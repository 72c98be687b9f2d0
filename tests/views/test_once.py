"""`{% once %}` keeps a passage per language and per the values it names, and the passage sees
nothing else: it cannot come out the same for two people who should read different things."""

from django.template import engines
from django.utils import translation

TEMPLATE = (
    "{% load i18n once %}{% once n=figures.n %}{% translate 'yes' %} {{ n }}"
    " [{{ person }}]{% endonce %}"
)


def render(**context):
    return engines["django"].from_string(TEMPLATE).render(context)


def test_the_passage_follows_its_values_and_the_language():
    template = engines["django"].from_string(TEMPLATE)
    with translation.override("nl"):
        first = template.render({"figures": {"n": 27}})
        again = template.render({"figures": {"n": 27}})
        other = template.render({"figures": {"n": 30}})
    with translation.override("fr"):
        french = template.render({"figures": {"n": 27}})
    assert (first, again, other, french) == ("ja 27 []", "ja 27 []", "ja 30 []", "oui 27 []")


def test_the_passage_sees_only_the_values_it_names():
    with translation.override("en"):
        assert render(figures={"n": 1}, person="Ann") == "yes 1 []"
