"""Staff read the reports in the Django admin at /admin/; nobody else does."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from feedback.models import Feedback
from rules.parameters import rules_checked_on

LIST = "/admin/feedback/feedback/"
CODE = "ff.200402/22ba60.30/23ba60.60"


@pytest.fixture
def reports(db):
    now = timezone.now()
    return [
        Feedback.objects.create(code=CODE, language="nl", rules_checked_on=rules_checked_on(),
                                comment="Het tweede jaar ontbreekt in de tabel.",
                                email="an@example.be", created=now - timedelta(hours=1)),
        Feedback.objects.create(code="bf/24ba60", language="fr", rules_checked_on=rules_checked_on(),
                                comment="Le montant " + "très " * 40 + "long.",
                                created=now),
    ]  # fmt: skip


@pytest.fixture
def staff(db, client):
    user = User.objects.create_user("staff", password="not-used", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_feedback"))
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_the_login_page(client, reports):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={LIST}"


def test_a_logged_in_user_who_is_not_staff_is_sent_to_the_login_page(client, reports):
    client.force_login(User.objects.create_user("visitor", password="not-used"))
    assert client.get(LIST).status_code == 302


def test_staff_see_the_list_with_the_short_link_as_a_link(staff, reports):
    response = staff.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    for column in ("column-created", "column-language", "column-rules_checked_on",
                   "column-permalink", "column-excerpt", "column-has_email"):  # fmt: skip
        assert column in html, column
    assert f'<a href="/nl/r/{CODE}/">{CODE}</a>' in html
    assert '<a href="/fr/r/bf/24ba60/">bf/24ba60</a>' in html
    assert "Het tweede jaar ontbreekt in de tabel." in html
    assert "très " * 40 not in html and "Le montant" in html  # an excerpt
    assert re.search(r'<td class="field-has_email"><img src="[^"]*icon-yes', html)
    assert re.search(r'<td class="field-has_email"><img src="[^"]*icon-no', html)
    assert html.index("Le montant") < html.index("Het tweede jaar")  # newest first


def test_staff_can_search(staff, reports):
    html = staff.get(LIST, {"q": "ontbreekt"}).content.decode()
    assert "Het tweede jaar" in html and "Le montant" not in html


def test_the_short_link_and_the_comment_are_read_only_and_reports_are_not_added(staff, reports):
    html = staff.get(f"{LIST}{reports[0].pk}/change/").content.decode()
    assert f'<a href="/nl/r/{CODE}/">{CODE}</a>' in html
    assert 'name="code"' not in html and 'name="comment"' not in html
    assert staff.get(f"{LIST}add/").status_code == 403
