"""The wizard, step by step, with valid and invalid answers: errors shown, never a 500."""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

FLEMISH = {"r": "flanders", "s": "flanders"}
ONE_YEAR = {
    **FLEMISH,
    "y0": "2023-2024",
    "p0": "bachelor",
    "k0": "diploma",
    "t0": "60",
    "e0": "60",
}


def get(client, path, **query):
    return client.get(f"{path}?{urlencode(query)}" if query else path)


@pytest.mark.parametrize(
    "path, query, status, location",
    [
        pytest.param(
            "/nl/step/residence/",
            {"go": "1", "r": "flanders"},
            302,
            "/nl/step/system/?r=flanders",
            id="residence-valid-goes-to-system",
        ),
        pytest.param(
            "/nl/step/system/",
            {"go": "1", "r": "brussels", "s": "netherlands"},
            302,
            "/nl/step/about/?r=brussels&s=netherlands",
            id="system-valid-goes-to-about",
        ),
        pytest.param(
            "/nl/step/about/",
            {"go": "1", **FLEMISH, "bm": "03", "by": "2005"},
            302,
            "/nl/step/years/",
            id="about-valid-goes-to-years",
        ),
        pytest.param(
            "/nl/step/about/",
            {"go": "1", **FLEMISH},
            302,
            "/nl/step/years/",
            id="about-may-be-left-empty",
        ),
        pytest.param(
            "/nl/step/years/",
            {"go": "1", **ONE_YEAR},
            302,
            "/nl/step/finish/",
            id="years-valid-flemish-goes-to-finish",
        ),
        pytest.param(
            "/nl/step/years/",
            {
                "go": "1",
                "r": "brussels",
                "s": "netherlands",
                "y0": "2023-2024",
                "p0": "bachelor",
                "t0": "60",
            },
            302,
            "/nl/step/netherlands/",
            id="years-valid-dutch-skips-finish",
        ),
        pytest.param(
            "/nl/step/netherlands/",
            {
                "go": "1",
                "r": "netherlands",
                "s": "netherlands",
                "y0": "2023-2024",
                "p0": "bachelor",
                "t0": "60",
                "q0": "on",
            },
            302,
            "/nl/check/",
            id="netherlands-valid-goes-to-check",
        ),
        pytest.param(
            "/nl/step/finish/",
            {"go": "1", **ONE_YEAR, "f": "120"},
            302,
            "/nl/check/",
            id="finish-valid-goes-to-check",
        ),
        pytest.param(
            "/nl/step/system/",
            {"go": "1", "r": "flanders", "return": "check"},
            400,
            None,
            id="system-missing-answer",
        ),
    ],
)
def test_step_routes_valid_answers_and_refuses_invalid(client, path, query, status, location):
    response = get(client, path, **query)
    assert response.status_code == status
    if location:
        assert response["Location"].startswith(location)


CHOOSE_RESIDENCE = "Where you live: choose one of the options, for example Flanders"
TAKEN = "Year 1, credits taken: enter a whole number from 0 to 200, for example 60"
YEAR = "Year 1, academic year: choose one of the options, for example 2024-2025"


@pytest.mark.parametrize(
    "query, field, message",
    [
        pytest.param({"go": "1"}, "r", CHOOSE_RESIDENCE, id="residence-required"),
        pytest.param(
            {"go": "1", "r": "mars"}, "r", CHOOSE_RESIDENCE, id="residence-unknown-choice"
        ),
    ],
)
def test_residence_errors_are_next_to_the_field_and_in_the_summary(client, query, field, message):
    with_english = get(client, "/en/step/residence/", **query)
    html = with_english.content.decode()
    assert with_english.status_code == 400
    assert 'id="error-summary"' in html
    assert f'href="#id_{field}_0"' in html
    assert message in html


@pytest.mark.parametrize(
    "row, field, message",
    [
        pytest.param(
            {"e0": "70"},
            "e0",
            "Year 1, credits earned: enter a number from 0 to 60 (the credits taken), for example 60",
            id="earned-over-taken",
        ),
        pytest.param({"t0": "abc"}, "t0", TAKEN, id="taken-not-a-number"),
        pytest.param({"t0": "500"}, "t0", TAKEN, id="taken-over-200"),
        pytest.param({"y0": "2030-2031"}, "y0", YEAR, id="future-year"),
        pytest.param(
            {"e0": ""}, "e0", "the results of 2023-2024 are known", id="past-year-needs-results"
        ),
    ],
)
def test_year_row_errors(client, row, field, message):
    response = get(client, "/en/step/years/", go="1", **{**ONE_YEAR, **row})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'href="#id_{field}"' in html
    assert message in html


def test_check_page_lists_answers_with_change_links(client):
    html = get(client, "/en/check/", **ONE_YEAR, f="120").content.decode()
    assert "Flanders" in html and "2023-2024" in html
    assert "/en/step/residence/?" in html and "return=check" in html
    assert "/en/result/?" in html


def test_check_page_without_answers_asks_for_them(client):
    html = get(client, "/en/check/").content.decode()
    assert "Not answered yet." in html
    assert "/en/result/" not in html


PERMALINK = {
    **FLEMISH,
    "y0": "2023-2024",
    "p0": "bachelor",
    "t0": "60",
    "e0": "30",
    "y1": "2024-2025",
    "p1": "bachelor",
    "t1": "60",
    "e1": "60",
}


@pytest.mark.parametrize(
    "language, words",
    [
        pytest.param("nl", "studiepunten", id="dutch"),
        pytest.param("fr", "crédits", id="french"),
        pytest.param("en", "credits", id="english"),
    ],
)
def test_result_permalink_shows_the_balance_in_every_language(client, language, words):
    # RULES.md §1.9: 140 - 60 + 30 + 30 = 140; then 140 - 60 + 60 + 30 (bonus left) = 170
    html = get(client, f"/{language}/result/", **PERMALINK).content.decode()
    assert f'<html lang="{language}">' in html
    heading = re.search(r'<h1[^>]*id="answer-title">(.*?)</h1>', html, re.S).group(1)
    assert "170" in heading and words in heading


@pytest.mark.django_db
def test_result_page_makes_no_database_query(client):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/en/result/", **PERMALINK)
    assert response.status_code == 200
    assert len(queries) == 0


def test_result_with_bad_answers_lists_them_with_links_not_a_500(client):
    response = get(client, "/en/result/", **{**PERMALINK, "e1": "90"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "enter a number from 0 to 60 (the credits taken), for example 60" in html
    assert "/en/step/years/?" in html


def test_language_switch_keeps_the_answers(client):
    html = get(client, "/nl/result/", **PERMALINK).content.decode()
    switch = re.search(r'<a href="(/en/result/\?[^"]+)"[^>]*hreflang="en"', html).group(1)
    assert "t1=60" in switch and "e0=30" in switch


def test_root_redirects_to_a_language(client):
    assert client.get("/")["Location"] == "/nl/"


# The step counter: the years decide the optional steps (wizard.OPTIONAL_STEPS: the follow-up
# details, the Flemish 'finish' question, the Dutch questions), so until they are answered it
# gives the fewest and the most questions still possible; after them, one number.
@pytest.mark.parametrize(
    "path, query, counter",
    [
        pytest.param("/en/step/residence/", {}, "Question 1 of 4 to 7", id="nothing known"),
        pytest.param("/en/step/system/", FLEMISH, "Question 2 of 5 to 7", id="flanders: finish"),
        pytest.param("/en/step/about/", {"r": "flanders", "s": "netherlands"},
                     "Question 3 of 5 to 7", id="the-netherlands: the Dutch questions"),
        pytest.param("/en/step/years/", ONE_YEAR, "Question 4 of 5 to 7", id="years: still open"),
        pytest.param("/en/step/finish/", ONE_YEAR, "Question 5 of 5", id="after the years: known"),
        pytest.param("/nl/step/finish/", ONE_YEAR, "Vraag 5 van 5", id="after the years, in Dutch"),
        pytest.param("/nl/step/residence/", {}, "Vraag 1 van 4 à 7", id="a range, in Dutch"),
        pytest.param("/fr/step/residence/", {}, "Question 1 sur 4 à 7", id="a range, in French"),
        pytest.param("/en/step/about/", ONE_YEAR, "Question 3 of 5",
                     id="back to an earlier step: the years are answered, one number"),
    ],
)  # fmt: skip
def test_the_step_counter_never_grows_from_one_page_to_the_next(client, path, query, counter):
    html = get(client, path, **query).content.decode()
    assert re.search(r'<p class="text-body-secondary mb-1">([^<]*)</p>', html).group(1) == counter
