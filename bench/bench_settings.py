"""Settings for the load benchmark: the real settings plus a bare view to compare against."""

from coproduce.settings import *  # noqa: F403

ROOT_URLCONF = "bare_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
