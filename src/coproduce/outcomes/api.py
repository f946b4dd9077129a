from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from ninja import Router, Schema

from coproduce.core.api_auth import auth_membership
from coproduce.outcomes import selectors as sel

router = Router(tags=["Outcomes"])


class ChangeOut(Schema):
    measure: str
    first: Decimal | None
    latest: Decimal | None


class BeforeAfterOut(Schema):
    project_id: int
    young_people: int
    shown: bool
    changes: list[ChangeOut]


@router.get("/projects/{project_id}", response=BeforeAfterOut)
def project_before_after(request: HttpRequest, project_id: int) -> BeforeAfterOut:
    """Average first and latest answers per measure; empty when fewer than 5 young people."""
    project = sel.get_project_for(organisation=auth_membership(request).organisation, pk=project_id)
    result = sel.before_after(project)
    return BeforeAfterOut(
        project_id=project.pk,
        young_people=result.people,
        shown=result.shown,
        changes=[ChangeOut(measure=c.key, first=c.before, latest=c.after) for c in result.changes],
    )
