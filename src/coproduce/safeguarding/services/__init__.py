"""Writes for safeguarding, split by topic; `coproduce.safeguarding.services.<name>` works."""

from __future__ import annotations

from coproduce.safeguarding.services.concerns import (
    concern_acknowledge,
    concern_action_record,
    concern_close,
    concern_record,
    overdue_alerts_send,
)
from coproduce.safeguarding.services.retention import concerns_retention_apply
from coproduce.safeguarding.services.risk import (
    checklist_set,
    risk_assessment_mark_ready,
    risk_assessment_save,
    risk_assessment_sign_off,
)
from coproduce.safeguarding.services.session_staff import session_staff_set
from coproduce.safeguarding.services.team import safeguarding_settings_set, team_set
from coproduce.safeguarding.services.welfare import welfare_set

__all__ = [
    "checklist_set",
    "concern_acknowledge",
    "concern_action_record",
    "concern_close",
    "concern_record",
    "concerns_retention_apply",
    "overdue_alerts_send",
    "risk_assessment_mark_ready",
    "risk_assessment_save",
    "risk_assessment_sign_off",
    "safeguarding_settings_set",
    "session_staff_set",
    "team_set",
    "welfare_set",
]
