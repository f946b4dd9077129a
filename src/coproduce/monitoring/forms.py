from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import DateField, number_box
from coproduce.monitoring.analytics import AGE_BANDS
from coproduce.monitoring.selectors import IN_CARE


class PeriodForm(forms.Form):
    start = DateField(label=_("From"))
    end = DateField(label=_("To"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end of the period must be on or after its start"))
        return data


def period_from(query: Any) -> tuple[PeriodForm, datetime.date, datetime.date]:
    """The period asked for in the query string, or the last twelve months."""
    today = timezone.localdate()
    form = PeriodForm(query if "start_year" in query else None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    start = today.replace(year=today.year - 1) + datetime.timedelta(days=1)
    if not form.is_bound:
        form = PeriodForm(initial={"start": start, "end": today})
    return form, start, today


class NarrativeForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8}))


class PopulationForm(forms.Form):
    """How many young people the organisation serves, by age band and in care."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for group in [name for name, _low, _high in AGE_BANDS] + [IN_CARE]:
            self.fields[group] = forms.IntegerField(
                label=_("Aged %(band)s") % {"band": group} if group != IN_CARE else _("In care"),
                min_value=0,
                required=False,
                widget=number_box(5),
            )


class SharingForm(forms.Form):
    share = forms.TypedChoiceField(
        label=_("Can your commissioners see your monitoring reports?"),
        help_text=_(
            "They see figures only, never names, and any figure about fewer than 5 young people "
            "is hidden. They see your written answers to the monitoring questions."
        ),
        choices=[("no", _("No, keep them private")), ("yes", _("Yes, share aggregate reports"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
