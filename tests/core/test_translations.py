"""Scenario: every page asks for dozens of interface strings in English or Welsh. Looking one
up must not walk through catalogues that hold nothing, and must still find every translation
Django and the project give."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import trans_real

from coproduce.core.translations import drop_empty_fallbacks, empty_catalogue


def _chain(code: str) -> list[Any]:
    node: Any = trans_real.translation(code)
    found = []
    while node is not None:
        found.append(node)
        node = getattr(node, "_fallback", None)
    return found


def test_no_empty_catalogue_is_left_in_either_languages_chain() -> None:
    drop_empty_fallbacks()
    for code in ("en-gb", "cy"):
        empty = [node for node in _chain(code) if empty_catalogue(node)]
        assert empty == [], code


def test_strings_still_come_out_in_each_language() -> None:
    drop_empty_fallbacks()
    with translation.override("en-gb"):
        assert translation.gettext("Sign out") == "Sign out"
        assert translation.ngettext("%d idea", "%d ideas", 3) == "%d ideas"
        assert translation.gettext("This field is required.") == "This field is required."
    with translation.override("cy"):
        assert translation.gettext("Sign out") == "Allgofnodi"
        assert translation.gettext("due %(when)s") == "erbyn %(when)s"
        assert translation.gettext("This field is required.") == "Mae angen y maes hwn."
        # One of Django's own, from Django's Welsh catalogue.
        assert translation.gettext("Enter a whole number.") == "Rhowch cyfanrif."
