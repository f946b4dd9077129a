"""Writes for inclusion (split by topic; import them from here)."""

from __future__ import annotations

from coproduce.core.imports import ImportProblem
from coproduce.inclusion.services.importing import (
    ALL_COLUMNS,
    PeopleCheck,
    PeopleImport,
    PersonRow,
    people_check,
    people_import,
)
from coproduce.inclusion.services.payments import payment_decide, payment_record
from coproduce.inclusion.services.people import (
    area_deciles_save,
    equality_clear,
    equality_save,
    needs_save,
    settings_save,
)
from coproduce.inclusion.services.receipts import clean_receipt, receipt_attach

__all__ = [
    "ALL_COLUMNS",
    "ImportProblem",
    "PeopleCheck",
    "PeopleImport",
    "PersonRow",
    "area_deciles_save",
    "clean_receipt",
    "equality_clear",
    "equality_save",
    "needs_save",
    "payment_decide",
    "payment_record",
    "people_check",
    "people_import",
    "receipt_attach",
    "settings_save",
]
