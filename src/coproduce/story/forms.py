from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


class MentoringForm(forms.Form):
    mentor = forms.TypedChoiceField(label=_("Mentor (the older young person)"), coerce=int)
    mentee = forms.TypedChoiceField(label=_("Who they will mentor"), coerce=int)

    def __init__(self, *args: object, people: list[Membership], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [("", _("Choose"))] + [(p.pk, p.user.display_name) for p in people]
        for name in ("mentor", "mentee"):
            self.fields[name].choices = choices  # type: ignore[attr-defined]
