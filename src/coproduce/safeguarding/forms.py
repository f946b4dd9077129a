from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import DateField, ModelMultipleChoiceField, TimeField
from coproduce.safeguarding.models import ActionKind, WelfareVisibility

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.organisations.models import Membership

TEXT = {"rows": 4}


class ConcernForm(forms.Form):
    young_person: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Who is the concern about?"), queryset=None
    )
    on = DateField(label=_("Date it happened"), today=True)
    at = TimeField(
        label=_("Time (optional)"),
        required=False,
        help_text=_("For example, 18:30"),
        widget=forms.TimeInput(attrs={"class": "govuk-input--width-5"}),
    )
    what_happened = forms.CharField(
        label=_("What did you see or hear?"),
        help_text=_("Facts, not opinions. Include where it happened."),
        widget=forms.Textarea(attrs=TEXT),
    )
    their_words = forms.CharField(
        label=_("What did they say, in their own words? (optional)"),
        help_text=_("If they told you something, write down exactly what they said."),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )
    others_present = forms.CharField(
        label=_("Who else was there? (optional)"), required=False, max_length=500
    )
    immediate_action = forms.CharField(
        label=_("What did you do straight away? (optional)"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )

    def __init__(self, *args: Any, young_people: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["young_person"].queryset = young_people  # type: ignore[attr-defined]

    def happened_at(self) -> datetime.datetime:
        at = self.cleaned_data["at"] or datetime.time(12, 0)
        return timezone.make_aware(datetime.datetime.combine(self.cleaned_data["on"], at))


class ActionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Decision or action"), choices=ActionKind.choices, widget=forms.RadioSelect
    )
    taken_on = DateField(label=_("Date"), today=True)
    reference = forms.CharField(
        label=_("Reference number (optional)"),
        required=False,
        max_length=100,
        help_text=_("For example, the children's services or police reference"),
    )
    details = forms.CharField(
        label=_("What was decided or done"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    outcome = forms.CharField(
        label=_("Outcome (optional)"), required=False, widget=forms.Textarea(attrs=TEXT)
    )


class CloseForm(forms.Form):
    close_reason = forms.CharField(
        label=_("Why are you closing this concern?"), widget=forms.Textarea(attrs=TEXT)
    )


class WelfareForm(forms.Form):
    emergency_contacts = forms.CharField(
        label=_("Emergency contacts"),
        help_text=_("Name, relationship and phone number of each"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    medical_conditions = forms.CharField(
        label=_("Medical conditions and medication"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    allergies = forms.CharField(
        label=_("Allergies"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    access_needs = forms.CharField(
        label=_("Access needs"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    visible_to = forms.ChoiceField(
        label=_("Who may see this?"),
        choices=WelfareVisibility.choices,
        widget=forms.RadioSelect,
        initial=WelfareVisibility.SESSION_STAFF,
    )


class TeamForm(forms.Form):
    lead: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Designated Safeguarding Lead"), queryset=None
    )
    deputies = ModelMultipleChoiceField(
        label=_("Deputies"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, staff: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = staff  # type: ignore[attr-defined]
        self.fields["deputies"].queryset = staff  # type: ignore[attr-defined]


class SessionStaffForm(forms.Form):
    staff = ModelMultipleChoiceField(
        label=_("Staff running this session"),
        help_text=_(
            "They see the welfare information of the young people on its register and can "
            "print the session sheet."
        ),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, staff: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff  # type: ignore[attr-defined]


class SettingsForm(forms.Form):
    acknowledge_within_hours = forms.IntegerField(
        label=_("Hours the lead has to acknowledge a new concern"), min_value=1, max_value=168
    )
    retention_years = forms.IntegerField(
        label=_("Years to keep safeguarding records after a concern is closed"),
        min_value=1,
        max_value=100,
        help_text=_("25 years by default: past any young person's 25th birthday."),
    )
    young_people_per_staff = forms.IntegerField(
        label=_("Most young people for each member of staff on a session or trip"),
        min_value=1,
        max_value=50,
    )


class ChecklistForm(forms.Form):
    items = forms.CharField(
        label=_("Risk assessment checklist"),
        help_text=_("One item a line. New risk assessments start from this list."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class RiskForm(forms.Form):
    is_trip = forms.BooleanField(
        label=_("This is a trip away from our usual place"), required=False
    )
    staff = ModelMultipleChoiceField(
        label=_("Staff going (counted for the ratio)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        staff: QuerySet[Membership],
        checks: list[tuple[int, str, str, bool]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff  # type: ignore[attr-defined]
        self.check_ids = [pk for pk, _text, _controls, _done in checks]
        for pk, text, controls, done in checks:
            self.fields[f"controls_{pk}"] = forms.CharField(
                label=text,
                help_text=_("Risks and what we will do about them"),
                required=False,
                initial=controls,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"done_{pk}"] = forms.BooleanField(
                label=_("Checked: %(item)s") % {"item": text}, required=False, initial=done
            )

    def controls(self) -> dict[int, str]:
        return {pk: self.cleaned_data[f"controls_{pk}"] for pk in self.check_ids}

    def done(self) -> set[int]:
        return {pk for pk in self.check_ids if self.cleaned_data[f"done_{pk}"]}
