from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.consent.models import GivenBy, Use
from coproduce.core.forms import DateField


class ConsentForm(forms.Form):
    use = forms.ChoiceField(
        label=_("What is the consent for?"), choices=Use.choices, widget=forms.RadioSelect
    )
    given_by = forms.ChoiceField(
        label=_("Who gave it?"),
        choices=GivenBy.choices,
        widget=forms.RadioSelect,
        help_text=_("A parent or carer must give consent for anyone under 16 on the day."),
    )
    giver_name = forms.CharField(label=_("Parent or carer's name"), required=False, max_length=200)
    relationship = forms.CharField(
        label=_("Their relationship to the young person"),
        required=False,
        max_length=100,
        help_text=_("For example, mother, foster carer"),
    )
    young_person_agrees = forms.BooleanField(label=_("The young person agrees too"), required=False)
    given_on = DateField(label=_("Date given"))
    expires_on = DateField(label=_("Valid until (optional)"), required=False)
    scope = forms.CharField(
        label=_("What it covers (optional)"),
        required=False,
        max_length=300,
        help_text=_("For example, the youth club newsletter and website"),
    )


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you erasing this person's data?"),
        help_text=_(
            "For example, 'They asked us to (request of 3 March)'. This is kept in the audit trail."
        ),
        max_length=300,
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand this cannot be undone: their name, details, words and pictures are removed"
        ),
        error_messages={"required": _("Confirm you understand this cannot be undone")},
    )


class RetentionForm(forms.Form):
    years = forms.IntegerField(
        label=_("Years to keep a young person's personal data after their last activity"),
        help_text=_(
            "Leave empty to keep it until someone asks for it to be erased. A scheduled job erases data past this time."
        ),
        min_value=1,
        max_value=100,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
