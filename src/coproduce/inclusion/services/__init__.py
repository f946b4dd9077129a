"""Writes for inclusion (split by topic; import them from here)."""

from __future__ import annotations

from coproduce.core.imports import ImportProblem
from coproduce.inclusion.services.importing import PeopleImport, people_import
from coproduce.inclusion.services.payments import payment_decide, payment_record
from coproduce.inclusion.services.people import (
    area_deciles_save,
    equality_clear,
    equality_save,
    needs_save,
    settings_save,
)

__all__ = [
    "ImportProblem",
    "PeopleImport",
    "area_deciles_save",
    "equality_clear",
    "equality_save",
    "needs_save",
    "payment_decide",
    "payment_record",
    "people_import",
    "settings_save",
]
