"""The Dutch halved tuition fee: `halving` computes the months, `scheme` explains them."""

from .halving import TuitionHalving, tuition_halving
from .scheme import Scheme

__all__ = ["Scheme", "TuitionHalving", "tuition_halving"]
