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

# Fields that only say which member of staff did something (recorded, changed, decided).
# They are not data *about* that person: a person's actions are exported from the audit trail.
ACTOR_FIELDS: dict[str, set[str]] = {
    "projects.stagechange": {"changed_by"},
    "projects.idea": {"owner", "recorded_by"},
    "credits.entry": {"acting_user"},
    "credits.recognition": {"awarded_by"},
    "consent.consent": {"recorded_by"},
    "media.mediaitem": {"uploaded_by"},
    "commissioning.round": {"decided_by"},
    "commissioning.agreedscore": {"recorded_by"},
    "assessments.assessment": {"led_by"},
    "assessments.scorecorrection": {"corrected_by"},
    "assessments.conversation": {"recorded_by"},
    "accounts.signincode": {"created_by"},
    "monitoring.narrative": {"updated_by"},
    "outcomes.outcomesettings": {"updated_by"},
}


def providers() -> list[ModuleType]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("coproduce."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.personal_data")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.personal_data":
                raise
            continue
        if hasattr(module, "export"):  # this module itself is the interface, not a provider
            found.append(module)
    return found


PEOPLE = ("accounts.user", "organisations.membership")


def _label(model: object) -> str:
    meta = getattr(model, "_meta", None)
    return str(meta.label_lower) if meta is not None else ""


def unlisted_models() -> list[str]:
    """Models that hold a link to a person but that no provider exports or erases.

    A model is covered when a provider lists it in MODELS, or when every link it has to a
    person is an ACTOR_FIELDS entry (it only says which member of staff did something).
    """
    listed = {label for provider in providers() for label in provider.MODELS}
    missing = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if not model.__module__.startswith("coproduce.") or label in listed:
            continue
        links = {
            f.name
            for f in model._meta.get_fields()
            if f.concrete and f.is_relation and _label(f.related_model) in PEOPLE
        }
        if label in PEOPLE or links - ACTOR_FIELDS.get(label, set()):
            missing.append(label)
    return sorted(missing)
