"""Monitoring holds nothing about a person: a narrative only says which member of staff wrote
it, and a person's actions are exported from the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS: list[str] = []


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {}


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Nothing to remove: see the module docstring."""


PROVIDER = PersonalData(
    app="monitoring",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={"monitoring.narrative": {"updated_by"}},
)
