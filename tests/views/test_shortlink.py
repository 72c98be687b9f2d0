"""The short permalink: typed from paper, it restores the result and every answer."""

import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from pages import page_text

from advisor import shortlink

FULL = {
    "r": "brussels",
    "s": "flanders",
    "by": "1990",
    "bm": "02",
    "f": "60",
    "y0": "2023-2024",
    "p0": "bachelor",
    "t0": "60",
    "e0": "45",
    "l0": "6",
    "y1": "2024-2025",
    "x1": "french-community",
    "p1": "master",
    "t1": "30",
    "e1": "30",
    "d1": "1",
    "sm1": "02",
    "em1": "06",
    "k1": "credit",
    "y2": "2009-2010",
    "p2": "graduaat",
    "t2": "20",
    "k2": "exam",
}


def test_round_trip_keeps_every_answer():
    state = QueryDict(urlencode(FULL))
    code = shortlink.encode(state)
    assert code == "bf.199002.f60/23ba60.45t6/24cma30.30ds02u06k/09gr20x"
    assert shortlink.decode(code).dict() == FULL


@pytest.mark.parametrize("code", ["xx/23ba60", "ff/23zz60", "ff/23ba", "ff.2004/23ba60", "ff"])
def test_malformed_or_incomplete_codes_are_refused(code):
    assert shortlink.decode(code) is None


def test_answers_without_a_year_get_no_short_link():
    """The wizard never makes one, and a head alone reads as a link cut off after it."""
    assert shortlink.encode(QueryDict("r=flanders&s=flanders&by=2004&bm=02")) is None


def test_result_page_shows_the_short_link_and_it_restores_the_answers(client):
    html = client.get(f"/en/result/?{urlencode(FULL)}").content.decode()
    assert "http://testserver/en/r/bf.199002.f60/23ba60.45t6/24cma30.30ds02u06k/09gr20x/" in html
    response = client.get("/en/r/bf.199002.f60/23ba60.45t6/24cma30.30ds02u06k/09gr20x/")
    assert response.status_code == 302
    assert QueryDict(response["Location"].split("?", 1)[1]).dict() == FULL


HEAD = "ff.200503.f60"
READ = {"r": "flanders", "s": "flanders", "by": "2005", "bm": "03", "f": "60"}
ROW_0 = {"y0": "2023-2024", "p0": "bachelor", "t0": "60", "e0": "45", "l0": "6"}
ROW_1 = {"y1": "2024-2025", "p1": "bachelor", "t1": "60", "e1": "60", "d1": "1"}

# A link cut off or mistyped: (id, path, what the page says was read and what not, the answers
# its 'See the answers we could read' link carries, or None when there is no such link)
CUT = [
    (
        "segment-cut-in-half",
        f"/en/r/{HEAD}/23ba60.45t6/24ba/",
        [
            "We can read where you live and where you study, and the first of the 2 academic "
            "years.",
            "This part is cut off or mistyped: 24ba",
        ],
        {**READ, **ROW_0},
    ),
    (
        "head-alone",
        f"/en/r/{HEAD}/",
        [
            "We can read where you live and where you study, but the address ends before the "
            "first academic year."
        ],
        READ,
    ),
    (
        "head-cut-in-half",
        "/en/r/ff.2005/",
        [
            "We cannot read its first part, which says where you live and where you study.",
            "This part is cut off or mistyped: ff.2005",
        ],
        None,
    ),
    (
        "first-year-mistyped",
        f"/en/r/{HEAD}/23zz60/24ba60.60d/",
        [
            "We can read where you live and where you study, but not the first academic year.",
            "This part is cut off or mistyped: 23zz60",
        ],
        READ,
    ),
    (
        "middle-year-mistyped-only-the-years-before-it",
        f"/en/r/{HEAD}/23ba60.45t6/24ba60.60d/25ba6o/26ma60/",
        ["and the first 2 of the 4 academic years.", "cut off or mistyped: 25ba6o"],
        {**READ, **ROW_0, **ROW_1},
    ),
    (
        "dutch",
        f"/nl/r/{HEAD}/23ba60.45t6/24ba60.60d/25b/",
        [
            "We kunnen lezen waar je woont en waar je studeert, en de eerste 2 van de 3 "
            "academiejaren.",
            "Dit deel is afgebroken of verkeerd getypt: 25b",
            "Kopieer het hele adres opnieuw, tot en met de laatste schuine streep (/).",
        ],
        {**READ, **ROW_0, **ROW_1},
    ),
    (
        "french",
        f"/fr/r/{HEAD}/23ba60.45t6/24ba60./",
        [
            "Nous pouvons lire où vous habitez et où vous étudiez, et la première des 2 années "
            "académiques.",
            "Cette partie est coupée ou mal tapée : 24ba60.",
            "Des années académiques manquent peut-être : ajoutez-les avant de consulter le "
            "résultat.",
        ],
        {**READ, **ROW_0},
    ),
    (
        "copied-without-its-last-slash-and-cut",
        f"/en/r/{HEAD}/23ba60.45t6/24ba60.45t",
        ["and the first of the 2 academic years.", "cut off or mistyped: 24ba60.45t"],
        {**READ, **ROW_0},
    ),
    (
        "qr-capitals-cut",
        f"/EN/R/{HEAD.upper()}/23BA60.45T6/24B",
        ["and the first of the 2 academic years.", "cut off or mistyped: 24b"],
        {**READ, **ROW_0},
    ),
]


@pytest.mark.parametrize("path, says, readable", [c[1:] for c in CUT], ids=[c[0] for c in CUT])
def test_a_cut_or_mistyped_short_link_says_what_could_be_read(client, path, says, readable):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    html = response.content.decode()
    text = page_text(html)
    assert "Start again" in text or "Opnieuw beginnen" in text or "Recommencer" in text
    for words in says:
        assert page_text(words) in text
    check = re.search(r'<a href="(/\w\w/check/[^"]*)"', html)
    if readable is None:
        assert check is None
    else:
        query = unescape(check.group(1)).split("?", 1)[1]
        assert QueryDict(query).dict() == readable


def test_a_complete_short_link_typed_without_its_last_slash_opens_the_result(client):
    response = client.get(f"/en/r/{HEAD}/23ba60.45t6/24ba60.60d", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/en/result/?")


def test_reading_a_code_counts_what_it_read():
    reading = shortlink.read(f"{HEAD}/23ba60.45t6/24ba/25ba60")
    assert (reading.rows, reading.segments, reading.unread, reading.complete) == (
        1,
        3,
        "24ba",
        False,
    )
    assert shortlink.read(f"{HEAD}/23ba60.45t6").complete


@pytest.mark.parametrize("no", ["0", "no", "false", "off"])
def test_a_boolean_no_reads_alike_on_the_page_in_the_short_link_and_in_the_rules(client, no):
    """Review 23: `nb=0` was a no for the rules but a yes for the answers list and the short
    link, so the printed QR code gave another verdict. Any value but a yes is a no, left out."""
    query = {"r": "flanders", "s": "netherlands", "on": "2026-11-26", "nb": no,
             "y0": "2024-2025", "p0": "bachelor", "t0": "60", "e0": "60"}  # fmt: skip
    html = client.get(f"/en/result/?{urlencode(query)}").content.decode()
    yes = client.get(f"/en/result/?{urlencode({**query, 'nb': '1'})}").content.decode()

    def head(page):  # the short link's first segment: residence, system, `.n` for a yes
        return re.search(r'<a href="http://testserver/en/r/([^/"]+)/', page).group(1)

    assert not head(html).endswith(".n") and head(yes).endswith(".n")
    without = {k: v for k, v in query.items() if k != "nb"}
    assert page_text(html) == page_text(
        client.get(f"/en/result/?{urlencode(without)}").content.decode()
    )
