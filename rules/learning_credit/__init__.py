"""The Flemish learning credit (leerkrediet): `credit` computes it, `scheme` explains it."""

from .credit import LearningCredit, deducts, learning_credit
from .scheme import Scheme

__all__ = ["LearningCredit", "Scheme", "deducts", "learning_credit"]
