from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "coproduce.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from coproduce.accounts import member_cache, personal_data
        from coproduce.core import hooks

        hooks.personal_data.register(personal_data.PROVIDER)
        member_cache.connect()
