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
    dashboard = ["coproduce.assessments.dashboard.panel"]
    demo = "coproduce.assessments.demo.load"
    # Records an example may cite as evidence (see citations.py); other apps add their own.
    citable = [
        "coproduce.assessments.citations.conversations",
        "coproduce.assessments.citations.project_sessions",
        "coproduce.assessments.citations.you_said_we_did",
    ]
