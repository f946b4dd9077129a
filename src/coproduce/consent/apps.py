from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "coproduce.consent"
    label = "consent"
    verbose_name = _("Consent")
    url_prefix = "consent"
    api_prefix: str | None = None

    def ready(self) -> None:
        from coproduce.consent import personal_data
        from coproduce.core import hooks

        hooks.personal_data.register(personal_data.PROVIDER)
