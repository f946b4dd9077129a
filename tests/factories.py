"""factory_boy factories for the foundation models. Apps add their own beside their tests."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from coproduce.accounts.models import User
from coproduce.organisations.models import Membership, Organisation, Service
from coproduce.organisations.roles import Role

PASSWORD = "correct-horse-battery"


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class ServiceFactory(factory.django.DjangoModelFactory[Service]):
    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")

    @factory.post_generation
    def password(self: User, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PRACTITIONER

    @factory.post_generation
    def two_factor(self: Membership, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        """Admins and managers must use two-step sign-in; give them an authenticator unless
        a test asks for `two_factor=False`."""
        if create and extracted is not False and self.role in {Role.ADMIN, Role.MANAGER}:
            add_totp(self.user)


TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def add_totp(user: User) -> None:
    from allauth.mfa.models import Authenticator

    from coproduce.accounts.security import MFAAdapter

    Authenticator.objects.get_or_create(
        user=user,
        type=Authenticator.Type.TOTP,
        defaults={"data": {"secret": MFAAdapter().encrypt(TOTP_SECRET)}},
    )


class YoungPersonFactory(MembershipFactory):
    role = Role.YOUNG_PERSON
    user = factory.SubFactory(
        UserFactory, email="", date_of_birth=datetime.date(2010, 5, 17), preferred_name="Sky"
    )


def totp_now(secret: str = TOTP_SECRET, at: float | None = None) -> str:
    """The current six-digit code for a base32 secret (RFC 6238), as a phone app shows it."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"
