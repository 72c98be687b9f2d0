"""The form's POST (then a redirect back to the result, POST/redirect/GET) and the CSRF page."""

from __future__ import annotations

from django.shortcuts import redirect, render

from advisor import shortlink
from advisor import views as advisor_views
from advisor.language import current_language
from rules.parameters import rules_checked_on

from . import ratelimit
from .forms import HONEYPOT, RATE_LIMITED, FeedbackForm
from .models import CODE_MAX_LENGTH, Feedback

ANCHOR = "#feedback"  # the form's section on the result page


def send(request, code):
    """A report about the result whose short code is in the address. The code is checked
    (shortlink.decode) and stored as the server writes it; the answers are never stored.
    On a GET (a language link of a page with errors): back to the result."""
    state = shortlink.decode(code) if len(code) <= CODE_MAX_LENGTH else None
    if state is None:
        return render(request, "advice/feedback_unlinked.html", status=400)
    if request.method != "POST":
        return redirect(advisor_views.url("result", state) + ANCHOR)
    thanks = advisor_views.url("result", state, sent=1) + ANCHOR
    if request.POST.get(HONEYPOT):  # a robot: it sees the same thanks, nothing is stored
        return redirect(thanks)
    form = FeedbackForm(request.POST)
    valid = form.is_valid()
    limited = ratelimit.limited(request)
    if valid and not limited:
        Feedback.objects.create(
            code=shortlink.encode(state),
            language=current_language(),
            rules_checked_on=rules_checked_on(),
            comment=form.cleaned_data["comment"],
            email=form.cleaned_data["email"],
        )
        ratelimit.count(request)
        return redirect(thanks)
    if limited:
        form.add_error(None, RATE_LIMITED % {"limit": ratelimit.LIMIT})
    # The result page again, from the posted code, with the form's errors next to its fields
    # (templatetags/feedback_tags.py reads the form from the request).
    request.GET = state
    request.feedback_form = form
    response = advisor_views.result(request)
    if response.status_code == 200:
        response.status_code = 429 if limited else 400
    return response
