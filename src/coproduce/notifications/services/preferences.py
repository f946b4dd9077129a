"""A person's choice of e-mail, text or neither; an organisation's message settings."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.keys import encrypt
from coproduce.audit.services import audit_record
from coproduce.notifications.models import Channel, ContactPreference, MessageSettings
from coproduce.notifications.selectors import preference_of, settings_for
from coproduce.notifications.texts import KINDS

if TYPE_CHECKING:
    import datetime

    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def uk_mobile(text: str) -> str:
    """A UK mobile number as +447…, or a ValidationError in plain words."""
    digits = re.sub(r"[\s()-]", "", text)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    if not re.fullmatch(r"07\d{9}", digits):
        raise ValidationError(
            {"mobile": _("Enter a UK mobile number, like 07700 900123")}, code="invalid"
        )
    return "+44" + digits[1:]


def contact_preference_set(
    *, acting_user: User, membership: Membership, channel: str, mobile: str = ""
) -> ContactPreference:
    """Record how `membership` wants to hear from us; a text needs a mobile number."""
    mobile = uk_mobile(mobile) if mobile.strip() else ""
    if channel == Channel.SMS and not mobile:
        raise ValidationError(
            {"mobile": _("Enter a mobile number so we can send you texts")}, code="required"
        )
    with transaction.atomic():
        preference = preference_of(membership)
        preference.channel, preference.mobile = channel, mobile
        preference.updated_at = timezone.now()
        preference.full_clean()
        preference.save()
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="contact_preference.set",
            target=preference,
            changed_fields=["channel", "mobile"],
        )
    return preference


def unsubscribe_token(membership: Membership) -> str:
    return signing.dumps({"m": membership.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def membership_for_token(token: str) -> int | None:
    """The membership an unsubscribe link was made for, or None if it was changed."""
    try:
        found = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    pk = found.get("m") if isinstance(found, dict) else None
    return pk if isinstance(pk, int) else None


def unsubscribe(*, membership: Membership) -> ContactPreference:
    """Stop e-mails to this person (from the link in an e-mail: no one is signed in)."""
    with transaction.atomic():
        preference = preference_of(membership)
        before = preference.channel
        preference.channel = Channel.SMS if preference.mobile else Channel.NONE
        preference.updated_at = timezone.now()
        preference.full_clean()
        preference.save()
        audit_record(
            acting_user=None,
            organisation=membership.organisation,
            verb="contact_preference.unsubscribe",
            target=preference,
            changed_fields=["channel"] if before != preference.channel else [],
        )
    return preference


SWITCHES = (
    "send_session_invitations",
    "send_session_reminders",
    "send_idea_news",
    "send_credits",
    "send_staff_digest",
    "send_consent_requests",
    "send_assessments_waiting",
    "send_panel_briefings",
    "send_rounds_due",
    "send_panel_ready",
)


def _kind_templates(given: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    cleaned: dict[str, dict[str, str]] = {}
    for kind, by_channel in given.items():
        if kind not in KINDS:
            raise ValueError(kind)
        for channel, template_id in by_channel.items():
            if channel not in ("email", "sms"):
                raise ValueError(channel)
            if template_id.strip():
                cleaned.setdefault(kind, {})[channel] = template_id.strip()[:36]
    return cleaned


def message_settings_update(
    *,
    acting_user: User,
    organisation: Organisation,
    quiet_from: datetime.time,
    quiet_until: datetime.time,
    email_template_id: str = "",
    sms_template_id: str = "",
    notify_api_key: str | None = None,
    switches: dict[str, bool] | None = None,
    kind_templates: dict[str, dict[str, str]] | None = None,
) -> MessageSettings:
    """Change how the organisation sends messages. `notify_api_key`: None keeps the stored
    key, "" removes it, anything else replaces it (stored encrypted). `kind_templates`
    ({kind: {"email"|"sms": template id}}) replaces the templates per kind; None keeps them."""
    with transaction.atomic():
        row = settings_for(organisation=organisation)
        changed = ["quiet_from", "quiet_until", "email_template_id", "sms_template_id"]
        row.quiet_from, row.quiet_until = quiet_from, quiet_until
        row.email_template_id = email_template_id.strip()
        row.sms_template_id = sms_template_id.strip()
        if notify_api_key is not None:
            key = notify_api_key.strip()
            row.notify_api_key_encrypted = encrypt(key) if key else ""
            changed.append("notify_api_key")
        if kind_templates is not None:
            row.kind_templates = _kind_templates(kind_templates)
            changed.append("kind_templates")
        for name, on in (switches or {}).items():
            if name not in SWITCHES:
                raise ValueError(name)
            setattr(row, name, on)
            changed.append(name)
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="message_settings.update",
            target=row,
            changed_fields=changed,
        )
    return row


def notify_keys_rotate(*, dry_run: bool = False) -> int:
    """Re-encrypt every stored Notify key with the first field key (InvalidToken: none
    changed). Answers how many were re-encrypted."""
    from coproduce.accounts.keys import rotate
    from coproduce.core.tenancy import all_organisations

    changed = 0
    with all_organisations(), transaction.atomic():
        rows = MessageSettings.objects.select_for_update().exclude(notify_api_key_encrypted="")
        for row in rows.order_by("pk"):
            token = rotate(row.notify_api_key_encrypted)
            if token != row.notify_api_key_encrypted:
                changed += 1
                if not dry_run:
                    row.notify_api_key_encrypted = token
                    row.save(update_fields=["notify_api_key_encrypted"])
                    audit_record(
                        acting_user=None,
                        organisation=row.organisation,
                        verb="message_settings.rotate_key",
                        target=row,
                        changed_fields=["notify_api_key"],
                    )
    return changed
