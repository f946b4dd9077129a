from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.notifications.models import Channel


class PreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How should we send you messages?"),
        choices=[
            (Channel.EMAIL, _("By e-mail")),
            (Channel.SMS, _("By text message")),
            (Channel.NONE, _("Do not send me messages (you will still see them here)")),
        ],
        widget=forms.RadioSelect,
    )
    mobile = forms.CharField(
        label=_("Mobile phone number (for texts)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )


KIND_CHOICES = [
    ("send_session_invitations", _("Session invitations")),
    ("send_session_reminders", _("A reminder the day before a session")),
    ("send_idea_news", _("News about a young person's idea")),
    ("send_credits", _("Credits milestones")),
    ("send_staff_digest", _("A weekly digest for staff")),
    ("send_consent_requests", _("Consent requests to parents and carers")),
]


class MessageSettingsForm(forms.Form):
    sending = forms.MultipleChoiceField(
        label=_("What do we send?"),
        choices=KIND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    quiet_from = forms.TimeField(
        label=_("No texts to under-18s from (24-hour clock, like 21:00)"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    quiet_until = forms.TimeField(
        label=_("Until (texts wait until then, like 08:00)"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    notify_api_key = forms.CharField(
        label=_("GOV.UK Notify API key (leave empty to keep the one saved)"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
    remove_key = forms.BooleanField(
        label=_("Remove our Notify key and use the product's"), required=False
    )
    email_template_id = forms.CharField(
        label=_("Notify e-mail template ID (empty: the product's template)"),
        required=False,
        max_length=36,
    )
    sms_template_id = forms.CharField(
        label=_("Notify text message template ID (empty: the product's template)"),
        required=False,
        max_length=36,
    )
