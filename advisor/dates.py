"""The pages made from the result's answers besides the result itself: the dates to keep as a
calendar file (`result_ics`) and the printable appeal sheet (`appeal_sheet`). Both read the
same query string as the result page and refuse invalid answers the same way (400)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext
from icalendar import Alarm, Calendar, Event

from rules.advice import Advice, advise
from rules.appeal import appeal_sheet as appeal_grounds
from rules.deadlines import Deadline, deadlines

from .context_processors import SITE_NAME
from .explain import plain_text, topic_context
from .language import current_language
from .views import encoded, encoded_url, permalink_of, scenario_or_invalid
from .wizard import query_of, state_of

SENTENCES = "advice/deadlines.html"  # each code's title and sentence, as on the page
UID_DOMAIN = "dates.studiewijzer"  # a UID's right-hand side: no host, no answer in it
# Each date's reminder (the site's choice): two weeks leave time to enrol, change or write.
REMINDER_BEFORE = timedelta(days=14)


def result_ics(request):
    """The dated deadlines as an iCalendar file: one all-day event each. The rules without a
    date of their own (the appeal's days, counted from a decision) stay on the page."""
    state = state_of(query_of(request))
    scenario, invalid = scenario_or_invalid(request, state)
    if invalid:
        return invalid
    body = calendar(advise(scenario))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics_filename()}"'
    return response


def ics_filename() -> str:
    return f"dates-{current_language()}.ics"


def calendar(advice: Advice) -> bytes:
    """The calendar of the advice's dated deadlines, in the active language."""
    cal = Calendar()
    cal.add("prodid", f"-//{SITE_NAME}//{current_language()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", gettext("Dates to keep"))
    stamp = datetime.now(UTC).replace(microsecond=0)
    for deadline in deadlines(advice):
        if deadline.day is not None:
            cal.add_component(_event(deadline, stamp))
    return cal.to_ical()


def uid(deadline: Deadline) -> str:
    """Stable for the same deadline on the same day, in every language and for every student:
    importing the file again updates the event instead of adding it twice."""
    return f"{deadline.code}-{deadline.day.isoformat()}@{UID_DOMAIN}"


def _event(deadline: Deadline, stamp: datetime) -> Event:
    context = {"d": deadline}
    title, sentence, confidence = (
        plain_text(render_to_string(f"{SENTENCES}#{part}", context))
        for part in ("title", "sentence", "confidence")
    )
    text = f"{sentence} {confidence}".strip()
    source = gettext("Source: %(title)s") % {"title": deadline.reference.title}
    event = Event()
    event.add("uid", uid(deadline))
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.day)
    event.add("dtend", deadline.day + timedelta(days=1))
    event.add("summary", title)
    event.add("description", f"{text}\n\n{source}\n{deadline.reference.url}")
    event.add("url", deadline.reference.url)
    event.add("transp", "TRANSPARENT")
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", title)
    reminder.add("trigger", -REMINDER_BEFORE)
    event.add_component(reminder)
    return event


def appeal_sheet(request):
    """One printable page for a student refused or at risk: the rules that apply, their own
    figures, the dates, whom to write to, and the sources. With nothing to appeal, one
    sentence and a link back to the result."""
    state = state_of(query_of(request))
    scenario, invalid = scenario_or_invalid(request, state)
    if invalid:
        return invalid
    advice = advise(scenario)
    answers = encoded(state)
    permalink, _code = permalink_of(request, state)
    return render(
        request,
        "advice/appeal.html",
        {
            **topic_context(advice),
            "sheet": appeal_grounds(advice),
            # the dated ones: the appeal's days are in "Whom to write to"
            "deadlines": [d for d in deadlines(advice) if d.day is not None],
            "result_url": encoded_url("result", answers),
            "ics_url": encoded_url("result_ics", answers),
            "permalink": permalink,
        },
    )
