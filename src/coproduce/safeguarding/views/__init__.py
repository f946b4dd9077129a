"""Pages for safeguarding, split by topic."""

from __future__ import annotations

from coproduce.safeguarding.views.concerns import (
    acknowledge,
    action_add,
    chronology,
    close,
    concern,
    index,
    new,
)
from coproduce.safeguarding.views.risk import (
    checklist,
    ready,
    risk,
    session_staff,
    sheet,
    sign_off,
)
from coproduce.safeguarding.views.team import safeguarding_settings, team
from coproduce.safeguarding.views.welfare import welfare, welfare_edit

__all__ = [
    "acknowledge",
    "action_add",
    "checklist",
    "chronology",
    "close",
    "concern",
    "index",
    "new",
    "ready",
    "risk",
    "safeguarding_settings",
    "session_staff",
    "sheet",
    "sign_off",
    "team",
    "welfare",
    "welfare_edit",
]
