from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardingConfig(AppConfig):
    name = "coproduce.safeguarding"
    label = "safeguarding"
    verbose_name = _("Safeguarding")
    url_prefix = "safeguarding"
    api_prefix: str | None = None
    nav = [(_("Safeguarding"), "safeguarding:index", "record_concerns", 60)]

    def ready(self) -> None:
        from coproduce.core import hooks
        from coproduce.organisations.sections import person_sections
        from coproduce.projects.sections import session_sections
        from coproduce.safeguarding import demo, personal_data, sections

        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        person_sections.register(sections.person_section)
        session_sections.register(sections.session_section)
