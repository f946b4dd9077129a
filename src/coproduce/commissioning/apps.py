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
        # A commissioner may sit on another organisation's panel as well as read its reports.
        (_("Panels"), "commissioning:index", "observe", 30),
    ]

    def ready(self) -> None:
        from coproduce.commissioning import dashboard, demo, exports, personal_data
        from coproduce.core import downloads, hooks

        hooks.home_panels.register(dashboard.panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        # Messages `coproduce send_due_messages` finds due: briefings, a panel ready.
        from coproduce.commissioning import messages
        from coproduce.notifications.due import finders

        finders.register(messages.panel_briefings)
        finders.register(messages.panels_ready)
        # The scoring spreadsheet and the PDFs are made by the worker (the views queue them).
        for kind, title, build in (
            ("commissioning.matrix_xlsx", _("Scoring matrix (Excel)"), exports.matrix_xlsx),
            ("commissioning.decision_pdf", _("Decision report (PDF)"), exports.decision_pdf),
            ("commissioning.feedback_letter", _("Feedback letter (PDF)"), exports.feedback_letter),
        ):
            downloads.builders.register(downloads.Builder(kind, title, build))
