from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coproduce.core.api_auth import auth_membership
from coproduce.core.api_schema import Pagination
from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.models import Account, Category, Entry, SanctionedTime
from coproduce.organisations.selectors import get_person_for

router = Router(tags=["Time credits"])


class BalanceOut(Schema):
    membership_id: int
    balance_minutes: int
    time_given_minutes: int

    @staticmethod
    def resolve_balance_minutes(account: Account) -> int:
        return account.balance

    @staticmethod
    def resolve_time_given_minutes(account: Account) -> int:
        return account.lifetime_minutes


class EntryOut(Schema):
    id: int
    created_at: datetime.datetime
    debit_id: int
    credit_id: int
    minutes: int
    category: str
    reason: str
    reverses_id: int | None


class AwardIn(Schema):
    membership_id: int
    minutes: int
    reason: str
    idempotency_key: str
    partner_name: str = ""


class SanctionIn(Schema):
    membership_id: int
    minutes: int
    reason: str
    idempotency_key: str


class SanctionOut(Schema):
    id: int
    membership_id: int
    minutes: int
    reason: str
    recorded_at: datetime.datetime

    @staticmethod
    def resolve_membership_id(row: SanctionedTime) -> int:
        return row.young_person_id


class RewardOut(Schema):
    id: int
    name: str
    price_minutes: int
    places: int | None
    places_left: int | None
    is_active: bool


class RedemptionOut(Schema):
    id: int
    reward_id: int
    young_person_id: int
    created_at: datetime.datetime
    cancelled_at: datetime.datetime | None


@router.get("/balances", response=list[BalanceOut])
@paginate(Pagination)
def list_balances(request: HttpRequest) -> QuerySet[Account]:
    """Each young person's balance, highest first, a page at a time (`limit`, `offset`)."""
    return sel.young_people_balances(organisation=auth_membership(request).organisation)


@router.get("/people/{membership_id}/entries", response=list[EntryOut])
@paginate(Pagination)
def list_entries(request: HttpRequest, membership_id: int) -> QuerySet[Entry]:
    """A young person's statement, newest first, a page at a time (`limit`, `offset`)."""
    person = get_person_for(organisation=auth_membership(request).organisation, pk=membership_id)
    return sel.entries_of(person)


@router.post("/awards", response={201: EntryOut})
def award(request: HttpRequest, payload: AwardIn) -> Status[EntryOut]:
    member = auth_membership(request)
    person = get_person_for(organisation=member.organisation, pk=payload.membership_id)
    entry = services.credits_award(
        acting_user=member.user,
        membership=person,
        minutes=payload.minutes,
        reason=payload.reason,
        idempotency_key="api:" + payload.idempotency_key,
        partner_name=payload.partner_name,
        category=Category.PARTNER if payload.partner_name else Category.AWARD,
    )
    return Status(201, EntryOut.from_orm(entry))


@router.post("/sanctions", response={201: SanctionOut})
def record_sanction(request: HttpRequest, payload: SanctionIn) -> Status[SanctionOut]:
    """Hours a young person was required to give (a court order, a detention): recorded for
    the organisation to see, never credited. The same `idempotency_key` twice records once."""
    member = auth_membership(request)
    person = get_person_for(organisation=member.organisation, pk=payload.membership_id)
    row = services.sanctioned_time_record(
        acting_user=member.user,
        membership=person,
        minutes=payload.minutes,
        reason=payload.reason,
        idempotency_key="api-sanction:" + payload.idempotency_key,
    )
    return Status(201, SanctionOut.from_orm(row))


@router.get("/rewards", response=list[RewardOut])
def list_rewards(request: HttpRequest) -> list[RewardOut]:
    return [
        RewardOut.from_orm(r)
        for r in sel.rewards_for(organisation=auth_membership(request).organisation)
    ]


@router.get("/rewards/{reward_id}/redemptions", response=list[RedemptionOut])
def list_redemptions(request: HttpRequest, reward_id: int) -> list[RedemptionOut]:
    reward = sel.get_reward_for(organisation=auth_membership(request).organisation, pk=reward_id)
    return [RedemptionOut.from_orm(r) for r in reward.redemptions.all()]
