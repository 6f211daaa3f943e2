"""Settings for bench.pages: Heeded's own, with bench.pages_urls adding one bare view."""

from heeded.settings import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"
DEBUG = False
