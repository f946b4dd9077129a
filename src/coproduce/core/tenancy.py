"""Tenancy: every tenant row carries its organisation and is read through a scope.

django-scopes refuses any query on a tenant model unless a scope is active; the
TenancyMiddleware activates the signed-in member's organisation for each request.
Access selectors below add an explicit organisation filter as well, so a leak
needs two mistakes, and they answer 404 whether an object is missing or foreign.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.http import Http404
from django_scopes import ScopedManager, scope, scopes_disabled

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

M = TypeVar("M", bound=models.Model)


class TenantModel(models.Model):
    """Base for every row that belongs to one organisation."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )

    # A ScopedManager refuses any query unless a scope is active (django-scopes).
    objects = ScopedManager(organisation="organisation")

    class Meta:
        abstract = True


@contextmanager
def organisation_scope(organisation: Organisation | int | None) -> Iterator[None]:
    """Activate one organisation (None activates an empty scope that matches nothing)."""
    if organisation is None:
        value: list[int] = []
    else:
        value = [organisation if isinstance(organisation, int) else organisation.pk]
    with scope(organisation=value):
        yield


@contextmanager
def all_organisations() -> Iterator[None]:
    """For infrastructure only: commands that sweep every organisation, the demo loader."""
    with scopes_disabled():
        yield


def get_for(
    queryset: models.QuerySet[M] | type[M], *, organisation: Organisation | None, **lookup: Any
) -> M:
    """Fetch one tenant object for an organisation, or raise Http404."""
    if organisation is None:
        raise Http404
    qs = queryset if isinstance(queryset, models.QuerySet) else queryset._default_manager.all()
    obj = qs.filter(organisation=organisation, **lookup).first()
    if obj is None:
        raise Http404
    return obj
