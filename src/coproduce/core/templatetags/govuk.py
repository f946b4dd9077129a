"""Template helpers for GOV.UK markup. HTML lives in templates; these only pick classes."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

INPUT_CLASSES = {
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "textarea": "govuk-textarea",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
CHOICE_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.simple_tag
def govuk_widget(field: BoundField) -> SafeString:
    """Render a field's widget with the GOV.UK class, error state and descriptions."""
    kind = field.widget_type
    css = INPUT_CLASSES.get(kind, "govuk-input")
    if kind == "checkbox":
        css = "govuk-checkboxes__input"
    existing = field.field.widget.attrs.get("class", "")
    classes = [css, existing]
    if field.errors and kind != "checkbox":
        classes.append(f"{css}--error")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs: dict[str, Any] = {"class": " ".join(c for c in classes if c)}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def error_anchor(field: BoundField) -> str:
    """Where an error-summary link should land: the first box or choice of the field."""
    if field.widget_type in CHOICE_WIDGETS or field.widget_type == "date":
        return f"{field.auto_id}_0"
    return str(field.auto_id)


@register.filter
def is_choice(field: BoundField) -> bool:
    return field.widget_type in CHOICE_WIDGETS


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def get_attr(obj: Any, name: str) -> Any:
    """An attribute named at run time (for tables whose columns are data)."""
    return getattr(obj, name, "")
