from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "coproduce.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from coproduce.audit import personal_data
        from coproduce.core import hooks

        hooks.personal_data.register(personal_data.PROVIDER)
