from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path, re_path
from django.views.i18n import set_language

from feedback import views as feedback_views

from . import dates, views

handler400 = "advisor.views.bad_request"
handler500 = "advisor.views.server_error"

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("", views.root),
    path("bare/", views.bare, name="bare"),  # the benchmark's baseline
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),  # staff: the feedback reports
    # the short link as the QR code holds it, in capitals (advisor/qr.py)
    re_path(r"^(?P<language>[A-Z]{2})/R/(?P<code>[0-9A-Z./-]+?)/?$", views.short_in_capitals),
]
urlpatterns += i18n_patterns(
    path("", views.start, name="start"),
    path("step/<slug:name>/", views.step, name="step"),
    path("check/", views.check, name="check"),
    path("result/", views.result, name="result"),
    path("result/dates.ics", dates.result_ics, name="result_ics"),
    path("result/appeal/", dates.appeal_sheet, name="appeal_sheet"),
    path("r/<path:code>/", views.short, name="short"),
    path("print.css", views.print_css, name="print_css"),
    path("feedback/<path:code>/", feedback_views.send, name="feedback"),
    prefix_default_language=True,
)
