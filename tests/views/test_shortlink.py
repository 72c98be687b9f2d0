"""The short permalink: typed from paper, it restores the result and every answer."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

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


@pytest.mark.parametrize("code", ["xx/23ba60", "ff/23zz60", "ff/23ba", "ff.2004/23ba60"])
def test_malformed_codes_are_refused(code):
    assert shortlink.decode(code) is None


def test_result_page_shows_the_short_link_and_it_restores_the_answers(client):
    html = client.get(f"/en/result/?{urlencode(FULL)}").content.decode()
    assert "http://testserver/en/r/bf.199002.f60/23ba60.45t6/24cma30.30ds02u06k/09gr20x/" in html
    response = client.get("/en/r/bf.199002.f60/23ba60.45t6/24cma30.30ds02u06k/09gr20x/")
    assert response.status_code == 302
    assert QueryDict(response["Location"].split("?", 1)[1]).dict() == FULL


def test_a_mistyped_short_link_explains_itself(client):
    response = client.get("/en/r/ff/23zz60/")
    assert response.status_code == 404
    assert "incomplete or mistyped" in response.content.decode()
