from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from coproduce.api import auth_membership
from coproduce.organisations import selectors

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


def _person(m: object) -> PersonOut:
    from coproduce.organisations.models import Membership

    assert isinstance(m, Membership)
    return PersonOut(
        id=m.pk,
        username=m.user.username,
        display_name=m.user.display_name,
        role=m.role,
        is_active=m.is_active,
        joined_on=m.joined_on,
    )


@router.get("/people", response=list[PersonOut])
def list_people(request: HttpRequest, role: str | None = None) -> list[PersonOut]:
    return [
        _person(m)
        for m in selectors.people_for(organisation=auth_membership(request).organisation, role=role)
    ]


@router.get("/people/{membership_id}", response=PersonOut)
def get_person(request: HttpRequest, membership_id: int) -> PersonOut:
    return _person(
        selectors.get_person_for(
            organisation=auth_membership(request).organisation, pk=membership_id
        )
    )
