from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "coproduce.media"
    label = "media"
    verbose_name = _("Photos, films and quotes")
    url_prefix = "media"
    nav = [(_("Photos and quotes"), "media:list", "staff", 45)]
    dashboard = ["coproduce.media.dashboard.panel"]
    demo = "coproduce.media.demo.load"
