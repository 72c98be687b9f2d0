"""The schemes the advisor explains, in the order the result page explains them.

Adding a scheme: a module with its computation and a `Scheme` subclass (`rules/scheme.py`),
its templates in `templates/schemes/<code>/`, its parameters in `rules/parameters/<code>/`,
its sources in `sources.toml`, and one line here.
"""

from . import family_allowance, learning_credit, progression, study_efficiency, tuition_nl

SCHEMES = (
    progression.Scheme(),
    learning_credit.Scheme(),
    study_efficiency.Scheme(),
    tuition_nl.Scheme(),
    family_allowance.Scheme(),
)
