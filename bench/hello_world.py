"""The floor for bench/load_bench.py: a true hello-world Django app (CommonMiddleware only,
one view, no database), served by gunicorn exactly as the project is.

    uv run gunicorn --chdir bench --workers 2 hello_world:application
"""

from __future__ import annotations

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="hello-world-bench-only",  # signs nothing: no sessions here
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    INSTALLED_APPS=[],
    DATABASES={},
)


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world")


urlpatterns = [path("hello/", hello)]

application = get_wsgi_application()
