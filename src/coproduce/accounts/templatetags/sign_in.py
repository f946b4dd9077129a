"""Filters for the sign-in pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def chunks(value: object, size: int = 4) -> str:
    """A long key in groups ("ABCD EFGH …"), easier to read out and type into an app."""
    text = str(value or "")
    return " ".join(text[i : i + size] for i in range(0, len(text), size))
