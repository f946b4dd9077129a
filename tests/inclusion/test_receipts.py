"""A receipt with a payment: a photo (its location removed) or a PDF, checked by what it is
and how big, kept private and opened only by staff who can see payments."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from coproduce.audit.models import AuditEvent
from coproduce.inclusion import services
from coproduce.inclusion.models import Payment
from coproduce.inclusion.services import receipts
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.factories import MembershipFactory
from tests.prepared import prepared_download, uses_worker

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _photo_with_location() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (51.0, 36.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _record(member: Membership, young_person: Membership, receipt: SimpleUploadedFile) -> Any:
    return client_for(member).post(
        "/inclusion/payments/add/",
        {
            "young_person": young_person.pk,
            "kind": "travel",
            "purpose": "Bus fares",
            "amount": "6.40",
            "method": "cash",
            "paid_on_day": "2",
            "paid_on_month": "10",
            "paid_on_year": "2026",
            "receipt": receipt,
        },
    )


def test_a_photo_receipt_is_kept_without_its_location_and_opened_by_staff(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    photo = _photo_with_location()
    assert Image.open(io.BytesIO(photo)).getexif()  # the phone's photo has EXIF
    response = _record(
        practitioner, young_person, SimpleUploadedFile(f"{young_person.user.first_name}.jpg", photo)
    )
    assert response.status_code == 302
    payment = Payment.objects.get(young_person=young_person)
    assert payment.receipt_type == "image/jpeg"
    assert payment.receipt.name.startswith(f"receipts/{payment.organisation_id}/")
    assert young_person.user.first_name not in payment.receipt.name  # a random name

    page = client_for(manager).get("/inclusion/payments/").content.decode()
    url = f"/inclusion/payments/{payment.pk}/receipt/"
    assert url in page
    download = client_for(manager).get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "image/jpeg"
    assert download["Cache-Control"] == "private, no-store"
    kept = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert not Image.open(io.BytesIO(kept)).getexif()  # location and camera gone
    assert client_for(practitioner).get(url).status_code == 200


def test_a_pdf_receipt_is_kept_as_it_is(practitioner: Membership, young_person: Membership) -> None:
    assert _record(practitioner, young_person, SimpleUploadedFile("r.pdf", PDF)).status_code == 302
    payment = Payment.objects.get(young_person=young_person)
    download = client_for(practitioner).get(f"/inclusion/payments/{payment.pk}/receipt/")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]


def test_only_staff_of_the_organisation_open_a_receipt(
    practitioner: Membership, young_person: Membership
) -> None:
    _record(practitioner, young_person, SimpleUploadedFile("r.pdf", PDF))
    payment = Payment.objects.get(young_person=young_person)
    url = f"/inclusion/payments/{payment.pk}/receipt/"
    assert client_for(young_person).get(url).status_code == 403
    outsider = MembershipFactory.create(role=Role.MANAGER)  # another organisation
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(practitioner).get("/inclusion/payments/999999/receipt/").status_code == 404


def test_a_payment_without_a_receipt_has_nothing_to_open(
    practitioner: Membership, young_person: Membership
) -> None:
    payment = services.payment_record(
        acting_user=practitioner.user,
        recorded_by=practitioner,
        young_person=young_person,
        kind="travel",
        purpose="Bus",
        amount_pence=100,
        method="cash",
        paid_on=datetime.date(2026, 10, 2),
    )
    url = f"/inclusion/payments/{payment.pk}/receipt/"
    assert client_for(practitioner).get(url).status_code == 404


def test_a_file_that_is_not_a_photo_or_pdf_is_refused_and_nothing_recorded(
    practitioner: Membership, young_person: Membership
) -> None:
    fake = SimpleUploadedFile("receipt.jpg", b"<html><script>alert(1)</script></html>")
    response = _record(practitioner, young_person, fake)
    assert response.status_code == 200
    assert "The receipt must be a photo (JPEG or PNG) or a PDF" in response.content.decode()
    gif = io.BytesIO()
    Image.new("RGB", (5, 5)).save(gif, format="GIF")
    response = _record(practitioner, young_person, SimpleUploadedFile("r.gif", gif.getvalue()))
    assert "The receipt must be a photo (JPEG or PNG) or a PDF" in response.content.decode()
    assert not Payment.objects.filter(young_person=young_person).exists()


def test_a_receipt_too_big_is_refused(
    practitioner: Membership, young_person: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(receipts, "MAX_RECEIPT_BYTES", len(PDF) - 1)
    response = _record(practitioner, young_person, SimpleUploadedFile("r.pdf", PDF))
    assert "The receipt must be smaller than 10 MB" in response.content.decode()
    assert not Payment.objects.filter(young_person=young_person).exists()


@uses_worker
def test_a_receipt_can_be_added_later_while_the_payment_waits(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    payment = services.payment_record(
        acting_user=practitioner.user,
        recorded_by=practitioner,
        young_person=young_person,
        kind="travel",
        purpose="Train",
        amount_pence=900,
        method="cash",
        paid_on=datetime.date(2026, 10, 2),
    )
    add = f"/inclusion/payments/{payment.pk}/receipt/add/"
    assert add in client_for(practitioner).get("/inclusion/payments/").content.decode()
    response = client_for(practitioner).post(add, {"receipt": SimpleUploadedFile("r.pdf", PDF)})
    assert response.status_code == 302
    payment.refresh_from_db()
    assert payment.receipt_type == "application/pdf"
    assert AuditEvent.objects.filter(verb="payment.receipt").count() == 1
    # Once a manager has decided, the receipt they saw stays.
    services.payment_decide(
        acting_user=manager.user, decided_by=manager, payment=payment, approve=True
    )
    again = client_for(practitioner).post(add, {"receipt": SimpleUploadedFile("r.pdf", PDF)})
    assert "This payment has already been decided" in again.content.decode()
    query = "start_day=1&start_month=10&start_year=2026&end_day=31&end_month=10&end_year=2026"
    url = f"/inclusion/payments/export.csv?{query}"
    export = prepared_download(client_for(manager), url).body.decode()
    assert export.splitlines()[0].endswith("Receipt kept") and export.splitlines()[1].endswith(
        "Yes"
    )
