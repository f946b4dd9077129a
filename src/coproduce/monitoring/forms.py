from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import number_box
from coproduce.monitoring.analytics import AGE_BANDS
from coproduce.monitoring.selectors import IN_CARE


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
