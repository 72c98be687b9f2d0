"""Errors as the wizard shows them: next to the field they name, in the page's language, and
linked from the error summary; the scenario's sanity checks included."""

import io
import json
import re
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from pages import page_text

ROW = {"y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "60"}
FLEMISH = {"r": "flanders", "s": "flanders", "by": "2005", "bm": "03", **ROW}
SAME_ROW_TWICE = {**FLEMISH, "y1": "2024-2025", "p1": "bachelor", "t1": "60", "e1": "60"}


def errors_next_to(html: str, field: str) -> list[str]:
    """The error texts crispy writes under the field with this id (`id_y0`)."""
    block = re.search(rf'<div id="{field}_error"[^>]*>(.*?)</div>', html, re.S)
    return [page_text(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", block.group(1), re.S)]


# (id, query of the years step, field with the error, the error in Dutch)
SANITY = [
    (
        "sanity-enrolled-before-15",
        {**FLEMISH, "by": "2016"},
        "id_y0",
        "Dit jaar begint voordat je 15 werd (geboren in maart 2016). "
        "Kijk dit jaar en je geboortejaar na.",
    ),
    (
        "sanity-same-programme-twice",
        SAME_ROW_TWICE,
        "id_y1",
        "Jaar 1 heeft precies dezelfde antwoorden. Verwijder een van beide rijen, of verbeter deze.",
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


@pytest.mark.parametrize(
    "scenario, message",
    [
        pytest.param(
            {"birth_month": "2016-03", "enrolments": [ROW]},
            "enrolments[0].academic_year: starts before the student is 15",
            id="sanity-enrolled-before-15",
        ),
        pytest.param(
            {"enrolments": [ROW, ROW]},
            "enrolments[1].academic_year: the same enrolment as enrolments[0]",
            id="sanity-same-programme-twice",
        ),
    ],
)
def test_advise_refuses_impossible_answers_with_exit_status_2(tmp_path, scenario, message):
    enrolment = {
        "academic_year": "2024-2025",
        "programme": "bachelor",
        "credits_taken": 60,
        "credits_earned": 60,
    }
    data = {
        "as_of": "2026-11-26",
        "residence": "flanders",
        "education_system": "flanders",
        **scenario,
        "enrolments": [enrolment for _row in scenario["enrolments"]],
    }
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("advise", str(path), stdout=out, stderr=err)
    assert exited.value.code == 2
    assert message in err.getvalue()
    assert out.getvalue() == ""
