"""Time credits: a double-entry ledger in whole minutes that never loses a credit.

Every Entry moves minutes from one Account (debit) to another (credit), so each row
balances by itself. Entries are immutable (database triggers); a mistake is put right
by a reversing entry. Account.balance is a cache kept in the same transaction as each
entry; `coproduce ledger-verify` recomputes it from the entries.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel

MINUTES_PER_HOUR = 60


class CreditSettings(TenantModel):
    """How an organisation counts time given; the ledger itself holds whole minutes.

    Every conversion between minutes, hours and credits is made here, so a page, a service
    and a report all give the same figure.
    """

    minutes_per_credit = models.PositiveIntegerField(
        _("minutes of time given for one credit"), default=60
    )
    rounding_minutes = models.PositiveIntegerField(
        _("round time given down to the nearest (minutes)"), default=15
    )
    allow_giving = models.BooleanField(
        _("young people may give credits to each other"), default=False
    )
    cancel_within_days = models.PositiveSmallIntegerField(
        _("days a young person has to cancel a booking themselves (0: only staff can)"),
        default=7,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="credit_settings_one_per_org"),
            models.CheckConstraint(
                condition=Q(minutes_per_credit__gte=1) & Q(rounding_minutes__gte=1),
                name="credit_settings_positive",
            ),
        ]

    @staticmethod
    def hours(minutes: int) -> int:
        """Whole hours of time given (milestones and certificates count whole hours)."""
        return minutes // MINUTES_PER_HOUR

    @staticmethod
    def minutes_for_hours(hours: Decimal | int) -> int:
        """Minutes for a number of hours typed by staff (e.g. 1.25 hours is 75 minutes)."""
        return int(hours * MINUTES_PER_HOUR)

    def credits(self, minutes: int) -> Decimal:
        """Minutes shown as credits, at this organisation's rate."""
        return Decimal(minutes) / self.minutes_per_credit

    def minutes_for_credits(self, credits: Decimal | int) -> int:
        """Minutes for a number of credits typed (a reward's price, a gift)."""
        return int(credits * self.minutes_per_credit)

    def cancel_deadline(self, booked_at: datetime.datetime) -> datetime.datetime | None:
        """Until when a young person may cancel their own booking; None if they may not."""
        if not self.cancel_within_days:
            return None
        return booked_at + datetime.timedelta(days=self.cancel_within_days)

    def rounded(self, minutes: int) -> int:
        """Time given, rounded down to this organisation's step (e.g. the quarter hour)."""
        return (minutes // self.rounding_minutes) * self.rounding_minutes


class AccountKind(models.TextChoices):
    ISSUING = "issuing", _("Organisation (issues credits)")
    YOUNG_PERSON = "young_person", _("Young person")
    REWARD = "reward", _("Reward")


class Account(TenantModel):
    kind = models.CharField(max_length=20, choices=AccountKind.choices)
    membership = models.OneToOneField(
        "organisations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_account",
    )
    reward = models.OneToOneField(
        "credits.Reward", on_delete=models.PROTECT, null=True, blank=True, related_name="account"
    )
    balance = models.BigIntegerField(default=0, help_text="Minutes; a cache of the entries.")
    # Time given over a lifetime: spending credits never undoes a milestone.
    lifetime_minutes = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="issuing") | Q(balance__gte=0), name="account_no_negative_balance"
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(kind="issuing"),
                name="account_one_issuing_per_org",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="young_person", membership__isnull=False, reward__isnull=True)
                    | Q(kind="reward", reward__isnull=False, membership__isnull=True)
                    | Q(kind="issuing", membership__isnull=True, reward__isnull=True)
                ),
                name="account_owner_matches_kind",
            ),
        ]
        indexes = [
            # Young people by balance, highest first (the credits page and the API): the
            # first page is read off the index instead of sorting every account.
            models.Index(
                fields=["organisation", "-balance", "id"],
                condition=Q(kind="young_person"),
                name="account_young_by_balance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Category(models.TextChoices):
    SESSION = "session", _("Time given at a session")
    AWARD = "award", _("Awarded by staff")
    PARTNER = "partner", _("Time given to a community group")
    IMPORT = "import", _("Earlier hours brought in")
    SPEND = "spend", _("Spent on a reward")
    GIFT = "gift", _("Given by another member")
    REVERSAL = "reversal", _("Correction")


# Categories that count as time given (for lifetime hours and milestones).
EARNING = {Category.SESSION, Category.AWARD, Category.PARTNER, Category.IMPORT}


class Entry(TenantModel):
    # No index of their own: (debit, created_at) and (credit, created_at) below serve every
    # look-up by account, and each index is one more write for every leg posted.
    debit = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="debits", db_index=False
    )
    credit = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="credits", db_index=False
    )
    minutes = models.PositiveIntegerField()
    category = models.CharField(max_length=20, choices=Category.choices)
    reason = models.CharField(max_length=300)
    partner_name = models.CharField(max_length=200, blank=True)
    session = models.ForeignKey(
        "projects.Session",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_entries",
    )
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(max_length=120)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"], name="entry_idempotent"
            ),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="entry_positive"),
            models.CheckConstraint(
                condition=~Q(debit=models.F("credit")), name="entry_two_accounts"
            ),
        ]
        indexes = [
            models.Index(fields=["debit", "created_at"]),
            models.Index(fields=["credit", "created_at"]),
            # Corrections are few. SQLite counts the many empty `reverses` as one value and
            # so never looks corrections up through the unique index; this one holds only
            # corrections, costs nothing to other postings and is what it uses.
            models.Index(
                fields=["reverses"],
                condition=Q(reverses__isnull=False),
                name="entry_correction",
            ),
        ]


class Reward(TenantModel):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    price_minutes = models.PositiveIntegerField(_("price (minutes of credit)"))
    places = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    places_left = models.PositiveIntegerField(null=True, blank=True)
    is_active = models.BooleanField(_("on offer"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(price_minutes__gt=0), name="reward_price_positive"),
            models.CheckConstraint(
                condition=Q(places__isnull=True) | Q(places_left__lte=models.F("places")),
                name="reward_places_left_within_places",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Redemption(TenantModel):
    reward = models.ForeignKey(Reward, on_delete=models.PROTECT, related_name="redemptions")
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="redemptions"
    )
    entry = models.OneToOneField(Entry, on_delete=models.PROTECT, related_name="redemption")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]


# The milestones every organisation starts with (it can change them on the settings page).
DEFAULT_MILESTONE_HOURS = (10, 25, 50, 100)


class Milestone(TenantModel):
    """Hours of time given that the organisation marks, and what a young person gets for them.

    Seed 001's youth courts give a reward at fifty hours; each organisation sets its own.
    """

    hours = models.PositiveIntegerField(_("hours of time given"))
    certificate = models.BooleanField(_("a certificate"), default=True)
    reward = models.CharField(
        _("reward (optional)"),
        max_length=200,
        blank=True,
        help_text=_("For example 'A cinema trip'. Staff arrange it when someone gets there."),
    )

    class Meta:
        ordering = ["hours"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "hours"], name="milestone_hours_once_per_org"
            ),
            models.CheckConstraint(condition=Q(hours__gte=1), name="milestone_hours_positive"),
            models.CheckConstraint(
                condition=Q(certificate=True) | ~Q(reward=""),
                name="milestone_recognises_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hours}"


class SanctionedTime(TenantModel):
    """Hours a young person was made to give (a court order, a school detention).

    Kept so the organisation can see the time given, but never posted to the ledger: time
    served as a sanction earns no credits (seed 001's youth courts).
    """

    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.PositiveIntegerField()
    reason = models.CharField(_("what the time was given for"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(max_length=120)
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"], name="sanctioned_time_once"
            ),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="sanctioned_time_positive"),
        ]


class RecognitionKind(models.TextChoices):
    MILESTONE = "milestone", _("Milestone")
    ACCREDITATION = "accreditation", _("Accreditation")


class Recognition(TenantModel):
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="recognitions"
    )
    kind = models.CharField(max_length=20, choices=RecognitionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    hours = models.PositiveIntegerField(_("hours"))
    scheme = models.CharField(
        _("scheme"), max_length=120, blank=True, help_text=_("For example ASDAN or DofE")
    )
    # At a milestone: whether it brings a certificate, and the reward the organisation gives.
    certificate = models.BooleanField(default=True)
    reward = models.CharField(_("reward"), max_length=200, blank=True)
    awarded_at = models.DateTimeField(default=timezone.now)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-awarded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "hours"],
                condition=Q(kind="milestone"),
                name="recognition_milestone_once",
            ),
        ]


class CheckIn(TenantModel):
    """A young person's own check-in and check-out at a session, from their phone.

    Credits come only after staff confirm the session's attendance.
    """

    session = models.ForeignKey(
        "projects.Session", on_delete=models.CASCADE, related_name="check_ins"
    )
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    checked_in_at = models.DateTimeField(default=timezone.now)
    checked_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "young_person"], name="check_in_once")
        ]


class SessionTime(TenantModel):
    """Minutes credited for time given at one session and not put right since: a summary of
    the ledger kept by database triggers on each new entry (migration 0010), so the credits
    overview reads one row a session instead of summing every entry. Never written by code."""

    # The session is the key, so a restored JSON backup (whose entries rebuild the rows as
    # they load) and the dumped rows agree on which row is which.
    session = models.OneToOneField(
        "projects.Session",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="credited_time",
    )
    minutes = models.BigIntegerField(default=0)
