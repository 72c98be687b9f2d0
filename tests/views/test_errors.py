"""Errors as the wizard shows them: next to the field they name, in the page's language, and
linked from the error summary; the scenario's sanity checks included."""

import io
import json
import re
from html import escape
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.utils import timezone
from pages import page_text

FL = {"r": "flanders", "s": "flanders"}
NBSP = "\u00a0"
THIS_YEAR = timezone.localdate().year  # the last birth year the wizard takes
ROW = {"y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "60"}
FLEMISH = {"r": "flanders", "s": "flanders", "by": "2005", "bm": "03", **ROW}
SAME_ROW_TWICE = {**FLEMISH, "y1": "2024-2025", "p1": "bachelor", "t1": "60", "e1": "60"}


def errors_next_to(html: str, field: str) -> list[str]:
    """The error texts crispy writes under the field with this id (`id_y0`)."""
    block = re.search(rf'<div id="{field}_error"[^>]*>(.*?)</div>', html, re.S)
    if block is None:
        return []
    return [page_text(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", block.group(1), re.S)]


# (id, page and query, field, every error next to it); every error names its field and says
# what to give, with an example. The same text is in the error summary, linked to the field.
FIELD_ERRORS = [
    (
        "residence-nothing-chosen-nl",
        "/nl/step/residence/",
        {},
        "id_r",
        ["Waar je woont: kies een van de mogelijkheden, bijvoorbeeld Vlaanderen"],
    ),
    (
        "residence-nothing-chosen-fr",
        "/fr/step/residence/",
        {},
        "id_r",
        [f"Lieu de résidence{NBSP}: choisissez une des options, par exemple Flandre"],
    ),
    (
        "residence-unknown-value-en",
        "/en/step/residence/",
        {"r": "mars"},
        "id_r",
        ["Where you live: choose one of the options, for example Flanders"],
    ),
    (
        "system-nothing-chosen-en",
        "/en/step/system/",
        {"r": "flanders"},
        "id_s",
        [
            "Where you study: choose one of the options, for example Dutch-speaking higher "
            "education in Flanders or Brussels"
        ],
    ),
    (
        "birth-year-out-of-range-nl-only-the-range-error",
        "/nl/step/about/",
        {**FL, "bm": "03", "by": "1800"},
        "id_by",
        [f"Geboortejaar: vul een jaar in van 1900 tot {THIS_YEAR}, bijvoorbeeld 2005"],
    ),
    (
        "birth-year-out-of-range-fr",
        "/fr/step/about/",
        {**FL, "bm": "03", "by": "2999"},
        "id_by",
        [f"Année de naissance{NBSP}: indiquez une année de 1900 à {THIS_YEAR}, par exemple 2005"],
    ),
    (
        "birth-year-not-a-number-en",
        "/en/step/about/",
        {**FL, "bm": "03", "by": "two thousand"},
        "id_by",
        [f"Birth year: enter a year from 1900 to {THIS_YEAR}, for example 2005"],
    ),
    (
        "birth-year-missing-en",
        "/en/step/about/",
        {**FL, "bm": "03"},
        "id_by",
        ["Birth year: enter the year too, for example 2005, or leave both empty"],
    ),
    (
        "birth-month-missing-nl",
        "/nl/step/about/",
        {**FL, "by": "2005"},
        "id_bm",
        ["Geboortemaand: kies ook de maand, bijvoorbeeld maart, of laat beide leeg"],
    ),
    (
        "birth-month-unknown-en",
        "/en/step/about/",
        {**FL, "bm": "13", "by": "2005"},
        "id_bm",
        ["Birth month: choose one of the options, for example March"],
    ),
    (
        "academic-year-missing-en",
        "/en/step/years/",
        {**FL, "p0": "bachelor", "t0": "60"},
        "id_y0",
        ["Year 1, academic year: choose one of the options, for example 2024-2025"],
    ),
    (
        "programme-missing-fr",
        "/fr/step/years/",
        {**FL, "y0": "2024-2025", "t0": "60", "e0": "60"},
        "id_p0",
        [f"Année 1, formation{NBSP}: choisissez une des options, par exemple Bachelier"],
    ),
    (
        "credits-taken-missing-nl",
        "/nl/step/years/",
        {**FL, "y0": "2024-2025", "p0": "bachelor"},
        "id_t0",
        ["Jaar 1, opgenomen studiepunten: vul een geheel getal in van 0 tot 200, bijvoorbeeld 60"],
    ),
    (
        "credits-taken-too-many-fr",
        "/fr/step/years/",
        {**FL, "y0": "2024-2025", "p0": "bachelor", "t0": "500"},
        "id_t0",
        [f"Année 1, crédits inscrits{NBSP}: indiquez un nombre entier de 0 à 200, par exemple 60"],
    ),
    (
        "credits-taken-not-a-number-en",
        "/en/step/years/",
        {**FL, "y0": "2024-2025", "p0": "bachelor", "t0": "sixty"},
        "id_t0",
        ["Year 1, credits taken: enter a whole number from 0 to 200, for example 60"],
    ),
    (
        "credits-earned-above-taken-nl",
        "/nl/step/years/",
        {**FL, **ROW, "e0": "70"},
        "id_e0",
        [
            "Jaar 1, verworven studiepunten: vul een getal in van 0 tot 60 "
            "(de opgenomen studiepunten), bijvoorbeeld 60"
        ],
    ),
    (
        "credits-earned-missing-for-a-past-year-en",
        "/en/step/years/",
        {**FL, **ROW, "e0": ""},
        "id_e0",
        [
            "Year 1, credits earned: enter the credits earned, from 0 to 60, for example 45 "
            "(the results of 2024-2025 are known)"
        ],
    ),
    (
        "credits-earned-missing-with-credits-taken-refused-a-realistic-example-nl",
        "/nl/step/years/",
        {**FL, **ROW, "t0": "-5", "e0": ""},
        "id_e0",
        [
            "Jaar 1, verworven studiepunten: vul de verworven studiepunten in, van 0 tot 200, "
            "bijvoorbeeld 45 (de resultaten van 2024-2025 zijn bekend)"
        ],
    ),
    (
        "credits-tolerated-above-what-is-left-en",
        "/en/step/years/",
        {**FL, **ROW, "e0": "45", "l0": "20"},
        "id_l0",
        [
            "Year 1, credits tolerated or deliberated: enter a number from 0 to 15, for example "
            "15 (earned and tolerated together are at most the 60 credits taken)"
        ],
    ),
    (
        "enrolled-until-before-enrolled-from-en",
        "/en/step/years/",
        {**FL, **ROW, "sm0": "02", "em0": "11"},
        "id_em0",
        ["Year 1, enrolled until: choose February 2025 or a later month, for example August 2025"],
    ),
    (
        "enrolled-from-unknown-month-en",
        "/en/step/years/",
        {**FL, **ROW, "sm0": "13"},
        "id_sm0",
        ["Year 1, enrolled from: choose one of the options, for example February"],
    ),
    (
        "graduaat-outside-flanders-en",
        "/en/step/years/",
        {**FL, **ROW, "p0": "graduaat", "x0": "netherlands"},
        "id_p0",
        [
            "Year 1, programme: choose a programme of this year's education system, "
            "for example Bachelor"
        ],
    ),
    (
        "flemish-year-before-the-learning-credit-en",
        "/en/step/years/",
        {**FL, **ROW, "y0": "2005-2006"},
        "id_y0",
        [
            "Year 1, academic year: give Flemish years from 2008-2009 only, when the learning "
            "credit started, for example 2024-2025"
        ],
    ),
    (
        "first-year-credits-above-earned-nl",
        "/nl/step/details/",
        {
            **FL,
            "y0": "2024-2025",
            "p0": "bachelor",
            "t0": "60",
            "e0": "40",
            "y1": "2025-2026",
            "p1": "bachelor",
            "t1": "60",
            "e1": "50",
            "b1": "51",
        },
        "id_b1",
        [
            "Jaar 2, verworven studiepunten van het eerste jaar: vul een geheel getal in "
            "van 0 tot 50, bijvoorbeeld 25"
        ],
    ),
    (
        "credits-to-finish-negative-en",
        "/en/step/finish/",
        {**FL, **ROW, "f": "-5"},
        "id_f",
        [
            "Credits still needed to finish your programme: enter a whole number from 0 to 600, "
            "for example 60"
        ],
    ),
]


@pytest.mark.parametrize(
    "path, query, field, messages", [c[1:] for c in FIELD_ERRORS], ids=[c[0] for c in FIELD_ERRORS]
)
def test_every_error_names_its_field_and_gives_an_example(client, path, query, field, messages):
    response = client.get(f"{path}?{urlencode({**query, 'go': '1'})}")
    html = response.content.decode()
    assert response.status_code == 400
    assert errors_next_to(html, field) == [page_text(m) for m in messages]
    summary = re.search(r'<div [^>]*id="error-summary".*?</ul>', html, re.S).group(0)
    anchor = f"{field}_0" if field in ("id_r", "id_s") else field  # radios: the first one
    for message in messages:
        assert f'<a href="#{anchor}">{escape(message)}</a>' in summary


def test_a_birth_year_out_of_range_is_the_only_error_on_the_birth_page(client):
    """Not also 'both or neither': the year was given, it is only out of range."""
    query = {**FL, "bm": "03", "by": "1800", "go": "1"}
    html = client.get(f"/en/step/about/?{urlencode(query)}").content.decode()
    summary = re.search(r'<div [^>]*id="error-summary".*?</ul>', html, re.S).group(0)
    assert summary.count("<li>") == 1
    assert 'id="id_bm_error"' not in html


# (id, the result page's query, the problem as the 400 page lists it)
SCENARIO_ERRORS = [
    (
        "credits-earned-above-taken-fr",
        "/fr/result/",
        {**FLEMISH, "e0": "70"},
        f"Année 1, crédits acquis{NBSP}: indiquez un nombre de 0 à 60 (les crédits inscrits), "
        "par exemple 60",
    ),
    (
        "birth-month-malformed-en",
        "/en/result/",
        {**FLEMISH, "bm": "3"},
        "Birth month and year: give a month and a year, for example March 2005",
    ),
    (
        "advice-day-malformed-nl",
        "/nl/result/",
        {**FLEMISH, "on": "26/11/2026"},
        "Adviesdatum (on): geef een dag als JJJJ-MM-DD, bijvoorbeeld ",
    ),
    (
        "sanity-enrolled-before-15-en",
        "/en/result/",
        {**FLEMISH, "by": "2016"},
        "Year 1, academic year: check this year and your birth year (born in March 2016, "
        "you were not yet 15 then)",
    ),
]


@pytest.mark.parametrize(
    "path, query, problem",
    [c[1:] for c in SCENARIO_ERRORS],
    ids=[c[0] for c in SCENARIO_ERRORS],
)
def test_the_400_page_names_the_field_and_gives_an_example(client, path, query, problem):
    response = client.get(f"{path}?{urlencode(query)}")
    assert response.status_code == 400
    assert page_text(problem) in page_text(response.content.decode())


# (id, query of the years step, field with the error, the error in Dutch)
SANITY = [
    (
        "sanity-enrolled-before-15",
        {**FLEMISH, "by": "2016"},
        "id_y0",
        "Jaar 1, academie\xadjaar: kijk dit jaar en je geboortejaar na "
        "(geboren in maart 2016 was je toen nog geen 15)",
    ),
    (
        "sanity-same-programme-twice",
        SAME_ROW_TWICE,
        "id_y1",
        "Jaar 2, academie\xadjaar: verwijder deze rij of verbeter ze "
        "(jaar 1 heeft precies dezelfde antwoorden)",
    ),
]


@pytest.mark.parametrize(
    "query, field, message", [c[1:] for c in SANITY], ids=[c[0] for c in SANITY]
)
def test_impossible_answers_are_refused_next_to_the_year(client, query, field, message):
    response = client.get(f"/nl/step/years/?{urlencode({**query, 'go': '1'})}")
    html = response.content.decode()
    assert response.status_code == 400
    assert message in errors_next_to(html, field)
    assert f'href="#{field}"' in html  # the error summary links to it


def test_two_programmes_of_one_kind_in_a_year_are_accepted(client):
    query = {**SAME_ROW_TWICE, "e1": "45", "go": "1"}
    assert client.get(f"/nl/step/years/?{urlencode(query)}").status_code == 302


ENROLMENT = {
    "academic_year": "2024-2025",
    "programme": "bachelor",
    "credits_taken": 60,
    "credits_earned": 60,
}


@pytest.mark.parametrize(
    "extra, message",
    [
        pytest.param(
            {"birth_month": "2016-03", "enrolments": [ENROLMENT]},
            "enrolments[0].academic_year: starts before the student is 15",
            id="sanity-enrolled-before-15",
        ),
        pytest.param(
            {"enrolments": [ENROLMENT, ENROLMENT]},
            "enrolments[1].academic_year: the same enrolment as enrolments[0]",
            id="sanity-same-programme-twice",
        ),
    ],
)
def test_advise_refuses_impossible_answers_with_exit_status_2(tmp_path, extra, message):
    scenario = {"as_of": "2026-11-26", "residence": "flanders", "education_system": "flanders"}
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps({**scenario, **extra}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("advise", str(path), stdout=out, stderr=err)
    assert exited.value.code == 2
    assert message in err.getvalue()
    assert out.getvalue() == ""


def test_an_error_without_a_form_field_is_not_an_example_of_nothing():
    """A plan's missing list of enrolments has no field to name: its message says what is
    wrong instead of 'choose one of the options, for example ' (rules.scenario, plans)."""
    from datetime import date

    from django.utils.translation import override

    from advisor.errors import scenario_errors
    from rules.scenario import ScenarioError, parse_scenario

    data = {"residence": "flanders", "education_system": "flanders", "as_of": "2026-11-26",
            "enrolments": [{"academic_year": "2023-2024", "programme": "bachelor",
                            "credits_taken": 60, "credits_earned": 30}],
            "plans": [{"name": "A"}]}  # fmt: skip
    with pytest.raises(ScenarioError) as refused, override("en"):
        parse_scenario(data, today=date(2026, 11, 26))
    with override("en"):
        assert scenario_errors(refused.value) == [(None, "", "an answer is missing")]


def test_the_check_page_names_a_refused_year_field_instead_of_not_answered(client):
    response = client.get("/en/check/?r=flanders&s=flanders&y0=2022-2023&p0=bachelor&t0=abc")
    text = page_text(response.content.decode())
    assert "Year 1, credits taken: enter a whole number from 0 to 200" in text
    assert "Your enrolments Not answered yet." not in text
