"""Reads of money given to young people (expenses, vouchers, pay): the organisation's
payments, those approved in a period, and the monitoring report's per project. Other apps
read them through `inclusion.selectors`, which names each of these."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import QuerySet

from coproduce.accounts.selectors import display_name_from, name_fields
from coproduce.core.prepared import Prepared, Question
from coproduce.core.tenancy import get_for
from coproduce.inclusion.choices import PaymentKind, PaymentStatus
from coproduce.inclusion.models import Payment
from coproduce.projects.selectors.report import PERIOD, period_values

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


def payments_for(*, organisation: Organisation | int) -> QuerySet[Payment]:
    return Payment.objects.filter(organisation=organisation).select_related(
        "young_person__user", "project", "recorded_by__user", "decided_by__user"
    )


def payments_to(*, membership: Membership) -> QuerySet[Payment]:
    return payments_for(organisation=membership.organisation).filter(young_person=membership)


def get_payment_for(*, organisation: Organisation | None, pk: int) -> Payment:
    return get_for(Payment, organisation=organisation, pk=pk)


def approved_payments(
    *, organisation: Organisation | int, start: datetime.date, end: datetime.date
) -> QuerySet[Payment]:
    """What finance pays out or accounts for: approved payments in the period, oldest first."""
    return (
        payments_for(organisation=organisation)
        .filter(status=PaymentStatus.APPROVED, paid_on__range=(start, end))
        .order_by("paid_on", "pk")
    )


class PaymentRecord(NamedTuple):
    """Approved money given to one young person, as the monitoring report lists it."""

    young_person_id: int
    display_name: str
    paid_on: datetime.date
    kind: str
    amount_pence: int

    @property
    def kind_label(self) -> str:
        return str(PaymentKind(self.kind).label)

    @property
    def amount(self) -> str:
        return f"{self.amount_pence / 100:.2f}"


def _project_payments(**period: Any) -> Any:
    approved = approved_payments(
        organisation=period["organisation"], start=period["start"], end=period["end"]
    )
    return approved.filter(project=period["project"]).values(
        "young_person_id",
        *name_fields("young_person__user"),
        "paid_on",
        "kind",
        "amount_pence",
    )


_PROJECT_PAYMENTS = Prepared(_project_payments, **PERIOD)


def approved_payments_for_project(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[list[PaymentRecord]]:
    """Approved money given to young people for one project in the period, oldest first (the
    monitoring report's support costs); declined and waiting ones are left out."""
    return Question(
        (_PROJECT_PAYMENTS.bind(**period_values(project, start, end)),),
        lambda rows: [
            PaymentRecord(
                r["young_person_id"],
                display_name_from(r, "young_person__user"),
                r["paid_on"],
                r["kind"],
                r["amount_pence"],
            )
            for r in rows
        ],
    )


@dataclass(frozen=True)
class PaymentTotal:
    """Approved money in a period for one project, or for none (`project` is None)."""

    project: str | None
    payments: int
    people: int
    pence: int

    @property
    def amount(self) -> str:
        return f"{self.pence / 100:.2f}"


def payment_totals(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> tuple[list[PaymentTotal], PaymentTotal]:
    """Approved payments in the period by project, those tied to no project last (so none is
    lost from the organisation's figures), and the total of them all."""
    by_project: dict[int | None, list[Payment]] = {}
    names: dict[int | None, str | None] = {None: None}
    for p in approved_payments(organisation=organisation, start=start, end=end):
        by_project.setdefault(p.project_id, []).append(p)
        if p.project is not None:
            names[p.project_id] = p.project.name

    def total(name: str | None, paid: list[Payment]) -> PaymentTotal:
        people = len({p.young_person_id for p in paid})
        return PaymentTotal(name, len(paid), people, sum(p.amount_pence for p in paid))

    rows = sorted(
        (total(names[pk], paid) for pk, paid in by_project.items()),
        key=lambda t: (t.project is None, (t.project or "").casefold()),
    )
    return rows, total(None, [p for paid in by_project.values() for p in paid])
