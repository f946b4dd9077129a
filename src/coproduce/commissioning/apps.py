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
    dashboard = ["coproduce.commissioning.dashboard.panel"]
    demo = "coproduce.commissioning.demo.load"
