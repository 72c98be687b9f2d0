"""French Community progression: `fundability` computes block 1 and fundability year by year,
`scheme` explains it."""

from .fundability import Progression, progression
from .scheme import Scheme

__all__ = ["Progression", "Scheme", "progression"]
