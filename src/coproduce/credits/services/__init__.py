"""Writes for time credits: earning, spending, giving and recognition, all through ledger.post().

Split by topic; every function is importable from here as `coproduce.credits.services.<name>`.
"""

from coproduce.core.imports import ImportProblem
from coproduce.credits.services.check_ins import (
    CHECK_IN_MAX_AGE,
    CHECK_IN_SALT,
    check_in_code,
    check_in_toggle,
    check_in_token,
    check_ins_confirm,
    session_for_code,
    session_id_from_token,
)
from coproduce.credits.services.earning import (
    accreditation_record,
    credits_award,
    credits_give,
    credits_issue_for_session,
)
from coproduce.credits.services.importing import (
    IMPORT_COLUMNS,
    ImportResult,
    hours_import,
)
from coproduce.credits.services.milestones import (
    default_milestones_create,
    milestone_remove,
    milestone_save,
    sanctioned_time_record,
)
from coproduce.credits.services.rewards import (
    redemption_cancel,
    redemption_cancel_own,
    reward_create,
    reward_redeem,
)
from coproduce.credits.services.settings import credit_settings_update

__all__ = [
    "CHECK_IN_MAX_AGE",
    "CHECK_IN_SALT",
    "IMPORT_COLUMNS",
    "ImportProblem",
    "ImportResult",
    "accreditation_record",
    "check_in_code",
    "check_in_toggle",
    "check_in_token",
    "check_ins_confirm",
    "credit_settings_update",
    "credits_award",
    "credits_give",
    "credits_issue_for_session",
    "default_milestones_create",
    "hours_import",
    "milestone_remove",
    "milestone_save",
    "redemption_cancel",
    "redemption_cancel_own",
    "reward_create",
    "reward_redeem",
    "sanctioned_time_record",
    "session_for_code",
    "session_id_from_token",
]
