"""advisor/form_renderer.py writes what Django's widget templates write: for every widget of
every form of the site (valid, refused, empty), and for the values those templates treat each
in their own way (special characters, safe HTML, translations, True, False, None and 0 as
attributes, option groups and labels that are not text)."""

from datetime import date

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.http import QueryDict
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from advisor import forms as wizard
from advisor.form_renderer import FormRenderer
from feedback.forms import FeedbackForm

TODAY = date(2026, 12, 1)
ANSWERS = QueryDict(
    "r=flanders&s=flanders&by=2004&bm=05&f=60"
    "&y0=2023-2024&p0=bachelor&t0=60&e0=45&l0=6&sm0=2&em0=6&d0=on"
    "&y1=2024-2025&p1=master&x1=netherlands&k1=credit&t1=30"
)
REFUSED = QueryDict(
    "r=mars&s=&by=1800&bm=13&f=-1&y0=1999-2001&p0=x&x0=y&k0=z&t0=abc&e0=999&l0=-1&sm0=0&em0=99"
)


def _forms(data):
    questions = {0: ("final_year", "changed_programme", "first_year_credits")}
    return [
        wizard.ResidenceForm(data),
        wizard.SystemForm(data),
        wizard.AboutForm(data, today=TODAY),
        wizard.FinishForm(data),
        wizard.EnrolmentRowForm(data, index=0, today=TODAY),
        wizard.EnrolmentRowForm(data, index=1, today=TODAY),
        wizard.EnrolmentRowForm(index=2, today=TODAY, initial={"y": "2025-2026", "t": 60}),
        wizard.NetherlandsForm(data, state=ANSWERS, today=TODAY),
        wizard.DetailsForm(data, state=ANSWERS, questions=questions),
        FeedbackForm(data={"comment": data.get("t0"), "email": data.get("by")}),
        FeedbackForm(),
    ]


def _both(form):
    """Each field's widget drawn by Django's templates and by the site's renderer."""
    drawn = []
    for renderer in (DjangoTemplates(), FormRenderer()):
        form.renderer = renderer
        drawn.append([str(form[name]) for name in form.fields])
    return drawn


@pytest.mark.parametrize(
    "data", [ANSWERS, REFUSED, QueryDict()], ids=["valid", "refused", "empty"]
)
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_widget_of_the_site_as_django_draws_it(data, language):
    with override(language):
        for form in _forms(data):
            form.is_valid()
            django, ours = _both(form)
            assert ours == django, type(form).__name__


class AwkwardForm(forms.Form):
    text = forms.CharField(widget=forms.TextInput(attrs={"data-x": "a \"b\" <c> & 'd'"}))
    safe = forms.CharField(widget=forms.TextInput(attrs={"title": mark_safe("<b>&amp;</b>")}))
    flags = forms.CharField(
        widget=forms.NumberInput(attrs={"disabled": True, "hidden": False, "min": 0, "x": None})
    )
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    hidden = forms.CharField(widget=forms.HiddenInput)
    tick = forms.BooleanField()
    choice = forms.ChoiceField(
        choices=[("", gettext_lazy("Change")), ("a&b", "<A & B>"), ("s", mark_safe("<i>s</i>"))]
    )
    grouped = forms.ChoiceField(choices=[("Group <1>", [("a", "A")]), ("b", "B")])
    numbers = forms.ChoiceField(choices=[(1, 1000), (2, 2.5), (3, date(2026, 12, 1))])
    several = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")])


AWKWARD = [
    ("special-characters", {"text": '"><script>x</script>', "choice": "a&b"}),
    ("safe-and-lazy", {"safe": mark_safe("<b>x</b>"), "choice": "s"}),
    ("numbers-and-flags", {"flags": 0, "numbers": 2, "tick": "on", "hidden": "h&i"}),
    ("option-groups", {"grouped": "a", "several": ["a", "b"], "email": "a@b.c"}),
    ("nothing", {}),
]


@pytest.mark.parametrize("data", [d for _, d in AWKWARD], ids=[i for i, _ in AWKWARD])
def test_awkward_values_as_django_draws_them(data):
    with override("nl"):
        form = AwkwardForm(data)
        form.is_valid()
        django, ours = _both(form)
        assert ours == django


def test_the_site_draws_its_selects_and_inputs_without_templates(monkeypatch):
    """The fast path is the one in use: Django's templates are not asked for them."""
    assert isinstance(get_default_renderer(), FormRenderer)

    def refuse(self, template_name, context, request=None):
        raise AssertionError(template_name)

    monkeypatch.setattr(DjangoTemplates, "render", refuse)
    with override("nl"):
        form = wizard.EnrolmentRowForm(ANSWERS, index=0, today=TODAY)
        form.renderer = FormRenderer()
        assert "<option" in str(form["y"]) and "<input" in str(form["t"]) + str(form["d"])
