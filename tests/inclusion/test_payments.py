"""Money given to young people: recorded, approved by someone else, exported for finance."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from coproduce.audit.models import AuditEvent
from coproduce.inclusion import services
from coproduce.inclusion.models import Payment
from coproduce.organisations.models import Membership
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.prepared import prepared_download, uses_worker

DAY = datetime.date(2026, 10, 2)


def _record(practitioner: Membership, young_person: Membership, **kw: object) -> Payment:
    return services.payment_record(
        acting_user=practitioner.user,
        recorded_by=practitioner,
        young_person=young_person,
        kind=str(kw.get("kind", "travel")),
        purpose=str(kw.get("purpose", "Bus fares")),
        amount_pence=int(kw.get("amount_pence", 640)),  # type: ignore[call-overload]
        method="cash",
        paid_on=DAY,
    )


def test_it_records_a_payment_from_the_form(
    practitioner: Membership, young_person: Membership
) -> None:
    client = client_for(practitioner)
    assert (
        str(young_person.pk)
        in client.get(f"/inclusion/payments/add/?young_person={young_person.pk}").content.decode()
    )
    response = client.post(
        "/inclusion/payments/add/",
        {
            "young_person": young_person.pk,
            "kind": "pay",
            "purpose": "Grants panel, 3 hours",
            "amount": "22.50",
            "method": "bank_transfer",
            "paid_on_day": "2",
            "paid_on_month": "10",
            "paid_on_year": "2026",
        },
    )
    assert response.status_code == 302
    payment = Payment.objects.get(young_person=young_person)
    assert (payment.amount_pence, payment.status, payment.recorded_by) == (
        2250,
        "awaiting",
        practitioner,
    )
    assert AuditEvent.objects.filter(verb="payment.record", target_id=str(payment.pk)).exists()


def test_it_is_approved_only_by_a_manager_who_did_not_record_it(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    payment = _record(practitioner, young_person)
    url = f"/inclusion/payments/{payment.pk}/decide/"
    assert client_for(practitioner).post(url, {"decision": "approve"}).status_code == 403
    own = _record(manager, young_person)
    with pytest.raises(ValidationError):
        services.payment_decide(
            acting_user=manager.user, decided_by=manager, payment=own, approve=True
        )
    assert client_for(manager).post(url, {"decision": "approve"}).status_code == 302
    payment.refresh_from_db()
    assert (payment.status, payment.decided_by) == ("approved", manager)
    with pytest.raises(ValidationError):  # decided once
        services.payment_decide(
            acting_user=manager.user, decided_by=manager, payment=payment, approve=False
        )


@uses_worker
def test_the_finance_export_holds_approved_payments_only(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    approved = _record(practitioner, young_person, purpose="=HYPERLINK(1)", amount_pence=1250)
    services.payment_decide(
        acting_user=manager.user, decided_by=manager, payment=approved, approve=True
    )
    _record(practitioner, young_person, purpose="Still waiting")
    declined = _record(practitioner, young_person, purpose="Declined one")
    services.payment_decide(
        acting_user=manager.user, decided_by=manager, payment=declined, approve=False
    )
    query = "start_day=1&start_month=10&start_year=2026&end_day=31&end_month=10&end_year=2026"
    assert (
        client_for(practitioner).get(f"/inclusion/payments/export.csv?{query}").status_code == 403
    )
    download = prepared_download(client_for(manager), f"/inclusion/payments/export.csv?{query}")
    rows = list(csv.reader(io.StringIO(download.body.decode())))
    assert rows[0][:3] == ["Date paid", "Young person", "Username"]
    assert len(rows) == 2
    row = rows[1]
    assert row[0] == "2026-10-02" and row[4] == "'=HYPERLINK(1)" and row[6] == "12.50"
    assert row[9] == manager.user.get_full_name()


def test_the_payments_page_lists_and_offers_approval(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    _record(practitioner, young_person, purpose="Bus to the panel")
    page = client_for(manager).get("/inclusion/payments/").content.decode()
    assert "Bus to the panel" in page and "Approve" in page and "£6.40" in page
    assert "Approve" not in client_for(practitioner).get("/inclusion/payments/").content.decode()


def test_approved_payments_for_a_project_are_counted_in_appendix_b(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    from coproduce.monitoring.commissioner import fewer_than_5, shared_report
    from coproduce.monitoring.report import project_report
    from tests.scenarios import a_payment, a_project

    club, other = a_project(practitioner), a_project(practitioner, name="Grants panel")

    def pay(pence: int, project: Project, *, approve: bool | None = True) -> Payment:
        decided_by = None if approve is None else manager  # None: still waiting
        return a_payment(
            practitioner,
            young_person,
            pence,
            on=DAY,
            project=project,
            decided_by=decided_by,
            approve=bool(approve),
        )

    pay(640, club)
    pay(1000, club)
    pay(5000, club, approve=False)  # declined: not money given
    pay(700, club, approve=None)  # still waiting
    pay(900, other)  # another project's
    start, end = datetime.date(2026, 9, 1), datetime.date(2026, 10, 31)
    report = project_report(club, start, end)
    # Worked out again from the records: approved, this project, this period.
    expected = Payment.objects.filter(project=club, status="approved", paid_on__range=(start, end))
    spent = report.figures["payments_spent"].value
    assert isinstance(spent, Decimal) and spent * 100 == sum(p.amount_pence for p in expected)
    assert report.figures["payments_spent"].shown == "16.4"
    assert report.figures["paid"].value == 1
    assert len(report.figures["payments_spent"].records) == 2
    page = client_for(practitioner).get(f"/monitoring/projects/{club.pk}/").content.decode()
    assert "Money given to young people" in page and "16.4" in page
    # A commissioner reads no figure about fewer than five young people.
    shared = shared_report(club.organisation, club.pk, start, end)
    figures = {f.label: f.shown for a in shared.answers for f in a.figures}
    assert figures["Money given to young people (£)"] == fewer_than_5()
    assert figures["Young people given money (expenses, vouchers or pay)"] == fewer_than_5()
