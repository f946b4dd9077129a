"""Money given to young people in the organisation's figures: by project, and payments tied to
no project counted too, so none is lost."""

from __future__ import annotations

import datetime

import time_machine

from coproduce.inclusion import selectors
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_payment, a_project

DAY = datetime.date(2026, 10, 2)


def _paid(
    staff: Membership, approver: Membership, person: Membership, pence: int, **kw: object
) -> None:
    a_payment(
        staff,
        person,
        pence,
        on=kw.get("on", DAY),  # type: ignore[arg-type]
        project=kw.get("project"),  # type: ignore[arg-type]
        decided_by=approver if kw.get("approve", True) else None,
    )


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_payments_with_and_without_a_project_are_all_counted(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    club = a_project(practitioner, name="Club")
    _paid(practitioner, manager, young_person, 640, project=club)
    _paid(practitioner, manager, other, 1000)  # no project: a voucher for the forum
    _paid(practitioner, manager, young_person, 250)
    _paid(practitioner, manager, other, 9999, approve=False)  # waiting: not counted
    _paid(practitioner, manager, other, 500, on=datetime.date(2025, 1, 1))  # outside the period

    rows, total = selectors.payment_totals(
        organisation=practitioner.organisation,
        start=datetime.date(2026, 9, 1),
        end=datetime.date(2026, 11, 20),
    )
    assert [(r.project, r.payments, r.people, r.pence) for r in rows] == [
        ("Club", 1, 1, 640),
        (None, 2, 2, 1250),
    ]
    assert (total.payments, total.people, total.pence) == (3, 2, 640 + 1000 + 250)

    # The organisation's figures (the "Who takes part" page) show them, none lost.
    page = client_for(manager).get("/inclusion/equality/").content.decode()
    figures = page[page.index('data-testid="payment-totals"') :]
    assert "Not tied to a project" in figures and "£12.50" in figures and "£6.40" in figures
    assert 'data-testid="payments-total">£18.90' in figures
    # And the payments page, for the period chosen there.
    end = "&totals-end_day=20&totals-end_month=11&totals-end_year=2026"
    query = "totals-start_day=1&totals-start_month=9&totals-start_year=2026" + end
    payments = client_for(practitioner).get(f"/inclusion/payments/?{query}").content.decode()
    assert "Not tied to a project" in payments
    assert 'data-testid="payments-total">£18.90' in payments
    year = "totals-start_day=1&totals-start_month=1&totals-start_year=2025" + end
    wider = client_for(practitioner).get(f"/inclusion/payments/?{year}").content.decode()
    assert 'data-testid="payments-total">£23.90' in wider
