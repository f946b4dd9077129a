from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "coproduce.media"
    label = "media"
    verbose_name = _("Photos, films and quotes")
    url_prefix = "media"
    nav = [(_("Photos and quotes"), "media:list", "staff", 45)]

    def ready(self) -> None:
        import warnings

        from django.conf import settings
        from PIL import Image

        # Decompression bombs: a picture over the limit is refused, never decoded.
        Image.MAX_IMAGE_PIXELS = settings.MEDIA_MAX_IMAGE_PIXELS
        warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

        from coproduce.core import hooks
        from coproduce.media import board, dashboard, demo, personal_data
        from coproduce.media import sections as media_sections
        from coproduce.projects import sections

        sections.project_sections.register(media_sections.project_section)
        hooks.home_panels.register(dashboard.panel)
        hooks.home_panels.register(dashboard.waiting_panel)
        hooks.demo_loaders.register(demo.load)
        hooks.personal_data.register(personal_data.PROVIDER)
        sections.board_sections.register(board.board_section)
