"""The site's Bootstrap is a build of the rules it uses (bin/build-css): a Bootstrap class newly
written in a template or in Python needs that build again."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "assets" / "bootstrap.min.css"
BUILT = ROOT / "static" / "css" / "bootstrap.css"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
TEMPLATE_CODE = re.compile(r"\{[%{].*?[%}]\}")


def css_classes(css: str) -> set[str]:
    without = re.sub(r"url\([^)]*\)|/\*.*?\*/", "", css, flags=re.S)
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", without))


def used_classes() -> set[str]:
    """The classes in the class attributes of the templates and of the Python writing HTML."""
    sources = [*(ROOT / "templates").rglob("*.html"), *(ROOT / "advisor").rglob("*.py")]
    used = set()
    for path in sources:
        for value in CLASS_ATTRIBUTE.findall(path.read_text()):
            used.update(t for t in TEMPLATE_CODE.sub(" ", value).split() if "{" not in t)
    return used


def test_every_bootstrap_class_the_site_uses_is_in_the_built_css():
    bootstrap, built = css_classes(FULL.read_text()), css_classes(BUILT.read_text())
    used = used_classes()
    assert {"btn", "text-end", "visually-hidden-focusable", "col-lg-8"} <= used & built
    missing = sorted(c for c in used if c in bootstrap and c not in built)
    assert missing == [], f"run bin/build-css: {missing}"


def test_the_built_css_is_a_fraction_of_bootstrap_and_keeps_its_licence():
    built = BUILT.read_text()
    assert len(built) < len(FULL.read_text()) / 4
    assert "Licensed under MIT" in built
    assert "sourceMappingURL" not in built  # the map is of the whole of Bootstrap
