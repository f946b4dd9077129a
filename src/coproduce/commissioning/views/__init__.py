"""Pages for commissioning rounds: set-up (staff), scoring (each panel member), the
moderation meeting, the decision and its exports.

Split by topic; every view is importable from here as `coproduce.commissioning.views.<name>`.
"""

from coproduce.commissioning.views.decisions import (
    bid_moderate,
    decision_pdf,
    feedback_letter,
    finalise,
    matrix_csv,
    matrix_xlsx,
    moderation,
)
from coproduce.commissioning.views.rounds import (
    bid_add,
    bid_file,
    criterion_add,
    document_add,
    document_download,
    index,
    lot_add,
    panel_add,
    round_detail,
    round_new,
)
from coproduce.commissioning.views.scoring import (
    bid_declare,
    bid_score,
    score_home,
    scores_submit,
)

__all__ = [
    "bid_add",
    "bid_declare",
    "bid_file",
    "bid_moderate",
    "bid_score",
    "criterion_add",
    "decision_pdf",
    "document_add",
    "document_download",
    "feedback_letter",
    "finalise",
    "index",
    "lot_add",
    "matrix_csv",
    "matrix_xlsx",
    "moderation",
    "panel_add",
    "round_detail",
    "round_new",
    "score_home",
    "scores_submit",
]
