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
        from coproduce.core import downloads, hooks
        from coproduce.inclusion import demo, exports, personal_data, sections
        from coproduce.organisations.sections import person_sections
        from coproduce.projects.sections import project_sections, session_sections

        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        for kind, title, build in [
            ("inclusion.people_csv", _("List of people (CSV)"), exports.people_csv),
            ("inclusion.people_xlsx", _("List of people (spreadsheet)"), exports.people_xlsx),
            ("inclusion.payments_csv", _("Approved payments (CSV)"), exports.payments_csv),
        ]:
            downloads.builders.register(downloads.Builder(kind, title, build))
        person_sections.register(sections.taking_part_section)
        session_sections.register(sections.register_section)
        project_sections.register(sections.who_to_ask_section)
