"""The result page's 'Report a mistake' form (issue 12, item 5): stored in the database with the
short link worked out on the server, the rules date, the language and the time; CSRF, limits,
a honeypot and a per-client rate limit; errors next to the fields in the page's language.

These tests run on the database DATABASE_URL names: SQLite in the ordinary run, and a real
PostgreSQL in the second run that test_feedback_databases.py starts."""

import os
import re
from datetime import UTC, datetime, timedelta
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feedback import ratelimit
from feedback.models import EMAIL_KEPT_MONTHS, Feedback, email_deadline
from rules.parameters import rules_checked_on

ANSWERS = (
    "r=flanders&s=flanders&by=2004&bm=02&y0=2022-2023&p0=bachelor&t0=60&e0=30"
    "&y1=2023-2024&p1=bachelor&t1=60&e1=60"
)
CODE = "ff.200402/22ba60.30/23ba60.60"
ACTION = f"/en/feedback/{CODE}/"
THANKS = "Thank you. We have received your report."


def page_text(html: str) -> str:
    """The text as a reader sees it (as tests/views/pages.py)."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def feedback_section(html: str) -> str:
    return re.search(r'<section [^>]*class="feedback .*?</section>', html, re.S).group(0)


def post(client, comment="The second year is missing.", language="en", headers=None, **data):
    return client.post(
        f"/{language}/feedback/{CODE}/", {"comment": comment, **data}, headers=headers
    )


def test_runs_on_the_database_that_database_url_names():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


def test_the_result_page_offers_the_form_with_the_consent_wording(client):
    html = feedback_section(client.get(f"/en/result/?{ANSWERS}").content.decode())
    text = page_text(html)
    assert "Is this advice right for you?" in text
    assert "Report a mistake" in text
    assert f'<form method="post" action="{ACTION}#feedback"' in html
    assert re.search(r'name="csrfmiddlewaretoken" value="\w+"', html)
    assert '<textarea name="comment"' in html
    assert '<input type="email" name="email"' in html
    assert (
        "Only if you want an answer. We use it only to reply about this advice and delete it "
        f"after {EMAIL_KEPT_MONTHS} months."
    ) in text
    assert "At most 2000 characters." in text


def test_the_honeypot_is_hidden_from_people_and_screen_readers_without_inline_style(client):
    html = feedback_section(client.get(f"/en/result/?{ANSWERS}").content.decode())
    trap = re.search(r'<div class="visually-hidden" aria-hidden="true">.*?</div>', html, re.S)
    assert trap, "the honeypot's wrapper"
    assert re.search(r'<input type="text" name="website"[^>]* tabindex="-1"', trap.group(0))
    assert "style" not in html and "<script" not in html and "onclick" not in html


@pytest.mark.django_db
def test_a_get_of_the_result_page_makes_no_database_query(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/result/?{ANSWERS}").status_code == 200
        assert client.get(f"/en/result/?{ANSWERS}&sent=1").status_code == 200
    assert len(queries) == 0


@pytest.mark.django_db
def test_a_report_is_stored_and_the_result_page_says_thank_you(client):
    before = timezone.now()
    response = post(client, "Year 2: I had 54 credits.\r\nNot 60.", email=" Ann@Example.be ")
    assert response.status_code == 302
    assert response["Location"] == f"/en/result/?{ANSWERS}&sent=1#feedback"
    report = Feedback.objects.get()
    assert report.code == CODE
    assert report.language == "en"
    assert report.rules_checked_on == rules_checked_on()
    assert report.comment == "Year 2: I had 54 credits.\nNot 60."
    assert report.email == "Ann@Example.be"  # as typed, without the spaces around it
    assert before <= report.created <= timezone.now()

    page = client.get(response["Location"].split("#")[0]).content.decode()
    section = page_text(feedback_section(page))
    assert THANKS in section and "Send report" not in section
    # `sent` is a control key, not an answer: the permalink and the answers' links leave it out
    assert f"http://testserver/en/r/{CODE}/" in page
    back = re.search(r'<a class="back-link" href="([^"]+)"', page).group(1)
    assert back == f"/en/check/?{ANSWERS}".replace("&", "&amp;")


@pytest.mark.django_db
def test_the_stored_link_is_the_one_the_server_writes(client):
    """A code that reads as the same answers but is written differently ('060' credits) is
    stored as the server writes it; a code that does not read is refused, nothing stored."""
    response = client.post("/en/feedback/ff.200402/22ba060.30/23ba60.60/", {"comment": "x"})
    assert response.status_code == 302
    assert Feedback.objects.get().code == CODE
    for bad in ("zz.200402/22ba60.30", "ff.200402", "ff.200402/22ba60.30/23ba", "x" * 3000):
        response = client.post(f"/en/feedback/{bad}/", {"comment": "x"})
        assert response.status_code == 400
        assert "We cannot tell which result this report is about" in page_text(
            response.content.decode()
        )
    assert Feedback.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, comment, email, message",
    [
        ("en", "", "", "What is wrong: write a few words about the mistake."),
        ("en", "   \n  ", "", "What is wrong: write a few words about the mistake."),
        ("en", "x" * 2001, "", "What is wrong: write at most 2000 characters (now 2001)."),
        ("en", "a\r\n" * 1001, "", "What is wrong: write at most 2000 characters (now 2001)."),
        ("en", "x\x00y", "", "What is wrong: remove the invisible characters."),
        (
            "en",
            "ok",
            "ann@",
            "Your e-mail address: enter an address like name@example.com, or leave it empty.",
        ),
        (
            "en",
            "ok",
            "a" * 245 + "@example.be",
            "Your e-mail address: it can have at most 254 characters.",
        ),
        ("nl", "", "", "Wat klopt er niet: schrijf in een paar woorden wat er fout is."),
        (
            "fr",
            "ok",
            "pas une adresse",
            "Votre adresse e-mail\u00a0: indiquez une adresse comme nom@exemple.be, ou laissez "
            "le champ vide.",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "too-long",
        "too-long-lines",
        "nul",
        "bad-email",
        "long-email",
        "nl-empty",
        "fr-bad-email",
    ],
)
def test_errors_are_shown_next_to_the_field_in_the_page_language(
    client, language, comment, email, message
):
    response = post(client, comment, language, email=email)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    section = feedback_section(html)
    field = "email" if "mail" in message else "comment"
    error = re.search(
        rf'<div id="feedback-{field}-error" class="invalid-feedback">(.*?)</div>', section, re.S
    )
    assert error and page_text(message) in page_text(error.group(1))
    assert f'<a href="#feedback-{field}">{message}</a>' in section  # the error summary
    assert 'aria-invalid="true"' in section and '<details class="feedback-form" open>' in section
    assert Feedback.objects.count() == 0
    # what was typed is kept, and the page is the same result, still with its permalink
    if comment.strip() and "\x00" not in comment:
        assert comment.replace("\r\n", "\n")[:50] in html.replace("\r\n", "\n")
    assert f"http://testserver/{language}/r/{CODE}/" in html


@pytest.mark.django_db
def test_exactly_the_limits_are_accepted(client):
    email = "a" * 243 + "@example.be"  # 254 characters
    response = post(client, "line\r\n" * 399 + "x" * 5, email=email)  # 2000 with \n breaks
    assert response.status_code == 302
    report = Feedback.objects.get()
    assert len(report.comment) == 2000 and report.email == email


@pytest.mark.django_db
def test_the_honeypot_is_thanked_and_nothing_is_stored(client):
    response = post(client, "Buy cheap watches", website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"].endswith("&sent=1#feedback")
    assert Feedback.objects.count() == 0


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused_with_the_site_page():
    client = Client(enforce_csrf_checks=True)
    response = post(client, language="nl")
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Dit formulier is verlopen" in page_text(html)
    assert Feedback.objects.count() == 0

    page = client.get(f"/nl/result/?{ANSWERS}").content.decode()  # the token and its cookie
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', page).group(1)
    response = post(client, language="nl", csrfmiddlewaretoken=token)
    assert response.status_code == 302
    assert Feedback.objects.get().language == "nl"


@pytest.mark.django_db
def test_at_most_five_reports_an_hour_from_one_client(client):
    for i in range(ratelimit.LIMIT):
        assert post(client, f"report {i}").status_code == 302
    response = post(client, "one too many")
    assert response.status_code == 429
    section = page_text(feedback_section(response.content.decode()))
    assert "You have sent 5 reports within an hour. Please try again later" in section
    assert "one too many" in response.content.decode()  # what was typed is still there
    assert Feedback.objects.count() == ratelimit.LIMIT
    other = Client(REMOTE_ADDR="192.0.2.44")
    assert post(other, "another person").status_code == 302
    assert Feedback.objects.count() == ratelimit.LIMIT + 1


@pytest.mark.django_db
def test_the_forwarded_header_counts_only_behind_a_trusted_proxy(client):
    """Without a trusted proxy, a client cannot escape the limit by typing X-Forwarded-For;
    behind one, the address the proxy added (the last one) is the client."""
    for i in range(ratelimit.LIMIT):
        assert (
            post(client, f"r{i}", headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
            == 302
        )
    assert post(client, "r", headers={"X-Forwarded-For": "198.51.100.99"}).status_code == 429
    with override_settings(FEEDBACK_BEHIND_PROXY=True):
        assert post(client, "r", headers={"X-Forwarded-For": "198.51.100.99"}).status_code == 302
        for i in range(ratelimit.LIMIT - 1):
            forged = f"203.0.113.{i}, 198.51.100.99"  # typed by the client, then the proxy's
            assert post(client, "r", headers={"X-Forwarded-For": forged}).status_code == 302
        assert (
            post(client, "r", headers={"X-Forwarded-For": "10.0.0.1, 198.51.100.99"}).status_code
            == 429
        )


def test_the_client_is_kept_as_a_hash_never_as_its_address():
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
    key = ratelimit.client_key(request)
    assert "203.0.113.7" not in key and re.fullmatch(r"feedback-rate:[0-9a-f]{64}", key)
    assert key == ratelimit.client_key(RequestFactory().get("/", REMOTE_ADDR="203.0.113.7"))
    assert key != ratelimit.client_key(RequestFactory().get("/", REMOTE_ADDR="203.0.113.8"))


def test_a_get_of_the_form_address_leads_back_to_the_result(client):
    """The language links of a page with errors point at the form's address."""
    response = client.get(f"/fr/feedback/{CODE}/")
    assert response.status_code == 302
    assert response["Location"] == f"/fr/result/?{ANSWERS}#feedback"


@pytest.mark.django_db
def test_a_huge_post_is_a_400_not_a_500(client):
    response = post(client, "x" * 3_000_000)
    assert response.status_code == 400
    assert Feedback.objects.count() == 0


def test_the_email_deadline_counts_calendar_months():
    assert EMAIL_KEPT_MONTHS == 6
    moment = datetime(2027, 8, 31, 12, 0, tzinfo=UTC)
    assert email_deadline(moment) == datetime(2027, 2, 28, 12, 0, tzinfo=UTC)
    assert email_deadline(datetime(2027, 3, 15, tzinfo=UTC)) == datetime(2026, 9, 15, tzinfo=UTC)


@pytest.mark.django_db
def test_purge_feedback_deletes_the_old_email_addresses_only():
    now = timezone.now()
    deadline = email_deadline(now)
    old = Feedback.objects.create(code=CODE, language="nl", rules_checked_on=rules_checked_on(),
                                  comment="old", email="old@example.be",
                                  created=deadline - timedelta(days=1))  # fmt: skip
    recent = Feedback.objects.create(code=CODE, language="fr", rules_checked_on=rules_checked_on(),
                                     comment="recent", email="new@example.be",
                                     created=deadline + timedelta(days=1))  # fmt: skip
    out = StringIO()
    call_command("purge_feedback", stdout=out)
    assert "Deleted 1 e-mail address(es)" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.comment) == ("", "old")  # the report stays, without its address
    assert recent.email == "new@example.be"


@pytest.mark.parametrize(
    "language, words",
    [
        ("nl", ["Klopt dit advies voor jou?", "Een fout melden", "Hoogstens 2000 tekens.",
                "Alleen als je een antwoord wil. We gebruiken het alleen om te antwoorden over "
                "dit advies en wissen het na 6 maanden.", "Melding versturen"]),
        ("fr", ["Ce conseil est-il juste pour vous ?", "Signaler une erreur",
                "Au plus 2000 caractères.", "Seulement si vous souhaitez une réponse. Nous "
                "l'utilisons uniquement pour vous répondre au sujet de ce conseil et la "
                "supprimons après 6 mois.", "Envoyer le signalement"]),
    ],
)  # fmt: skip
def test_the_form_speaks_the_page_language(client, language, words):
    text = page_text(
        feedback_section(client.get(f"/{language}/result/?{ANSWERS}").content.decode())
    )
    for expected in words:
        assert page_text(expected) in text
    assert "At most" not in text and "Only if" not in text
