"""Keep the consent wording's promise: delete the e-mail addresses of reports older than
EMAIL_KEPT_MONTHS months (the reports stay). Run it daily (README, 'Feedback')."""

from django.core.management.base import BaseCommand

from feedback.models import EMAIL_KEPT_MONTHS, Feedback, email_deadline


class Command(BaseCommand):
    help = (
        f"Delete the e-mail addresses of feedback reports older than {EMAIL_KEPT_MONTHS} months."
    )

    def handle(self, *args, **options):
        deadline = email_deadline()
        deleted = Feedback.objects.filter(created__lt=deadline).exclude(email="").update(email="")
        self.stdout.write(
            f"Deleted {deleted} e-mail address(es) of reports sent before {deadline:%Y-%m-%d}."
        )
