"""The site's addresses plus a page that fails (/<lang>/fail/ and /fail/), for the 500 tests."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from advisor.urls import handler400, handler500  # noqa: F401  (Django reads them here)
from advisor.urls import urlpatterns as site


def fail(request):
    raise RuntimeError(f"the page failed for {request.get_full_path()}")


urlpatterns = [*site, path("fail/", fail), *i18n_patterns(path("fail/", fail))]
