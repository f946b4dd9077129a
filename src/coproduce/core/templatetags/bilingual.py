"""`{% lang_attr project "name" %}`: ` lang="en"` (or `"cy"`) where an organisation's text is
shown in the other language because it has no translation yet (core/bilingual.py)."""

from __future__ import annotations

from django import template
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from coproduce.core.bilingual import language_shown

register = template.Library()


@register.simple_tag
def lang_attr(instance: models.Model | None, field: str) -> SafeString:
    language = language_shown(instance, field) if isinstance(instance, models.Model) else ""
    return format_html(' lang="{}"', language) if language else mark_safe("")
