from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "coproduce.consent"
    label = "consent"
    verbose_name = _("Consent")
    url_prefix = "consent"
    api_prefix: str | None = None

    def ready(self) -> None:
        from coproduce.consent import personal_data, rights
        from coproduce.core import downloads, hooks

        hooks.personal_data.register(personal_data.PROVIDER)
        # The staff weekly digest says how many young people have no valid consent.
        from coproduce.consent import messages
        from coproduce.notifications.due import digest_lines

        digest_lines.register(messages.digest_lines)
        # The subject-access ZIP is made by the worker (the views queue it).
        downloads.builders.register(
            downloads.Builder(
                "consent.subject_access",
                _("Everything we hold (ZIP)"),
                rights.subject_access_file,
            )
        )
