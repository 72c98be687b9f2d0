"""A first visit to a result page moves at most 40 KB (issue 12): the page, compressed by
GZipMiddleware, and every style sheet, script and image it links, as WhiteNoise serves them
after collectstatic (brotli where the browser takes it). HTTP headers are not counted."""

import gzip
import re

import brotli
import pytest
from conftest import ANTWERP_MAASTRICHT, FOUR_YEARS_RUNNING, FRENCH_COMMUNITY, body

BUDGET = 40_000
ACCEPT = "gzip, deflate, br"  # what Chromium sends
LINKED = re.compile(r'<(?:link|script|img)\b[^>]*?\s(?:href|src)="([^"]+)"')


def moved(client, url) -> tuple[int, int]:
    """(bytes moved, bytes once decoded) for one response."""
    response = client.get(url, HTTP_ACCEPT_ENCODING=ACCEPT)
    assert response.status_code == 200, url
    data = body(response)
    encoding = response.get("Content-Encoding")
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](data)
    assert encoding or len(decoded) < 200, f"{url} is sent uncompressed"
    return len(data), len(decoded)


def first_visit(client, path) -> dict[str, tuple[int, int]]:
    response = client.get(path, HTTP_ACCEPT_ENCODING=ACCEPT)
    html = gzip.decompress(body(response)).decode()
    sizes = {path: moved(client, path)}
    for url in LINKED.findall(html):
        if not url.startswith("data:"):  # the QR code and the empty icon are in the page
            sizes[url] = moved(client, url)
    return sizes


@pytest.mark.parametrize("answers", [FOUR_YEARS_RUNNING, ANTWERP_MAASTRICHT, FRENCH_COMMUNITY])
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_a_first_visit_to_a_result_moves_at_most_40_kb(collected, answers, lang):
    sizes = first_visit(collected, f"/{lang}/result/?{answers}")
    kinds = {url.rsplit(".", 1)[-1] for url in sizes if url.startswith("/static/")}
    # the page, Bootstrap and site.css, two scripts and htmx (the planner), print.css
    assert kinds == {"css", "js"}
    assert len(sizes) == 7
    total = sum(compressed for compressed, _decoded in sizes.values())
    report = "\n".join(f"{c:>7} {d:>7}  {url[:70]}" for url, (c, d) in sizes.items())
    assert total <= BUDGET, f"{total} bytes:\n{report}"
