"""Keys for encrypted fields (authenticator secrets), apart from SECRET_KEY.

FIELD_ENCRYPTION_KEYS lists keys newest first: the first encrypts, every one decrypts, so a
new key goes in front, `coproduce rotate_field_keys` re-encrypts, and the old key can go.
A key is any long random string (`openssl rand -base64 32`); a Fernet key is derived from it.
SECRET_KEY (and its fallbacks) still decrypt what was stored before these keys existed.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["InvalidToken", "decrypt", "encrypt", "field_fernet", "rotate"]


def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


def field_fernet() -> MultiFernet:
    keys = list(settings.FIELD_ENCRYPTION_KEYS)
    # Before FIELD_ENCRYPTION_KEYS, secrets were encrypted with a key derived from these.
    legacy = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(k) for k in dict.fromkeys([*keys, *legacy]) if k])


def encrypt(text: str) -> str:
    return field_fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return field_fernet().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """The same secret, encrypted with the first key."""
    return field_fernet().rotate(token.encode()).decode()
