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


# The largest id a database column holds; SQLite raises OverflowError on a larger one.
_LARGEST_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Django's field, refusing an id no table can hold as it refuses any other unknown id."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            try:
                too_big = abs(int(str(pk))) > _LARGEST_ID
            except ValueError:
                continue  # Django reports a value that is not a number
            if too_big:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]  # untyped in django-stubs
