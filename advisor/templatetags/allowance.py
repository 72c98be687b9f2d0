"""The family allowance's year-by-year list, written in Python: a template spends about a
quarter of a millisecond on each year's dozen conditions, this a fraction of that. The
sentences are the site's (translated like any template text); the codes come from the rules
(rules/family_allowance/allowance.py)."""

from django import template
from django.utils.translation import ngettext

from advisor.html import html_join

from .advisor import colon, euro, long_date, month_day, month_year
from .translations import gettext as _

register = template.Library()


@register.simple_tag
def allowance_years(fa) -> str:
    """One `<li>` per academic year: credits, student status and why, and the basis. Most
    years repeat the sentences of the year before: each distinct one is written once."""
    f = fa.figures
    written = {}

    def once(key, write):
        if key not in written:
            written[key] = write()
        return written[key]

    separator = colon()
    return html_join(
        "\n", "<li><strong>{}</strong> ({}){} {} {} {}</li>",
        ((y.academic_year,
          once(("credits", y.credits), lambda y=y: ngettext(
              "%(credits)s credit", "%(credits)s credits", y.credits) % {"credits": y.credits}),
          separator,
          once(("status", y.student_status, y.reason, y.running, y.student_period, y.right_ends),
               lambda y=y: _status(y, f)),
          once(("basis", y.basis, y.running, y.right_ends, y.student_status, y.student_period),
               lambda y=y: _basis(y, f, fa.unconditional_until)),
          once(("amount", y.amount), lambda y=y: _amount(y.amount)))
         for y in fa.years),
    )  # fmt: skip


def _status(y, f) -> str:
    if y.student_status is None:
        return {
            "no-rules": lambda: (
                _(
                    "before the regional rules of %(year)s: not judged. The federal rules of that "
                    "time applied, and we do not apply them."
                )
                % {"year": f.rules_from.year}
            ),
        }[y.reason]()
    if y.student_status:
        why = {
            "credits": lambda: _("at least %(credits)s credits") % {"credits": f.min_credits},
            "enrolled": lambda: _("you are enrolled") if y.running else _("you were enrolled"),
            "diploma-year": lambda: _(
                "your diploma year: fewer credits are allowed once per cycle (graduaat, "
                "bachelor, master)"
            ),
            "thesis-year": lambda: _("your last year with a report or thesis"),
        }[y.reason]()
        period = y.student_period and (
            ", "
            + _("from %(start)s to %(end)s")
            % {
                "start": month_year(y.student_period.start),
                "end": month_year(min(y.student_period.end, y.right_ends or y.student_period.end)),
            }
        )
        more = {  # what the reason needs said after the period, in sentences of its own
            "thesis-year": lambda: (
                _(
                    "The allowance is paid until the month you hand in your report or thesis. "
                    "That is %(month)s at the latest if you hand it in for the first session. "
                    "For the second session (the resits), it is later."
                )
                % {"month": month_year(y.student_period.end)}
            ),
            "diploma-year": lambda: _(  # RULES.md §2.1: the whole year, or until the thesis
                "Not certain: some sources say the diploma year counts only until the month you "
                "hand in your thesis."
            ),
        }.get(y.reason, str)()
        status = _("student status: yes")
        return " ".join(filter(None, (f"{status} — {why}{period or ''}.", more)))
    why = {
        "below-minimum": lambda: _("fewer than %(credits)s credits") % {"credits": f.min_credits},
        "diploma-year-used": lambda: _(
            "fewer than the minimum, and the diploma-year exception was already used for this "
            "cycle"
        ),
        "late-enrolment": lambda: (
            _("enrolled after %(day)s") % {"day": month_day(f.enrolment_deadline)}
        ),
    }[y.reason]()
    more = {
        "late-enrolment": lambda: _(
            "The rules we found require enrolment by then. We could not confirm what a later "
            "enrolment gives: ask your family allowance fund."
        ),
    }.get(y.reason, str)()
    status = _("student status: no")
    return " ".join(filter(None, (f"{status} — {why}.", more)))


def _basis(y, f, unconditional_until) -> str:
    period = y.student_period
    if y.basis == "school-leaver" and y.student_status and period:  # a student, then not
        return _("After %(month)s: school-leaver months (see below).") % {
            "month": month_year(period.end)
        }
    if y.right_ends:  # the age limit, in the middle of the year (RULES.md §2.1-2.4)
        ends = {"month": month_year(y.right_ends), "age": f.age_limit}
        if y.running:
            return _("Your right ends after %(month)s, the month you turn %(age)s.") % ends
        return _("Your right ended after %(month)s, the month you turned %(age)s.") % ends
    # the month the region's rule ends it for this student: the month of the 18th birthday in
    # Flanders, 31 August of that year in Brussels and Wallonia (RULES.md §2.1-2.3)
    until = {"month": unconditional_until and month_year(unconditional_until)}
    if y.running:
        sentences = {
            "under-18": lambda: (
                _(
                    "This year your right rests mostly on your age: the unconditional right, up "
                    "to and including %(month)s."
                )
                % until
            ),
            "until-21": lambda: (
                _(
                    "This year your right rests mostly on the Walloon semi-automatic right until "
                    "%(age)s, whatever your credits."
                )
                % {"age": f.semi_automatic_age}
            ),
            "school-leaver": lambda: _("Basis of the right: school-leaver months (see below)."),
            "none": lambda: (
                _(
                    "For most of this year there is no right as a student: only as a young job "
                    "seeker."
                )
                if f.job_seeker_days  # Brussels, Wallonia: see "after your studies"
                else _("For most of this year there is no right to family allowance.")
            ),
        }
    else:
        sentences = {
            "under-18": lambda: (
                _(
                    "Your right that year rested mostly on your age: the unconditional right, up "
                    "to and including %(month)s."
                )
                % until
            ),
            "until-21": lambda: (
                _(
                    "Your right that year rested mostly on the Walloon semi-automatic right until "
                    "%(age)s, whatever your credits."
                )
                % {"age": f.semi_automatic_age}
            ),
            "school-leaver": lambda: _("Basis of the right: school-leaver months (see below)."),
            "none": lambda: (
                _(
                    "For most of that year there was no right as a student: only as a young job "
                    "seeker."
                )
                if f.job_seeker_days
                else _("For most of that year there was no right to family allowance.")
            ),
        }
    sentence = sentences.get(y.basis)
    return sentence() if sentence else ""


def _amount(amount) -> str:
    if amount is None:
        return ""
    if amount.age_supplement:
        return _(
            "At stake: at least %(total)s a month (the basic amount of %(base)s plus the age "
            "supplement of %(supplement)s from 18; official amounts from %(date)s)."
        ) % {
            "total": euro(amount.value),
            "base": euro(amount.base),
            "supplement": euro(amount.age_supplement),
            "date": long_date(amount.valid_from),
        }
    return _("At stake: at least %(amount)s a month (official amount from %(date)s).") % {
        "amount": euro(amount.value),
        "date": long_date(amount.valid_from),
    }
