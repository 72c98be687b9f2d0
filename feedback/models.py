"""A report sent from the result page's 'Report a mistake' form."""

from __future__ import annotations

import calendar
from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The consent wording next to the e-mail field promises this, and `manage.py purge_feedback`
# (run daily, see the README) keeps the promise: an e-mail address is deleted once its report
# is older than this many months. The report itself (comment, short link) stays.
EMAIL_KEPT_MONTHS = 6

COMMENT_MAX_LENGTH = 2000
EMAIL_MAX_LENGTH = 254  # the longest address SMTP can carry (RFC 5321, a path of 256 with <>)
CODE_MAX_LENGTH = 2000  # a short link's code; 40 rows of the longest segments stay under it


class Feedback(models.Model):
    created = models.DateTimeField(_("sent on"), default=timezone.now, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    code = models.CharField(
        _("short link"),
        max_length=CODE_MAX_LENGTH,
        help_text=_("The answers of the page the report was sent from."),
    )
    rules_checked_on = models.DateField(_("rules checked on"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ("-created",)
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.language} /{self.code}/"

    @property
    def path(self) -> str:
        """The short link's path, in the language the report was written in."""
        return f"/{self.language}/r/{self.code}/"


def email_deadline(now: datetime | None = None) -> datetime:
    """Reports sent before this moment keep no e-mail address: EMAIL_KEPT_MONTHS calendar
    months before now (the 31st becomes the month's last day)."""
    now = now or timezone.now()
    years, month0 = divmod(now.month - 1 - EMAIL_KEPT_MONTHS, 12)
    year, month = now.year + years, month0 + 1
    return now.replace(
        year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1])
    )
