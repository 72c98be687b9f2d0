"""The advice as the JSON of SCENARIO.md (schema 2), without the texts (`summary`,
`explanation`), which the site's templates write. Each scheme writes its own part."""

from __future__ import annotations

from . import deadlines, fees
from .advice import Advice
from .parameters import rules_checked_on
from .schemes import SCHEMES

SCHEMA = 2


def to_json(advice: Advice) -> dict:
    output = {
        "schema": SCHEMA,
        "as_of": advice.scenario.as_of.isoformat(),
        "rules_checked_on": rules_checked_on().isoformat(),
    }
    output |= _schemes(advice)
    output["fees"] = fees.json_of(advice.fees)
    output["deadlines"] = deadlines.json_of(deadlines.deadlines(advice))
    output["plans"] = [
        {"name": p.plan.name, **_schemes(p.advice), "fees": fees.json_of(p.advice.fees)}
        for p in advice.plans
    ]
    return output


def _schemes(advice: Advice) -> dict:
    """Each scheme's part (None where it does not apply), the nested ones inside their parent."""
    output = {}
    for scheme in sorted(SCHEMES, key=lambda s: s.json_parent is not None):
        part = scheme.to_json(advice.results[scheme.code])
        if scheme.json_parent is None:
            output |= part
        elif output[scheme.json_parent] is not None:
            output[scheme.json_parent] |= part
    return output
