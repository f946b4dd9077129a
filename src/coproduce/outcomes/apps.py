from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "coproduce.outcomes"
    label = "outcomes"
    verbose_name = _("Outcomes check-ins")
    url_prefix = "outcomes"
    api_prefix = "/outcomes"
    nav = [(_("How am I doing?"), "outcomes:mine", "young_person", 8)]

    def ready(self) -> None:
        from coproduce.core import hooks
        from coproduce.outcomes import dashboard, demo, personal_data

        hooks.home_panels.register(dashboard.panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
