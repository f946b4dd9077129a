"""GOV.UK form rendering: every Django form (ours and allauth's) renders through
forms/field.html, so one set of templates emits GOV.UK markup, and every required field that
is left empty says which one ("Enter the date", "Select who the concern is about")."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Words that already start a noun phrase: no "the" goes in front ("Enter what we did").
_NO_ARTICLE = {
    "a", "an", "the", "your", "their", "its", "our", "his", "her", "my", "this", "that",
    "any", "each", "every", "some", "what", "who", "whom", "whose", "when", "where", "which",
    "why", "how", "if", "whether",
}  # fmt: skip
_CHOICE_FIELDS = (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField, forms.FileField)


def _plain_label(field: forms.Field, name: str) -> str:
    """The field's label without "(optional)"-style asides or a trailing colon."""
    label = str(field.label if field.label is not None else pretty_name(name)).strip()
    label = re.sub(r"\s*\([^)]*\)\s*$", "", label).rstrip(":").strip()
    return label or pretty_name(name)


def _lower_first(label: str) -> str:
    """Start time → start time; API key and GOV.UK Notify key keep their capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _the(label: str) -> str:
    """English only: "the" before a bare noun phrase ("Enter the date")."""
    phrase = _lower_first(label)
    first = phrase.split(" ", 1)[0].lower()
    if not (translation.get_language() or "en").startswith("en") or first in _NO_ARTICLE:
        return phrase
    return f"the {phrase}"


def required_message(field: forms.Field, name: str) -> str:
    """What an empty required field says, GOV.UK style: what to do, naming the field."""
    label = _plain_label(field, name)
    choosing = isinstance(field, _CHOICE_FIELDS)
    if label.endswith("?"):
        if choosing:
            return gettext("Select an answer to “%(question)s”") % {"question": label}
        return gettext("Enter your answer to “%(question)s”") % {"question": label}
    if isinstance(field, forms.BooleanField):
        return gettext("Select “%(label)s” to carry on") % {"label": label}
    if choosing:
        return gettext("Select %(thing)s") % {"thing": _the(label)}
    if isinstance(field, forms.DateField) and "date" not in label.lower():
        return gettext("Enter the date for “%(label)s”") % {"label": label}
    if isinstance(field, forms.TimeField) and "time" not in label.lower():
        return gettext("Enter a time for “%(label)s”") % {"label": label}
    return gettext("Enter %(thing)s") % {"thing": _the(label)}


def _is_django_default(message: object) -> bool:
    """Django's "This field is required.", in whatever language is active."""
    if message is None or message is forms.Field.default_error_messages["required"]:
        return True
    with translation.override("en"):
        return str(message) == "This field is required."


class GovukBoundField(BoundField):
    """Every field of every form: an empty required field names itself in its message, unless
    the form gave it its own."""

    def __init__(self, form: forms.BaseForm, field: forms.Field, name: str) -> None:
        super().__init__(form, field, name)
        if _is_django_default(field.error_messages.get("required")):
            field.error_messages["required"] = required_message(field, name)


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = GovukBoundField


def number_box(width: int) -> forms.TextInput:
    """A box for a whole number, as GOV.UK advises: a text input that phones open on the
    number pad (not `type=number`, whose value a scroll wheel can change unseen)."""
    return forms.TextInput(attrs={"inputmode": "numeric", "class": f"govuk-input--width-{width}"})


class DateInput(forms.MultiWidget):
    """GOV.UK date input: day, month and year boxes (no native date picker)."""

    template_name = "forms/widgets/date.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": number_box(2),
            "month": number_box(2),
            "year": number_box(4),
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


def _date_example() -> str:
    return gettext("For example, %(example)s") % {"example": f"27 3 {timezone.localdate().year}"}


date_example = lazy(_date_example, str)


class DateField(forms.DateField):
    """Day, month and year boxes with an example; `today=True` fills in today's date on a new
    record (a form given its own initial value, when editing, shows that instead)."""

    widget = DateInput
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": _("Enter a real date, for example 27 3 2010"),
    }

    def __init__(self, *, today: bool = False, **kwargs: Any) -> None:
        if today:
            kwargs.setdefault("initial", timezone.localdate)
        kwargs.setdefault("help_text", date_example())
        super().__init__(**kwargs)


# "6.30pm", "6:30 pm", "18:30", "1830", "6pm", "6 p.m.", "18h30"
_TYPED_TIME = re.compile(r"^(\d{1,2})(?::?(\d{2}))?(am|pm)?$")


def parse_typed_time(text: str) -> datetime.time | None:
    """A time as people type it, or None."""
    typed = text.strip().lower().replace(" ", "").replace("a.m.", "am").replace("p.m.", "pm")
    typed = typed.replace("a.m", "am").replace("p.m", "pm")
    typed = typed.replace(".", ":").replace("h", ":").rstrip(":")
    if typed in {"noon", "midday", "12noon"}:
        return datetime.time(12, 0)
    if typed in {"midnight", "12midnight"}:
        return datetime.time(0, 0)
    match = _TYPED_TIME.match(typed)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class TimeField(forms.TimeField):
    """A time typed as people write it ("6.30pm", "18:30", "1830", "6pm"), shown as 18:30."""

    widget = forms.TextInput(
        attrs={"class": "govuk-input--width-5", "autocomplete": "off", "spellcheck": "false"}
    )
    default_error_messages = {"invalid": _("Enter a time like 6:30pm or 18:30")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("For example, 6:30pm or 18:30"))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.time | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        parsed = parse_typed_time(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, datetime.time):
            return value.strftime("%H:%M")
        return value


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


class PeriodForm(forms.Form):
    """A period of days, both included (a GET form on reports and overviews)."""

    start = DateField(label=_("From"))
    end = DateField(label=_("To"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end of the period must be on or after its start"))
        return data


def period_from(query: Any) -> tuple[PeriodForm, datetime.date, datetime.date]:
    """The period asked for in the query string, or the last twelve months (what a manager
    looks back on)."""
    today = timezone.localdate()
    form = PeriodForm(query if "start_year" in query else None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    try:
        start = today.replace(year=today.year - 1) + datetime.timedelta(days=1)
    except ValueError:  # 29 February: the year back starts on 1 March
        start = datetime.date(today.year - 1, 3, 1)
    if not form.is_bound:
        form = PeriodForm(initial={"start": start, "end": today})
    return form, start, today
