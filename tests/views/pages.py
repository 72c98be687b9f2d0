"""What the view tests read off a page: its text as a reader sees it."""

import re
from html import unescape

TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def page_text(html: str) -> str:
    """The page without its markup, entities decoded, white space folded to single spaces."""
    return SPACE.sub(" ", unescape(TAG.sub(" ", html))).strip()
