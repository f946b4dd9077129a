from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "coproduce.core"
    label = "core"
    verbose_name = _("Core")
    # Files the worker prepares are waited for and downloaded at /files/ (core/urls.py).
    url_prefix = "files"

    def ready(self) -> None:
        from coproduce.core import bilingual, db, translations  # noqa: F401  (db: SQLite functions)

        bilingual.configure()
        translations.drop_empty_fallbacks()
