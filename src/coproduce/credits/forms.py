from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.core.bilingual import WELSH, add_welsh_fields
from coproduce.core.forms import number_box
from coproduce.organisations.selectors import young_people_for

if TYPE_CHECKING:
    from coproduce.credits.models import Milestone
    from coproduce.organisations.models import Membership, Organisation


class AwardForm(forms.Form):
    young_person: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Young person"), queryset=None
    )
    hours = forms.DecimalField(
        label=_("Hours given"),
        min_value=Decimal("0.25"),
        max_value=Decimal(24),
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
    )
    reason = forms.CharField(label=_("What was the time given for?"), max_length=300)
    partner_name = forms.CharField(
        label=_("Community group (if the time was given to one)"), required=False, max_length=200
    )
    sanction = forms.BooleanField(
        label=_("Given as a sanction (earns no credits)"),
        help_text=_(
            "Tick this for hours someone had to give, for example ordered by a court or set "
            "as a school detention. The hours are kept so you can see them, but earn no "
            "credits and count towards no milestone."
        ),
        required=False,
    )
    # Sent back with the form so a double submit awards once.
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["young_person"]
        field.queryset = young_people_for(organisation=organisation)  # type: ignore[attr-defined]
        field.label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]


class RewardForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("For example, 'Trip to the beach'")
    )
    description = forms.CharField(
        label=_("Description (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    credits = forms.DecimalField(
        label=_("Price in credits"),
        min_value=Decimal("0.25"),
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
    )
    places = forms.IntegerField(
        label=_("Places (optional)"),
        min_value=1,
        required=False,
        widget=number_box(4),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: username, date (YYYY-MM-DD), minutes, reason, and optionally partner "
            "and sanction (yes for time a young person was required to give, which earns "
            "no credits)"
        ),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled?"), max_length=300)


class AccreditationForm(forms.Form):
    young_person: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Young person"), queryset=None
    )
    scheme = forms.CharField(
        label=_("Scheme"), max_length=120, help_text=_("For example ASDAN or Duke of Edinburgh")
    )
    title = forms.CharField(
        label=_("Award"), max_length=200, help_text=_("For example 'Volunteering section, bronze'")
    )
    hours = forms.IntegerField(label=_("Hours used as evidence"), min_value=1)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["young_person"]
        field.queryset = young_people_for(organisation=organisation)  # type: ignore[attr-defined]
        field.label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]


class GiveForm(forms.Form):
    receiver: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Who do you want to give credits to?"), queryset=None
    )
    credits = forms.DecimalField(
        label=_("How many credits?"),
        min_value=Decimal("0.25"),
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
    )
    reason = forms.CharField(label=_("Why? (they will see this)"), max_length=300)
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, giver: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["receiver"]
        field.queryset = young_people_for(organisation=giver.organisation).exclude(  # type: ignore[attr-defined]
            pk=giver.pk
        )
        field.label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]


class CheckInCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Type the check-in code"),
        help_text=_("A youth worker can show it to you. It has 6 letters and numbers."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-10",
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class CreditSettingsForm(forms.Form):
    """A manager's choices: how time becomes credits, and how long a booking may be undone."""

    minutes_per_credit = forms.IntegerField(
        label=_("Minutes of time given for one credit"),
        min_value=1,
        max_value=600,
        widget=number_box(4),
    )
    rounding_minutes = forms.IntegerField(
        label=_("Round time given down to the nearest (minutes)"),
        min_value=1,
        max_value=60,
        widget=number_box(4),
    )
    cancel_within_days = forms.IntegerField(
        label=_("Days a young person has to cancel a booking themselves"),
        help_text=_("0 means only staff can cancel a booking."),
        min_value=0,
        max_value=365,
        widget=number_box(4),
    )
    allow_giving = forms.BooleanField(
        label=_("Young people may give credits to each other"), required=False
    )


# The milestone's texts written in English and Welsh (credits/translation.py).
MILESTONE_TEXTS = ("reward",)


class MilestoneForm(forms.Form):
    """A milestone the organisation marks: the hours, and what a young person gets (the
    reward in English and in Welsh)."""

    hours = forms.IntegerField(
        label=_("Hours of time given"),
        min_value=1,
        max_value=10000,
        widget=number_box(4),
    )
    certificate = forms.BooleanField(label=_("A certificate"), required=False, initial=True)
    reward = forms.CharField(
        label=_("Reward (optional)"),
        help_text=_("For example 'A cinema trip'. Staff arrange it when someone gets there."),
        required=False,
        max_length=200,
    )

    def __init__(self, *args: Any, instance: Milestone | None = None, **kwargs: Any) -> None:
        """`instance`: a milestone to change; the form starts from what it brings."""
        super().__init__(*args, **kwargs)
        if instance is not None and not self.is_bound:
            self.initial.update(hours=instance.hours, certificate=instance.certificate)
        add_welsh_fields(self, MILESTONE_TEXTS, instance=instance)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        written = [(data.get(name) or "").strip() for name in ("reward", f"reward_{WELSH}")]
        if not data.get("certificate") and not any(written):
            self.add_error("reward", _("Choose a certificate, name a reward, or both"))
        return data
