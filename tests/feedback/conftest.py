"""The feedback tests' set-up: an empty rate-limit cache for each test."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_rate_limit():
    cache.clear()
    yield
    cache.clear()
