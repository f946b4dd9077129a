"""Tenancy: every tenant row carries its organisation and is read through a scope.

django-scopes refuses any query on a tenant model unless a scope is active; the
TenancyMiddleware activates the signed-in member's organisation for each request.
Access selectors below add an explicit organisation filter as well, so a leak
needs two mistakes, and they answer 404 whether an object is missing or foreign.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.http import Http404
from django.utils.encoding import force_str
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

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> str:
        # Django rebuilds a dict of every choice on each call, translating every label to hash
        # it; on a statement of a few hundred rows that was two fifths of the page. Look the
        # label up in a dict built once per field (labels stay lazy: the reader's language wins).
        value = getattr(self, field.attname)
        try:
            label = _choice_labels(field).get(value, value)
        except TypeError:  # an unhashable value (a list of choices): Django's way
            return str(super()._get_FIELD_display(field))  # type: ignore[misc]
        return str(force_str(label, strings_only=True))


@cache
def _choice_labels(field: models.Field[Any, Any]) -> dict[Any, Any]:
    return dict(field.flatchoices)


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


def settings_or_defaults(model: type[M], *, organisation: Organisation) -> M:
    """An organisation's settings row for `model`, or unsaved defaults until someone saves one.

    Every app keeps its per-organisation settings in one row; each app's selector
    `settings_for(organisation=...)` answers through this.
    """
    found = model._default_manager.filter(organisation=organisation).first()
    return found or model(organisation=organisation)
