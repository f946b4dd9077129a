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

    def ready(self) -> None:
        from coproduce.core import downloads, hooks
        from coproduce.monitoring import dashboard, demo, exports, personal_data

        hooks.home_panels.register(dashboard.panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        downloads.builders.register(
            downloads.Builder(
                "monitoring.report_pdf", _("Monitoring report (PDF)"), exports.report_pdf
            )
        )
        downloads.builders.register(
            downloads.Builder(
                "monitoring.report_xlsx", _("Monitoring report (spreadsheet)"), exports.report_xlsx
            )
        )
