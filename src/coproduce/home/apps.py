from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page every member opens first, and the demo organisation."""

    name = "coproduce.home"
    label = "home"
    verbose_name = _("Home")
    nav = [(_("Home"), "home", "member", 0)]
