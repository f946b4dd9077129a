from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from coproduce.core.api_auth import auth_membership
from coproduce.core.api_schema import Pagination
from coproduce.organisations import selectors
from coproduce.organisations.models import Membership

router = Router(tags=["Organisation"])


class ServiceOut(Schema):
    id: int
    name: str
    description: str
    is_active: bool


class PersonOut(Schema):
    id: int
    username: str
    display_name: str
    role: str
    is_active: bool
    joined_on: datetime.date

    @staticmethod
    def resolve_username(membership: Membership) -> str:
        return membership.user.username

    @staticmethod
    def resolve_display_name(membership: Membership) -> str:
        return membership.user.display_name


@router.get("/services", response=list[ServiceOut])
def list_services(request: HttpRequest) -> list[ServiceOut]:
    return [
        ServiceOut.from_orm(s)
        for s in selectors.services_for(organisation=auth_membership(request).organisation)
    ]


@router.get("/services/{service_id}", response=ServiceOut)
def get_service(request: HttpRequest, service_id: int) -> ServiceOut:
    return ServiceOut.from_orm(
        selectors.get_service_for(organisation=auth_membership(request).organisation, pk=service_id)
    )


@router.get("/people", response=list[PersonOut])
@paginate(Pagination)
def list_people(request: HttpRequest, role: str | None = None) -> QuerySet[Membership]:
    """Everyone in the organisation, a page at a time (`limit`, `offset`), oldest first."""
    organisation = auth_membership(request).organisation
    return selectors.people_for(organisation=organisation, role=role).order_by("pk")


@router.get("/people/{membership_id}", response=PersonOut)
def get_person(request: HttpRequest, membership_id: int) -> Membership:
    return selectors.get_person_for(
        organisation=auth_membership(request).organisation, pk=membership_id
    )
