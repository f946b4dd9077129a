"""Settings for the test suite and the type-checker: the real settings in development mode.

Unset, DEBUG means production, which refuses to start without its secrets; tests run with
the development defaults instead (pytest-django then turns DEBUG off while tests run).
"""

import os

os.environ.setdefault("DEBUG", "true")

from coproduce.settings import *  # noqa: F403

# Commands that tests start in a new process load the real settings (DEBUG as set above).
os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings"
