"""gunicorn's settings for production (bin/serve; README, "Production"). gunicorn reads this
file from the folder it starts in; its command line (`bin/serve --bind ...`) overrides it."""

import os

wsgi_app = "advisor.wsgi"
# Sync workers: a page is computed and drawn in Python, so one per core keeps the cores busy,
# plus one to cover a worker waiting on a slow client (a proxy in front buffers most of them).
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or (os.cpu_count() or 1) + 1)
timeout = 30
# A worker is replaced after a few thousand requests: its caches stay bounded.
max_requests = 5000
max_requests_jitter = 500
preload_app = True  # the site is loaded once, before the workers: a mistake shows once

# The access log on stdout: time, method, path, status, size, milliseconds. Nothing that holds
# answers: no query string (%(q)s), request line (%(r)s) or referer (%(f)s); advisor/access_log.py
# leaves them out even if the format asks for them, and a short link's code as well.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
logger_class = "advisor.access_log.AccessLog"
