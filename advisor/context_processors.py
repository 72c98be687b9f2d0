from django.utils.translation import gettext_lazy as _

from rules.parameters import rules_checked_on

# What the site answers, in a few words: studies (learning credit, study progress, the French
# Community's fundability, the Dutch halved fee) and the family allowance.
SITE_NAME = _("Studies and family allowance guide")


def site(request):
    return {"rules_checked_on": rules_checked_on(), "site_name": SITE_NAME}
