"""advisor.language.current_language gives what Django's get_language gives, in every way the
active language is set, changed or left unset (advisor/language.py reads asgiref's storage
directly; these cases are how it could drift from Django)."""

import threading

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.test import override_settings
from django.utils import translation

from advisor import language
from advisor.language import current_language


def both() -> tuple[str, str]:
    return current_language(), translation.get_language()


def test_the_fast_reading_is_in_use_with_the_pinned_asgiref():
    """Otherwise the cases below would pass trivially, comparing get_language with itself."""
    assert current_language is language._fast


@pytest.mark.parametrize("code", ["nl", "fr", "en", "en-gb", "nl-be", "de"])
def test_activate(code):
    with translation.override("en"):
        translation.activate(code)
        assert both()[0] == both()[1] == translation.get_language()


def test_override_nested_and_restored():
    with translation.override("fr"):
        assert both() == ("fr", "fr")
        with translation.override("nl"):
            assert both() == ("nl", "nl")
        assert both() == ("fr", "fr")


def test_deactivate_gives_the_default_language():
    with translation.override("fr"):
        translation.deactivate()
        assert both()[0] == both()[1]


def test_deactivate_all_gives_the_default_language():
    with translation.override("fr"):
        translation.deactivate_all()
        assert both()[0] == both()[1]


def test_override_none():
    with translation.override("fr"), translation.override(None):
        assert both()[0] == both()[1]


def test_another_thread_sees_its_own_language():
    seen = {}

    def other():
        seen["fresh"] = both()
        translation.activate("en")
        seen["activated"] = both()

    with translation.override("fr"):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert both() == ("fr", "fr")
    assert seen["fresh"][0] == seen["fresh"][1]
    assert seen["activated"] == ("en", "en")


def test_async_code_and_back():
    """Sync code calls async code that calls sync code again (in asgiref's threads): the
    language set at the start is seen at the end. In a thread of its own, as a request's
    would be: async_to_sync refuses a thread with an event loop (the browser tests' one)."""

    async def inner():
        return await sync_to_async(both)()

    seen = {}

    def request():
        translation.activate("fr")
        seen["inner"] = async_to_sync(inner)()

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen["inner"] == ("fr", "fr")


@pytest.mark.parametrize(
    "changed", [{"LANGUAGE_CODE": "fr"}, {"USE_I18N": False}, {"LANGUAGES": [("en", "English")]}]
)
def test_settings_changes(changed):
    with translation.override("nl"), override_settings(**changed):
        assert both()[0] == both()[1]
        translation.activate("en")
        assert both()[0] == both()[1]
    assert both()[0] == both()[1]
