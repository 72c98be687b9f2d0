"""The WSGI application for a production server (gunicorn.conf.py). It refuses to start with
the development secret key unless DEBUG is on; runserver (bin/run) does not load this file."""

import os
import sys

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from advisor.settings import DEVELOPMENT_SECRET_KEY

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advisor.settings")

if not settings.DEBUG and settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    sys.exit(
        "Refusing to start: DJANGO_SECRET_KEY is not set, and the development key must not "
        "serve the site. Set DJANGO_SECRET_KEY to a long random value (README, 'Production'), "
        "or DJANGO_DEBUG=1 for a trial on your own machine."
    )

application = get_wsgi_application()
