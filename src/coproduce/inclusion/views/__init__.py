"""Pages for inclusion, split by topic."""

from coproduce.inclusion.views.asking import who_to_ask
from coproduce.inclusion.views.equality import about_you, areas_edit, equality_report, settings_edit
from coproduce.inclusion.views.payments import (
    payment_add,
    payment_decide,
    payment_receipt,
    payment_receipt_add,
    payments,
    payments_export,
)
from coproduce.inclusion.views.people import (
    needs_edit,
    people_export,
    people_import,
    people_import_preview,
)

__all__ = [
    "about_you",
    "areas_edit",
    "equality_report",
    "needs_edit",
    "payment_add",
    "payment_decide",
    "payment_receipt",
    "payment_receipt_add",
    "payments",
    "payments_export",
    "people_export",
    "people_import",
    "people_import_preview",
    "settings_edit",
    "who_to_ask",
]
