"""The explanation texts: each topic's template, rendered in one language.

The result page includes the same templates (`schemes/<scheme>/<topic>.html#body`); `advise`
prints them as plain text, so the page and the command always say the same thing.
"""

from __future__ import annotations

import html
import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from rules.advice import Advice
from rules.parameters import rules_checked_on

SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not the no-break spaces French typography puts in


def plain_text(markup: str) -> str:
    return SPACES.sub(" ", html.unescape(strip_tags(markup))).strip()


def topic_context(advice: Advice) -> dict:
    """Each scheme's result by its code (`learning_credit`, `family_allowance`, ...), and the
    short answers the page opens with."""
    return {
        **advice.results,
        "advice": advice,
        "scenario": advice.scenario,
        "rules_checked_on": rules_checked_on(),
        "summary": [_summary_line(advice, code) for code in advice.summary_topics],
    }


def _summary_line(advice: Advice, code: str) -> dict:
    """One short answer: its scheme's own topic (its template holds the `summary` sentence and
    the `title`), and where 'Read more' leads."""
    answer = advice.answer_topic and advice.answer_topic.code == code
    return {
        "code": code,
        "template": f"schemes/{code}/{code}.html",
        "anchor": "answer-title" if answer else f"topic-{code}",
        "urgent": code in advice.urgent,
    }


def summary(advice: Advice, language: str) -> list[dict]:
    """The short answers (SCENARIO.md v2 `summary`), as the result page opens with them."""
    context = topic_context(advice)
    with translation.override(language):
        return [
            {
                "topic": code,
                "text": plain_text(render_to_string(f"{line['template']}#summary", context)),
            }
            for code, line in zip(advice.summary_topics, context["summary"], strict=True)
        ]


def explanation(advice: Advice, language: str) -> list[dict]:
    context = topic_context(advice)
    entries = []
    with translation.override(language):
        for topic in advice.topics:
            template = topic.template
            entries.append(
                {
                    "topic": topic.code,
                    "title": plain_text(render_to_string(f"{template}#title", context)),
                    "text": plain_text(render_to_string(f"{template}#body", context)),
                    "sources": [
                        {
                            "title": s.title,
                            "url": s.url,
                            "lang": s.lang,
                            "valid_from": s.valid_from.isoformat(),
                        }
                        for s in topic.sources
                    ],
                }
            )
    return entries
