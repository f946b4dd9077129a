from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import TimeField
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
    ("send_assessments_waiting", _("A check-in or self-assessment waiting for a young person")),
    ("send_panel_briefings", _("Panel briefings to panel members")),
    ("send_rounds_due", _("Self-assessment rounds due, to managers")),
    ("send_panel_ready", _("A panel ready to moderate, to its chair and managers")),
]

# Each kind of message may have its own Notify templates (empty: the channel's template).
KIND_NAMES = [
    ("session_invitation", _("session invitation")),
    ("session_reminder", _("session reminder")),
    ("idea_news", _("news about an idea")),
    ("credits_earned", _("credits milestone")),
    ("staff_digest", _("weekly digest")),
    ("consent_request", _("consent request")),
    ("assessment_waiting", _("check-in waiting")),
    ("panel_briefing", _("panel briefing")),
    ("round_due", _("round due")),
    ("panel_ready", _("panel ready to moderate")),
    ("notice", _("copy of an in-app message")),
]
TEMPLATE_CHANNELS = [("email", _("e-mail")), ("sms", _("text message"))]


def template_field(kind: str, channel: str) -> str:
    return f"template_{kind}_{channel}"


class MessageSettingsForm(forms.Form):
    sending = forms.MultipleChoiceField(
        label=_("What do we send?"),
        choices=KIND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    quiet_from = TimeField(
        label=_("No texts to under-18s from (24-hour clock, like 21:00)"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    quiet_until = TimeField(
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, kind_name in KIND_NAMES:
            for channel, channel_name in TEMPLATE_CHANNELS:
                self.fields[template_field(kind, channel)] = forms.CharField(
                    label=format_lazy(
                        _("Notify {channel} template ID for a {kind} (empty: as above)"),
                        channel=channel_name,
                        kind=kind_name,
                    ),
                    required=False,
                    max_length=36,
                )

    def kind_templates(self) -> dict[str, dict[str, str]]:
        """{kind: {channel: template id}} from the cleaned data, leaving out empty ones."""
        found: dict[str, dict[str, str]] = {}
        for kind, _kind_name in KIND_NAMES:
            for channel, _channel_name in TEMPLATE_CHANNELS:
                value = (self.cleaned_data.get(template_field(kind, channel)) or "").strip()
                if value:
                    found.setdefault(kind, {})[channel] = value
        return found
