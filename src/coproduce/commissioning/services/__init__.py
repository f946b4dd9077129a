"""Writes for co-commissioning. Every rule a panel relies on is checked here, once.

Split by topic (setting a round up, each member's scoring, the panel's decisions); every
function is importable from here as `coproduce.commissioning.services.<name>`.
"""

from coproduce.commissioning.services.decisions import (
    agreed_score_record,
    award_set,
    bid_moderate,
    bid_reasons_save,
    round_finalise,
)
from coproduce.commissioning.services.scoring import (
    bid_score,
    briefing_confirm,
    declaration_make,
    score_save,
    scores_submit,
)
from coproduce.commissioning.services.setup import (
    ALLOWED_DOCUMENTS,
    DEFAULT_SCALE,
    MAX_UPLOAD_BYTES,
    bid_add,
    criterion_add,
    document_add,
    lot_add,
    panel_member_add,
    round_create,
)

__all__ = [
    "ALLOWED_DOCUMENTS",
    "DEFAULT_SCALE",
    "MAX_UPLOAD_BYTES",
    "agreed_score_record",
    "award_set",
    "bid_add",
    "bid_moderate",
    "bid_reasons_save",
    "bid_score",
    "briefing_confirm",
    "criterion_add",
    "declaration_make",
    "document_add",
    "lot_add",
    "panel_member_add",
    "round_create",
    "round_finalise",
    "score_save",
    "scores_submit",
]
