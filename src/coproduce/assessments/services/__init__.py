"""Writes for self-assessment: rounds, assessments, scores, corrections, conversations.

Split by topic; import from here (`from coproduce.assessments import services`):
- `rounds`: settings, opening and closing rounds, conversations, when the next round is due;
- `answers`: starting an assessment, saving answers (and corrections), submitting.
"""

# The settings read lives in selectors; re-exported for callers of the old path.
from coproduce.assessments.selectors import settings_for
from coproduce.assessments.services.answers import (
    MIN_EXAMPLE_CHARS,
    MIN_EXAMPLE_WORDS,
    Answer,
    Missing,
    answers_save,
    assessment_start,
    assessment_submit,
    example_is_generic,
    submit_problems,
)
from coproduce.assessments.services.rounds import (
    NextRound,
    add_months,
    conversation_record,
    next_round_due,
    next_rounds_due,
    round_close,
    round_open,
    settings_update,
)

__all__ = [
    "MIN_EXAMPLE_CHARS",
    "MIN_EXAMPLE_WORDS",
    "Answer",
    "Missing",
    "NextRound",
    "add_months",
    "answers_save",
    "assessment_start",
    "assessment_submit",
    "conversation_record",
    "example_is_generic",
    "next_round_due",
    "next_rounds_due",
    "round_close",
    "round_open",
    "settings_for",
    "settings_update",
    "submit_problems",
]
