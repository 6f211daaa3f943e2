"""Per-address limits on posting, counted in the default cache.

Fixed windows in the cache (locmem for one process; Redis via CACHE_URL when several
workers must share the counts). Generous enough for a family sharing one address, tight
enough that a script cannot fill the complaints team's queue.
"""

from __future__ import annotations

import time

from django.core.cache import cache

from . import conf


def client_ip(request) -> str:
    header = conf.client_ip_header()
    if header and request.META.get(header):
        # The proxy appends the address it saw last; earlier entries are the client's word.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one more event for this address; False once it is over ``limit``."""
    if limit <= 0:
        return True
    window = int(time.time() // window_seconds)
    key = f"heeded-public:{scope}:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds + 5)
        count = 1
    return count <= limit


def allow_post(request) -> bool:
    return allow(request, "post", conf.posts_per_minute(), 60)


def allow_submission(request) -> bool:
    return allow(request, "sent", conf.submissions_per_hour(), 3600)
