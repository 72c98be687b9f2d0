"""The result page's feedback form, built from the request and the page's short code (the
result view's `short_code`); a GET makes no database query."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from advisor.language import current_language

from ..forms import HONEYPOT
from ..models import COMMENT_MAX_LENGTH, EMAIL_KEPT_MONTHS

register = template.Library()

FIELDS = "advice/feedback_fields.html"
LIMITS = {"comment_max": COMMENT_MAX_LENGTH, "months": EMAIL_KEPT_MONTHS, "honeypot": HONEYPOT}


@register.simple_tag(takes_context=True)
def feedback(context) -> dict | None:
    """What feedback_form.html shows: the form's address; its fields, with what was typed and
    the errors next to them when a POST came back (views.send puts the form on the request);
    and whether a report was just sent (the `sent` control key). None when the answers have
    no short link (then there is no form)."""
    request = context["request"]
    code = context["short_code"]  # the result view's own: the page's short link
    if code is None:
        return None
    form = getattr(request, "feedback_form", None)
    found = {
        "action": reverse("feedback", args=[code]),
        "sent": form is None and request.GET.get("sent") == "1",
        "bound": form is not None,
        "error_list": [],
    }
    if form is None:
        return {**found, "fields": _blank_fields(current_language())}
    errors = form.errors
    found["error_list"] = [
        ("" if field == "__all__" else f"feedback-{field}", message)
        for field, messages in errors.items()
        for message in messages
    ]
    return {
        **found,
        "fields": render_to_string(
            FIELDS,
            {
                **LIMITS,
                "comment": form.data.get("comment", ""),
                "email": form.data.get("email", ""),
                "comment_errors": errors.get("comment", []),
                "email_errors": errors.get("email", []),
                "general_errors": form.non_field_errors(),
            },
        ),
    }


@lru_cache(maxsize=8)
def _blank_fields(language: str) -> str:
    """The fields before anything is typed: the same for everyone in a language."""
    return render_to_string(FIELDS, LIMITS)
