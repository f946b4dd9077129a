"""Settings for the benchmarks: the real settings with DEBUG off (no query log, no debug
template context, as in production), plain static files so no collectstatic is needed, and
a bare view to compare against."""

from coproduce.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bare_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
