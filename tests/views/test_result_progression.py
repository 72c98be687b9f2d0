"""The French Community progression on the result page: the answer first (RULES.md §3)."""

import re
from urllib.parse import urlencode

import pytest
from pages import page_text

FC_ONLY = {
    "r": "wallonia",
    "s": "french-community",
    "y0": "2023-2024",
    "p0": "bachelor",
    "t0": "60",
    "e0": "30",
    "y1": "2024-2025",
    "p1": "bachelor",
    "t1": "60",
    "e1": "10",
}


def page(client, lang="en", **query):
    response = client.get(f"/{lang}/result/?{urlencode(query)}")
    assert response.status_code == 200
    html = response.content.decode()
    return html, page_text(html)


def heading(html):
    return re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
    ).strip()


@pytest.mark.parametrize(
    "lang, title",
    [
        (
            "en",
            "French-speaking studies: in 2025-2026 you are fundable only if you change programme",
        ),
        (
            "nl",
            "Franstalige studies: in 2025-2026 ben je alleen financierbaar als je van opleiding "
            "verandert",
        ),
    ],
)
def test_french_community_only_the_progression_answer_comes_first(client, lang, title):
    html, _text = page(client, lang, **FC_ONLY)
    assert heading(html) == title
    assert "No Flemish learning credit in your answers" not in html
    assert html.count('id="answer-title"') == 1


def test_the_page_says_what_it_does_not_know_and_whom_to_ask(client):
    _, text = page(client, **FC_ONLY)
    assert "You have acquired 40 block-1 credits; you need 60 to leave block 1." in text
    assert "CEPERI was abolished" not in text
    assert (
        "We read that it was abolished in 2025, but found no official text saying so, and "
        "ARES still describes it"
    ) in text
    assert "ask your institution's registration service" in text
    assert "That is an approximation" in text
    assert "we don't ask about that" not in text  # the change of programme is asked now


def test_RULES_0_with_a_reorientation_the_verdict_is_definite(client):
    html, text = page(client, **{**FC_ONLY, "c1": "1"})
    assert heading(html) == "French-speaking studies: you are fundable in 2025-2026"
    assert "you changed programme (a reorientation), which gives 1 extra year" in text


def test_2026_2027_rules_may_differ_and_the_check_date_is_shown(client):
    _, text = page(
        client, **{**FC_ONLY, "y2": "2025-2026", "p2": "bachelor", "t2": "20", "e2": "20"}
    )
    assert "was announced for 2026-2027" in text
    assert (
        "If it applies, the answer above may change: we last checked the rules on 26 November 2026"
        in text
    )


def test_flemish_and_french_enrolments_learning_credit_first_progression_as_a_topic(client):
    html, _ = page(
        client,
        **{
            **FC_ONLY,
            "s": "flanders",
            "x0": "french-community",
            "x1": "french-community",
            "y2": "2025-2026",
            "p2": "bachelor",
            "t2": "60",
            "e2": "60",
            "f": "120",
        },
    )
    assert heading(html).startswith("Your learning credit")
    assert 'id="topic-progression"' in html


@pytest.mark.parametrize(
    "block1, title",
    [
        (None, "French-speaking studies: probably fundable in 2026-2027"),
        ("15", "French-speaking studies: you are fundable in 2026-2027"),
    ],
    ids=["RULES-3-block-1-not-given-approximated-so-probably",
         "RULES-3-block-1-given-the-verdict-is-definite"],
)  # fmt: skip
def test_a_verdict_on_approximated_block_1_credits_says_probably(client, block1, title):
    """45 then 30 of 60: all 60 block-1 credits after two enrolments only if the 30 were all
    block-1 credits. Without that answer the verdict rests on an approximation and says so."""
    answers = {
        **{"r": "wallonia", "s": "french-community", "by": "2006", "bm": "06"},
        **{"y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "45"},
        **{"y1": "2025-2026", "p1": "bachelor", "t1": "60", "e1": "30", "on": "2026-11-26"},
    }
    if block1:
        answers["b1"] = block1
    html, text = page(client, **answers)
    assert heading(html) == title
    assert ("give your block-1 credits to be sure" in text) is (block1 is None)


@pytest.mark.parametrize(
    "lang, sentence",
    [
        pytest.param("en", "Next year, 2027-2028: fundable too, whatever this year's results.",
                     id="RULES-3: block 1 complete, next milestone after 4 enrolments"),
        pytest.param("nl", "Volgend jaar, 2027-2028: ook financierbaar, wat je resultaten van "
                     "dit jaar ook zijn.", id="RULES-3 in Dutch"),
    ],
)  # fmt: skip
def test_next_year_fundable_whatever_this_years_results(client, lang, sentence):
    third_year = {"r": "wallonia", "s": "french-community", "on": "2026-11-26",
                  "y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "60",
                  "y1": "2025-2026", "p1": "bachelor", "t1": "60", "e1": "50",
                  "y2": "2026-2027", "p2": "bachelor", "t2": "20"}  # fmt: skip
    _, text = page(client, lang, **third_year)
    assert sentence in text
    assert "depends on this year's results" not in text
