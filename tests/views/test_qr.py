"""The QR code on paper holds the page's permalink: drawn back from its SVG and read by a
barcode reader, it gives the address again."""

import re

import zxingcpp

from advisor.templatetags.advisor import qr_code

RUN = re.compile(r"M(\d+),(\d+)h(\d+)v1H\d+z")
SCALE = 4  # pixels per module, for the reader


def read_back(svg: str) -> str | None:
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    pixels = bytearray([255]) * (size * SCALE) ** 2
    for x, y, width in ((int(a), int(b), int(c)) for a, b, c in RUN.findall(svg)):
        for dy in range(SCALE):
            start = ((y * SCALE + dy) * size + x) * SCALE
            pixels[start : start + width * SCALE] = bytes(width * SCALE)
    image = memoryview(pixels).cast("B", (size * SCALE, size * SCALE))
    found = zxingcpp.read_barcode(image)
    return found and found.text


def test_the_qr_code_reads_back_as_the_permalink():
    url = "http://127.0.0.1:8000/nl/r/ff.200503.f60/24ba60.45t6/25ba60.45b30c/26ba12f/"
    svg = str(qr_code(url, "QR"))
    assert 'role="img" aria-label="QR"' in svg
    assert read_back(svg) == url


def test_a_long_eleven_year_permalink_still_reads_back():
    url = "http://127.0.0.1:8000/nl/r/ff.200503.f60/" + "".join(
        f"{y}ma60.45t6/" for y in range(16, 27)
    )
    assert read_back(str(qr_code(url, "QR"))) == url
