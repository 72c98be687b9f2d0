"""The pages of the production path: the health check, and the 500 page in the address's
language, which never fails itself."""

import pytest
from django.test import Client

from advisor import views


@pytest.fixture
def client(settings):
    settings.ROOT_URLCONF = "urls_with_a_failing_page"
    return Client(raise_request_exception=False)


def test_the_health_check_answers_ok_without_a_language_or_the_database(client):
    # no django_db mark: a query would fail the request
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("/nl/fail/", "nl", "Er ging bij ons iets mis"),
        ("/fr/fail/?r=flanders", "fr", "Une erreur s'est produite de notre côté"),
        ("/en/fail/", "en", "Something went wrong on our side"),
        ("/fail/", "nl", "Er ging bij ons iets mis"),  # outside the languages: the site's first
    ],
)
def test_the_500_page_speaks_the_language_of_the_address(client, path, lang, title):
    response = client.get(path)
    assert response.status_code == 500
    html = response.content.decode().replace("&#x27;", "'")
    assert f'<html lang="{lang}">' in html
    assert f'<h1 class="h2">{title}</h1>' in html
    assert f'href="/{lang}/"' in html  # the start page in that language


def test_the_500_page_falls_back_to_plain_text_when_it_cannot_be_drawn(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the templates are broken too")

    monkeypatch.setattr(views, "render", broken)
    response = client.get("/fr/fail/")
    assert response.status_code == 500
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Réessayez plus tard" in text and "Probeer het later opnieuw" in text
