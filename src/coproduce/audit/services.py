from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from coproduce.audit.models import AuditEvent

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


def audit_record(
    *,
    acting_user: User | None,
    organisation: Organisation,
    verb: str,
    target: models.Model,
    changed_fields: Iterable[str] = (),
    details: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Record one write. Must run inside the same transaction as the write it records."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the write's transaction")
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=acting_user if acting_user and acting_user.is_authenticated else None,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        changed_fields=sorted(set(changed_fields)),
        details=dict(details or {}),
    )


def changed_fields(instance: models.Model, before: Mapping[str, Any]) -> list[str]:
    """Names of the fields whose values differ from a snapshot taken before editing."""
    return [name for name, old in before.items() if getattr(instance, name) != old]


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


def record_view(
    *, viewer: User, organisation: Organisation, person: models.Model, page: str
) -> None:
    """A member of staff looked at a young person's record (who viewed what, and when).

    Reads are not writes, so this opens its own small transaction.
    """
    with transaction.atomic():
        audit_record(
            acting_user=viewer,
            organisation=organisation,
            verb="person.view",
            target=person,
            details={"page": page},
        )
