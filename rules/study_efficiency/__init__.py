"""The Flemish study-efficiency rule: `rule` computes the verdict, `scheme` explains it."""

from .rule import Programme, StudyEfficiency, counts, study_efficiency
from .scheme import Scheme

__all__ = ["Programme", "Scheme", "StudyEfficiency", "counts", "study_efficiency"]
