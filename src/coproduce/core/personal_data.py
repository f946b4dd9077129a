"""Where each app says what personal data it holds, for UK GDPR rights.

Every app whose models hold data about a person defines, in `coproduce/<app>/personal_data.py`,

    PROVIDER = PersonalData(app=..., models=MODELS, export=export, erase=erase,
                            actor_fields={...}, files=...)

(see `coproduce.core.hooks.PersonalData`) and registers it in its `AppConfig.ready()` with
`hooks.personal_data.register(personal_data.PROVIDER)`. `export(membership)` returns everything
held about that person in this organisation, JSON-ready; `erase(membership, acting_user=...)`
anonymises in place, removing what identifies them and keeping totals and statistics right;
`actor_fields` names the fields that only say which member of staff did something; `files`
(optional) gives the stored files about the person for the download.

The subject-access export and erasure (consent app) call every registered provider, and a test
fails when a model with a link to a person is in no provider's `models` and its links are not
all `actor_fields`.
"""

from __future__ import annotations

from django.apps import apps

from coproduce.core import hooks
from coproduce.core.hooks import PersonalData


def providers() -> list[PersonalData]:
    """Every registered provider, in INSTALLED_APPS order."""
    return list(hooks.personal_data)


PEOPLE = ("accounts.user", "organisations.membership")


def _label(model: object) -> str:
    meta = getattr(model, "_meta", None)
    return str(meta.label_lower) if meta is not None else ""


def unlisted_models() -> list[str]:
    """Models that hold a link to a person but that no provider exports or erases.

    A model is covered when a provider lists it in `models`, or when every link it has to a
    person is one of a provider's `actor_fields` for it (they only say which member of staff
    did something; a person's actions are exported from the audit trail).
    """
    found = providers()
    listed = {label for provider in found for label in provider.models}
    actors: dict[str, set[str]] = {}
    for provider in found:
        for label, names in provider.actor_fields.items():
            actors.setdefault(label, set()).update(names)
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
        if label in PEOPLE or links - actors.get(label, set()):
            missing.append(label)
    return sorted(missing)
