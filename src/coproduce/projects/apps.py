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
        (_("My ideas"), "projects:my_ideas", "young_person", 10),
        (_("My journey"), "projects:my_journey", "young_person", 11),
    ]
    dashboard = [
        "coproduce.projects.dashboard.panel",
        "coproduce.projects.dashboard.my_ideas_panel",
        "coproduce.projects.dashboard.stuck_panel",
    ]
    demo = "coproduce.projects.demo.load"
