"""Whether a student has something to appeal, and on which grounds: `appeal_sheet(advice)`,
for the printable appeal sheet (`/<lang>/result/appeal/`).

A ground is a verdict of a scheme that lets an institution refuse the student, or says it
will: a learning credit that is not enough (RULES.md §1.5), the study-efficiency rule at risk
or missed (§1.8), or not fundable in the French Community (§3). Each ground names the topic
whose sources back it; the routes follow the education systems of the grounds: the Flemish
internal appeal and then the Raad voor betwistingen inzake studievoortgangsbeslissingen, or
the French Community's internal appeal and what is known of the bodies after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from . import parameters
from .deadlines import INSUFFICIENT
from .sources import Source

if TYPE_CHECKING:
    from .advice import Advice
    from .study_efficiency.rule import Programme

GroundCode = Literal[
    "learning-credit-zero-or-below",
    "learning-credit-below-needed",
    "study-efficiency-at-risk",
    "study-efficiency-missed",
    "not-fundable",
    "fundable-only-if-reoriented",
]
Route = Literal["flanders", "french-community"]
ROUTE_OF_SCHEME = {
    "learning_credit": "flanders",
    "study_efficiency": "flanders",
    "progression": "french-community",
}


@dataclass(frozen=True)
class Ground:
    code: GroundCode  # names its sentence in templates/advice/appeal.html
    scheme: str
    topic: str  # the topic whose sources back it
    programme: Programme | None = None  # the study-efficiency programme it is about


@dataclass(frozen=True)
class AppealSheet:
    grounds: tuple[Ground, ...]
    # the grounds' topics' sources about a refusal, once each, oldest rule first
    sources: tuple[Source, ...]
    appeal_days: int  # Flanders: calendar days for the internal appeal, then for the Raad
    enrolment_request_until: str  # French Community: MM-DD, the enrolment request's last day

    @property
    def applies(self) -> bool:
        return bool(self.grounds)

    @property
    def routes(self) -> tuple[Route, ...]:
        found = {ROUTE_OF_SCHEME[g.scheme] for g in self.grounds}
        return tuple(r for r in ("flanders", "french-community") if r in found)


def appeal_sheet(advice: Advice) -> AppealSheet:
    grounds = (*_learning_credit(advice), *_study_efficiency(advice), *_progression(advice))
    topics = {g.topic for g in grounds}
    first_per_url: dict[str, Source] = {}
    for topic in advice.topics:
        if topic.code in topics:
            for source in topic.appeal_sources:
                first_per_url.setdefault(source.url, source)
    sources = sorted(first_per_url.values(), key=lambda s: s.valid_from)
    on = advice.scenario.as_of
    return AppealSheet(
        grounds=grounds,
        sources=tuple(sources),
        appeal_days=parameters.get("learning_credit.appeal_days", on=on),
        enrolment_request_until=parameters.get("progression.enrolment_request_until", on=on),
    )


def _learning_credit(advice: Advice) -> list[Ground]:
    lc = advice.results["learning_credit"]
    if lc is None or lc.sufficiency not in INSUFFICIENT:
        return []
    code = f"learning-credit-{lc.sufficiency}"
    return [Ground(code, "learning_credit", "learning_credit_insufficient")]


def _study_efficiency(advice: Advice) -> list[Ground]:
    """The current programme at risk; any programme missed whose refusal still runs."""
    se = advice.results["study_efficiency"]
    if se is None:
        return []
    year = advice.scenario.current_year
    found = []
    for programme in se.programmes:
        if programme.state == "missed" and programme.refused_until >= year:
            code = "study-efficiency-missed"
        elif programme.state == "at-risk" and programme is se.current:
            code = "study-efficiency-at-risk"
        else:
            continue
        found.append(Ground(code, "study_efficiency", "study_efficiency", programme))
    return found


def _progression(advice: Advice) -> list[Ground]:
    pr = advice.results["progression"]
    if pr is None or pr.verdict.fundable is not False:
        return []
    code = "fundable-only-if-reoriented" if pr.verdict.if_reoriented else "not-fundable"
    return [Ground(code, "progression", "progression")]
