"""Family allowance while studying: `allowance` computes it month by month, `regions` holds
what each of the four Belgian schemes decides in its own way, `amounts` the amounts, `scheme`
explains it."""

from .allowance import FamilyAllowance, family_allowance
from .regions import REGIONS
from .scheme import Scheme

__all__ = ["REGIONS", "FamilyAllowance", "Scheme", "family_allowance"]
