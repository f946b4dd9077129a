from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoryConfig(AppConfig):
    """ "My story": what a young person has done, for CVs and college applications. It reads
    projects and credits through their selectors; it holds only peer mentoring pairs."""

    name = "coproduce.story"
    label = "story"
    verbose_name = _("My story")
    url_prefix = "story"
    api_prefix: str | None = None
    nav = [(_("My story"), "story:mine", "young_person", 12)]

    def ready(self) -> None:
        from coproduce.core import downloads, hooks
        from coproduce.organisations.sections import person_sections
        from coproduce.projects.sections import project_sections
        from coproduce.story import exports, personal_data, sections

        hooks.personal_data.register(personal_data.PROVIDER)
        downloads.builders.register(
            downloads.Builder("story.pdf", _("Story (PDF)"), exports.story_pdf)
        )
        person_sections.register(sections.person_section)
        project_sections.register(sections.project_section)
