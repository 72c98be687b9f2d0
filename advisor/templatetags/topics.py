"""The result page's short answers and topic sections, assembled in Python around the topics'
own templates (`schemes/<scheme>/<topic>.html#title`, `#summary`, `#body`).

Each title is rendered once: the short answer's 'Read more' names it, the section's heading
shows it. A template loop would spend more on its includes, conditions and context pushes than
on the sentences themselves."""

from django import template
from django.utils.safestring import mark_safe

from advisor.html import html
from advisor.language import current_language

from .rows import topic_sources_html
from .translations import gettext as _

register = template.Library()


def _part(context, name: str, part: str) -> str:
    """A topic template's partial, rendered in the page's own context (as an include)."""
    return context.template.engine.get_template(f"{name}#{part}").render(context)


@register.simple_tag(takes_context=True)
def topic_titles(context, advice) -> dict[str, str]:
    """Each topic's title by its code."""
    return {topic.code: _part(context, topic.template, "title") for topic in advice.topics}


@register.simple_tag(takes_context=True)
def summary_items(context, summary, titles) -> str:
    """The short answers, each with a link to its section."""
    read_more = _("Read more")
    return mark_safe(
        "\n".join(
            html(
                '<li{}>{} <a href="#{}" class="no-print">{}<span class="visually-hidden"> ({})'
                "</span></a></li>",
                mark_safe(' class="fw-semibold"') if line["urgent"] else "",
                _part(context, line["template"], "summary"),
                line["anchor"],
                read_more,
                titles[line["code"]],
            )
            for line in summary
        )
    )


@register.simple_tag(takes_context=True)
def topic_sections(context, advice, titles) -> str:
    """The topics after the answer: a section each, or folded in `<details>` where it is only
    background for this person (left off paper too)."""
    language = current_language()
    sections = []
    for topic in advice.other_topics:
        body = _part(context, topic.template, "body")
        sources = topic_sources_html(language, topic.sources)
        if topic.code in advice.background_topics:
            sections.append(
                html(
                    '<details class="topic background mb-4 no-print"><summary>'
                    '<h3 class="h5 d-inline" id="topic-{}">{}</h3></summary>\n{}\n{}</details>',
                    topic.code,
                    titles[topic.code],
                    body,
                    sources,
                )
            )
        else:
            sections.append(
                html(
                    '<section class="topic mb-4" aria-labelledby="topic-{0}">'
                    '<h3 class="h5" id="topic-{0}">{1}</h3>\n{2}\n{3}</section>',
                    topic.code,
                    titles[topic.code],
                    body,
                    sources,
                )
            )
    return mark_safe("\n".join(sections))
