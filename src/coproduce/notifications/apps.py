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
        from coproduce.notifications import dashboard, personal_data

        hooks.home_panels.register(dashboard.panel)
        hooks.personal_data.register(personal_data.PROVIDER)
