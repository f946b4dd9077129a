from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "coproduce.consent"
    label = "consent"
    verbose_name = _("Consent")
    url_prefix = "consent"
    api_prefix: str | None = None
