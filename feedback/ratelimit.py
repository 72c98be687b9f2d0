"""At most LIMIT reports per client in WINDOW seconds.

The client is a keyed hash (HMAC with SECRET_KEY) of its address, never the address itself: the
address that connects (REMOTE_ADDR) or, when settings.FEEDBACK_BEHIND_PROXY says a reverse proxy
we trust sits in front, the address that proxy added to X-Forwarded-For. That is the header's
last entry, not its first: a proxy that appends (nginx's $proxy_add_x_forwarded_for) keeps
whatever the client typed in front of it, so only the last entry cannot be made up (a proxy
that sets the header to $remote_addr writes one entry, the same).

Counted with Django's cache framework rather than in a database table: the count is needed for
an hour only and the cache forgets it by itself, so nothing about a client is written to the
database, there is nothing to purge, and the report's row holds no trace of who sent it. The
price: the default cache (LocMemCache) is per process and forgotten at a restart, so with N
workers a client may send up to N x LIMIT in an hour. That is enough against a flood from one
client; a deployment that wants one count for all workers sets CACHES to a shared cache
(Django's DatabaseCache, Redis or Memcached) and nothing here changes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

LIMIT = 5
WINDOW = 60 * 60  # seconds


def client_address(request) -> str:
    if getattr(settings, "FEEDBACK_BEHIND_PROXY", False):
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if hops[-1]:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request) -> str:
    """The cache key of this request's client: a hash of its address."""
    digest = salted_hmac("feedback.ratelimit", client_address(request), algorithm="sha256")
    return f"feedback-rate:{digest.hexdigest()}"


def limited(request) -> bool:
    """This client has sent LIMIT reports within the window already."""
    return cache.get(client_key(request), 0) >= LIMIT


def count(request) -> None:
    """One more report from this client; the window starts with its first."""
    key = client_key(request)
    if not cache.add(key, 1, WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW)
