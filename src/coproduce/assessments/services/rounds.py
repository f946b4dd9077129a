"""Writes for rounds: settings, opening a round, conversations about gaps, closing it."""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.assessments.frameworks import version_freeze
from coproduce.assessments.models import (
    Conversation,
    FrameworkVersion,
    Indicator,
    Round,
    Settings,
)
from coproduce.assessments.results import round_result
from coproduce.assessments.selectors import settings_for
from coproduce.audit.services import audit_record

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def settings_update(
    *,
    acting_user: User | None,
    organisation: Organisation,
    gap_threshold: int,
    reminder_days: int,
    cycle_months: int,
) -> Settings:
    with transaction.atomic():
        settings = settings_for(organisation=organisation)
        settings.gap_threshold, settings.reminder_days = gap_threshold, reminder_days
        settings.cycle_months = cycle_months
        settings.full_clean()
        settings.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="assessment_settings.update",
            target=settings,
            details={"gap_threshold": gap_threshold, "reminder_days": reminder_days},
        )
    return settings


def round_open(
    *,
    acting_user: User | None,
    organisation: Organisation,
    name: str,
    version: FrameworkVersion,
    due_on: datetime.date,
    opens_on: datetime.date | None = None,
) -> Round:
    if version.organisation_id != organisation.pk:
        raise ValidationError({"version": _("Choose one of your organisation's frameworks")})
    with transaction.atomic():
        round_ = Round(
            organisation=organisation,
            name=name,
            version=version,
            opens_on=opens_on or timezone.localdate(),
            due_on=due_on,
        )
        if round_.due_on < round_.opens_on:
            raise ValidationError({"due_on": _("The due date must be on or after the start")})
        round_.full_clean()
        round_.save()
        version_freeze(version)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="round.open",
            target=round_,
            details={"name": name, "version": version.pk, "due_on": due_on.isoformat()},
        )
    return round_


def conversation_record(
    *,
    acting_user: User | None,
    round_: Round,
    indicator: Indicator,
    note: str,
    recorded_by: Membership,
    held_on: datetime.date | None = None,
) -> Conversation:
    with transaction.atomic():
        conversation = Conversation.objects.filter(round=round_, indicator=indicator).first()
        if conversation is None:
            conversation = Conversation(
                organisation=round_.organisation, round=round_, indicator=indicator
            )
        conversation.note, conversation.recorded_by = note.strip(), recorded_by
        conversation.held_on = held_on or timezone.localdate()
        conversation.full_clean()
        conversation.save()
        audit_record(
            acting_user=acting_user,
            organisation=round_.organisation,
            verb="conversation.record",
            target=conversation,
            changed_fields=["note"],
            details={"indicator": indicator.key},
        )
    return conversation


def round_close(*, acting_user: User | None, round_: Round) -> Round:
    """Close a round; refused while a disagreement has no conversation recorded."""
    missing = [row.indicator.title for row in round_result(round_).disagreements_without_talk]
    if missing:
        raise ValidationError(
            [
                _("Record the conversation about “%(indicator)s” before closing the round")
                % {"indicator": title}
                for title in missing
            ]
        )
    with transaction.atomic():
        round_.closed_at = timezone.now()
        round_.save(update_fields=["closed_at"])
        audit_record(
            acting_user=acting_user,
            organisation=round_.organisation,
            verb="round.close",
            target=round_,
        )
    return round_


def next_round_due(
    organisation: Organisation, settings: Settings | None = None
) -> datetime.date | None:
    """The next round is due a cycle (six months by default) after the latest one opened."""
    latest = Round.objects.filter(organisation=organisation).order_by("-opens_on").first()
    if latest is None:
        return None
    settings = settings or settings_for(organisation=organisation)
    return add_months(latest.opens_on, settings.cycle_months)
