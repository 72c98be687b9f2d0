"""Family allowance while studying: `allowance` computes it month by month, `ages` and
`amounts` hold the age limits and the amounts, `scheme` explains it."""

from .allowance import (
    DIPLOMA_CYCLES,
    SCHEMES,
    THESIS_PROGRAMMES,
    FamilyAllowance,
    family_allowance,
    rules_cover,
)
from .scheme import Scheme

__all__ = [
    "DIPLOMA_CYCLES",
    "SCHEMES",
    "THESIS_PROGRAMMES",
    "FamilyAllowance",
    "Scheme",
    "family_allowance",
    "rules_cover",
]
