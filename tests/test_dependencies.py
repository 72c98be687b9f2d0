"""The rules depend on nothing of the web: `rules` imports neither Django nor `advisor`
(DESIGN.md: the data flow is one way, query string -> rules -> templates)."""

import ast
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parent.parent / "rules"
FORBIDDEN = ("django", "advisor")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize(
    "path", sorted(RULES.rglob("*.py")), ids=lambda p: str(p.relative_to(RULES))
)
def test_rules_import_neither_django_nor_advisor(path):
    found = {m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN}
    assert not found, f"{path.name} imports {sorted(found)}"


def test_the_check_finds_a_forbidden_import(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("from django.conf import settings\nimport advisor.views\n")
    assert imported_modules(broken) >= {"django.conf", "advisor.views"}
