"""GOV.UK form rendering: every Django form (ours and allauth's) renders through
forms/field.html, so one set of templates emits GOV.UK markup."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DateInput(forms.MultiWidget):
    """GOV.UK date input: day, month and year boxes (no native date picker)."""

    template_name = "forms/widgets/date.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            "month": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}
            ),
            "year": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:  # type: ignore[override]
        day, month, year = super().value_from_datadict(data, files, name)
        if not (day or month or year):
            return None
        return f"{year or ''}-{month or ''}-{day or ''}"


class DateField(forms.DateField):
    widget = DateInput
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": _("Enter a real date, for example 27 3 2010"),
    }
