from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext

from coproduce.core.forms import number_box
from coproduce.outcomes.measures import MEASURES, SCALE


class CheckInForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, _label, question in MEASURES:
            self.fields[key] = forms.TypedChoiceField(
                label=question,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": gettext("%(question)s: choose an answer") % {"question": question}
                },
            )


class SettingsForm(forms.Form):
    every_days = forms.IntegerField(
        label="",
        min_value=14,
        max_value=365,
        widget=number_box(3),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from django.utils.translation import gettext_lazy as _

        super().__init__(*args, **kwargs)
        self.fields["every_days"].label = _("Ask young people again after this many days")
        self.fields["every_days"].help_text = _(
            "They are asked when they join a project, then again after this many days (14 to 365)."
        )
