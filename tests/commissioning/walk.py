"""Walk providers for commissioning panels."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from coproduce.commissioning import services
from coproduce.commissioning.models import Bid, Document, Round
from tests.projects.walk import project
from tests.tenancy.walk import Provider, World


def commissioning_round(world: World) -> Round:
    def make() -> Round:
        round_ = services.round_create(
            acting_user=world.staff.user,
            project=project(world),
            title=world.marker("commissioning"),
            outcomes_sought=world.marker("outcomes"),
            budget_pence=100000,
        )
        services.criterion_add(
            acting_user=world.staff.user, round_=round_, name=world.marker("criterion"), weight=10
        )
        return round_

    return world.once("commissioning_round", make)


def bid(world: World) -> Bid:
    return world.once(
        "bid",
        lambda: services.bid_add(
            acting_user=world.staff.user,
            round_=commissioning_round(world),
            provider=world.marker("provider"),
            title=world.marker("bid"),
            summary=world.marker("summary"),
            amount_requested_pence=5000,
            file=SimpleUploadedFile("bid.pdf", b"%PDF-1.4 " + world.marker("bidfile").encode()),
        ),
    )


def document(world: World) -> Document:
    return world.once(
        "commissioning_document",
        lambda: services.document_add(
            acting_user=world.staff.user,
            round_=commissioning_round(world),
            title=world.marker("document"),
            file=SimpleUploadedFile("spec.pdf", b"%PDF-1.4 " + world.marker("docfile").encode()),
        ),
    )


PROVIDERS: dict[str, Provider] = {
    "commissioning_id": lambda w: commissioning_round(w).pk,
    "bid_id": lambda w: bid(w).pk,
    "document_id": lambda w: document(w).pk,
}
