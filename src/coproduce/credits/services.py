"""Earning, spending, giving and recognition, all through ledger.post()."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.audit.services import audit_record
from coproduce.credits import ledger
from coproduce.credits.models import (
    Account,
    AccountKind,
    Category,
    CheckIn,
    CreditSettings,
    Entry,
    Recognition,
    RecognitionKind,
    Redemption,
    Reward,
)
from coproduce.notifications.services import notify
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role

MILESTONE_HOURS = (10, 25, 50, 100)


def credit_settings_for(organisation: Organisation) -> CreditSettings:
    return CreditSettings.objects.filter(organisation=organisation).first() or CreditSettings(
        organisation=organisation
    )


def credit_settings_update(
    *,
    acting_user: User,
    organisation: Organisation,
    minutes_per_credit: int,
    rounding_minutes: int,
    allow_giving: bool,
) -> CreditSettings:
    with transaction.atomic():
        row = credit_settings_for(organisation)
        row.minutes_per_credit, row.rounding_minutes, row.allow_giving = (
            minutes_per_credit,
            rounding_minutes,
            allow_giving,
        )
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="credit_settings.update",
            target=row,
            details={
                "minutes_per_credit": minutes_per_credit,
                "rounding_minutes": rounding_minutes,
                "allow_giving": allow_giving,
            },
        )
    return row


def rounded(minutes: int, organisation: Organisation) -> int:
    """Time given, rounded down to the organisation's step (e.g. the quarter hour)."""
    step = credit_settings_for(organisation).rounding_minutes
    return (minutes // step) * step


def _milestone_message(hours: int) -> Callable[[], str]:
    return lambda: _("You have given %(hours)s hours. Well done!") % {"hours": hours}


def _after_earning(*, acting_user: User | None, membership: Membership) -> None:
    """Create milestone recognitions the young person has just reached."""
    account = Account.objects.get(membership=membership)
    hours = account.lifetime_minutes // 60
    for milestone in MILESTONE_HOURS:
        if (
            hours >= milestone
            and not Recognition.objects.filter(
                young_person=membership, kind=RecognitionKind.MILESTONE, hours=milestone
            ).exists()
        ):
            Recognition.objects.create(
                organisation=membership.organisation,
                young_person=membership,
                kind=RecognitionKind.MILESTONE,
                hours=milestone,
                title=f"{milestone} hours",
                awarded_by=acting_user,
            )
            notify(
                organisation=membership.organisation,
                recipient=membership.user,
                kind="credits.milestone",
                dedupe_key=f"milestone:{milestone}",
                subject=_milestone_message(milestone),
                url="/credits/me/",
            )


def credits_award(
    *,
    acting_user: User,
    membership: Membership,
    minutes: int,
    reason: str,
    idempotency_key: str,
    category: str = Category.AWARD,
    session_id: int | None = None,
    partner_name: str = "",
) -> Entry:
    """Issue credits for time given (by hand, from a session, or to a partner group)."""
    if category == Category.PARTNER and not partner_name.strip():
        raise ValidationError({"partner_name": _("Name the community group the time was given to")})
    with transaction.atomic():
        entry = ledger.post(
            acting_user=acting_user,
            debit=ledger.issuing_account(membership.organisation),
            credit=ledger.account_of(membership),
            minutes=minutes,
            category=category,
            reason=reason,
            idempotency_key=idempotency_key,
            session_id=session_id,
            partner_name=partner_name,
        )
        _after_earning(acting_user=acting_user, membership=membership)
    return entry


def credits_issue_for_session(*, acting_user: User, session: object) -> list[Entry]:
    """Bulk issue from confirmed attendance: each young person who came, once per session."""
    from coproduce.projects.models import Attendance, Session

    assert isinstance(session, Session)
    minutes = rounded(session.duration_minutes, session.organisation)
    entries: list[Entry] = []
    if minutes <= 0:
        return entries
    with transaction.atomic():
        for row in Attendance.objects.filter(session=session, attended=True).select_related(
            "young_person"
        ):
            entries.append(
                credits_award(
                    acting_user=acting_user,
                    membership=row.young_person,
                    minutes=minutes,
                    category=Category.SESSION,
                    reason=f"{session.activity} ({session.date:%d %b %Y})",
                    session_id=session.pk,
                    idempotency_key=f"session:{session.pk}:{row.young_person_id}",
                )
            )
        audit_record(
            acting_user=acting_user,
            organisation=session.organisation,
            verb="credits.issue_session",
            target=session,
            details={"entries": len(entries), "minutes": minutes},
        )
    return entries


def reward_create(
    *,
    acting_user: User,
    organisation: Organisation,
    name: str,
    price_minutes: int,
    description: str = "",
    places: int | None = None,
) -> Reward:
    with transaction.atomic():
        reward = Reward(
            organisation=organisation,
            name=name,
            description=description,
            price_minutes=price_minutes,
            places=places,
            places_left=places,
        )
        reward.full_clean()
        reward.save()
        Account.objects.create(organisation=organisation, kind=AccountKind.REWARD, reward=reward)
        audit_record(
            acting_user=acting_user, organisation=organisation, verb="reward.create", target=reward
        )
    return reward


def reward_redeem(
    *, acting_user: User, membership: Membership, reward: Reward, idempotency_key: str
) -> Redemption:
    """Book a place and pay for it together: both happen, or neither."""
    if not reward.is_active:
        raise ValidationError(_("This reward is no longer on offer"))
    with transaction.atomic():
        done = Redemption.objects.filter(
            entry__organisation=reward.organisation, entry__idempotency_key=idempotency_key
        ).first()
        if done is not None:
            return done
        if reward.places is not None:
            booked = Reward.objects.filter(pk=reward.pk, places_left__gte=1).update(
                places_left=F("places_left") - 1
            )
            if booked != 1:
                raise ValidationError(_("Sorry, all the places have gone."), code="no_places")
        entry = ledger.post(
            acting_user=acting_user,
            debit=ledger.account_of(membership),
            credit=reward.account,
            minutes=reward.price_minutes,
            category=Category.SPEND,
            reason=reward.name,
            idempotency_key=idempotency_key,
        )
        redemption = Redemption.objects.create(
            organisation=reward.organisation, reward=reward, young_person=membership, entry=entry
        )
        audit_record(
            acting_user=acting_user,
            organisation=reward.organisation,
            verb="reward.redeem",
            target=redemption,
        )
    return redemption


def redemption_cancel(*, acting_user: User, redemption: Redemption, reason: str) -> Redemption:
    """Give the place back and refund by reversal."""
    if redemption.cancelled_at is not None:
        return redemption
    with transaction.atomic():
        ledger.reverse(
            acting_user=acting_user, entry=redemption.entry, reason=reason or _("Booking cancelled")
        )
        if redemption.reward.places is not None:
            Reward.objects.filter(pk=redemption.reward_id).update(places_left=F("places_left") + 1)
        redemption.cancelled_at = timezone.now()
        redemption.save(update_fields=["cancelled_at"])
        audit_record(
            acting_user=acting_user,
            organisation=redemption.organisation,
            verb="reward.cancel",
            target=redemption,
        )
    return redemption


def credits_give(
    *,
    acting_user: User,
    giver: Membership,
    receiver: Membership,
    minutes: int,
    reason: str,
    idempotency_key: str,
) -> Entry:
    """A young person gives some of their credits to another member (when the organisation allows it)."""
    if not credit_settings_for(giver.organisation).allow_giving:
        raise ValidationError(_("Your organisation has not turned on giving credits"))
    if giver.organisation_id != receiver.organisation_id or giver.pk == receiver.pk:
        raise ValidationError(_("Choose someone else in your organisation"))
    with transaction.atomic():
        entry = ledger.post(
            acting_user=acting_user,
            debit=ledger.account_of(giver),
            credit=ledger.account_of(receiver),
            minutes=minutes,
            category=Category.GIFT,
            reason=reason,
            idempotency_key=idempotency_key,
        )
        audit_record(
            acting_user=acting_user,
            organisation=giver.organisation,
            verb="credits.give",
            target=entry,
        )
    return entry


def accreditation_record(
    *, acting_user: User, membership: Membership, scheme: str, title: str, hours: int
) -> Recognition:
    account = ledger.account_of(membership)
    if hours * 60 > account.lifetime_minutes:
        raise ValidationError({"hours": _("That is more hours than they have given on record")})
    with transaction.atomic():
        row = Recognition(
            organisation=membership.organisation,
            young_person=membership,
            kind=RecognitionKind.ACCREDITATION,
            scheme=scheme,
            title=title,
            hours=hours,
            awarded_by=acting_user,
        )
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="accreditation.record",
            target=row,
            details={"scheme": scheme, "hours": hours},
        )
    return row


@dataclass
class ImportProblem:
    line: int
    message: str


@dataclass
class ImportResult:
    problems: list[ImportProblem]
    posted: int


IMPORT_COLUMNS = ["username", "date", "minutes", "reason"]


def hours_import(*, acting_user: User, organisation: Organisation, text: str) -> ImportResult:
    """Historical hours from CSV (username,date,minutes,reason[,partner]).

    Every row is checked first; if any row is wrong nothing is posted and every
    problem is reported with its line number.
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in IMPORT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return ImportResult(
            [ImportProblem(1, _("Missing columns: %(cols)s") % {"cols": ", ".join(missing)})], 0
        )
    members = {
        m.user.username: m
        for m in Membership.objects.filter(
            organisation=organisation, role=Role.YOUNG_PERSON
        ).select_related("user")
    }
    problems, rows = [], []
    for line, row in enumerate(reader, start=2):
        username = (row.get("username") or "").strip()
        member = members.get(username)
        if member is None:
            problems.append(
                ImportProblem(line, _("No young person with username '%(u)s'") % {"u": username})
            )
        try:
            day = datetime.date.fromisoformat((row.get("date") or "").strip())
            if day > timezone.localdate():
                problems.append(ImportProblem(line, _("The date is in the future")))
        except ValueError:
            problems.append(ImportProblem(line, _("Write the date as YYYY-MM-DD")))
            day = None
        try:
            minutes = int((row.get("minutes") or "").strip())
            if minutes <= 0:
                raise ValueError
        except ValueError:
            problems.append(ImportProblem(line, _("Minutes must be a whole number above zero")))
            minutes = 0
        reason = (row.get("reason") or "").strip()
        if not reason:
            problems.append(ImportProblem(line, _("Give a reason")))
        rows.append((line, member, day, minutes, reason, (row.get("partner") or "").strip()))
    if problems:
        return ImportResult(problems, 0)
    key_base = "import:" + hashlib.sha256(text.encode()).hexdigest()[:16]
    with transaction.atomic():
        for line, member, day, minutes, reason, partner in rows:
            assert member is not None and day is not None
            credits_award(
                acting_user=acting_user,
                membership=member,
                minutes=minutes,
                category=Category.PARTNER if partner else Category.IMPORT,
                partner_name=partner,
                reason=f"{reason} ({day.isoformat()})",
                idempotency_key=f"{key_base}:{line}",
            )
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="credits.import",
            target=ledger.issuing_account(organisation),
            details={"rows": len(rows)},
        )
    return ImportResult([], len(rows))


CHECK_IN_SALT = "coproduce.credits.check-in"
CHECK_IN_MAX_AGE = 12 * 60 * 60


def check_in_token(session: object) -> str:
    from django.core import signing

    return signing.dumps({"s": session.pk}, salt=CHECK_IN_SALT)  # type: ignore[attr-defined]


def session_id_from_token(token: str) -> int:
    from django.core import signing

    try:
        return int(signing.loads(token, salt=CHECK_IN_SALT, max_age=CHECK_IN_MAX_AGE)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError(
            _(
                "This check-in code has run out or is not right. Ask a youth worker to show it again."
            )
        ) from None


def check_in_toggle(*, membership: Membership, session: object) -> CheckIn:
    """First scan checks in; the next checks out."""
    from coproduce.projects.models import Session

    assert isinstance(session, Session)
    if not membership.is_young_person or membership.organisation_id != session.organisation_id:
        raise ValidationError(_("Only young people in this organisation can check in"))
    with transaction.atomic():
        row, created = CheckIn.objects.get_or_create(
            organisation=session.organisation, session=session, young_person=membership
        )
        if not created and row.checked_out_at is None:
            row.checked_out_at = timezone.now()
            row.save(update_fields=["checked_out_at"])
    return row


def check_ins_confirm(*, acting_user: User, session: object) -> list[Entry]:
    """Staff confirm: everyone who checked in goes on the register as came, then credits are issued."""
    from coproduce.projects.models import Attendance, Session
    from coproduce.projects.services import attendance_record

    assert isinstance(session, Session)
    with transaction.atomic():
        existing = {a.young_person_id: a for a in Attendance.objects.filter(session=session)}
        entries = [
            (
                c.young_person,
                True,
                existing[c.young_person_id].rung if c.young_person_id in existing else None,
            )
            for c in CheckIn.objects.filter(session=session).select_related("young_person")
        ]
        if entries:
            attendance_record(acting_user=acting_user, session=session, entries=entries)
        return credits_issue_for_session(acting_user=acting_user, session=session)
