"""The QR code on paper holds the page's permalink: read back by a barcode reader, it leads
to the same result page."""

import re
import zlib
from base64 import b64decode

import pytest
import zxingcpp

from advisor.templatetags.advisor import qr_code

SCALE = 4  # pixels per module, for the reader
SHORT = "http://127.0.0.1:8000/nl/r/ff.200503.f60/24ba60.45t6/25ba60.45b30c/26ba12f/"
ELEVEN_YEARS = "http://127.0.0.1:8000/nl/r/ff.200503.f60/" + "".join(
    f"{y}ma60.45t6/" for y in range(16, 27)
)


def read_back(img: str) -> str | None:
    """The PNG in the `<img>` (8-bit grey, one pixel per module), enlarged and read."""
    png = b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', img).group(1))
    size = int.from_bytes(png[16:20], "big")
    data = zlib.decompress(png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8])
    rows = [data[r * (size + 1) + 1 : (r + 1) * (size + 1)] for r in range(size)]
    big = b"".join(bytes(v for v in row for _ in range(SCALE)) * SCALE for row in rows)
    found = zxingcpp.read_barcode(memoryview(big).cast("B", (size * SCALE, size * SCALE)))
    return found and found.text


@pytest.mark.parametrize("url", [SHORT, ELEVEN_YEARS], ids=["short-link", "eleven-years"])
def test_the_qr_code_holds_the_short_link_in_capitals(url):
    img = str(qr_code(url, "QR"))
    assert 'alt="QR"' in img
    assert read_back(img) == url.upper()


def test_a_full_result_url_is_held_as_it_is():
    url = "http://127.0.0.1:8000/nl/result/?r=flanders&s=flanders&y0=2024-2025&p0=bachelor"
    assert read_back(str(qr_code(url, "QR"))) == url


def test_the_capitals_lead_to_the_same_result_page(client):
    scanned = read_back(str(qr_code(SHORT, "QR")))
    page = client.get(scanned.removeprefix("HTTP://127.0.0.1:8000"), follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[0][0] == "/nl/r/ff.200503.f60/24ba60.45t6/25ba60.45b30c/26ba12f/"
    assert page.request["PATH_INFO"] == "/nl/result/"
    assert page.context["scenario"].credits_to_finish == 60


def test_capitals_in_an_unknown_language_are_not_found(client):
    assert client.get("/XX/R/FF.F60/24BA60/").status_code == 404


def test_an_address_too_long_for_a_qr_code_gets_none_and_no_500(client):
    """No year given, so no short link: the page's own address is the permalink, and 2,400
    characters of an unknown key do not fit a QR code (at most 2,334 in alphanumeric mode)."""
    query = "r=flanders&s=flanders&utm_source=" + "x" * 2400
    response = client.get(f"/nl/result/?{query}")
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert 'class="qr-code"' not in html
    assert str(qr_code("http://127.0.0.1:8000/nl/result/?" + query, "QR")) == ""
