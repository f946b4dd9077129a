from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from coproduce.api import api
from coproduce.core import health
from coproduce.core import views as core_views

# Error pages in the site's layout (ErrorPagesMiddleware serves them with DEBUG on too).
handler400 = "coproduce.core.errors.bad_request"
handler403 = "coproduce.core.errors.permission_denied"
handler404 = "coproduce.core.errors.page_not_found"
handler500 = "coproduce.core.errors.server_error"

urlpatterns = [
    path("", include("coproduce.home.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("", include("coproduce.accounts.urls")),
    path("auth/", include("allauth.urls")),
    path("organisation/", include("coproduce.organisations.urls")),
    path("audit/", include("coproduce.audit.urls")),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
]

# Capability apps mount their pages at /<url_prefix>/ when they declare one.
for _config in apps.get_app_configs():
    prefix = getattr(_config, "url_prefix", None)
    if _config.name.startswith("coproduce.") and prefix:
        urlpatterns.append(path(f"{prefix}/", include(f"{_config.name}.urls")))
