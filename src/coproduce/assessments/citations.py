"""Evidence citations: an assessment's examples can cite records other apps hold.

A provider is `provider(organisation) -> list[Citable]`: the records (conversations,
sessions, ideas fed back...) a practitioner could point to as evidence. Each app registers
its own providers on `citable` from its `AppConfig.ready()`, for example projects:

    from coproduce.assessments import citations as assessment_citations
    from coproduce.projects import citations
    assessment_citations.citable.register(citations.project_sessions)

so an app above assessments offers its records without assessments importing it. This
app offers its own conversation records. A citation stores the record's content type and
id plus its label, date and link when cited, so the result page reads well even if the
record later changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext as _

from coproduce.assessments.models import Assessment, Citation, Conversation, Indicator
from coproduce.audit.services import audit_record
from coproduce.core.hooks import Registry

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation

MAX_CHOICES = 30


@dataclass
class Citable:
    record: models.Model
    label: str
    dated: Any  # datetime.date | None
    kind: str
    url: str = ""

    @property
    def token(self) -> str:
        ct = ContentType.objects.get_for_model(self.record)
        return f"{ct.pk}:{self.record.pk}"


# Providers of records an example may cite, registered by each app in AppConfig.ready().
citable: Registry[Callable[[Organisation], list[Citable]]] = Registry("citable")


def short(text: str, limit: int = 90) -> str:
    """One line of at most `limit` characters, for a citation's label."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def conversations(organisation: Organisation) -> list[Citable]:
    """Conversations with young people about a gap in a round (this app's own records)."""
    rows = Conversation.objects.filter(organisation=organisation).select_related(
        "indicator", "round"
    )[:MAX_CHOICES]
    return [
        Citable(
            record=c,
            label=f"{c.round.name}: {c.indicator.title}",
            dated=c.held_on,
            kind=_("Conversation with young people"),
        )
        for c in rows
    ]


def citable_for(organisation: Organisation) -> list[Citable]:
    """The most recent records any app offers, newest first."""
    found: list[Citable] = []
    for provider in citable:
        found.extend(provider(organisation))
    found.sort(key=lambda c: (c.dated is None, c.dated), reverse=False)
    return found[-MAX_CHOICES:][::-1]


def cited_in(assessment: Assessment) -> list[Citation]:
    return list(
        Citation.objects.filter(
            organisation=assessment.organisation, assessment=assessment
        ).select_related("indicator")
    )


def cited_for(*, assessment: Assessment, indicator: Indicator) -> list[Citation]:
    return list(
        Citation.objects.filter(
            organisation=assessment.organisation, assessment=assessment, indicator=indicator
        )
    )


def cite_from_post(
    *,
    acting_user: User | None,
    assessment: Assessment,
    indicator: Indicator,
    data: Mapping[str, Any],
) -> None:
    """Cite the records ticked on the page; only records offered to this organisation count."""
    getlist = getattr(data, "getlist", None)
    wanted = set(getlist("cite") if getlist else data.get("cite", []))
    if not wanted:
        return
    offered = {c.token: c for c in citable_for(assessment.organisation)}
    with transaction.atomic():
        for token in sorted(wanted & offered.keys()):
            item = offered[token]
            ct = ContentType.objects.get_for_model(item.record)
            _citation, created = Citation.objects.get_or_create(
                organisation=assessment.organisation,
                assessment=assessment,
                indicator=indicator,
                content_type=ct,
                object_id=item.record.pk,
                defaults={"label": item.label[:300], "dated": item.dated, "url": item.url},
            )
            if created:
                audit_record(
                    acting_user=acting_user,
                    organisation=assessment.organisation,
                    verb="assessment.cite",
                    target=assessment,
                    details={"indicator": indicator.key, "record": ct.model},
                )
