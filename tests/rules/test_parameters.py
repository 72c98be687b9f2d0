"""The dated parameters: every one has a value today, and a date outside them fails loudly."""

import re
from datetime import date
from pathlib import Path

import pytest

from rules import parameters
from rules.sources import sources_for, topics

ALL = sorted(parameters.all_parameters())


@pytest.mark.parametrize("name", ALL)
def test_every_parameter_has_a_value_today_and_a_source(name):
    """A rule the law abolished (its last entry `ended`, with a note saying by what) has no
    value today on purpose; every other parameter must have one."""
    parameter = parameters.parameter(name)
    if parameter.ended_on is not None and parameter.ended_on <= date.today():
        assert parameter.periods[-1].note
    else:
        assert parameters.get(name, on=date.today()) is not None
    assert parameter.reference.url.startswith("https://")
    assert parameter.confidence in parameters.CONFIDENCES
    assert all(p.confidence in (None, *parameters.CONFIDENCES) for p in parameter.periods)


def test_a_date_before_the_first_period_raises():
    with pytest.raises(parameters.NoValue):
        parameters.get("learning_credit.start", on=date(2000, 1, 1))


def test_an_unknown_parameter_raises():
    with pytest.raises(parameters.NoValue):
        parameters.get("learning_credit.no_such_thing", on=date.today())


def test_money_is_decimal():
    from decimal import Decimal

    assert parameters.get("learning_credit.higher_fee_max_per_credit", on=date.today()) == Decimal(
        "11"
    )


SCHEME_SUFFIX = re.compile(r"_(groeipakket|brussels|wallonia|german_community)$")


@pytest.mark.parametrize("sources_key", topics())
def test_every_topic_has_sources_and_a_template(sources_key, settings):
    """Each sources.toml key is a topic (family-allowance topics per region:
    `family_allowance_<scheme>`) that one scheme explains with its own template."""
    from rules.schemes import SCHEMES

    topic = SCHEME_SUFFIX.sub("", sources_key)
    assert sources_for(sources_key)
    folders = [
        p.parent.name
        for p in (Path(settings.BASE_DIR) / "templates" / "schemes").glob(f"*/{topic}.html")
    ]
    assert len(folders) == 1 and folders[0] in {s.code for s in SCHEMES}
