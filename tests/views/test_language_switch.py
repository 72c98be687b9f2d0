"""The language switch keeps what was typed on a step: the step form's language buttons (the
way without JavaScript; static/js/language.js rewrites the links instead) lead to the same step
in that language with the submitted values, neither checked nor saved."""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from pages import page_text

FL = {"r": "flanders", "s": "flanders"}


def switch(client, path, **query):
    return client.get(f"{path}?{urlencode(query)}")


def answers(location: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(location).query)


# (id, step page, what the form sent, where it leads, the answers it keeps)
CASES = [
    (
        "birth-step-to-french",
        "/nl/step/about/",
        {**FL, "bm": "03", "by": "2004", "lang": "fr"},
        "/fr/step/about/",
        {**FL, "bm": "03", "by": "2004"},
    ),
    (
        "a-wrong-value-is-kept-not-judged",
        "/en/step/about/",
        {**FL, "bm": "03", "by": "1800", "lang": "nl"},
        "/nl/step/about/",
        {**FL, "bm": "03", "by": "1800"},
    ),
    (
        "years-step-keeps-the-rows-typed",
        "/fr/step/years/",
        {**FL, "y0": "2024-2025", "p0": "bachelor", "t0": "60", "k0": "diploma", "lang": "en"},
        "/en/step/years/",
        {**FL, "y0": "2024-2025", "p0": "bachelor", "t0": "60", "k0": "diploma"},
    ),
    (
        "empty-fields-and-other-control-keys-are-left-out",
        "/nl/step/finish/",
        {**FL, "f": "", "go": "1", "add": "1", "lang": "en"},
        "/en/step/finish/",
        FL,
    ),
    (
        "unknown-language-stays-in-the-page-language",
        "/fr/step/system/",
        {**FL, "lang": "xx"},
        "/fr/step/system/",
        FL,
    ),
    (
        "language-in-capitals-is-unknown",
        "/nl/step/system/",
        {**FL, "lang": "FR"},
        "/nl/step/system/",
        FL,
    ),
    (
        "non-ascii-language",
        "/en/step/residence/",
        {"r": "brussels", "lang": "ñl" * 500},
        "/en/step/residence/",
        {"r": "brussels"},
    ),
]


@pytest.mark.parametrize(
    "path, query, target, kept", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_language_button_leads_to_the_same_step_with_what_was_typed(
    client, path, query, target, kept
):
    response = switch(client, path, **query)
    assert response.status_code == 302
    location = response["Location"]
    assert urlsplit(location).path == target
    assert answers(location) == {key: [value] for key, value in kept.items()}


def test_returning_to_the_check_page_is_kept(client):
    query = {**FL, "by": "2004", "bm": "03", "return": "check", "lang": "en"}
    response = switch(client, "/nl/step/about/", **query)
    assert answers(response["Location"])["return"] == ["check"]
    assert "Save and return" in client.get(response["Location"]).content.decode()


def test_the_new_language_shows_the_typed_value_without_errors(client):
    response = switch(client, "/en/step/about/", **FL, by="1800", bm="03", go="1", lang="fr")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'name="by" value="1800"', html)
    assert 'id="error-summary"' not in html
    assert '<html lang="fr">' in html


def test_an_unknown_step_is_not_found_whatever_the_language(client):
    assert switch(client, "/nl/step/nowhere/", lang="fr").status_code == 404


@pytest.mark.parametrize(
    "language, label, others",
    [
        ("nl", "Andere taal, met wat je al invulde:", ["Français", "English"]),
        ("fr", "Autre langue, avec ce que vous avez saisi :", ["Nederlands", "English"]),
        ("en", "Another language, with what you typed:", ["Nederlands", "Français"]),
    ],
)
def test_each_step_offers_the_other_languages_as_buttons_of_its_form(
    client, language, label, others
):
    html = switch(client, f"/{language}/step/about/", **FL).content.decode()
    form = re.search(r'<form [^>]*id="step-form".*?</form>', html, re.S).group(0)
    buttons = re.findall(
        r'<button type="submit" name="lang" value="(\w+)"[^>]*>(.*?)</button>', form
    )
    assert [name for _code, name in buttons] == others
    assert label in page_text(form)
    # after the Continue button: Enter in a field still means Continue
    assert form.index('name="go"') < form.index('name="lang"')


@pytest.mark.parametrize("path", ["/en/check/", "/en/result/"])
def test_check_and_result_pages_keep_plain_links(client, path):
    query = {**FL, "y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "60", "f": "60"}
    html = switch(client, path, **query).content.decode()
    assert 'name="lang"' not in html
    assert 'id="step-form"' not in html
    link = re.search(r'<a href="([^"]+)" lang="fr" hreflang="fr">Français</a>', html).group(1)
    assert link.startswith(f"/fr/{path[4:]}?") and "t0=60" in link


def test_the_script_that_keeps_typed_values_is_a_static_file(client):
    html = switch(client, "/en/step/about/", **FL).content.decode()
    assert re.search(r'<script src="/static/js/language\.js" defer></script>', html)
    assert "onclick" not in html
