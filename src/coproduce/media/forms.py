from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import ModelMultipleChoiceField
from coproduce.media.models import Kind
from coproduce.organisations.selectors import young_people_for
from coproduce.projects.selectors import project_choices_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation
    from coproduce.projects.models import Project


class MediaForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you adding?"), choices=Kind.choices, widget=forms.RadioSelect
    )
    project: forms.ModelChoiceField[Project] = forms.ModelChoiceField(
        label=_("Project"),
        queryset=None,  # the organisation's projects, set in __init__
    )
    caption = forms.CharField(label=_("Caption"), max_length=300)
    file = forms.FileField(
        label=_("Photo or film"),
        required=False,
        help_text=_(
            "Photos: JPEG, PNG or WebP up to 10 MB (location and camera details are removed). Films: MP4, MOV or WebM up to 100 MB."
        ),
    )
    quote_text = forms.CharField(
        label=_("The quote"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    people: ModelMultipleChoiceField = ModelMultipleChoiceField(
        label=_("Young people who can be identified"),
        help_text=_(
            "Everyone whose face, voice or words could identify them. It is only published when each of them has consent for this use."
        ),
        queryset=None,  # the organisation's young people, set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = project_choices_for(organisation=organisation)  # type: ignore[attr-defined]
        people = self.fields["people"]
        people.queryset = young_people_for(organisation=organisation)  # type: ignore[attr-defined]
        people.label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]


class OfferForm(forms.Form):
    """A young person's own photo or quote from a session they came to (plain words)."""

    kind = forms.ChoiceField(
        label=_("What are you adding?"),
        choices=[(Kind.PHOTO, _("A photo")), (Kind.QUOTE, _("Something I said"))],
        widget=forms.RadioSelect,
    )
    caption = forms.CharField(
        label=_("Say what it shows, in a few words"),
        max_length=300,
        help_text=_("For example: Our poster for the skate park"),
    )
    file = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo up to 10 MB. We remove the location from it."),
    )
    quote_text = forms.CharField(
        label=_("What you said"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    shows_me = forms.BooleanField(label=_("I am in the photo"), required=False)


class ApproveForm(forms.Form):
    people: ModelMultipleChoiceField = ModelMultipleChoiceField(
        label=_("Young people who can be identified"),
        help_text=_(
            "Everyone whose face, voice or words could identify them. It is only published when each of them has consent for this use."
        ),
        queryset=None,  # the organisation's young people, set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = self.fields["people"]
        people.queryset = young_people_for(organisation=organisation)  # type: ignore[attr-defined]
        people.label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]
