from __future__ import annotations

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from coproduce.consent.models import GivenBy, Use
from coproduce.core.forms import DateField, number_box


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
    given_on = DateField(label=_("Date given"), today=True)
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
        widget=number_box(3),
    )


# Each language named in itself and marked as such, as on the language switch.
LANGUAGE_CHOICES = [
    ("en-gb", mark_safe('<span lang="en">English</span>')),  # fixed markup, no input in it
    ("cy", mark_safe('<span lang="cy">Cymraeg</span>')),  # fixed markup, no input in it
]


class ConsentRequestForm(forms.Form):
    """Staff name the one person a link is for (for a child in care: who holds delegated
    authority)."""

    recipient_name = forms.CharField(label=_("Their full name"), max_length=200)
    relationship = forms.CharField(
        label=_("Their relationship to the young person"),
        max_length=100,
        help_text=_("For example, mother, grandfather, foster carer"),
    )
    email = forms.EmailField(
        label=_("Their e-mail address (optional)"),
        required=False,
        help_text=_("Leave empty to print a letter with the link instead"),
    )
    language = forms.ChoiceField(
        label=_("Which language do they read?"),
        help_text=_("Their e-mail and the page their link opens are written in this language"),
        choices=LANGUAGE_CHOICES,
        widget=forms.RadioSelect,
    )
    consent_until = DateField(
        label=_("Consent lasts until"),
        help_text=_("Up to 2 years from today. For example, 31 8 2027"),
    )


ANSWER_CHOICES = [("yes", _("Yes, I agree")), ("no", _("No, I do not agree"))]


class ParentAnswerForm(forms.Form):
    """One yes-or-no question per use asked about, then a typed signature."""

    def __init__(self, *args: object, uses: list[tuple[str, str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for use, label, meaning in uses:
            self.fields[f"use_{use}"] = forms.ChoiceField(
                label=label,
                help_text=meaning,
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose yes or no for %(use)s") % {"use": label}},
            )
        self.fields["signed_name"] = forms.CharField(
            label=_("Your full name"),
            help_text=_("Typing your name here is your signature"),
            max_length=200,
            error_messages={"required": _("Type your full name to sign")},
        )
        self.fields["signed_relationship"] = forms.CharField(
            label=_("How are you related to the child?"),
            help_text=_("For example, mum, dad, grandparent, foster carer"),
            max_length=100,
            error_messages={"required": _("Enter how you are related to the child")},
        )

    def answers(self) -> dict[str, bool]:
        return {
            name.removeprefix("use_"): value == "yes"
            for name, value in self.cleaned_data.items()
            if name.startswith("use_")
        }
