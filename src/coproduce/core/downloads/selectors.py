"""Reading prepared files: only ever the requester's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.core.models import PreparedFile
from coproduce.core.tenancy import get_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


def get_prepared_for(
    *, organisation: Organisation | None, requester: User, pk: int
) -> PreparedFile:
    """One file the person asked for in this organisation; 404 for anyone else's."""
    return get_for(PreparedFile, organisation=organisation, pk=pk, requester_id=requester.pk)
