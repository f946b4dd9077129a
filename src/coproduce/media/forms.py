from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.media.models import Kind
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from coproduce.projects.models import Project


class MediaForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you adding?"), choices=Kind.choices, widget=forms.RadioSelect
    )
    project: forms.ModelChoiceField[Project] = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none()
    )
    caption = forms.CharField(label=_("Caption"), max_length=300)
    file = forms.FileField(
        label=_("Photo or film"),
        required=False,
        help_text=_(
            "Photos: JPEG, PNG or WebP up to 10 MB (location and camera details are removed). Films: MP4 or WebM up to 100 MB."
        ),
    )
    quote_text = forms.CharField(
        label=_("The quote"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    people: forms.ModelMultipleChoiceField[Membership] = forms.ModelMultipleChoiceField(
        label=_("Young people who can be identified"),
        help_text=_(
            "Everyone whose face, voice or words could identify them. It is only published when each of them has consent for this use."
        ),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        projects = Project.objects.filter(organisation=organisation).order_by("name")
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
        people = self.fields["people"]
        people.queryset = Membership.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, role=Role.YOUNG_PERSON, is_active=True
        ).select_related("user")
        people.label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]
