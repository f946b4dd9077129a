from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "coproduce.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    url_prefix = "notifications"
    nav = [(_("Messages"), "notifications:inbox", "member", 70)]

    def ready(self) -> None:
        from coproduce.core import hooks
        from coproduce.notifications import dashboard, demo, due, person_page, personal_data
        from coproduce.organisations.sections import person_sections

        hooks.home_panels.register(dashboard.panel)
        hooks.personal_data.register(personal_data.PROVIDER)
        hooks.demo_loaders.register(demo.load)
        person_sections.register(person_page.messages_section)
        due.finders.register(due.staff_digest)
        due.digest_lines.register(due.messages_digest_lines)
