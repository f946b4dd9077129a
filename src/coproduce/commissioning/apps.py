from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissioningConfig(AppConfig):
    name = "coproduce.commissioning"
    label = "commissioning"
    verbose_name = _("Co-commissioning")
    url_prefix = "commissioning"
    api_prefix = "/commissioning"
    nav = [
        (_("Commissioning"), "commissioning:index", "staff", 40),
        (_("Panels"), "commissioning:index", "young_person", 30),
    ]

    def ready(self) -> None:
        from coproduce.commissioning import dashboard, demo, personal_data
        from coproduce.core import hooks

        hooks.home_panels.register(dashboard.panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
