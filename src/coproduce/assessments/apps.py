from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "coproduce.assessments"
    label = "assessments"
    verbose_name = _("Self-assessment")
    url_prefix: str | None = "assessments"
    api_prefix: str | None = "/assessments"
    nav = [
        (_("Self-assessment"), "assessments:index", "staff", 20),
        (_("How are we doing?"), "assessments:index", "young_person", 20),
    ]

    def ready(self) -> None:
        from coproduce.assessments import citations, dashboard, demo, personal_data, printed
        from coproduce.core import downloads, hooks

        hooks.home_panels.register(dashboard.panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        # Messages `coproduce send_due_messages` finds due: a check-in waiting, a round due.
        from coproduce.assessments import messages
        from coproduce.notifications.due import finders

        finders.register(messages.assessments_waiting)
        finders.register(messages.rounds_due)
        # Records an example may cite as evidence; apps above add theirs (projects.citations).
        citations.citable.register(citations.conversations)
        # PDFs made by the worker (the views queue them).
        downloads.builders.register(
            downloads.Builder(
                "assessments.round_pdf", _("Self-assessment report (PDF)"), printed.round_pdf
            )
        )
        downloads.builders.register(
            downloads.Builder(
                "assessments.blank_sheet", _("Blank scoring sheet (PDF)"), printed.blank_sheet
            )
        )
