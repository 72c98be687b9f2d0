"""The translation catalogues (locale/<lang>/LC_MESSAGES/django.po): every message translated,
nothing fuzzy or obsolete, and the same placeholders, markup and messages in every language.

English is the source language (the msgids); every other language in settings.LANGUAGES has a
catalogue. `msgfmt` (GNU gettext, installed by bin/setup) checks the format strings; the rest is
read from the .po text here.
"""

import ast
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

SOURCE_LANGUAGE = "en"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
LOCALE = Path(settings.LOCALE_PATHS[0])
# What must survive translation unchanged: python-format and brace placeholders, HTML tags
# (with their attributes) and entities.
TOKEN = re.compile(r"%\(\w+\)[sd]|\{\w+\}|</?[a-z]+(?:\s[^>]*)?>|&#?\w+;")
PLURAL_FORMS = {"nl": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);"}


def catalogue(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def entries(path: Path) -> list[dict]:
    """The entries of a .po file written by gettext's tools (header included, msgid "")."""
    found = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, key = {"flags": set(), "obsolete": False}, None
        for line in block.splitlines():
            if line.startswith("#~"):  # an obsolete entry: read what it held
                entry["obsolete"], line = True, line[2:].strip()
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += ast.literal_eval(line)
            else:
                key, _, value = line.partition(" ")
                entry[key] = ast.literal_eval(value)
        found.append(entry)
    return found


def translations(entry: dict) -> list[tuple[str, str]]:
    """(source, translation) pairs: the singular against msgid, other forms against the plural."""
    if "msgid_plural" not in entry:
        return [(entry["msgid"], entry.get("msgstr", ""))]
    forms = sorted(k for k in entry if k.startswith("msgstr["))
    return [
        (entry["msgid"] if i == 0 else entry["msgid_plural"], entry[k])
        for i, k in enumerate(forms)
    ]


def problems(path: Path) -> list[str]:
    """Everything wrong with one catalogue, as readable lines (empty when it is fine)."""
    found = []
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        found.append(f"msgfmt refuses it: {result.stderr.strip()}")
    elif not re.fullmatch(r"\d+ translated messages?\.", result.stderr.strip()):
        found.append(f"msgfmt counts untranslated or fuzzy messages: {result.stderr.strip()}")
    for entry in entries(path):
        msgid = entry.get("msgid")
        if entry["obsolete"]:
            found.append(f"obsolete entry: {block_id(entry)}")
            continue
        if "fuzzy" in entry["flags"]:
            found.append(f"fuzzy: {block_id(entry)}")
        if msgid == "":
            continue  # the header
        for source, translation in translations(entry):
            if not translation:
                found.append(f"untranslated: {msgid!r}")
            elif Counter(TOKEN.findall(source)) != Counter(TOKEN.findall(translation)):
                found.append(f"placeholders or markup differ: {source!r} -> {translation!r}")
        if msgid == "yes,no" and entry.get("msgstr", "").count(",") != 1:
            found.append(f"'yes,no' needs two words and one comma: {entry['msgstr']!r}")
    return found


def block_id(entry: dict) -> str:
    return repr(entry.get("msgid", "(header)")) if entry.get("msgid") != "" else "(header)"


def messages(language: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.get("msgctxt"), e["msgid"], e.get("msgid_plural"))
        for e in entries(catalogue(language))
        if e.get("msgid") and not e["obsolete"]
    }


def test_every_language_but_the_source_has_a_catalogue():
    assert LANGUAGES == ["nl", "fr"]
    for language in LANGUAGES:
        assert catalogue(language).is_file(), catalogue(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_consistent(language):
    assert problems(catalogue(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header(language):
    header = entries(catalogue(language))[0]
    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    assert f"Language: {language}\n" in header["msgstr"]
    assert f"Plural-Forms: {PLURAL_FORMS[language]}\n" in header["msgstr"]


def test_catalogues_translate_the_same_messages():
    first, *others = LANGUAGES
    for language in others:
        assert messages(language) == messages(first), (
            f"only in {first}: {messages(first) - messages(language)}; "
            f"only in {language}: {messages(language) - messages(first)}"
        )


BROKEN = r"""msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Answer this question."
msgstr ""

#, fuzzy
msgid "Choose"
msgstr "Choisissez"

#, python-format
msgid "Year %(n)s"
msgstr "Année %(number)s"

#, python-format
msgid "You have <strong>%(balance)s credits</strong> left."
msgstr "Il vous reste %(balance)s crédits."

msgid "yes,no"
msgstr "oui"

#~ msgid "Gone"
#~ msgstr "Parti"
"""


def test_the_checks_find_a_broken_catalogue(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(BROKEN, encoding="utf-8")
    found = "\n".join(problems(path))
    assert "msgfmt refuses it" in found  # %(number)s is not in the msgid
    for expected in (
        "untranslated: 'Answer this question.'",
        "fuzzy: 'Choose'",
        "placeholders or markup differ: 'You have <strong>",
        "'yes,no' needs two words",
        "obsolete entry: 'Gone'",
    ):
        assert expected in found
