from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from coproduce.api import api
from coproduce.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("switch-organisation/", core_views.switch_organisation, name="switch_organisation"),
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
