import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_limits_and_storage(settings, tmp_path):
    # Rate-limit counters live in the cache: each test starts with none used.
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "documents"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    yield
    cache.clear()


@pytest.fixture
def taxonomy(db):
    # Transactional tests (live server, threads) run after a flush that empties the tables
    # the migrations seeded: put the default codes back.
    from heeded.taxonomy.seeding import seed_default_taxonomy

    seed_default_taxonomy()


@pytest.fixture
def public_live_server(request):
    """pytest-django's live server, started with a MEDIA_URL it can parse.

    Heeded sets MEDIA_URL = None (documents are only served through a checked view), but
    Django's live server wraps every request in a media handler that parses MEDIA_URL and
    fails on None. The handler reads it once, when the server starts, so it is set only
    for that moment. (Reported to the lead: a string MEDIA_URL in settings fixes it.)
    """
    from django.conf import settings

    original = settings.MEDIA_URL
    if original is None:
        settings.MEDIA_URL = "/documents-not-served/"
    try:
        return request.getfixturevalue("live_server")
    finally:
        settings.MEDIA_URL = original
