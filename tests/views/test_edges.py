"""The edge never breaks (issue 9): any query, short link or date gives a page with a message
naming the field in the user's language, never a 500, a traceback or a huge page."""

import io
import re
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.http import QueryDict

from advisor import shortlink

FLEMISH = {
    "r": "flanders",
    "s": "flanders",
    "by": "2005",
    "bm": "03",
    "y0": "2024-2025",
    "p0": "bachelor",
    "t0": "60",
    "e0": "45",
}
MAX_PAGE_BYTES = 400_000


def get(client, path, query):
    return client.get(f"{path}?{urlencode(query)}")


@pytest.mark.parametrize(
    "query, status, message",
    [
        pytest.param(
            {**FLEMISH, "on": "2018-06-01"},
            400,
            "Adviesdatum (on): kies een dag van 1 september 2022 tot 31 augustus 2027",
            id="issue-9-on-2018-06-01",
        ),
        pytest.param(
            {**FLEMISH, "on": "9999-12-31"},
            400,
            "Adviesdatum (on): kies een dag van 1 september 2022 tot 31 augustus 2027",
            id="issue-9-on-9999-12-31",
        ),
        pytest.param(
            {**FLEMISH, "t0": "²"},
            400,
            "Jaar 1, opgenomen studiepunten: vul een geheel getal in van 0 tot 200, bijvoorbeeld 60",
            id="issue-9-credits-superscript-two",
        ),
        pytest.param(
            {**FLEMISH, "t0": "٦٠", "e0": "٤٥"}, 200, "", id="arabic-indic-digits-are-digits"
        ),
        pytest.param({**FLEMISH, "on": "2026-02-30"}, 400, "", id="impossible-date"),
        pytest.param({**FLEMISH, "on": "٢٠٢٦-١١-٢٦"}, 200, "", id="on-in-arabic-indic-digits"),
        pytest.param({**FLEMISH, "by": "99999"}, 400, "", id="birth-year-far-future"),
        pytest.param({**FLEMISH, "bm": "13"}, 400, "", id="birth-month-13"),
        pytest.param({**FLEMISH, "y0": "0001-0002"}, 400, "", id="academic-year-0001"),
        pytest.param({**FLEMISH, "sm0": "99"}, 400, "", id="start-month-99"),
        pytest.param({**FLEMISH, "e0": "-5"}, 400, "", id="negative-credits"),
        pytest.param({**FLEMISH, "b0": "50"}, 400, "", id="block1-over-earned"),
        pytest.param(
            {**FLEMISH, "t0": "9" * 5000},
            400,
            "Jaar 1, opgenomen studiepunten: vul een geheel getal in van 0 tot 200, bijvoorbeeld 60",
            id="credits-of-5000-digits-beyond-pythons-int-limit",
        ),
        pytest.param({**FLEMISH, "f": "9" * 5000}, 400, "", id="credits-to-finish-5000-digits"),
    ],
)
def test_result_edges(client, query, status, message):
    response = get(client, "/nl/result/", query)
    html = response.content.decode()
    assert response.status_code == status, html[:2000]
    assert message in html
    assert len(response.content) < MAX_PAGE_BYTES


def test_on_outside_the_period_names_it_in_each_language_with_a_link_to_today(client):
    for language, words in (
        ("nl", "Adviesdatum (on): kies een dag van 1 september 2022"),
        ("fr", "Date du conseil (on)\u00a0: choisissez un jour du 1er septembre 2022"),
        ("en", "Advice date (on): choose a day from 1 September 2022"),
    ):
        response = get(client, f"/{language}/result/", {**FLEMISH, "on": "2018-06-01"})
        html = response.content.decode()
        assert response.status_code == 400
        assert words in html
        link = re.search(r'<li><a href="([^"]+)">', html).group(1)
        assert "on=" not in link and link.startswith(f"/{language}/result/?")


def test_thousands_of_rows_give_a_short_page_that_names_the_field(client):
    rows = {
        f"{key}{i}": value
        for i in range(99)
        for key, value in (("y", "2024-2025"), ("p", "bachelor"), ("t", "60"), ("e", "10"))
    }
    response = get(client, "/en/result/", {"r": "flanders", "s": "flanders", **rows})
    assert response.status_code == 400
    assert "give at most 40 rows" in response.content.decode()
    assert len(response.content) < MAX_PAGE_BYTES


def test_the_years_step_stops_adding_rows_at_the_limit(client):
    rows = {
        f"{key}{i}": value
        for i in range(40)
        for key, value in (("y", "2024-2025"), ("p", "bachelor"), ("t", "60"))
    }
    html = get(
        client, "/en/step/years/", {"r": "flanders", "s": "flanders", "add": "1", **rows}
    ).content.decode()
    assert 'name="y40"' not in html
    assert "That is the most we take: 40 rows." in html


@pytest.mark.parametrize(
    "code, status",
    [
        pytest.param("ff.o9999-12-31/24ba60.45", 400, id="issue-9-short-link-far-future"),
        pytest.param("ff.o2018-06-01/24ba60.45", 400, id="issue-9-short-link-before-the-rules"),
        pytest.param("ff.o2026-13-45/24ba60.45", 400, id="short-link-impossible-date"),
        pytest.param("ff/24ba60.45" + "/24ba60.45" * 60, 400, id="short-link-too-many-rows"),
        pytest.param("ff/24ba60.99", 400, id="short-link-earned-over-taken"),
        pytest.param("ff/٢٤ba60.45", 404, id="short-link-non-ascii-digits"),
    ],
)
def test_short_link_edges(client, code, status):
    response = client.get(f"/fr/r/{code}/", follow=True)
    assert response.status_code == status
    assert len(response.content) < MAX_PAGE_BYTES


V2 = {
    "r": "flanders",
    "s": "flanders",
    "by": "2005",
    "bm": "03",
    "y0": "2024-2025",
    "p0": "bachelor",
    "t0": "60",
    "e0": "40",
    "y1": "2025-2026",
    "p1": "bachelor",
    "t1": "60",
    "e1": "50",
    "b1": "15",
    "c1": "1",
    "y2": "2026-2027",
    "p2": "bachelor",
    "t2": "12",
    "z2": "1",
}


def test_short_link_carries_the_v2_answers():
    code = shortlink.encode(QueryDict(urlencode(V2)))
    assert code == "ff.200503/24ba60.40/25ba60.50b15c/26ba12f"
    assert shortlink.decode(code).dict() == V2


def test_details_step_asks_only_where_it_changes_an_answer(client):
    years_done = {key: value for key, value in V2.items() if key[0] not in "bcz"}
    response = get(client, "/en/step/years/", {"go": "1", **years_done})
    assert response["Location"].startswith("/en/step/details/?")
    html = client.get(response["Location"]).content.decode()
    assert 'name="c1"' in html and 'name="b1"' in html and 'name="z2"' in html
    assert 'name="z0"' not in html and 'name="c0"' not in html and 'name="b2"' not in html
    assert "Leave it empty if you don't know" in html


def test_details_step_refuses_more_first_year_credits_than_earned(client):
    response = get(client, "/en/step/details/", {"go": "1", **{**V2, "b1": "51"}})
    assert response.status_code == 400
    assert (
        "Year 2, first-year credits earned: enter a whole number from 0 to 50, for example 25"
        in response.content.decode()
    )


def test_no_details_step_when_nothing_would_change(client):
    plain = {
        "r": "netherlands",
        "s": "netherlands",
        "y0": "2026-2027",
        "p0": "bachelor",
        "t0": "60",
    }
    response = get(client, "/en/step/years/", {"go": "1", **plain})
    assert "/step/details/" not in response["Location"]


def test_check_page_says_i_dont_know_for_an_empty_first_year_credits_answer(client):
    html = get(client, "/en/check/", {**V2, "b1": ""}).content.decode()
    assert "I don&#x27;t know (approximated)" in html


def test_result_opens_with_the_short_answers(client):
    html = get(client, "/en/result/", V2).content.decode()
    summary = re.search(r'<div class="summary.*?</div>', html, re.S).group(0)
    assert "Learning credit:" in summary and "Study progress:" in summary
    assert "Family allowance now (" in summary and "): yes, as a student." in summary


@pytest.mark.parametrize(
    "language, words",
    [("nl", "ten hoogste 40 rijen"), ("fr", "au maximum 40 lignes"), ("en", "at most 40 rows")],
)
def test_an_address_with_thousands_of_fields_gets_the_site_s_own_page(client, language, words):
    """Over Django's thousand query fields the request is refused before any view reads it."""
    rows = "".join(f"&y{i}=2024-2025&p{i}=bachelor&t{i}=60" for i in range(3000))
    response = client.get(f"/{language}/result/?r=flanders&s=flanders{rows}")
    assert response.status_code == 400
    html = response.content.decode()
    assert words in html
    assert f'lang="{language}"' in html
    assert len(response.content) < MAX_PAGE_BYTES


@pytest.mark.parametrize(
    "path, extra",
    [
        pytest.param("/nl/step/years/", {"remove": "²"}, id="remove-superscript-two"),
        pytest.param("/nl/step/years/", {"remove": "9" * 5000}, id="remove-5000-digits"),
        pytest.param("/nl/step/years/", {"t0": "9" * 5000}, id="years-step-5000-digits"),
        pytest.param("/nl/check/", {"e0": "9" * 5000}, id="check-page-5000-digits"),
        pytest.param("/nl/step/details/", {"e0": "9" * 5000}, id="details-step-5000-digits"),
    ],
)
def test_wizard_pages_never_fail_on_numbers_python_cannot_read(client, path, extra):
    response = get(client, path, {**FLEMISH, **extra})
    assert response.status_code in (200, 302, 400)


def test_advise_names_the_field_of_a_number_python_cannot_read(tmp_path):
    """A JSON integer of 5000 digits is beyond Python's int() limit: refused by field name."""
    scenario = tmp_path / "scenario.json"
    digits = "9" * 5000
    scenario.write_text(
        '{"as_of": "2026-11-26", "residence": "flanders", "education_system": "flanders", '
        '"enrolments": [{"academic_year": "2024-2025", "programme": "bachelor", '
        f'"credits_taken": {digits}, "credits_earned": 30}}]}}',
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("advise", str(scenario), stdout=out, stderr=err)
    assert exited.value.code == 2
    assert "enrolments[0].credits_taken: must be a whole number from 0 to 200" in err.getvalue()


@pytest.mark.parametrize(
    "nested",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="the-whole-input"),
        pytest.param('{"residence": ' + "[" * 100_000 + "]" * 100_000 + "}", id="a-field-s-value"),
    ],
)
def test_advise_names_the_scenario_when_json_is_nested_too_deeply(tmp_path, nested):
    """Found by tests/fuzz: JSON nested deeper than Python's recursion limit was a traceback
    (RecursionError, exit status 1), not a refusal."""
    scenario = tmp_path / "scenario.json"
    scenario.write_text(nested, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("advise", str(scenario), stdout=out, stderr=err)
    assert exited.value.code == 2
    assert err.getvalue().startswith("(scenario): nested too deeply")
    assert out.getvalue() == ""


def forty_rows_wrong_in_every_way(padding: int = 0) -> dict:
    """Forty rows (the most the advisor takes), each with five problems: a programme of
    another system, earned over taken, tolerated over taken, first-year over earned, months
    outside the year; and an answer padded to `padding` characters."""
    rows = {}
    for i in range(40):
        rows |= {f"y{i}": "2024-2025", f"p{i}": "associate-degree", f"t{i}": "60"}
        rows |= {f"e{i}": "70", f"l{i}": "90", f"b{i}": "80", f"sm{i}": "07", f"em{i}": "02"}
    return {"r": "flanders", "s": "flanders", "by": "2020", "bm": "03", **rows, "x": "x" * padding}


@pytest.mark.parametrize("padding", [0, 3000])
def test_the_result_s_problems_are_listed_ten_at_most_so_the_page_stays_small(client, padding):
    """Found by tests/fuzz: each problem links to its step with every answer, and forty wrong
    rows made 200 problems: a 3 KB address gave a 935 KB page (a 6 KB one, 2.6 MB)."""
    query = urlencode(forty_rows_wrong_in_every_way(padding))
    response = client.get(f"/en/result/?{query}")
    html = response.content.decode()
    assert response.status_code == 400
    assert len(re.findall(r"<li><a href=", html)) == 10
    assert "After these, 190 more answers need another look." in html
    assert len(response.content) < 60_000 + 15 * len(query)
    french = client.get(f"/fr/result/?{query}").content.decode()
    assert "Ensuite, 190 autres réponses sont à revoir." in french
