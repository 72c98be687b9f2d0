"""The 'Report a mistake' form. Every error starts with its field's name, as on the wizard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, EMAIL_MAX_LENGTH

HONEYPOT = "website"  # hidden from people (feedback_form.html); a robot fills it in


class TextField(forms.CharField):
    """A textarea's text with its line breaks as one character each, as the browser counts
    them while typing (it sends each one as two)."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class FeedbackForm(forms.Form):
    comment = TextField(
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _("What is wrong: write a few words about the mistake."),
            "max_length": _(
                "What is wrong: write at most %(limit_value)d characters (now %(show_value)d)."
            ),
            "null_characters_not_allowed": _("What is wrong: remove the invisible characters."),
        },
    )
    email = forms.EmailField(
        required=False,
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "invalid": _(
                "Your e-mail address: enter an address like name@example.com, or leave it empty."
            ),
            "max_length": _(
                "Your e-mail address: it can have at most %(limit_value)d characters."
            ),
            "null_characters_not_allowed": _(
                "Your e-mail address: remove the invisible characters."
            ),
        },
    )


RATE_LIMITED = _(
    "You have sent %(limit)d reports within an hour. Please try again later: what you wrote is "
    "still here."
)
