from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import DateField, ModelMultipleChoiceField
from coproduce.organisations.models import Organisation, Service
from coproduce.organisations.roles import Role


class PersonForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    preferred_name = forms.CharField(
        label=_("Preferred name (optional)"),
        max_length=150,
        required=False,
        help_text=_("What they like to be called. We use this on their screens and certificates."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Needed for staff. Young people can sign in without one."),
    )
    date_of_birth = DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("Needed for young people, for example 27 3 2010"),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, widget=forms.RadioSelect)
    in_care = forms.BooleanField(
        label=_("This young person is in care (looked after)"),
        required=False,
        help_text=_("Only staff see this. It stops identifiable photos of them being published."),
    )
    services: ModelMultipleChoiceField = ModelMultipleChoiceField(
        label=_("Services"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, organisation: Organisation, allow_in_care: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = Service.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, is_active=True
        )
        if not allow_in_care:
            del self.fields["in_care"]


class PersonEditForm(PersonForm):
    is_active = forms.BooleanField(
        label=_("Active member"),
        required=False,
        help_text=_("Untick when someone leaves. Their records are kept."),
    )


class ServiceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class DefaultLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language for people who have not chosen one"),
        help_text=_("Each person can still choose their own language."),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
