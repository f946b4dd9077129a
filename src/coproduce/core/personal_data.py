"""Where each app says what personal data it holds, for UK GDPR rights.

Every app whose models hold data about a person provides `coproduce.<app>.personal_data`
with:

    MODELS: list[str]   # model labels it covers, e.g. ["projects.attendance"]
    def export(membership: Membership) -> dict[str, list[dict[str, Any]]]
        # everything held about that person in this organisation, JSON-ready
    def erase(membership: Membership, *, acting_user: User | None) -> None
        # anonymise in place: remove what identifies them, keep totals and statistics right

The subject-access export and erasure (consent app) call every provider found here, and a
test fails when a model with a link to a person is not listed in any provider's MODELS.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from django.apps import apps


def providers() -> list[ModuleType]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("coproduce."):
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.personal_data"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.personal_data":
                raise
    return found
