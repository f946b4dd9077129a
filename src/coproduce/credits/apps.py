from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditsConfig(AppConfig):
    name = "coproduce.credits"
    label = "credits"
    verbose_name = _("Time credits")
    url_prefix = "credits"
    api_prefix = "/credits"
    nav = [
        (_("Time credits"), "credits:overview", "staff", 20),
        (_("My credits"), "credits:me", "young_person", 5),
    ]

    def ready(self) -> None:
        from coproduce.core import downloads, hooks
        from coproduce.credits import demo, exports, personal_data, sections
        from coproduce.projects.sections import session_sections

        hooks.demo_loaders.register(demo.load)
        session_sections.register(sections.session_section)
        hooks.personal_data.register(personal_data.PROVIDER)
        for kind, title, build in [
            ("credits.balances_csv", _("Time credit balances (CSV)"), exports.balances_csv),
            ("credits.certificate", _("Certificate (PDF)"), exports.certificate_pdf),
        ]:
            downloads.builders.register(downloads.Builder(kind, title, build))
        # A new organisation starts with the usual milestones (it can change them).
        from django.db.models.signals import post_save

        from coproduce.credits.services.milestones import on_organisation_saved

        post_save.connect(
            on_organisation_saved,
            sender="organisations.Organisation",
            dispatch_uid="credits.default_milestones",
        )
