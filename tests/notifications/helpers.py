from __future__ import annotations

from coproduce.notifications.models import Message
from coproduce.notifications.services import contact_preference_set, message_send
from coproduce.organisations.models import Membership


def wants_texts(membership: Membership, mobile: str = "07700 900123") -> None:
    contact_preference_set(
        acting_user=membership.user, membership=membership, channel="sms", mobile=mobile
    )


def tell(membership: Membership, key: str = "news", kind: str = "idea_news") -> Message:
    message = message_send(
        organisation=membership.organisation,
        recipient=membership,
        kind=kind,
        dedupe_key=key,
        url="/projects/my-ideas/",
    )
    assert message is not None
    return message
