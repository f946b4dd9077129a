"""Evidence citations: an assessment's examples can cite records other apps hold.

A small generic mechanism. Any app may list providers in its AppConfig:

    citable = ["coproduce.projects.citations.recent"]

each `provider(organisation) -> list[Citable]`, returning the records (sessions, ideas,
credits, recognition...) a practitioner could point to as evidence. Providers for apps that
do not declare their own live here (projects' sessions and "You said – we did"). A citation stores the
record's content type and id plus its label and date when cited, so the result page reads
well even if the record later changes. This app offers its own conversation records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.module_loading import import_string

from coproduce.accounts.models import User
from coproduce.assessments.models import Assessment, Citation, Conversation, Indicator
from coproduce.audit.services import audit_record
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


def conversations(organisation: Organisation) -> list[Citable]:
    from django.utils.translation import gettext as _

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


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def project_sessions(organisation: Organisation) -> list[Citable]:
    """Sessions recorded in the projects app (when it is installed)."""
    if not apps.is_installed("coproduce.projects"):
        return []
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from coproduce.projects.models import Session

    rows = (
        Session.objects.filter(organisation=organisation)
        .select_related("project")
        .order_by("-date", "-pk")[:MAX_CHOICES]
    )
    return [
        Citable(
            record=s,
            label=_short(f"{s.project.name}: {s.activity}"),
            dated=s.date,
            kind=_("Session"),
            url=reverse("projects:detail", kwargs={"project_id": s.project_id}),
        )
        for s in rows
    ]


def you_said_we_did(organisation: Organisation) -> list[Citable]:
    """Ideas from young people that were answered and fed back (projects app)."""
    if not apps.is_installed("coproduce.projects"):
        return []
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from coproduce.projects.models import Idea

    rows = (
        Idea.objects.filter(organisation=organisation, response__feedback_given_on__isnull=False)
        .select_related("response", "project")
        .order_by("-response__feedback_given_on", "-pk")[:MAX_CHOICES]
    )
    found = []
    for idea in rows:
        assert idea.response is not None
        found.append(
            Citable(
                record=idea,
                label=_short(
                    _("%(project)s: “%(idea)s” – %(decision)s")
                    % {
                        "project": idea.project.name,
                        "idea": _short(idea.text, 50),
                        "decision": idea.response.get_status_display(),
                    }
                ),
                dated=idea.response.feedback_given_on,
                kind=_("You said – we did"),
                url=reverse("projects:board", kwargs={"project_id": idea.project_id}),
            )
        )
    return found


def citable_for(organisation: Organisation) -> list[Citable]:
    found: list[Citable] = []
    for config in apps.get_app_configs():
        for path in getattr(config, "citable", ()):
            found.extend(import_string(path)(organisation))
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
