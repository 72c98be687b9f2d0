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
    # Family-allowance topics cite per-scheme sources: `family_allowance_<scheme>`.
    template = SCHEME_SUFFIX.sub("", sources_key)
    assert sources_for(sources_key)
    assert (Path(settings.BASE_DIR) / "templates/advice/topics" / f"{template}.html").exists()


@pytest.mark.parametrize("day", parameters.covered_period(), ids=["first-day", "last-day"])
@pytest.mark.parametrize(
    "residence, system",
    [
        ("flanders", "flanders"),
        ("brussels", "french-community"),
        ("wallonia", "french-community"),
        ("german-community", "flanders"),
        ("netherlands", "netherlands"),
        ("elsewhere", "flanders"),
    ],
)
def test_every_scheme_advises_on_the_first_and_last_covered_day(day, residence, system):
    """meta.toml's covered period is true: on its first and last day every scheme has its
    rules (a parameter without a value there would raise NoValue here)."""
    from rules.advice import advise
    from rules.calendar import AcademicYear
    from rules.output import to_json
    from rules.scenario import parse_scenario

    year = AcademicYear.of(day)
    scenario = parse_scenario(
        {
            "as_of": day.isoformat(),
            "residence": residence,
            "education_system": system,
            "birth_month": "2004-02",
            "enrolments": [
                {
                    "academic_year": str(year.previous()),
                    "programme": "bachelor",
                    "credits_taken": 60,
                    "credits_earned": 40,
                },
                {"academic_year": str(year), "programme": "bachelor", "credits_taken": 20},
            ],
        },
        today=day,
    )
    assert to_json(advise(scenario))["as_of"] == day.isoformat()


def test_the_covered_period_ends_after_the_rules_were_checked():
    first, last = parameters.covered_period()
    assert first < parameters.rules_checked_on() <= last
    assert (last.month, last.day) == (8, 31)  # the end of an academic year
