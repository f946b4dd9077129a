from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusionConfig(AppConfig):
    name = "coproduce.inclusion"
    label = "inclusion"
    verbose_name = _("Inclusion")
    url_prefix = "inclusion"
    nav = [
        # (label, url name, capability the member needs, order)
        (_("Payments"), "inclusion:payments", "staff", 60),
        (_("Who takes part"), "inclusion:equality", "view_equality", 82),
        (_("About you"), "inclusion:about_you", "young_person", 12),
    ]

    def ready(self) -> None:
        from coproduce.core import hooks
        from coproduce.inclusion import demo, personal_data, sections
        from coproduce.organisations.sections import person_sections
        from coproduce.projects.sections import project_sections, session_sections

        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        person_sections.register(sections.taking_part_section)
        session_sections.register(sections.register_section)
        project_sections.register(sections.who_to_ask_section)
