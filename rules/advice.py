"""One call from a scenario to everything the advisor says about it: each registered scheme's
result, and the topics that explain them with their sources."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .fees import Fees, fees
from .scenario import Plan, Scenario, with_plan
from .scheme import Scheme
from .schemes import SCHEMES
from .sources import Source, sources_for


@dataclass(frozen=True)
class Topic:
    code: str  # names the template that explains it
    scheme: str  # the code of the scheme it explains (its templates' folder)
    sources: tuple[Source, ...]  # cited on the page
    appeal_sources: tuple[Source, ...] = ()  # cited on the appeal sheet when it backs a ground

    @property
    def template(self) -> str:
        return f"schemes/{self.scheme}/{self.code}.html"


@dataclass(frozen=True)
class Advice:
    scenario: Scenario
    results: dict[str, object]  # scheme code -> its result, None where it does not apply
    topics: tuple[Topic, ...]  # in the order of SCHEMES, each scheme's own topic first
    fees: Fees
    plans: tuple[PlanOutcome, ...] = ()  # the scenario's plans, each advised on its own

    @cached_property
    def applying(self) -> tuple[Scheme, ...]:
        return tuple(s for s in SCHEMES if self.results[s.code] is not None)

    @cached_property
    def answer_topic(self) -> Topic | None:
        """The topic the result page answers with: the lowest-ranked scheme's own topic."""
        ranked = [s for s in self.applying if s.answer_rank is not None]
        if not ranked:
            return None
        code = min(ranked, key=lambda s: s.answer_rank).code
        return next(topic for topic in self.topics if topic.code == code)

    @cached_property
    def answer_scheme(self) -> str | None:
        return self.answer_topic and self.answer_topic.scheme

    @cached_property
    def other_topics(self) -> list[Topic]:
        """The topics after the answer; a scheme that needs attention first (the
        study-efficiency verdict decides whether the student may go on)."""
        others = [topic for topic in self.topics if topic is not self.answer_topic]
        return sorted(others, key=lambda topic: topic.scheme not in self.urgent)

    @cached_property
    def urgent(self) -> set[str]:
        """The schemes whose verdict is the most urgent thing for the student."""
        return {s.code for s in self.applying if s.needs_attention(self.results[s.code])}

    @cached_property
    def enrolment_still_open(self):
        """The running academic year while the page still invites enrolling in it on time: it
        has no enrolment among the answers and the family allowance's enrolment deadline (30
        November) has not passed. A year not listed counts as a year without enrolment
        everywhere else on the page; this is the one where the student may still change that."""
        fa = self.results.get("family_allowance")
        year = fa and fa.what_if and fa.what_if.academic_year
        return year if year == self.scenario.current_year else None

    @cached_property
    def summary_topics(self) -> list[str]:
        """The short answers (SCENARIO.md v2 `summary`): one per scheme that applies, the
        urgent ones first."""
        ranked = sorted(self.applying, key=lambda s: (s.code not in self.urgent, s.summary_rank))
        return [s.code for s in ranked]

    @cached_property
    def absent_notes(self) -> list[str]:
        """The schemes that do not apply and say so on the page."""
        return [s.code for s in SCHEMES if s.absent_note and self.results[s.code] is None]

    @cached_property
    def background_topics(self) -> set[str]:
        return {t for s in self.applying for t in s.background(self.results[s.code])}

    @cached_property
    def sources(self) -> list[Source]:
        """The sources of every topic paper shows, once each, the oldest rule first (stable
        within a date): a background topic is left off paper, and so are its own sources."""
        first_per_url = {}
        for topic in self.topics:
            if topic.code in self.background_topics:
                continue
            for source in topic.sources:
                first_per_url.setdefault(source.url, source)
        return sorted(first_per_url.values(), key=lambda s: s.valid_from)


@dataclass(frozen=True)
class PlanOutcome:
    plan: Plan
    advice: Advice  # the advice for the scenario as it would be after the plan


def advise(scenario: Scenario) -> Advice:
    results = {scheme.code: scheme.compute(scenario) for scheme in SCHEMES}
    topics = tuple(
        _topic(code, scheme.code, sources_for(scheme.sources_key(code, result)))
        for scheme in SCHEMES
        if (result := results[scheme.code]) is not None
        for code in scheme.topics(result)
    )
    return Advice(
        scenario=scenario,
        results=results,
        topics=topics,
        fees=fees(scenario, results["learning_credit"], results["family_allowance"]),
        plans=tuple(PlanOutcome(p, advise(with_plan(scenario, p))) for p in scenario.plans),
    )


def _topic(code: str, scheme: str, sources: tuple[Source, ...]) -> Topic:
    return Topic(
        code,
        scheme,
        tuple(s for s in sources if s.on_page),
        tuple(s for s in sources if s.appeal_sheet),
    )
