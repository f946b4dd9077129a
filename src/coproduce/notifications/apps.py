from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "coproduce.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    url_prefix = "notifications"
    nav = [(_("Messages"), "notifications:inbox", "member", 70)]
    dashboard = ["coproduce.notifications.dashboard.panel"]
