"""Settings. What a deployment may change comes from environment variables, all listed in the
README ("Production"). Without any, the site runs as is for development and the tests (SQLite,
DEBUG off unless DJANGO_DEBUG=1, a development secret key that advisor/wsgi.py refuses)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str) -> bool:
    """A yes/no variable: 1, true, yes or on (any case) mean yes; anything else or unset, no."""
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable, blanks left out."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_seconds(name: str) -> int:
    value = os.environ.get(name, "").strip() or "0"
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number of seconds, not {value!r}")
    return int(value)


DEVELOPMENT_SECRET_KEY = "dev-only-not-secret-the-site-stores-nothing"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
DEBUG = env_flag("DJANGO_DEBUG")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

# HTTPS, usually ended by a proxy in front of gunicorn. DJANGO_SECURE_PROXY_SSL_HEADER names
# the header the proxy sets to "https" (X-Forwarded-Proto); set it only if the proxy always
# sets or removes that header, or a client could claim HTTPS itself.
_proxy_header = os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "").strip()
SECURE_PROXY_SSL_HEADER = (
    (f"HTTP_{_proxy_header.upper().replace('-', '_')}", "https") if _proxy_header else None
)
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer may probe over plain HTTP
SECURE_HSTS_SECONDS = 0 if DEBUG else env_seconds("DJANGO_SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_flag("DJANGO_SECURE_HSTS_PRELOAD")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Cookies only over HTTPS unless DEBUG: browsers keep Secure cookies from http://127.0.0.1 and
# localhost too, so bin/run is not affected. The language cookie is set by set_language.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "advisor.views.csrf_failure"

# No inline script or style anywhere: the scripts are static/js/, the chart is styled by class.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],  # the QR code is a data: image
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = (  # advisor/middleware.py: the site uses none of these
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "template_partials",
    "advisor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The pages gzipped (WhiteNoise serves the static files' own gzip and brotli copies). BREACH
    # needs a secret in a compressed page: the only one is the CSRF token, which Django masks
    # anew in every response, and GZipMiddleware adds random padding as well.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "advisor.middleware.permissions_policy",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
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

# No WSGI_APPLICATION: runserver (bin/run) builds its own handler, and advisor/wsgi.py, the
# production servers' entry point, refuses the development secret key.

# DATABASES: see the feedback block at the end.

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

# Static files. In production (bin/serve) collectstatic fills DJANGO_STATIC_ROOT with hashed
# names, which WhiteNoise caches for a year, and their gzip and brotli copies. Without it
# (bin/run, the tests) WhiteNoise serves static/ as it is, under the files' own names.
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_ROOT
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_ROOT

# Errors only, to stderr, without the answers: advisor/logs.py takes the query string and the
# short link's code out of every record (README, "What is logged").
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_answers": {"()": "advisor.logs.WithoutAnswers"}},
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
        "server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "level": "ERROR",
            "filters": ["without_answers"],
            "formatter": "plain",
        },
        "server": {  # runserver's own request lines (bin/run), answers left out as well
            "class": "logging.StreamHandler",
            "filters": ["without_answers"],
            "formatter": "server",
        },
    },
    "root": {"handlers": ["stderr"], "level": "ERROR"},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
FORM_RENDERER = "advisor.form_renderer.FormRenderer"  # Django's, its inputs and selects faster

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
MIDDLEWARE += [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES[0]["OPTIONS"]["context_processors"] += [
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
]

# The rate limit's client is the address that connects (REMOTE_ADDR), or, behind a reverse proxy
# you trust to set it (DJANGO_BEHIND_PROXY=1), the address that proxy wrote last in
# X-Forwarded-For. Leave it off when clients reach the site directly: they could type the header.
FEEDBACK_BEHIND_PROXY = os.environ.get("DJANGO_BEHIND_PROXY", "") == "1"
