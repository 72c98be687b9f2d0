"""The reports for staff at /admin/: newest first, searchable, the short link as a link."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from advisor.context_processors import SITE_NAME

from .models import Feedback

admin.site.site_header = SITE_NAME
admin.site.site_title = SITE_NAME

EXCERPT_WORDS = 20


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("created", "language", "rules_checked_on", "permalink", "excerpt", "has_email")
    list_filter = ("language", "rules_checked_on")
    search_fields = ("comment", "code", "email")
    date_hierarchy = "created"
    fields = ("created", "language", "rules_checked_on", "permalink", "comment", "email")
    # What the visitor sent stays as sent; the e-mail address can be deleted once answered.
    readonly_fields = ("created", "language", "rules_checked_on", "permalink", "comment")

    def has_add_permission(self, request):
        return False  # reports come from the site's form only

    @admin.display(description=_("short link"), ordering="code")
    def permalink(self, obj):
        return format_html('<a href="{}">{}</a>', obj.path, obj.code)

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return Truncator(obj.comment).words(EXCERPT_WORDS)

    @admin.display(description=_("e-mail given"), boolean=True, ordering="email")
    def has_email(self, obj):
        return bool(obj.email)
