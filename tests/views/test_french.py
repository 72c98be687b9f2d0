"""French end to end: `advise --lang fr`, the French result page (dates, euros) and the language
switch from a French page, answers kept."""

import json
import re
from html import unescape
from io import StringIO
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core.management import call_command

NBSP = "\u00a0"
SCENARIO = {
    "as_of": "2026-11-26",
    "residence": "flanders",
    "birth_month": "2005-03",
    "education_system": "flanders",
    "enrolments": [
        {
            "academic_year": "2023-2024",
            "programme": "bachelor",
            "credits_taken": 60,
            "credits_earned": 30,
        },
        {
            "academic_year": "2024-2025",
            "programme": "bachelor",
            "credits_taken": 60,
            "credits_earned": 60,
        },
    ],
}
# The same answers as a result page's query (RULES.md §1.9: the balance ends at 170).
ANSWERS = {
    "r": "flanders",
    "s": "flanders",
    "by": "2005",
    "bm": "03",
    "on": "2026-11-26",
    "y0": "2023-2024",
    "p0": "bachelor",
    "t0": "60",
    "e0": "30",
    "y1": "2024-2025",
    "p1": "bachelor",
    "t1": "60",
    "e1": "60",
}


def advise(tmp_path, *options) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SCENARIO), encoding="utf-8")
    out = StringIO()
    call_command("advise", *options, str(path), stdout=out)
    return out.getvalue()


def titles(output: str) -> dict[str, str]:
    return {e["topic"]: e["title"] for e in json.loads(output)["explanation"]}


def test_advise_in_french_gives_french_explanation_titles(tmp_path):
    french, english = (
        titles(advise(tmp_path, "--lang", "fr")),
        titles(advise(tmp_path, "--lang", "en")),
    )
    assert french.keys() == english.keys()
    # the no-break space before the colon survives in the JSON texts
    assert french["learning_credit"] == f"Votre crédit d'apprentissage{NBSP}: 170 crédits"
    assert french["credits_vs_learning_credit"] == (
        f"Crédits et crédit d'apprentissage{NBSP}: deux choses différentes"
    )
    assert french["family_allowance"] == (
        f"Allocations familiales{NBSP}: le Groeipakket pendant vos études"
    )
    assert all(french[topic] != english[topic] for topic in french), french


def test_advise_in_french_gives_french_texts_with_euros_after_the_amount(tmp_path):
    texts = {
        e["topic"]: e["text"] for e in json.loads(advise(tmp_path, "--lang", "fr"))["explanation"]
    }
    assert f"au plus 11{NBSP}€ par crédit" in texts["learning_credit_insufficient"]
    assert re.search(rf"au moins \d+,\d\d{NBSP}€ par mois", texts["family_allowance"])
    assert "1er septembre 2023" in texts["family_allowance"]  # RULES.md §0: French « 1er »


@pytest.mark.parametrize(
    "lang, learning_credit",
    [
        ("fr", f"Crédit d'apprentissage{NBSP}: 170 crédits."),
        ("nl", "Leerkrediet: 170 studiepunten."),
        ("en", "Learning credit: 170 credits."),
    ],
)
def test_advise_summary_the_short_answers_in_the_requests_language_SCENARIO_v2(
    tmp_path, lang, learning_credit
):
    summary = json.loads(advise(tmp_path, "--lang", lang))["summary"]
    assert [s["topic"] for s in summary] == [
        "learning_credit",
        "study_efficiency",
        "family_allowance",
    ]
    assert summary[0]["text"].startswith(learning_credit)


def test_advise_permalink_in_french(tmp_path):
    path = advise(tmp_path, "--permalink", "--lang", "fr").strip()
    assert path.startswith("/fr/result/?")
    assert parse_qs(urlsplit(path).query)["e0"] == ["30"]


def test_advise_refuses_an_unknown_language(tmp_path):
    with pytest.raises(Exception, match="invalid choice: 'de'"):
        advise(tmp_path, "--lang", "de")


def result_page(client, language="fr"):
    response = client.get(f"/{language}/result/?{urlencode(ANSWERS)}")
    assert response.status_code == 200
    return response.content.decode()


def test_french_result_page(client):
    html = result_page(client)
    assert '<html lang="fr">' in html
    heading = re.search(r'<h1[^>]*id="answer-title">(.*?)</h1>', html, re.S).group(1)
    assert "170" in heading and "crédits" in heading
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    assert "Conseil pour le 26 novembre 2026" in text
    assert re.search(rf"au moins \d+,\d\d{NBSP}€ par mois", text)
    assert f"2023-2024  (60 crédits){NBSP}:" in text  # French puts a space before the colon
    assert "Studies and family allowance guide" not in text and "learning credit" not in text


def switch_links(html) -> dict[str, str]:
    """hreflang -> href of the language switch's links, checking each link's lang."""
    links = {}
    header = html[html.index("<header") : html.index("</header>")]  # sources have hreflang too
    for tag in re.findall(r"<a [^>]*hreflang=[^>]*>", header):
        href = unescape(re.search(r'href="([^"]+)"', tag).group(1))
        hreflang = re.search(r'hreflang="([^"]+)"', tag).group(1)
        assert f'lang="{hreflang}"' in tag
        links[hreflang] = href
    return links


def test_language_switch_from_a_french_result_keeps_the_answers(client):
    links = switch_links(result_page(client))
    assert set(links) == {"nl", "en"}  # the two other languages; French is the current one
    for language, href in links.items():
        assert urlsplit(href).path == f"/{language}/result/"
        assert {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()} == ANSWERS
        page = client.get(href)
        assert page.status_code == 200
        assert f'<html lang="{language}">' in page.content.decode()


def test_other_languages_offer_french(client):
    for language in ("nl", "en"):
        links = switch_links(result_page(client, language))
        assert urlsplit(links["fr"]).path == "/fr/result/"
        assert parse_qs(urlsplit(links["fr"]).query)["t1"] == ["60"]


def test_root_redirects_a_french_browser_to_french(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")["Location"] == "/fr/"
