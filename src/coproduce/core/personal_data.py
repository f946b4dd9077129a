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

from collections.abc import Iterable
from typing import Any

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


def _actor_fields() -> dict[str, set[str]]:
    actors: dict[str, set[str]] = {}
    for provider in providers():
        for label, names in provider.actor_fields.items():
            actors.setdefault(label, set()).update(names)
    return actors


def rows_about(membership: Any, *, skip: Iterable[str] = ()) -> dict[str, set[str]]:
    """The primary keys (as text) of every row that is about this person in their
    organisation: their membership and account, rows linking to them by a field that is not
    an actor field, and rows linking to those rows (their scores through their panel seat,
    the entries of their credit account). Links only lead *to* the person's rows, so a shared
    row (a project, a session) is never taken as theirs. The audit trail uses it to find what
    was done to them.
    """
    found: dict[str, set[str]] = {
        "organisations.membership": {str(membership.pk)},
        "accounts.user": {str(membership.user_id)},
    }
    actors = _actor_fields()
    skipped = set(skip) | set(PEOPLE)
    models = [
        m
        for m in apps.get_models()
        if m.__module__.startswith("coproduce.") and m._meta.label_lower not in skipped
    ]
    for _round in range(3):  # a person's rows are at most a few links away from them
        grew = False
        for model in models:
            label = model._meta.label_lower
            links = [
                f
                for f in model._meta.get_fields()
                if (f.concrete or (f.many_to_many and not f.auto_created))
                and f.is_relation
                and _label(f.related_model) in found
                and f.name not in actors.get(label, set())
            ]
            tenant = any(f.name == "organisation" for f in model._meta.concrete_fields)
            pks: set[str] = set()
            for f in links:  # one query per link: no OR across a many-to-many join
                rows = model._default_manager.filter(
                    **{f"{f.name}__in": sorted(found[_label(f.related_model)])}
                )
                if tenant:
                    rows = rows.filter(organisation_id=membership.organisation_id)
                pks.update(str(pk) for pk in rows.values_list("pk", flat=True).distinct())
            if not pks <= found.get(label, set()):
                found.setdefault(label, set()).update(pks)
                grew = True
        if not grew:
            break
    return found
