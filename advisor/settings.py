"""Settings: an embedded default (SQLite, DEBUG off unless DJANGO_DEBUG=1) that runs as is."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-the-site-stores-nothing")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "template_partials",
    "advisor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "advisor.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "advisor.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "advisor.wsgi.application"

# DATABASES: see the feedback block at the end.

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # serve static/ directly, no collectstatic step needed

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Feedback (issue 12, item 5): the database, the admin, CSRF -----------------------------
# The one thing the site stores: reports sent from the result page's feedback form (feedback/),
# read by staff in the Django admin at /admin/. The answers themselves are never stored.

# DATABASE_URL (dj-database-url): SQLite in db.sqlite3 when unset, e.g.
# postgres://user:password@host:5432/name for PostgreSQL (psycopg).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}

INSTALLED_APPS += [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "feedback",
]
# Sessions, users and messages only for the admin: all three are lazy, so a page that does not
# use them (every page of the site) makes no database query and sets no session cookie.
# CsrfViewMiddleware: every POST (the feedback form, the admin) needs its token.
MIDDLEWARE += [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES[0]["OPTIONS"]["context_processors"] += [
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
]
CSRF_FAILURE_VIEW = "feedback.views.csrf_failure"  # the site's own page, in its language

# The rate limit's client is the address that connects (REMOTE_ADDR), or, behind a reverse proxy
# you trust to set it (DJANGO_BEHIND_PROXY=1), the address that proxy wrote last in
# X-Forwarded-For. Leave it off when clients reach the site directly: they could type the header.
FEEDBACK_BEHIND_PROXY = os.environ.get("DJANGO_BEHIND_PROXY", "") == "1"
