"""Plain words, short sentences (issue 11): the result pages read at B1 level in every language.

The result page of every worked example (tests/examples/, and ../shared/examples/ where it
exists) and of every browser scenario (tests/browser/browser_scenarios.py) is rendered in nl, fr
and en. Its visible prose is read off `<main>`: paragraphs, list items, headings, summaries and
captions; not tables, the source lists, the 'your answers' section, text hidden on screen
(visually hidden or print only), the 'Read more' links or addresses. Each block is split into
sentences at `.`, `!` or `?` followed by a space and a capital or a digit; a word is what white
space separates, if it holds a letter or a digit (French ` : ` or a dash alone is no word).

Per language: on average at most 18 words a sentence, and none over 35. A failure lists the
sentences over the limit, the longest first, each once (with the number of scenarios showing it).
"""

import importlib.util
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

from advisor.querystring import to_query

ROOT = Path(__file__).resolve().parent.parent.parent
FOLDERS = [ROOT / "tests" / "examples", ROOT.parent / "shared" / "examples"]
EXAMPLES = sorted(f for folder in FOLDERS if folder.is_dir() for f in folder.glob("*.json"))
LANGUAGES = ["nl", "fr", "en"]
MAX_AVERAGE = 18
MAX_WORDS = 35

# Blocks whose text is prose; inside them, elements that are not (or not shown on screen).
PROSE = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "caption", "figcaption"}
# A table's cells are skipped, not its caption.
SKIPPED_ELEMENTS = {"thead", "tbody", "tfoot", "tr", "td", "th", "svg", "script", "style"}
SKIPPED_CLASSES = {
    "topic-sources",  # a topic's source list
    "sources",  # all sources, on paper
    "your-answers",
    "visually-hidden",
    "print-only",
    "print-url",
    "permalink",
}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
URL = re.compile(r"(?:https?://|www\.)\S+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
OPENING = "([«“‘\"'"


def browser_scenarios() -> dict[str, str]:
    """The permalink queries of tests/browser/browser_scenarios.py, by name."""
    path = ROOT / "tests" / "browser" / "browser_scenarios.py"
    spec = importlib.util.spec_from_file_location("_browser_scenarios", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {
        name: value
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and value.startswith("r=")
    }


def queries() -> dict[str, str]:
    """Every scenario's result-page query, by name."""
    found = {}
    for path in EXAMPLES:
        scenario = json.loads(path.read_text(encoding="utf-8"))["scenario"]
        query = to_query(scenario)
        if scenario.get("as_of"):
            query += f"&on={scenario['as_of']}"
        found[f"{path.parent.parent.name}/{path.stem}"] = query
    found.update((f"browser/{name}", query) for name, query in browser_scenarios().items())
    return found


class Prose(HTMLParser):
    """The text of the prose blocks in `<main>`, one string per block (nested blocks apart)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, skipped) of every open element
        self.blocks = []  # the text of each open prose block, innermost last
        self.texts = []
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skipped = (
            tag in SKIPPED_ELEMENTS
            or bool(classes & SKIPPED_CLASSES)
            or (
                tag == "a"
                and (attributes.get("href") or "").startswith("#")
                and "no-print" in classes
            )
        )
        self.open.append((tag, skipped))
        if tag == "main":
            self.in_main = True
        if tag in PROSE:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if tag in VOID or tag not in {t for t, _ in self.open}:
            return
        while self.open:
            closed, _skipped = self.open.pop()
            if closed in PROSE and self.blocks:
                self.texts.append("".join(self.blocks.pop()))
            if closed == "main":
                self.in_main = False
            if closed == tag:
                break

    def handle_data(self, data):
        if self.in_main and self.blocks and not any(s for _, s in self.open):
            self.blocks[-1].append(data)


def words(sentence: str) -> int:
    return sum(1 for token in sentence.split() if any(c.isalnum() for c in token))


def sentences(html: str) -> list[str]:
    """The sentences of a page's prose, white space folded."""
    parser = Prose()
    parser.feed(html)
    parser.close()
    found = []
    for text in parser.texts:
        block = []
        for piece in SENTENCE_END.split(" ".join(URL.sub(" ", text).split())):
            start = piece.lstrip(OPENING)[:1]
            if block and not (start.isupper() or start.isdigit()):
                block[-1] += " " + piece  # 'e.g. a', '1 Dec. to': no new sentence
            else:
                block.append(piece)
        found += [s for s in block if words(s)]
    return found


@cache
def page_sentences(language: str) -> list[tuple[str, str]]:
    """(scenario, sentence) for every sentence of every scenario's result page."""
    client = Client()
    found = []
    for name, query in queries().items():
        response = client.get(f"/{language}/result/?{query}")
        assert response.status_code in (200, 400), (name, response.status_code)
        if response.status_code == 200:  # not an address refused before any answer is read
            found += [(name, s) for s in sentences(response.content.decode())]
    return found


def test_the_scenarios_are_read():
    """Every example and browser scenario is measured, and the extraction finds prose."""
    assert len(queries()) >= len(EXAMPLES) + 5
    html = (
        "<main><h1>Title here.</h1><p>One two three. Four five, e.g. six. 7 is a digit."
        '<a class="no-print" href="#x">Read more</a></p><table><caption>The caption</caption>'
        "<tr><td>Cell text here.</td></tr></table><ul><li>Outer <ul><li>inner.</li></ul> tail.</li>"
        '</ul><p class="visually-hidden">Hidden.</p><p>See https://example.org/a.b for it.</p>'
        "<p>Crédits : oui — non.</p></main><footer><p>Footer.</p></footer>"
    )
    assert sentences(html) == [
        "Title here.",
        "One two three.",
        "Four five, e.g. six.",
        "7 is a digit.",
        "The caption",
        "inner.",
        "Outer tail.",
        "See for it.",
        "Crédits : oui — non.",
    ]
    assert words("Crédits : oui — non.") == 3


@pytest.mark.parametrize("language", LANGUAGES, ids=[f"B1-{code}" for code in LANGUAGES])
def test_sentence_length(language):
    found = page_sentences(language)
    assert found, "no prose found on the result pages"
    counts = [words(s) for _, s in found]
    average = sum(counts) / len(counts)
    # Sentences that differ only in their figures are one sentence to rewrite.
    long = {}
    for name, sentence in sorted(found, key=lambda f: -words(f[1])):
        if words(sentence) > MAX_WORDS:
            pages = long.setdefault(re.sub(r"\d+", "0", sentence), (sentence, set()))[1]
            pages.add(name)
    print(
        f"{language}: {len(counts)} sentences, average {average:.1f} words, "
        f"longest {max(counts)}, {len(long)} distinct over {MAX_WORDS}"
    )
    report = "\n".join(
        f"  {words(sentence)} words ({len(pages)} scenarios): {sentence}"
        for sentence, pages in long.values()
    )
    fine = average <= MAX_AVERAGE and not long
    assert fine, (
        f"{language}: average {average:.1f} words a sentence (at most {MAX_AVERAGE}); "
        f"{len(long)} distinct sentences over {MAX_WORDS} words, the longest first:\n{report}"
    )
