"""One call from a scenario to everything the advisor says about it (numbers and topics)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .family_allowance import FamilyAllowance, family_allowance
from .learning_credit import LearningCredit, learning_credit
from .progression import Progression, progression
from .scenario import Scenario
from .sources import Source, sources_for
from .study_efficiency import StudyEfficiency, study_efficiency
from .tuition_nl import TuitionHalving, tuition_halving


@dataclass(frozen=True)
class Topic:
    code: str  # names the template that explains it
    sources: tuple[Source, ...]


# The result page answers with the first of these the advice has; the other topics follow.
ANSWER_TOPICS = ("learning_credit", "progression", "tuition_halving")
# The short answers (SCENARIO.md v2 `summary`), in this order, for the questions the advice has.
SUMMARY_TOPICS = (
    "learning_credit",
    "study_efficiency",
    "family_allowance",
    "progression",
    "tuition_halving",
)


@dataclass(frozen=True)
class Advice:
    scenario: Scenario
    learning_credit: LearningCredit | None
    topics: tuple[Topic, ...]

    family_allowance: FamilyAllowance | None = None
    tuition_halving: TuitionHalving | None = None
    progression: Progression | None = None
    study_efficiency: StudyEfficiency | None = None

    @cached_property
    def answer_topic(self) -> Topic | None:
        by_code = {topic.code: topic for topic in self.topics}
        return next((by_code[code] for code in ANSWER_TOPICS if code in by_code), None)

    @cached_property
    def other_topics(self) -> list[Topic]:
        """The topics after the answer; the study-efficiency verdict first when it is at risk
        or missed, as it decides whether the student may go on in the programme."""
        others = [topic for topic in self.topics if topic is not self.answer_topic]
        if self.study_efficiency and self.study_efficiency.needs_attention:
            others.sort(key=lambda topic: topic.code != "study_efficiency")
        return others

    @cached_property
    def summary_topics(self) -> list[str]:
        codes = {topic.code for topic in self.topics}
        return [code for code in SUMMARY_TOPICS if code in codes]

    @cached_property
    def sources(self) -> list[Source]:
        """Every topic's sources once, the oldest rule first (stable within a date)."""
        first_per_url = {}
        for topic in self.topics:
            for source in topic.sources:
                first_per_url.setdefault(source.url, source)
        return sorted(first_per_url.values(), key=lambda s: s.valid_from)


def advise(scenario: Scenario) -> Advice:
    lc = learning_credit(scenario)
    fa = family_allowance(scenario)
    pr = progression(scenario)
    th = tuition_halving(scenario)
    se = study_efficiency(scenario)
    codes = (["progression"] if pr else []) + _topic_codes(lc, se, th)
    return Advice(
        scenario=scenario,
        learning_credit=lc,
        topics=tuple(Topic(code, sources_for(code)) for code in codes)
        + _family_allowance_topics(fa),
        family_allowance=fa,
        tuition_halving=th,
        progression=pr,
        study_efficiency=se,
    )


def _family_allowance_topics(fa: FamilyAllowance | None) -> tuple[Topic, ...]:
    """The verdict and what comes after the studies; sources depend on the scheme
    (sources.toml: `family_allowance_<scheme>`, `family_allowance_after_studies_<scheme>`)."""
    if fa is None:
        return ()
    key = fa.scheme.replace("-", "_")
    return (
        Topic("family_allowance", sources_for(f"family_allowance_{key}")),
        Topic(
            "family_allowance_after_studies", sources_for(f"family_allowance_after_studies_{key}")
        ),
    )


def _topic_codes(
    lc: LearningCredit | None, se: StudyEfficiency | None, th: TuitionHalving | None
) -> list[str]:
    codes = _learning_credit_codes(lc, se) if lc else []
    return codes + ["tuition_halving"] if th else codes


def _learning_credit_codes(lc: LearningCredit, se: StudyEfficiency | None) -> list[str]:
    codes = ["learning_credit"]
    if lc.results_pending:
        codes.append("learning_credit_running_year")
    codes += ["learning_credit_insufficient", "learning_credit_rebuild"]
    if se:
        codes.append("study_efficiency")
    codes.append("credits_vs_learning_credit")
    return codes
