"""Reads for time credits: balances, statements, rewards and the organisation's settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from coproduce.accounts.selectors import display_name_from, name_fields
from coproduce.core.prepared import Prepared, Question
from coproduce.core.tenancy import get_for, settings_or_defaults
from coproduce.credits.models import (
    EARNING,
    Account,
    AccountKind,
    Category,
    CheckIn,
    CreditSettings,
    Entry,
    Milestone,
    Recognition,
    RecognitionKind,
    Redemption,
    Reward,
    SanctionedTime,
    SessionTime,
)
from coproduce.credits.overview import BUSIEST_PROJECTS as BUSIEST_PROJECTS
from coproduce.credits.overview import Summary as Summary
from coproduce.credits.overview import summary_for as summary_for
from coproduce.credits.overview import time_by_project as time_by_project
from coproduce.projects.selectors.report import PERIOD, came_in_period, period_values

if TYPE_CHECKING:
    import datetime

    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Session


def settings_for(*, organisation: Organisation) -> CreditSettings:
    """The organisation's credit settings (unsaved defaults until someone changes them)."""
    return settings_or_defaults(CreditSettings, organisation=organisation)


def balance_of(membership: Membership) -> tuple[int, int]:
    """(balance, lifetime minutes) in one indexed read."""
    row = (
        Account.objects.filter(membership=membership)
        .values_list("balance", "lifetime_minutes")
        .first()
    )
    return row if row else (0, 0)


def entries_of(membership: Membership, account: Account | None = None) -> QuerySet[Entry]:
    """The person's entries, newest first. The account is looked up first so both sides use
    their index: an OR across the join to accounts scanned every organisation's accounts."""
    if account is None:
        account = Account.objects.filter(membership=membership).first()
    if account is None:
        return Entry.objects.none()
    return (
        Entry.objects.filter(organisation=membership.organisation)
        .filter(Q(debit=account) | Q(credit=account))
        .select_related("debit", "credit")
        .order_by("-created_at", "-id")
    )


def rewards_for(*, organisation: Organisation, on_offer_only: bool = False) -> QuerySet[Reward]:
    qs = Reward.objects.filter(organisation=organisation)
    return qs.filter(is_active=True) if on_offer_only else qs


def get_reward_for(*, organisation: Organisation | None, pk: int) -> Reward:
    return get_for(Reward, organisation=organisation, pk=pk)


def get_redemption_for(*, organisation: Organisation | None, pk: int) -> Redemption:
    return get_for(
        Redemption.objects.select_related("reward", "entry", "young_person__user"),
        organisation=organisation,
        pk=pk,
    )


def redemptions_of(membership: Membership) -> QuerySet[Redemption]:
    return Redemption.objects.filter(young_person=membership).select_related("reward")


def recognitions_of(membership: Membership) -> QuerySet[Recognition]:
    return Recognition.objects.filter(young_person=membership)


def get_recognition_for(*, organisation: Organisation | None, pk: int) -> Recognition:
    return get_for(
        Recognition.objects.select_related("young_person__user"), organisation=organisation, pk=pk
    )


@dataclass
class Mismatch:
    account_id: int
    cached: tuple[int, int]
    recomputed: tuple[int, int]


def verify(*, organisation: Organisation | None = None) -> list[Mismatch]:
    """Recompute every balance (and lifetime minutes) from the entries; list any that differ."""
    accounts = (
        Account.objects.all()
        if organisation is None
        else Account.objects.filter(organisation=organisation)
    )
    credits = dict(
        Entry.objects.values("credit").annotate(t=Sum("minutes")).values_list("credit", "t")
    )
    debits = dict(
        Entry.objects.values("debit").annotate(t=Sum("minutes")).values_list("debit", "t")
    )
    earned = dict(
        Entry.objects.filter(category__in=EARNING)
        .values("credit")
        .annotate(t=Sum("minutes"))
        .values_list("credit", "t")
    )
    unearned = dict(
        Entry.objects.filter(category=Category.REVERSAL, reverses__category__in=EARNING)
        .values("debit")
        .annotate(t=Sum("minutes"))
        .values_list("debit", "t")
    )
    problems = []
    for account in accounts.only("pk", "balance", "lifetime_minutes"):
        balance = credits.get(account.pk, 0) - debits.get(account.pk, 0)
        lifetime = earned.get(account.pk, 0) - unearned.get(account.pk, 0)
        if (balance, lifetime) != (account.balance, account.lifetime_minutes):
            problems.append(
                Mismatch(
                    account.pk, (account.balance, account.lifetime_minutes), (balance, lifetime)
                )
            )
    return problems


def session_time_mismatches(
    *, organisation: Organisation | None = None
) -> list[tuple[int, int, int]]:
    """(session id, minutes kept in SessionTime, minutes its entries give) for every session
    whose summary, kept by the database's triggers, differs from its own entries."""
    entries = Entry.objects.filter(
        category=Category.SESSION, session__isnull=False, reverses__isnull=True
    ).exclude(reversed_by__isnull=False)
    kept = SessionTime.objects.all()
    if organisation is not None:
        entries, kept = (
            entries.filter(organisation=organisation),
            kept.filter(organisation=organisation),
        )
    given = dict(
        entries.order_by().values("session").annotate(t=Sum("minutes")).values_list("session", "t")
    )
    held = dict(kept.exclude(minutes=0).values_list("session", "minutes"))
    return sorted(
        (session, held.get(session, 0), given.get(session, 0))
        for session in held.keys() | given.keys()
        if held.get(session, 0) != given.get(session, 0)
    )


STATEMENT_PAGE = 50  # a phone's worth of scrolling; older entries are a page away


def statement_page(membership: Membership, number: str | int | None) -> Page[tuple[Entry, int]]:
    """A page of the statement, newest first, each entry seen from the young person's side:
    + received, − given or spent."""
    account = Account.objects.filter(membership=membership).first()
    entries = entries_of(membership, account) if account else Entry.objects.none()
    page = Paginator(entries, STATEMENT_PAGE).get_page(number)
    signed = [(e, e.minutes if account and e.credit_id == account.pk else -e.minutes) for e in page]
    return Page(signed, page.number, page.paginator)  # type: ignore[arg-type]


def statement_with_balance(
    membership: Membership, number: str | int | None
) -> Page[tuple[Entry, int, int]]:
    """A page of the statement, newest first: each entry signed from the young person's side
    and the balance just after it (a running balance, counted back from today's)."""
    page = statement_page(membership, number)
    rows = list(page)
    balance, _lifetime = balance_of(membership)
    if rows and page.number > 1:
        newest_here = rows[0][0]
        account = Account.objects.get(membership=membership)
        newer = entries_of(membership, account).filter(
            Q(created_at__gt=newest_here.created_at)
            | Q(created_at=newest_here.created_at, id__gt=newest_here.pk)
        )
        totals = newer.aggregate(
            received=Coalesce(Sum("minutes", filter=Q(credit=account)), 0),
            spent=Coalesce(Sum("minutes", filter=Q(debit=account)), 0),
        )
        balance -= totals["received"] - totals["spent"]
    with_balance = []
    for entry, signed in rows:
        with_balance.append((entry, signed, balance))
        balance -= signed
    return Page(with_balance, page.number, page.paginator)  # type: ignore[arg-type]


def young_people_balances(*, organisation: Organisation) -> QuerySet[Account]:
    return (
        Account.objects.filter(organisation=organisation, kind=AccountKind.YOUNG_PERSON)
        .select_related("membership__user")
        .order_by(F("balance").desc(), "pk")
    )


def contributions_of(membership: Membership) -> list[str]:
    """What the young person gave time to, for their certificate."""
    rows = (
        Entry.objects.filter(
            credit__membership=membership, category__in=EARNING, reversed_by__isnull=True
        )
        .values_list("session__project__name", "partner_name", "reason")
        .order_by("created_at")
    )
    seen: dict[str, None] = {}
    for project, partner, reason in rows:
        seen[project or partner or reason] = None
    return list(seen)[:8]


def check_ins_at(*, session: Session) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(session=session).select_related("young_person__user")


def check_in_of(*, session: Session, membership: Membership) -> CheckIn | None:
    return CheckIn.objects.filter(session=session, young_person=membership).first()


if TYPE_CHECKING:
    from coproduce.projects.models import Project


def _at_sessions(**period: Any) -> QuerySet[Entry, Any]:
    held = Q(
        session__project=period["project"], session__date__range=(period["start"], period["end"])
    )
    return (
        Entry.objects.filter(held, organisation_id=period["organisation"])
        .values("organisation_id")
        .annotate(
            received=Sum("minutes", filter=Q(credit__kind=AccountKind.YOUNG_PERSON)),
            taken_back=Sum("minutes", filter=Q(debit__kind=AccountKind.YOUNG_PERSON)),
        )
        .order_by()
    )


def _put_right(**period: Any) -> QuerySet[Entry, Any]:
    # A correction is posted without a session: found through the entry it reverses, those
    # at the period's sessions looked up first (`entry_correction`).
    at_sessions = Entry.objects.filter(
        organisation_id=period["organisation"],
        session__project=period["project"],
        session__date__range=(period["start"], period["end"]),
    ).values("id")
    return (
        Entry.objects.filter(
            reverses__in=at_sessions,
            reverses__isnull=False,  # says in the query what the partial index holds
            organisation_id=period["organisation"],
            debit__kind=AccountKind.YOUNG_PERSON,
        )
        .values("organisation_id")
        .annotate(taken_back=Sum("minutes"))
        .order_by()
    )


_AT_SESSIONS = Prepared(_at_sessions, **PERIOD)
_PUT_RIGHT = Prepared(_put_right, **PERIOD)


def minutes_earned_for_project(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[int]:
    """Net minutes young people earned at the project's sessions in the period, worked out as
    balances are: what their accounts received less what was taken back, corrections
    included. Two look-ups rather than an OR across the joins to sessions."""
    values = period_values(project, start, end)

    def net(at_sessions: list[dict[str, Any]], put_right: list[dict[str, Any]]) -> int:
        received = sum(r["received"] or 0 for r in at_sessions)
        taken_back = sum(r["taken_back"] or 0 for r in at_sessions + put_right)
        return int(received - taken_back)

    return Question((_AT_SESSIONS.bind(**values), _PUT_RIGHT.bind(**values)), net)


class RecognitionRecord(NamedTuple):
    display_name: str
    kind: str
    title: str


def _recognitions(**period: Any) -> Any:
    came = came_in_period(project=period["project"], start=period["start"], end=period["end"])
    return (
        Recognition.objects.filter(
            young_person_id__in=came,
            awarded_at__date__range=(period["start"], period["end"]),
        )
        .order_by("awarded_at", "id")
        .values(*name_fields("young_person__user"), "kind", "title")
    )


_RECOGNITIONS = Prepared(_recognitions, **PERIOD)


def recognitions_awarded(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[list[RecognitionRecord]]:
    """Certificates and accreditation awarded in the period to the young people who came to
    the project's sessions in it."""
    return Question(
        (_RECOGNITIONS.bind(**period_values(project, start, end)),),
        lambda rows: [
            RecognitionRecord(display_name_from(r, "young_person__user"), r["kind"], r["title"])
            for r in rows
        ],
    )


def milestones_for(*, organisation: Organisation) -> QuerySet[Milestone]:
    """The hours the organisation marks, lowest first, and what each brings."""
    return Milestone.objects.filter(organisation=organisation).order_by("hours")


def milestone_at(*, organisation: Organisation, hours: int) -> Milestone | None:
    """The organisation's milestone at these hours, if it marks them."""
    return Milestone.objects.filter(organisation=organisation, hours=hours).first()


def recognitions_shown_to(membership: Membership) -> list[Recognition]:
    """A young person's recognitions, newest first. A milestone's reward was copied when it
    was reached, in one language; while the milestone still brings that reward, each comes
    with it as `reward_from`, so the page shows the reward in the reader's language."""
    rows = list(recognitions_of(membership))
    hours = {r.hours for r in rows if r.kind == RecognitionKind.MILESTONE and r.reward}
    milestones = {
        m.hours: m
        for m in (
            Milestone.objects.filter(organisation=membership.organisation_id, hours__in=hours)
            if hours
            else []
        )
    }
    for row in rows:
        milestone = milestones.get(row.hours) if row.kind == RecognitionKind.MILESTONE else None
        written = (
            {getattr(milestone, "reward_en_gb", None), getattr(milestone, "reward_cy", None)}
            if milestone is not None
            else set()
        )
        row.reward_from = milestone if row.reward and row.reward in written else None  # type: ignore[attr-defined]
    return rows


def sanctioned_time_for(*, organisation: Organisation) -> QuerySet[SanctionedTime]:
    """Hours young people were required to give (no credits), newest first."""
    return SanctionedTime.objects.filter(organisation=organisation).select_related(
        "young_person__user"
    )


def milestone_rewards_for(*, organisation: Organisation, limit: int = 20) -> list[Recognition]:
    """The latest milestones reached that bring a reward, for staff to arrange."""
    return list(
        Recognition.objects.filter(organisation=organisation, kind="milestone")
        .exclude(reward="")
        .select_related("young_person__user")[:limit]
    )
