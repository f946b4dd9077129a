from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = _("Projects")
    url_prefix = "projects"
    api_prefix = "/projects"
    nav = [
        (_("Projects"), "projects:list", "staff", 10),
        (_("Get involved"), "projects:get_involved", "young_person", 9),
        (_("My ideas"), "projects:my_ideas", "young_person", 10),
        (_("My journey"), "projects:my_journey", "young_person", 11),
    ]

    def ready(self) -> None:
        from coproduce.assessments.citations import citable
        from coproduce.core import hooks
        from coproduce.projects import citations, dashboard, demo, personal_data

        hooks.home_panels.register(dashboard.overdue_panel)
        hooks.home_panels.register(dashboard.my_ideas_panel)
        hooks.home_panels.register(dashboard.stuck_panel)
        hooks.home_panels.register(dashboard.join_requests_panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        citable.register(citations.project_sessions)
        citable.register(citations.you_said_we_did)

        from coproduce.notifications.due import digest_lines, finders
        from coproduce.projects import messages

        finders.register(messages.sessions_due)
        digest_lines.register(messages.digest_lines)
