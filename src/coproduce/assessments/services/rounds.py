"""Writes for rounds: settings, opening a round, conversations about gaps, closing it."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.assessments.frameworks import version_freeze
from coproduce.assessments.models import (
    Conversation,
    Framework,
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
        already = (
            Round.objects.select_for_update()
            .filter(
                organisation=organisation,
                version__framework=version.framework_id,
                closed_at__isnull=True,
            )
            .first()
        )
        if already is not None:
            raise ValidationError(
                {
                    "version": _(
                        "“%(name)s” already has a round open (%(round)s). Close it before "
                        "opening another with the same framework."
                    )
                    % {"name": version.framework.name, "round": already.name}
                }
            )
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


@dataclass(frozen=True)
class NextRound:
    framework: Framework
    last_closed: datetime.date
    due_on: datetime.date


def next_rounds_due(
    organisation: Organisation, settings: Settings | None = None
) -> list[NextRound]:
    """For each framework, the next round is due a cycle (six months by default) after its
    last round was completed, that is closed: the guide asks for a self-assessment every six
    months, counted from the last one done. A framework with a round still open has nothing
    due yet, and each framework keeps its own cycle (a Shier round moves nothing for nef)."""
    rounds = list(
        Round.objects.filter(organisation=organisation)
        .select_related("version__framework")
        .order_by("closed_at", "pk")
    )
    open_frameworks = {r.version.framework_id for r in rounds if r.closed_at is None}
    last_closed: dict[int, Round] = {}
    for round_ in rounds:
        if round_.closed_at is not None:
            last_closed[round_.version.framework_id] = round_  # latest closing wins
    if not last_closed:
        return []
    settings = settings or settings_for(organisation=organisation)
    due = []
    for framework_id, round_ in last_closed.items():
        if framework_id in open_frameworks:
            continue
        assert round_.closed_at is not None
        closed_on = timezone.localdate(round_.closed_at)
        due.append(
            NextRound(
                round_.version.framework, closed_on, add_months(closed_on, settings.cycle_months)
            )
        )
    return sorted(due, key=lambda n: (n.due_on, n.framework.name))


def next_round_due(
    organisation: Organisation, settings: Settings | None = None
) -> datetime.date | None:
    """The soonest date a framework's next round is due (see `next_rounds_due`)."""
    due = next_rounds_due(organisation, settings)
    return due[0].due_on if due else None
