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

import functools
import uuid
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
    load_backend,
)
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_out
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.core.cache import DEFAULT_CACHE_ALIAS, cache
from django.db import transaction
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from coproduce.core.prepared import PreparedAcrossOrganisations
from coproduce.organisations.selectors import memberships_of

ENTRY = "member:{}"
PERSON_VERSION = "member-version:{}"
ORGANISATIONS_VERSION = "member-version:organisations"
# Memberships read with the user ride on it under this name (organisations' middleware).
MEMBERSHIPS_ATTRIBUTE = "cached_memberships"
# Whether they have two-step sign-in set up, read with the user.
TWO_STEP_ATTRIBUTE = "cached_two_step"


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


def _versions(found: dict[str, Any], *keys: str) -> tuple[str, ...]:
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            cache.add(key, uuid.uuid4().hex, None)
            version = cache.get(key)
        versions.append(str(version))
    return tuple(versions)


# This process's own copy of the entries it has read, kept with their versions: a request
# whose versions are still the current ones takes fresh copies of these objects instead of
# reading and unpickling the entry again (the versions are read from the shared cache on
# every request all the same, so a change is seen just as soon).
_LOCAL: dict[Any, tuple[tuple[str, ...], Any, list[Any], str]] = {}
_LOCAL_LIMIT = 2048


def _clone(instance: Any, seen: dict[int, Any]) -> Any:
    """A new instance with the same field values and related objects (copied too), so what a
    request changes on its objects never reaches this process's copy or another request."""
    done = seen.get(id(instance))
    if done is not None:
        return done
    cls = instance.__class__
    clone = cls.__new__(cls)
    seen[id(instance)] = clone
    values = instance.__dict__.copy()
    old_state = values["_state"]
    state = ModelState()
    state.db = old_state.db
    state.adding = old_state.adding
    related = old_state.__dict__.get("fields_cache")
    if related:
        state.fields_cache = {
            name: _clone(value, seen) if isinstance(value, Model) else value
            for name, value in related.items()
        }
    values["_state"] = state
    clone.__dict__ = values
    return clone


# Without the shared cache the user and their memberships are read on every signed-in
# request: prepared, as Django's look-ups cost ten times the queries (core.prepared).
_USER = PreparedAcrossOrganisations(
    lambda pk: get_user_model()._default_manager.filter(pk=pk).order_by(),
    pk=int,
)


def _user(user_id: Any, backend: Any) -> Any:
    """`backend.get_user(user_id)`: for Django's own look-up, the prepared one."""
    if type(backend).get_user is not ModelBackend.get_user:
        return backend.get_user(user_id)
    found = _USER(pk=user_id)
    return found[0] if found and backend.user_can_authenticate(found[0]) else None


def _from_database(user_id: Any, backend: Any) -> tuple[Any, list[Any], str]:
    """The active user with this id (or None), their memberships and their session hash."""
    user = _user(user_id, backend)
    if user is None:
        return None, [], ""
    return user, memberships_of(user), user.get_session_auth_hash()


def _entry(
    user_id: Any, backend: Any, read: dict[str, Any] | None = None
) -> tuple[Any, list[Any], str]:
    """Pristine user (or None), memberships and session hash for this id, current versions
    (taken from `read` when the session's read brought this person's along)."""
    person_key, entry_key = PERSON_VERSION.format(user_id), ENTRY.format(user_id)
    if not read or person_key not in read:
        read = cache.get_many([person_key, ORGANISATIONS_VERSION])
    versions = _versions(read, person_key, ORGANISATIONS_VERSION)
    local = _LOCAL.get(user_id)
    if local is not None and local[0] == versions:
        return local[1], local[2], local[3]
    entry = cache.get(entry_key)
    if entry is None or tuple(entry[:2]) != versions or len(entry) != 5:
        user, memberships, session_hash = _from_database(user_id, backend)
        if user is not None:
            # Asked on every page of an admin or manager (accounts.security): kept with them,
            # and forgotten when an authenticator is added or removed (connect(), below).
            setattr(user, TWO_STEP_ATTRIBUTE, is_mfa_enabled(user))
        entry = (*versions, user, memberships, session_hash)
        cache.set(entry_key, entry, settings.MEMBER_CACHE_SECONDS)
    if len(_LOCAL) >= _LOCAL_LIMIT:
        _LOCAL.clear()
    _LOCAL[user_id] = (versions, entry[2], entry[3], entry[4])
    return entry[2], entry[3], entry[4]


def _person(user_id: Any, backend: Any, read: dict[str, Any] | None = None) -> tuple[Any, str]:
    if not enabled():
        user, memberships, session_hash = _from_database(user_id, backend)
    else:
        user, memberships, session_hash = _entry(user_id, backend, read)
        if user is not None:  # copies: what a request changes never reaches the kept ones
            seen: dict[int, Any] = {}
            user = _clone(user, seen)
            memberships = [_clone(m, seen) for m in memberships]
    if user is None:
        return None, ""
    setattr(user, MEMBERSHIPS_ATTRIBUTE, memberships)
    return user, session_hash


def person(user_id: Any, backend: Any) -> Any:
    """The active user with this id (None if there is none), with their memberships."""
    return _person(user_id, backend)[0]


@functools.cache
def _backend(path: str) -> Any:
    return load_backend(path)  # a new instance on every call otherwise; backends keep no state


# Whose each session was when this process last saw it, so the next request can read the
# session and that person's versions in one round trip to the shared cache, not two.
_OWNERS: dict[str, Any] = {}


def _read_session_with_versions(request: HttpRequest) -> dict[str, Any]:
    """Loads the session (as Django's cached_db would, from the shared cache) in the same
    round trip as its last owner's versions, which it returns. A session not in the cache,
    or one this process has not seen, is left to load as usual."""
    session = request.session
    key = session.session_key
    if (
        key is None
        or not isinstance(session, CachedDBStore)
        or settings.SESSION_CACHE_ALIAS != DEFAULT_CACHE_ALIAS
        or hasattr(session, "_session_cache")
    ):
        return {}
    owner = _OWNERS.get(key)
    keys = [session.cache_key]
    if owner is not None:
        keys += [PERSON_VERSION.format(owner), ORGANISATIONS_VERSION]
    kept = getattr(cache, "get_many_kept", None)  # Redis's: no round trip while nothing changed
    read: dict[str, Any] = (
        kept(keys, confirm_seconds=settings.MEMBER_CACHE_CONFIRM_SECONDS)
        if kept is not None
        else cache.get_many(keys)
    )
    data = read.pop(session.cache_key, None)
    if data is not None:
        session._session_cache = data  # type: ignore[attr-defined]  # what load() would set
        session.accessed = True  # as reading it through the store would (Vary: Cookie)
    return read


def get_user(request: HttpRequest) -> Any:
    """Django's `auth.get_user`, with the user (and memberships) from the shared cache when
    it is on, else read from the database together."""
    user = None
    read = _read_session_with_versions(request) if enabled() else {}
    try:
        user_id = get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            user, current = _person(user_id, _backend(backend_path), read)
            if user is not None:
                session_hash = request.session.get(HASH_SESSION_KEY)
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
    key = request.session.session_key
    if user is not None and key is not None and enabled():
        if len(_OWNERS) >= _LOCAL_LIMIT * 8:
            _OWNERS.clear()
        _OWNERS[key] = user.pk
    return user or AnonymousUser()


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, reading the signed-in person and their memberships together, through the
    shared cache when it is on."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        # Read now, not lazily: nearly every request asks who it is (the tenancy, the log
        # line), and each question through a lazy proxy costs more than the read.
        request.user = get_user(request)


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
            _membership_saved,  # it carries user_id too
            sender="mfa.Authenticator",
            dispatch_uid=f"member-cache-authenticator-{id(signal)}",
        )
        signal.connect(
            _organisation_saved,
            sender="organisations.Organisation",
            dispatch_uid=f"member-cache-organisation-{id(signal)}",
        )
    user_logged_out.connect(_signed_out, dispatch_uid="member-cache-signed-out")
