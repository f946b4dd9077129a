from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "coproduce.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring and evidence")
    url_prefix = "monitoring"
    nav = [
        (_("Monitoring"), "monitoring:index", "staff", 50),
        (_("Shared with you"), "monitoring:shared", "observe", 10),
    ]
    dashboard = ["coproduce.monitoring.dashboard.panel"]
    demo = "coproduce.monitoring.demo.load"
