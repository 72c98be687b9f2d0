"""One form per wizard step. Each owns its labels, hints and summary; field names are the
query-string keys of `querystring`, so a submitted step is already part of the permalink.

The forms check each field on its own (type, choices, range); what depends on several answers
(earned not above taken, a year not in the future...) is checked once, by `rules.scenario`,
and its errors are shown next to the field they name (`scenario_errors`). Every error starts
with its field's name (`field_name`) and says what to give, with an example (`EXAMPLES`).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache, partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.http import QueryDict
from django.utils.dates import MONTHS
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from rules import parameters, scenario
from rules.calendar import AcademicYear
from rules.scenario import FIRST_BIRTH_MONTH, FIRST_YEAR, MAX_CREDITS, MAX_CREDITS_TO_FINISH

from .answers import ANSWERS
from .language import current_language
from .querystring import ROW_KEY, ascii_digits, row_indices, whole_number
from .wizard import follow_ups, rows_of

# The words for each allowed value; the values and their order come from rules.scenario.
RESIDENCE_LABELS = {
    "flanders": _("Flanders"),
    "brussels": _("Brussels-Capital Region"),
    "wallonia": _("Wallonia"),
    "german-community": _("German-speaking Community (Ostbelgien)"),
    "netherlands": _("The Netherlands"),
    "elsewhere": _("Elsewhere"),
}
SYSTEM_LABELS = {
    "flanders": _("Dutch-speaking higher education in Flanders or Brussels"),
    "french-community": _("French-speaking higher education (Wallonia-Brussels Federation)"),
    "netherlands": _("Higher education in the Netherlands"),
}
PROGRAMME_LABELS = {
    "bachelor": _("Bachelor"),
    "master": _("Master"),
    "graduaat": _("Graduaat (HBO5)"),
    "associate-degree": _("Associate degree (the Netherlands)"),
    "bridging": _("Bridging programme (schakelprogramma)"),
    "preparatory": _("Preparatory programme (voorbereidingsprogramma)"),
    "advanced-bachelor": _("Bachelor after bachelor (banaba)"),
    "advanced-master": _("Master after master (manama)"),
    "teacher-training-short": _("Shortened educational programme or specific teacher training"),
    "postgraduate": _("Postgraduate"),
    "doctorate": _("Doctorate"),
}
CONTRACT_LABELS = {
    "diploma": _("Diploma contract"),
    "credit": _("Credit contract"),
    "exam": _("Exam contract"),
}


def _choices(values: tuple[str, ...], labels: dict) -> list[tuple[str, str]]:
    return [(value, labels[value]) for value in values]


RESIDENCE_CHOICES = _choices(scenario.RESIDENCES, RESIDENCE_LABELS)
SYSTEM_CHOICES = _choices(scenario.SYSTEMS, SYSTEM_LABELS)
PROGRAMME_CHOICES = _choices(scenario.PROGRAMMES, PROGRAMME_LABELS)
CONTRACT_CHOICES = _choices(scenario.CONTRACTS, CONTRACT_LABELS)


# An example of a good answer per query key, for the error messages.
EXAMPLES = {
    "r": RESIDENCE_LABELS["flanders"],
    "s": SYSTEM_LABELS["flanders"],
    "bm": MONTHS[3],
    "by": 2005,
    "f": 60,
    "y": "2024-2025",
    "x": SYSTEM_LABELS["flanders"],
    "p": PROGRAMME_LABELS["bachelor"],
    "k": CONTRACT_LABELS["diploma"],
    "t": 60,
    "e": 45,
    "l": 6,
    "b": 30,
    "sm": MONTHS[2],
    "em": MONTHS[6],
}
CHOOSE = _("choose one of the options, for example {example}")
WHOLE_NUMBER = _("enter a whole number from {low} to {high}, for example {example}")


def choice_errors(key: str) -> dict:
    """A choice's message for each way it can be wrong: nothing chosen, an unknown value."""
    message = format_lazy(CHOOSE, example=EXAMPLES[key])
    return dict.fromkeys(("required", "invalid_choice"), message)


def number_errors(low: int, high: int, example, template=WHOLE_NUMBER) -> dict:
    """A whole number's message for each way it can be wrong: empty where it is required, not a
    number, out of range."""
    message = format_lazy(template, low=low, high=high, example=example)
    return dict.fromkeys(("required", "invalid", "min_value", "max_value"), message)


def named(name: str, problem: str) -> str:
    """`Birth year: enter a year ...` (French puts a no-break space before the colon)."""
    return gettext("%(field)s: %(problem)s") % {"field": name, "problem": problem}


def month_choices():
    return [("", _("Month"))] + [(f"{m:02d}", MONTHS[m]) for m in range(1, 13)]


def academic_months():
    """The months of an academic year, September first, as `MM` values."""
    return [(f"{m:02d}", MONTHS[m]) for m in (*range(9, 13), *range(1, 9))]


def academic_year_choices(today: date):
    current = AcademicYear.of(today)
    years = [AcademicYear(y) for y in range(current.start, FIRST_YEAR.start - 1, -1)]
    return [("", _("Choose a year"))] + [(str(y), str(y)) for y in years]


class WizardForm(forms.Form):
    """A wizard form: every error starts with the name of its field, next to the field and in
    the error summary alike (`Year 2, credits taken: enter ...`)."""

    def add_error(self, field, error):
        if field is not None:
            problems = ValidationError(error).messages
            error = [named(self.error_name(field), problem) for problem in problems]
        super().add_error(field, error)

    def error_name(self, field: str) -> str:
        row = ROW_KEY.match(self.add_prefix(field))
        return field_name(int(row[2]), row[1]) if row else field_name(None, field)


class Step(WizardForm):
    """A wizard step: a title (the question), and a summary for 'check your answers'."""

    title = ""
    index = None  # only enrolment rows have one
    fixed_fields = True  # the class's own fields, whatever the answers

    @classmethod
    def options(cls, state: QueryDict, today: date, questions=None) -> dict:
        """The keyword arguments this step's form needs besides its data (`questions`: the
        follow-up questions, when already known)."""
        return {}

    def summary(self, values=None) -> list[tuple[str, str]]:
        """(question, answer) pairs for the check page, from the cleaned data, or from
        `values` (the query's answers) where they are known to be valid already."""
        return self.summary_of(self.fields, self.cleaned_data if values is None else values)

    @classmethod
    def valid_summary(cls, state: QueryDict, today: date, questions) -> list[tuple[str, str]]:
        """The summary of answers the scenario accepted already (the result page): a step
        whose fields do not depend on the answers needs no form (building one copies every
        field)."""
        if cls.fixed_fields:
            return cls.summary_of(cls.base_fields, state)
        return cls(None, **cls.options(state, today, questions)).summary(state)

    @classmethod
    def summary_of(cls, fields, answers) -> list[tuple[str, str]]:
        rows = []
        for name, field in fields.items():
            value = answers.get(name)
            if isinstance(field, forms.ChoiceField):
                value = dict(field.choices).get(value, value)
            elif isinstance(field, forms.BooleanField):
                value = gettext("yes") if value else gettext("no")
            rows.append((field.label, value if value not in (None, "") else "—"))
        return rows


class ResidenceForm(Step):
    title = _("Where do you live?")
    r = forms.ChoiceField(
        label=_("Where do you live?"),
        choices=RESIDENCE_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "Your official address. It decides which family allowance scheme applies, "
            "wherever you study."
        ),
        error_messages=choice_errors("r"),
    )


class SystemForm(Step):
    title = _("Where do you study?")
    s = forms.ChoiceField(
        label=_("Where do you study?"),
        choices=SYSTEM_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "The education system of most of your enrolments. You can set another one "
            "per year later."
        ),
        error_messages=choice_errors("s"),
    )


class AboutForm(Step):
    title = _("When were you born?")
    bm = forms.ChoiceField(
        label=_("Birth month"), required=False, error_messages=choice_errors("bm")
    )
    by = forms.IntegerField(
        label=_("Birth year"),
        required=False,
        min_value=FIRST_BIRTH_MONTH.year,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
    )

    @classmethod
    def options(cls, state, today, questions=None):
        return {"today": today}

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bm"].choices = month_choices()
        by = self.fields["by"]
        by.validators.append(MaxValueValidator(today.year))
        by.widget.attrs["max"] = today.year
        by.error_messages = number_errors(
            FIRST_BIRTH_MONTH.year,
            today.year,
            EXAMPLES["by"],
            _("enter a year from {low} to {high}, for example {example}"),
        )
        by.help_text = _(
            "Only the month and year, for the age limits of the "
            "family allowance. You may leave them empty."
        )

    def clean(self):
        """Both the month and the year, or neither. A wrong one counts as given: its own error
        says what is wrong with it."""
        data = super().clean()
        given = {key: key in self.errors or data.get(key) for key in ("bm", "by")}
        if given["bm"] and not given["by"]:
            missing = _("enter the year too, for example {example}, or leave both empty")
            self.add_error("by", str(missing).format(example=EXAMPLES["by"]))
        elif given["by"] and not given["bm"]:
            missing = _("choose the month too, for example {example}, or leave both empty")
            self.add_error("bm", str(missing).format(example=EXAMPLES["bm"]))
        return data

    @classmethod
    def summary_of(cls, fields, answers):
        month, year = answers.get("bm"), answers.get("by")
        born = f"{MONTHS[int(month)]} {year}" if month and year else "—"
        return [(cls.title, born)]


class FinishForm(Step):
    title = _("How many credits do you still need to finish your programme?")
    f = forms.IntegerField(
        label=_("Credits still needed to finish your programme"),
        required=False,
        min_value=0,
        max_value=MAX_CREDITS_TO_FINISH,
        error_messages=number_errors(0, MAX_CREDITS_TO_FINISH, EXAMPLES["f"]),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_(
            "For example 60 if you have one full year left. Leave empty if you do not "
            "know: the page then cannot say whether your learning credit is enough."
        ),
    )


class EnrolmentRowForm(WizardForm):
    """One academic year's enrolment in one programme; fields named `y0`, `p0`, ... ."""

    y = forms.ChoiceField(label=_("Academic year"), error_messages=choice_errors("y"))
    x = forms.ChoiceField(
        label=_("Studied in"),
        required=False,
        choices=[("", pgettext_lazy("system", "Same as above"))] + SYSTEM_CHOICES,
        error_messages=choice_errors("x"),
    )
    p = forms.ChoiceField(
        label=_("Programme"),
        choices=[("", _("Choose"))] + PROGRAMME_CHOICES,
        error_messages=choice_errors("p"),
    )
    k = forms.ChoiceField(
        label=_("Contract"),
        choices=CONTRACT_CHOICES,
        initial="diploma",
        required=False,
        error_messages=choice_errors("k"),
        help_text=_("Only for studies in Flanders; elsewhere leave it as it is."),
    )
    t = forms.IntegerField(
        label=_("Credits taken"),
        min_value=0,
        max_value=MAX_CREDITS,
        help_text=_("Without exemptions."),
        error_messages=number_errors(0, MAX_CREDITS, EXAMPLES["t"]),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    e = forms.IntegerField(
        label=_("Credits earned"),
        min_value=0,
        max_value=MAX_CREDITS,
        error_messages=number_errors(0, MAX_CREDITS, EXAMPLES["e"]),
        required=False,
        help_text=_("Passed with a credit. Empty while the results are not known."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    l = forms.IntegerField(  # noqa: E741 (the query key of credits_tolerated)
        label=_("Credits tolerated or deliberated"),
        min_value=0,
        max_value=MAX_CREDITS,
        error_messages=number_errors(0, MAX_CREDITS, EXAMPLES["l"]),
        required=False,
        help_text=_("Passed without a credit. Optional."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    d = forms.BooleanField(label=_("Degree obtained at the end of this year"), required=False)
    sm = forms.ChoiceField(
        label=_("Enrolled from"),
        required=False,
        choices=[("", _("September (the start)"))] + academic_months(),
        error_messages=choice_errors("sm"),
        help_text=_("Only if you enrolled after September, e.g. in December or February."),
    )
    em = forms.ChoiceField(
        label=_("Enrolled until"),
        required=False,
        choices=[("", _("August (the end)"))] + academic_months(),
        error_messages=choice_errors("em"),
        help_text=_("Only if you stopped (de-registered) before the end of the academic year."),
    )

    def __init__(self, *args, index: int, today: date, **kwargs):
        self.index = index
        super().__init__(*args, **kwargs)
        self.fields["y"].choices = partial(academic_year_choices, today)  # lazy: only if shown

    def add_prefix(self, field_name):
        return f"{field_name}{self.index}"

    def clean_k(self):
        return self.cleaned_data["k"] or "diploma"  # the scenario's default contract


YEARS_TITLE = _("What did you enrol for each academic year?")


def years_added(count: int) -> str:
    """The heading of the years step's list of rows."""
    return ngettext("You have added %(count)s year", "You have added %(count)s years", count) % {
        "count": count
    }


@lru_cache(maxsize=8)
def _row_words(language: str) -> tuple[dict, dict, dict, dict]:
    """The systems, programmes, contracts and months in words, translated once per language
    (a page of rows would translate each of them again on every row)."""
    return tuple(
        {code: str(label) for code, label in labels.items()}
        for labels in (SYSTEM_LABELS, PROGRAMME_LABELS, CONTRACT_LABELS, MONTHS)
    )


def row_summaries(rows: list[dict[str, str]], default_system: str | None) -> list[dict]:
    """Each enrolment row (its query values) in words, for 'your answers' and the years step.
    The default contract only for a Flemish row: elsewhere only the one the answers name."""
    words = _row_words(current_language())
    return [_row_summary(row, default_system, *words) for row in rows]


def _row_summary(row, default_system, systems, programmes, contracts, months) -> dict:

    def month(key):
        value = row.get(key, "")
        number = whole_number(value)
        return months[number] if number and 1 <= number <= 12 else None

    return {
        "year": row.get("y"),
        "system": systems.get(row.get("x")),
        "programme": programmes.get(row.get("p")),
        "contract": (  # None: not a contract, or no contract named for a row outside Flanders
            contracts.get(row.get("k") or "diploma")
            if row.get("k") or (row.get("x") or default_system) == "flanders"
            else None
        ),
        "taken": row.get("t"),
        "earned": row.get("e"),
        "tolerated": row.get("l"),
        "degree": bool(row.get("d")),
        "from": month("sm"),
        "until": month("em"),
    }


def row_lines(row: dict[str, str], summary: dict) -> list[str]:
    """One enrolment row (with its `row_summaries` entry) in a few short lines, for the years
    step's list of rows."""
    contract = summary["contract"] if row.get("k") not in (None, "", "diploma") else None
    what = (summary["programme"], summary["system"], contract)
    lines = [", ".join(str(part) for part in what if part)]
    taken, earned, tolerated = (whole_number(ascii_digits(row.get(key, ""))) for key in "tel")
    credits = []
    if taken is not None:
        credits.append(
            ngettext("%(taken)s credit taken", "%(taken)s credits taken", taken) % {"taken": taken}
        )
    credits.append(
        gettext("results not known yet")
        if earned is None
        else gettext("%(earned)s earned") % {"earned": earned}
    )
    if tolerated:
        credits.append(
            ngettext("%(tolerated)s tolerated", "%(tolerated)s tolerated", tolerated)
            % {"tolerated": tolerated}
        )
    lines.append(", ".join(credits))
    if summary["degree"]:
        lines.append(str(EnrolmentRowForm.base_fields["d"].label))
    months = [gettext("from %(month)s") % {"month": summary["from"]}] if summary["from"] else []
    if summary["until"]:
        months.append(gettext("until %(month)s") % {"month": summary["until"]})
    lines.append(" ".join(months))
    return [line for line in lines if line]


class NetherlandsForm(Step):
    """The answers only the Dutch halved tuition fee needs: an earlier Dutch enrolment not
    listed, and per Dutch row whether it is teacher training (`q0`, `q1`, ...)."""

    title = _("Your studies in the Netherlands")
    fixed_fields = False  # one question per Dutch row
    nb = forms.BooleanField(required=False)

    @classmethod
    def options(cls, state, today, questions=None):
        return {"state": state, "today": today}

    def __init__(self, *args, state: QueryDict, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        before = AcademicYear.of(parameters.get("tuition_nl.first_enrolment_from", on=today))
        self.fields["nb"].label = gettext(
            "You were enrolled in higher education in the Netherlands before %(year)s, in a "
            "year you did not list"
        ) % {"year": before}
        self.fields["nb"].help_text = _(
            "Even for one month, or without attending. A finished mbo course does not count."
        )
        default = state.get("s")
        programmes = PROGRAMME_LABELS
        for i, row in zip(row_indices(state), rows_of(state), strict=True):
            if (row.get("x") or default) == "netherlands":
                self.fields[f"q{i}"] = forms.BooleanField(
                    required=False,
                    help_text=_(
                        "Pabo, a teacher bachelor or a teacher master: "
                        "training that leads to a full teaching "
                        "qualification."
                    ),
                    label=gettext("Year %(n)s (%(year)s, %(programme)s) is teacher training")
                    % {
                        "n": i + 1,
                        "year": row.get("y", ""),
                        "programme": programmes.get(row.get("p"), ""),
                    },
                )


# The follow-up questions in a few words, for 'your answers' and error messages.
FOLLOW_UP_NAMES = {
    "z": _("Final year"),
    "c": _("Changed programme"),
    "b": _("First-year credits earned"),
}


class DetailsForm(Step):
    """The follow-up questions of SCENARIO.md v2, only for the rows where they change an answer
    (rules.questions): `zN` final year, `cN` changed programme, `bN` first-year credits earned."""

    title = _("A few more questions about your years")
    fixed_fields = False  # the questions of each row that needs them

    @classmethod
    def options(cls, state, today, questions=None):
        return {"state": state, "questions": follow_ups(state) if questions is None else questions}

    def __init__(self, *args, state: QueryDict, questions, **kwargs):
        super().__init__(*args, **kwargs)
        default = state.get("s")
        self.earned = {}
        self.legends = {}  # row index -> "Year 2: 2025-2026, Bachelor"
        for i, fields in questions.items():
            row = {key: state.get(f"{key}{i}", "") for key in ("y", "p", "x", "e")}
            self.legends[i] = gettext("Year %(n)s: %(year)s, %(programme)s") % {
                "n": i + 1,
                "year": row["y"],
                "programme": PROGRAMME_LABELS.get(row["p"], ""),
            }
            french = (row["x"] or default) == "french-community"
            if "final_year" in fields:
                self.fields[f"z{i}"] = forms.BooleanField(
                    required=False,
                    label=_("The last year of this programme"),
                    help_text=_(
                        "You enrolled for every credit you still needed for the degree. "
                        "Then the family allowance can continue with fewer credits (the "
                        "diploma year or the thesis year)."
                    ),
                )
            if "changed_programme" in fields:
                self.fields[f"c{i}"] = forms.BooleanField(
                    required=False,
                    label=_("A different programme from the year before"),
                    help_text=_("A reorientation gives extra time for the fundability milestones.")
                    if french
                    else _(
                        "In a new programme the first-year rule starts again, with the credits "
                        "of your first enrolment there."
                    ),
                )
            if "block1_credits_earned" in fields:
                earned = whole_number(row["e"])
                self.earned[f"b{i}"] = earned
                most = MAX_CREDITS if earned is None else min(earned, MAX_CREDITS)
                self.fields[f"b{i}"] = forms.IntegerField(
                    required=False,
                    min_value=0,
                    max_value=most,
                    error_messages=number_errors(0, most, most // 2),
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                    label=(
                        gettext(
                            "How many of the %(earned)s credits earned that year are "
                            "block-1 credits (the first 60 of the bachelor)?"
                        )
                        if french
                        else gettext(
                            "How many of the %(earned)s credits earned that year "
                            "belong to your first enrolment in this programme?"
                        )
                    )
                    % {"earned": earned},
                    help_text=_(
                        "Leave it empty if you don't know: we then count all of them, "
                        "and the result says it is an approximation."
                    ),
                )

    @property
    def groups(self) -> list[tuple[str, list]]:
        """The questions per year, each year a fieldset with its legend."""
        return [
            (legend, [self[name] for name in self.fields if name[1:] == str(i)])
            for i, legend in self.legends.items()
        ]

    def summary(self, values=None):
        rows = super().summary(values)
        dont_know = gettext("I don't know (approximated)")
        return [
            (
                f"{self.legends[int(key[1:])]} — {FOLLOW_UP_NAMES[key[0]]}",
                dont_know if key in self.earned and value == "—" else value,
            )
            for key, (_label, value) in zip(self.fields, rows, strict=True)
        ]


STEPS = {
    "residence": ResidenceForm,
    "system": SystemForm,
    "about": AboutForm,
    "details": DetailsForm,
    "finish": FinishForm,
    "netherlands": NetherlandsForm,
}

# scenario field -> form field key (rows: key + index)
SCENARIO_FIELD = {a.name: a.key for a in ANSWERS}

# Fields whose label is a whole question or depends on the row: a short name in errors.
FIELD_NAMES = {
    "r": _("Where you live"),
    "s": _("Where you study"),
    **FOLLOW_UP_NAMES,
    "q": _("Teacher training"),
    "nb": _("Earlier enrolment in the Netherlands"),
}


def field_name(index: int | None, key: str) -> str:
    """A field in words, as errors name it: `Birth year`, `Year 2, credits taken`."""
    if key in FIELD_NAMES:
        name = str(FIELD_NAMES[key])
    elif index is not None and key in EnrolmentRowForm.base_fields:
        name = str(EnrolmentRowForm.base_fields[key].label)
    else:
        forms_with_it = (form for form in STEPS.values() if key in form.base_fields)
        name = str(next((form.base_fields[key].label for form in forms_with_it), ""))
    if index is None:
        return name
    year = str(_("Year {n}")).format(n=index + 1)
    return f"{year}, {name[0].lower()}{name[1:]}" if name else year
