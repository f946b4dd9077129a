from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "coproduce.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    api_prefix = "/organisation"
    nav = [
        # (label, url name, capability the member needs, order)
        (_("People"), "organisations:people", "manage_people", 80),
        (_("Services"), "organisations:services", "manage_people", 81),
        (_("Audit trail"), "audit:events", "view_audit", 90),
    ]

    def ready(self) -> None:
        from coproduce.core import hooks
        from coproduce.organisations import personal_data

        hooks.personal_data.register(personal_data.PROVIDER)
