"""Settings for the public forms, each read from Django settings first, then the environment.

The lead may move any of these into ``heeded/settings.py``; until then the environment
variable of the same name sets it (documented in README.md, "Configuration"):

- ``PUBLIC_RATE_LIMIT``: forms a single address may send per hour (default 10; 0 switches
  every rate limit off, for load benches).
- ``PUBLIC_POST_RATE_LIMIT``: pages a single address may post per minute (default 30).
- ``PUBLIC_UPLOAD_MAX_MB``: largest attachment in megabytes (default 10, at most the 20MB
  that ``heeded.cases.documents`` accepts).
- ``PUBLIC_UPLOAD_MAX_FILES``: how many attachments one form may carry (default 5).
- ``PUBLIC_CLIENT_IP_HEADER``: the request header a trusted proxy puts the client's address
  in (e.g. ``HTTP_X_FORWARDED_FOR``, its last address); empty means REMOTE_ADDR. Failed
  sign-ins are counted by the same address (``heeded.access.adapters``). Only set it behind
  a proxy that writes the header, or anyone can dodge the limits by sending it.
- ``PUBLIC_TEAM_EMAIL``: where new forms are reported; default the organisation's
  complaints e-mail, else ``DEFAULT_FROM_EMAIL``.
"""

from __future__ import annotations

import environ
from django.conf import settings

from heeded.cases.documents import MAX_BYTES

_env = environ.Env()


def _int(name: str, default: int) -> int:
    if hasattr(settings, name):
        return int(getattr(settings, name))
    return _env.int(name, default=default)


def _str(name: str, default: str) -> str:
    if hasattr(settings, name):
        return str(getattr(settings, name))
    return _env.str(name, default=default)


def submissions_per_hour() -> int:
    return _int("PUBLIC_RATE_LIMIT", 10)


def posts_per_minute() -> int:
    # With PUBLIC_RATE_LIMIT=0 (limits off) page posts are not limited either.
    return _int("PUBLIC_POST_RATE_LIMIT", 30) if submissions_per_hour() else 0


def upload_max_bytes() -> int:
    return min(_int("PUBLIC_UPLOAD_MAX_MB", 10) * 2**20, MAX_BYTES)


def upload_max_files() -> int:
    return _int("PUBLIC_UPLOAD_MAX_FILES", 5)


def client_ip_header() -> str:
    return _str("PUBLIC_CLIENT_IP_HEADER", "")


def team_email() -> str:
    return _str("PUBLIC_TEAM_EMAIL", "")
