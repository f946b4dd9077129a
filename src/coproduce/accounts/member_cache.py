"""The signed-in person and their memberships, from the shared cache (MEMBER_CACHE_SECONDS).

Every signed-in request needs the user and their memberships; read from the database that is
two queries and most of a bare request's time. With the cache on (by default when REDIS_URL is
set) they are read once and kept under the person's id with two versions beside them: the
person's own, changed whenever their user row or one of their memberships is saved or deleted,
or they sign out; and one for every organisation, changed when any organisation is saved. A
request reads the entry and both versions in one round trip and uses the entry only if its
versions are the current ones, so a role change, a removal, a deactivation or a new password
is seen by every server on the very next request. Versions are random tokens, not counters: a
version the cache evicts comes back as a new token, which no entry carries.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
    load_backend,
)
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_out
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from coproduce.organisations.selectors import memberships_of

ENTRY = "member:{}"
PERSON_VERSION = "member-version:{}"
ORGANISATIONS_VERSION = "member-version:organisations"
# Memberships read with the user ride on it under this name (organisations' middleware).
MEMBERSHIPS_ATTRIBUTE = "cached_memberships"


def enabled() -> bool:
    return int(getattr(settings, "MEMBER_CACHE_SECONDS", 0)) > 0


def _new_version(key: str) -> None:
    cache.set(key, uuid.uuid4().hex, None)


def _bump(key: str) -> None:
    # Now, so this transaction's own later reads miss; and again once it commits, so no
    # request that read the old rows meanwhile can have left them in place.
    _new_version(key)
    transaction.on_commit(lambda: _new_version(key))


def forget_person(user_id: int | None) -> None:
    """Every server reads this person (user and memberships) afresh on their next request."""
    if user_id is not None and enabled():
        _bump(PERSON_VERSION.format(user_id))


def forget_organisations() -> None:
    """Every cached membership's organisation is read afresh."""
    if enabled():
        _bump(ORGANISATIONS_VERSION)


def _versions(found: dict[str, Any], *keys: str) -> list[str]:
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            cache.add(key, uuid.uuid4().hex, None)
            version = cache.get(key)
        versions.append(str(version))
    return versions


def person(user_id: Any, backend: Any) -> Any:
    """The active user with this id (None if there is none), with their memberships."""
    person_key, entry_key = PERSON_VERSION.format(user_id), ENTRY.format(user_id)
    found = cache.get_many([entry_key, person_key, ORGANISATIONS_VERSION])
    versions = _versions(found, person_key, ORGANISATIONS_VERSION)
    entry = found.get(entry_key)
    if entry is not None and list(entry[:2]) == versions:
        user = entry[2]
        if user is not None:
            setattr(user, MEMBERSHIPS_ATTRIBUTE, entry[3])
        return user
    user = backend.get_user(user_id)
    memberships = memberships_of(user) if user is not None else []
    cache.set(entry_key, (*versions, user, memberships), settings.MEMBER_CACHE_SECONDS)
    if user is not None:
        setattr(user, MEMBERSHIPS_ATTRIBUTE, memberships)
    return user


def get_user(request: HttpRequest) -> Any:
    """Django's `auth.get_user`, with the user (and memberships) from the shared cache."""
    user = None
    try:
        user_id = get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            user = person(user_id, load_backend(backend_path))
            if user is not None:
                session_hash = request.session.get(HASH_SESSION_KEY)
                current = user.get_session_auth_hash()
                if not (session_hash and constant_time_compare(session_hash, current)):
                    if session_hash and any(
                        constant_time_compare(session_hash, fallback)
                        for fallback in user.get_session_auth_fallback_hash()
                    ):
                        request.session.cycle_key()
                        request.session[HASH_SESSION_KEY] = current
                    else:
                        request.session.flush()
                        user = None
    return user or AnonymousUser()


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, reading the signed-in person through the shared cache when it is on."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        if enabled():
            request.user = SimpleLazyObject(lambda: get_user(request))  # type: ignore[assignment]


def _person_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget_person(instance.pk)


def _membership_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget_person(instance.user_id)


def _organisation_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget_organisations()


def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    forget_person(getattr(user, "pk", None))


def connect() -> None:
    """Called once from the accounts app's ready()."""
    user_model = get_user_model()
    for signal in (post_save, post_delete):
        signal.connect(
            _person_saved, sender=user_model, dispatch_uid=f"member-cache-user-{id(signal)}"
        )
        signal.connect(
            _membership_saved,
            sender="organisations.Membership",
            dispatch_uid=f"member-cache-membership-{id(signal)}",
        )
        signal.connect(
            _organisation_saved,
            sender="organisations.Organisation",
            dispatch_uid=f"member-cache-organisation-{id(signal)}",
        )
    user_logged_out.connect(_signed_out, dispatch_uid="member-cache-signed-out")
