from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "coproduce.outcomes"
    label = "outcomes"
    verbose_name = _("Outcomes check-ins")
    url_prefix = "outcomes"
    api_prefix = "/outcomes"
    nav = [(_("How am I doing?"), "outcomes:mine", "young_person", 8)]
    dashboard = ["coproduce.outcomes.dashboard.panel"]
    demo = "coproduce.outcomes.demo.load"
