"""The result page's repeated rows, written in Python: the year table, each topic's sources
and the answers' enrolments. A template spends some ten microseconds on every tag, and these
rows hold most of the page's tags; here each row is one formatted string. The words are the
site's own, translated like any template text."""

from functools import lru_cache, partial
from itertools import groupby

from django import template
from django.utils.safestring import mark_safe

from advisor.html import escaped, html, html_join
from advisor.language import current_language

from .advisor import colon, long_date
from .translations import gettext as _

register = template.Library()

DASH = "\u2013"  # nothing that year
MINUS = "\u2212"  # deducted


def _signed(value, sign: str) -> str:
    return f"{sign}{value}" if value else DASH


@register.simple_tag
def year_table(lc) -> str:
    """The learning credit per academic year (RULES.md §1): opening, rebuild, deducted,
    returned, bonus, master degree, closing. On a phone each year is a block of labelled
    figures (the `stacked` table style): no column is cut off."""
    empty = lc.empty_columns
    columns = (
        ("opening", _("Opening")),
        ("rebuild", _("Rebuild")),
        ("taken", _("Deducted")),
        ("returned", _("Returned")),
        ("bonus", _("Bonus")),
        ("master_deduction", _("Master degree")),
        ("closing", _("Closing")),
    )
    classes = {name: " empty-column" if name in empty else "" for name, _h in columns}
    head = html(
        '<thead><tr><th scope="col">{}</th>{}</tr></thead>',
        _("Academic year"),
        html_join("", '<th scope="col" class="text-end{}">{}</th>',
                  ((classes[name], heading) for name, heading in columns)),
    )  # fmt: skip
    not_enrolled = html(' <span class="small text-body-secondary">({})</span>',
                               _("not enrolled"))  # fmt: skip
    not_known = html('<span class="small">{}</span>', _("not known yet"))
    # each column's cell opening written once; a year only fills in its figures
    opening, rebuild, taken, returned, bonus, master, closing = (
        html('<td class="text-end{}{}" data-label="{}">', classes[name],
             " fw-semibold" if name == "closing" else "", heading)
        for name, heading in columns
    )  # fmt: skip

    def row(y) -> str:
        end = (
            y.closing
            if y.closing is not None
            else html('<span class="small fw-normal">{}</span>',
                      _("%(now)s while the year runs") % {"now": y.after_enrolment})
        )  # fmt: skip
        back = not_known if y.returned is None else _signed(y.returned, "+")
        return (
            f'<tr><th scope="row">{y.academic_year}{"" if y.enrolled else not_enrolled}'  # digits
            f"</th>{opening}{y.opening}</td>{rebuild}{_signed(y.rebuild, '+')}</td>"
            f"{taken}{_signed(y.taken, MINUS)}</td>{returned}{back}</td>"
            f"{bonus}{_signed(y.bonus, '+')}</td>{master}{_signed(y.master_deduction, MINUS)}"
            f"</td>{closing}{end}</td></tr>"
        )

    body = mark_safe("".join(map(row, lc.years)))
    return html(
        '<table class="table table-sm table-striped align-middle year-table stacked">'
        '<caption id="year-table-caption">{}</caption>{}<tbody>{}</tbody></table>',
        _("Learning credit per academic year, in credits"),
        head,
        body,
    )


@register.simple_tag
def topic_sources(topic) -> str:
    """A topic's sources, grouped by the date their rules apply from."""
    return topic_sources_html(current_language(), topic.sources)


# The source lists are the same for everyone whose advice cites them: written once per language.
@lru_cache(maxsize=512)
def topic_sources_html(language: str, sources: tuple) -> str:
    groups = [
        html(
            "{} {}",
            mark_safe(";\n".join(map(_link, sources))),
            _("(rules from %(day)s)") % {"day": long_date(day)},
        )
        for day, sources in groupby(sources, key=lambda s: s.valid_from)
        for sources in [list(sources)]
    ]
    return html(
        '<p class="topic-sources small text-body-secondary">{} {}</p>',
        _("Sources:"), mark_safe(";\n".join(groups)),
    )  # fmt: skip


def _link(source) -> str:
    return html('<a href="{0}" lang="{1}" hreflang="{1}">{2}</a>', source.url,
                       source.lang, source.title)  # fmt: skip


@register.simple_tag
def printed_sources(sources) -> str:
    """Every source once, grouped by the date its rules apply from, with its address written
    out (paper cannot follow a link)."""
    return _printed_sources(current_language(), tuple(sources))


@lru_cache(maxsize=512)
def _printed_sources(language: str, sources: tuple) -> str:
    return html_join(
        "", '<h3 class="h6 mt-3">{}</h3><ul class="list-unstyled">{}</ul>',
        ((_("Rules that apply from %(day)s") % {"day": long_date(day)},
          html_join("", '<li class="mb-2">{} <span class="print-url small">{}</span></li>',
                           ((mark_safe(_link(s)), _typed(s.url)) for s in group)))
         for day, group in groupby(sources, key=lambda s: s.valid_from)),
    )  # fmt: skip


def _typed(url: str) -> str:
    """An address as it is typed from paper: a browser adds the `https://` (and `www.`)."""
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.")


@register.simple_tag
def answers(sections, heading: str) -> str:
    """'Your answers': per step its answers and a Change link; the enrolments as a table."""
    return mark_safe("\n".join(map(partial(_section, heading=heading), sections)))


def _section(section, heading: str) -> str:
    if section["step"] == "years":
        title = _("Your enrolments")
        if section["ok"]:
            table = html(
                '<div class="table-responsive" tabindex="0" role="region" '
                'aria-labelledby="enrolments-caption"><table class="table table-sm align-middle '
                'stacked">'
                '<caption class="visually-hidden" id="enrolments-caption">{}</caption>'
                '<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>'
                '<th scope="col" class="text-end">{}</th><th scope="col" class="text-end">{}</th>'
                '<th scope="col" class="text-end">{}</th><th scope="col">{}</th></tr></thead>'
                "<tbody>{}</tbody></table></div>",
                title, _("Academic year"), _("Programme"), _("Contract"), _("Taken"), _("Earned"),
                _("Tolerated"), _("Degree"), enrolment_rows(section["rows"]),
            )  # fmt: skip
        elif section["problems"]:  # each message names its year and field
            table = html('<ul class="text-danger">{}</ul>', html_join(
                "", "<li>{}</li>", ((problem,) for problem in section["problems"])))  # fmt: skip
        else:
            table = html('<p class="text-danger">{}</p>', _("Not answered yet."))
        return html(
            '<{0} class="h5 mt-4">{1}</{0}>{2}<p class="no-print"><a href="{3}">{4}'
            '<span class="visually-hidden"> {5}</span></a></p>',
            mark_safe(heading), title, table, section["change_url"], _("Change"),
            _("your enrolments"),
        )  # fmt: skip
    if section["ok"]:
        labelled = len(section["summary"]) > 1 or section["step"] == "details"
        after_label = colon()
        lines = [html('<span class="answer-line">{}{} {}</span>', label, after_label, value)
                 if labelled else html("{}", value)
                 for label, value in section["summary"]]  # fmt: skip
        answer = mark_safe("<br>".join(lines))
    else:
        answer = html('<span class="text-danger">{}</span>', _("Not answered yet."))
    return html(
        '<dl class="row border-bottom py-2 mb-0 answer-{0}"><dt class="col-sm-5">{1}</dt>'
        '<dd class="col-sm-5 mb-0">{2}</dd><dd class="col-sm-2 mb-0 text-sm-end">'
        '<a class="no-print" href="{3}">{4}<span class="visually-hidden"> {1}</span></a></dd>'
        "</dl>",
        section["step"], section["title"], answer, section["change_url"], _("Change"),
    )  # fmt: skip


@register.simple_tag
def enrolment_rows(rows) -> str:
    """The answers' enrolments, a row per programme per academic year (forms.row_summaries)."""
    yes, no, not_known = escaped(_("yes")), escaped(_("no")), escaped(_("not known yet"))

    def months(row) -> str:
        parts = [_("from %(month)s") % {"month": row["from"]}] if row["from"] else []
        parts += [_("until %(month)s") % {"month": row["until"]}] if row["until"] else []
        return html('<br><span class="small fw-normal">{}</span>', " ".join(parts)) \
            if parts else ""  # fmt: skip

    # each column's cell opening written once; a row only fills in its values
    programme, contract, taken, earned, tolerated, degree = (
        html('<td{} data-label="{}">', mark_safe(' class="text-end"') if figure else "", label)
        for label, figure in ((_("Programme"), False), (_("Contract"), False),
                              (_("Taken"), True), (_("Earned"), True), (_("Tolerated"), True),
                              (_("Degree"), False))
    )  # fmt: skip

    def row_html(row) -> str:
        system = (html(' <span class="text-body-secondary small">({})</span>', row["system"])
                  if row["system"] else "")  # fmt: skip
        got = not_known if row["earned"] is None else escaped(row["earned"])
        tolerance = "—" if row["tolerated"] is None else escaped(row["tolerated"])
        kind = "—" if row["contract"] is None else escaped(row["contract"])
        return (
            f'<tr><th scope="row">{escaped(row["year"])}{system}{months(row)}</th>'
            f"{programme}{escaped(row['programme'])}</td>{contract}{kind}"
            f"</td>{taken}{escaped(row['taken'])}</td>{earned}{got}</td>{tolerated}{tolerance}"
            f"</td>{degree}{yes if row['degree'] else no}</td></tr>"
        )

    return mark_safe("".join(map(row_html, rows)))
