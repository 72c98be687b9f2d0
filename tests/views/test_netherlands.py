"""The Dutch questions (RULES.md §4) in the wizard and the halved tuition fee on the result
page: asked only for Dutch rows, kept through the other steps and the short link."""

import re
from urllib.parse import urlencode

from django.http import QueryDict
from pages import page_text

from advisor import shortlink

MIXED = {
    "r": "flanders",
    "s": "flanders",
    "y0": "2021-2022",
    "p0": "bachelor",
    "t0": "60",
    "e0": "60",
    "y1": "2022-2023",
    "x1": "netherlands",
    "p1": "bachelor",
    "t1": "60",
    "q1": "1",
}
# RULES.md §4.2, seed example 7: teacher training, stop 1 February, resume: 17 months
SEED_7 = {
    "r": "netherlands",
    "s": "netherlands",
    "y0": "2022-2023",
    "p0": "bachelor",
    "t0": "60",
    "em0": "01",
    "q0": "1",
    "y1": "2023-2024",
    "p1": "bachelor",
    "t1": "60",
    "q1": "1",
}


def html(client, path, **query):
    return client.get(f"{path}?{urlencode(query)}").content.decode()


def test_teacher_training_asked_only_for_dutch_rows(client):
    page = html(client, "/en/step/netherlands/", **MIXED)
    assert 'name="q1"' in page and 'name="q0"' not in page
    assert "Year 2 (2022-2023, Bachelor) is teacher training" in page
    assert "before 2018-2019, in a year you did not list" in page


def test_flemish_only_answers_have_no_dutch_step(client):
    flemish = {k: v for k, v in MIXED.items() if not k.endswith("1")}
    assert client.get(f"/en/step/finish/?{urlencode({**flemish, 'go': '1', 'f': '60'})}")[
        "Location"
    ].startswith("/en/check/")


def test_years_step_keeps_teacher_training_with_its_row(client):
    removed = html(client, "/en/step/years/", remove="0", **MIXED)
    # row 1 became row 0: its teacher-training answer moved with it
    assert '<input type="hidden" name="q0" value="1">' in removed
    assert 'name="q1"' not in removed


def test_earlier_enrolment_and_teacher_training_on_the_check_page(client):
    page = page_text(html(client, "/en/check/", **SEED_7, nb="on"))
    assert "before 2018-2019, in a year you did not list: yes" in page
    assert "Year 1 (2022-2023, Bachelor) is teacher training: yes" in page


def test_result_answers_the_tuition_question_first_RULES_4_2_seed_7(client):
    page = html(client, "/en/result/", **SEED_7)
    heading = re.search(r'<h1[^>]*id="answer-title">(.*?)</h1>', page, re.S).group(1)
    assert "Halved tuition fee in the Netherlands: 17 months" in heading
    assert "September 2022 to January 2023 (5 months)" in page_text(page)
    assert "was written before the abolition" in page_text(page)
    # two periods with a gap: the short answer does not join them into one span
    assert (
        "17 months in 2 separate periods, the first from September 2022, the last until "
        "August 2024" in page_text(page)
    )


def test_result_says_why_not_after_the_abolition_RULES_4_4(client):
    page = page_text(
        html(
            client,
            "/nl/result/",
            r="netherlands",
            s="netherlands",
            y0="2024-2025",
            p0="bachelor",
            t0="60",
        )
    )
    assert "Geen gehalveerd collegegeld in Nederland" in page
    assert "1 september 2024" in page


def test_short_link_keeps_the_dutch_answers():
    state = QueryDict(urlencode({**SEED_7, "nb": "1"}))
    code = shortlink.encode(state)
    assert code == "nn.n/22ba60u01q/23ba60q"
    assert shortlink.decode(code).dict() == {**SEED_7, "nb": "1"}
