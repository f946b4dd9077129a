"""Framework documents: validate, import, export, install the built-ins, copy and version.

A document (YAML or JSON) has this shape:

    key, name, description?, credit?, scale: banded|checklist, verdict_min? (banded, 1-9)
    principles: [{key, title, description?, indicators: [
        {key, title, young_title, young_hint?,
         bands?: {basic|getting_there|excellent: {descriptor, examples?: [..]}}}]}]

`document_errors` lists every problem with a path ("principles[1].indicators[0].bands:
missing 'excellent'"); an import with any error changes nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coproduce.assessments.builtin import BUILTINS
from coproduce.assessments.builtin_welsh import builtins_translate
from coproduce.assessments.documents import DocumentError, document_errors, parse_document
from coproduce.assessments.models import (
    BAND_ORDER,
    BandDescriptor,
    Framework,
    FrameworkVersion,
    FrozenVersionError,
    Indicator,
    Principle,
)
from coproduce.audit.services import audit_record

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


def _build_version(*, framework: Framework, data: dict[str, Any], number: int) -> FrameworkVersion:
    organisation = framework.organisation
    version = FrameworkVersion(
        organisation=organisation,
        framework=framework,
        number=number,
        scale=data["scale"],
        verdict_min=data.get("verdict_min", 7),
    )
    version.full_clean()
    version.save()
    order = 0
    for p, pdata in enumerate(data["principles"], start=1):
        principle = Principle.objects.create(
            organisation=organisation,
            version=version,
            order=p,
            key=pdata["key"],
            title=pdata["title"],
            description=pdata.get("description", "") or "",
        )
        for idata in pdata["indicators"]:
            order += 1
            indicator = Indicator.objects.create(
                organisation=organisation,
                version=version,
                principle=principle,
                order=order,
                key=idata["key"],
                title=idata["title"],
                young_title=idata["young_title"],
                young_hint=idata.get("young_hint", "") or "",
            )
            if version.is_banded:
                for band in BAND_ORDER:
                    entry = idata["bands"][str(band)]
                    BandDescriptor.objects.create(
                        organisation=organisation,
                        version=version,
                        indicator=indicator,
                        band=band,
                        descriptor=entry["descriptor"],
                        examples="\n".join(entry.get("examples", [])),
                    )
    return version


def framework_import(
    *, acting_user: User | None, organisation: Organisation, text: str, builtin: bool = False
) -> FrameworkVersion:
    """Create a framework (or a new version of one with the same key). All or nothing."""
    data = parse_document(text)
    errors = document_errors(data)
    if errors:
        raise DocumentError(errors)
    with transaction.atomic():
        framework = Framework.objects.filter(organisation=organisation, key=data["key"]).first()
        if framework is None:
            framework = Framework(
                organisation=organisation,
                key=data["key"],
                name=data["name"],
                description=data.get("description", "") or "",
                credit=data.get("credit", "") or "",
                is_builtin=builtin,
            )
            framework.full_clean()
            framework.save()
            number = 1
        else:
            if framework.is_builtin and not builtin:
                raise DocumentError(
                    [_("framework: '%(key)s' is a built-in key; choose another") % data]
                )
            number = (framework.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = _build_version(framework=framework, data=data, number=number)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="framework.import",
            target=version,
            details={"key": framework.key, "version": number},
        )
    return version


def framework_export(version: FrameworkVersion) -> dict[str, Any]:
    framework = version.framework
    principles = []
    bands_by_indicator: dict[int, dict[str, BandDescriptor]] = {}
    for band in BandDescriptor.objects.filter(version=version):
        bands_by_indicator.setdefault(band.indicator_id, {})[band.band] = band
    indicators = list(version.indicators.all())
    for principle in version.principles.all():
        items = []
        for indicator in indicators:
            if indicator.principle_id != principle.pk:
                continue
            item: dict[str, Any] = {
                "key": indicator.key,
                "title": indicator.title,
                "young_title": indicator.young_title,
            }
            if indicator.young_hint:
                item["young_hint"] = indicator.young_hint
            if version.is_banded:
                found = bands_by_indicator.get(indicator.pk, {})
                item["bands"] = {
                    str(b): {
                        "descriptor": found[b].descriptor,
                        "examples": found[b].example_list,
                    }
                    for b in BAND_ORDER
                    if b in found
                }
            items.append(item)
        entry: dict[str, Any] = {"key": principle.key, "title": principle.title}
        if principle.description:
            entry["description"] = principle.description
        entry["indicators"] = items
        principles.append(entry)
    document: dict[str, Any] = {
        "key": framework.key,
        "name": framework.name,
        "description": framework.description,
        "credit": framework.credit,
        "scale": version.scale,
    }
    if version.is_banded:
        document["verdict_min"] = version.verdict_min
    document["principles"] = principles
    return document


def export_text(version: FrameworkVersion, fmt: str) -> str:
    document = framework_export(version)
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False)
    return str(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))


def builtins_install(*, organisation: Organisation) -> int:
    """Give an organisation its copy of each built-in framework. Safe to run again."""
    have = set(
        Framework.objects.filter(organisation=organisation, is_builtin=True).values_list(
            "key", flat=True
        )
    )
    installed = 0
    for document in BUILTINS:
        if document["key"] in have:
            continue
        # Written in English: into the English columns, whatever the reader's language.
        with translation.override("en-gb"):
            framework_import(
                acting_user=None,
                organisation=organisation,
                text=json.dumps(document),
                builtin=True,
            )
        installed += 1
    # Their Welsh wording, from the catalogue: once per process (a deploy brings a new one).
    if installed or organisation.pk not in _TRANSLATED:
        builtins_translate(organisation_id=organisation.pk)
        _TRANSLATED.add(organisation.pk)
    return installed


_TRANSLATED: set[int] = set()


def framework_copy(
    *, acting_user: User | None, version: FrameworkVersion, key: str, name: str
) -> FrameworkVersion:
    """An organisation's own adaptable copy of a framework version."""
    document = framework_export(version)
    document["key"], document["name"] = key, name
    errors = document_errors(document)
    if Framework.objects.filter(organisation=version.organisation, key=key).exists():
        errors.append(_("framework: the key '%(key)s' is already used") % {"key": key})
    if errors:
        raise DocumentError(errors)
    with transaction.atomic():
        new = framework_import(
            acting_user=acting_user, organisation=version.organisation, text=json.dumps(document)
        )
        Framework.objects.filter(pk=new.framework_id).update(copied_from=version.framework_id)
    return new


def version_freeze(version: FrameworkVersion) -> None:
    if version.frozen_at is None:
        FrameworkVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(
            frozen_at=timezone.now()
        )
        version.refresh_from_db(fields=["frozen_at"])


def version_next(*, acting_user: User | None, version: FrameworkVersion) -> FrameworkVersion:
    """Editing a frozen version makes a new one; older assessments keep theirs."""
    if version.framework.is_builtin:
        raise FrozenVersionError(_("Built-in frameworks cannot be edited: make a copy first."))
    latest = version.framework.versions.order_by("-number").first()
    if latest is not None and not latest.is_frozen:
        return latest
    document = framework_export(version)
    return framework_import(
        acting_user=acting_user, organisation=version.organisation, text=json.dumps(document)
    )


def band_update(
    *, acting_user: User | None, band: BandDescriptor, descriptor: str, examples: str
) -> BandDescriptor:
    """Reword a band or add the organisation's own examples (only while not frozen)."""
    version = band.version
    if version.is_frozen:
        raise FrozenVersionError(_("This framework version is in use and cannot change."))
    if version.framework.is_builtin:
        raise FrozenVersionError(_("Built-in frameworks cannot be edited: make a copy first."))
    with transaction.atomic():
        band.descriptor, band.examples = descriptor, examples
        band.full_clean()
        band.save()
        audit_record(
            acting_user=acting_user,
            organisation=band.organisation,
            verb="framework.band_update",
            target=band,
            changed_fields=["descriptor", "examples"],
        )
    return band


def indicator_update(
    *,
    acting_user: User | None,
    indicator: Indicator,
    title: str,
    young_title: str,
    young_hint: str,
) -> Indicator:
    """Reword an indicator for staff or for young people (only while not frozen)."""
    version = indicator.version
    if version.is_frozen:
        raise FrozenVersionError(_("This framework version is in use and cannot change."))
    if version.framework.is_builtin:
        raise FrozenVersionError(_("Built-in frameworks cannot be edited: make a copy first."))
    with transaction.atomic():
        indicator.title, indicator.young_title, indicator.young_hint = (
            title,
            young_title,
            young_hint,
        )
        indicator.full_clean()
        indicator.save()
        audit_record(
            acting_user=acting_user,
            organisation=indicator.organisation,
            verb="framework.indicator_update",
            target=indicator,
            changed_fields=["title", "young_title", "young_hint"],
        )
    return indicator


__all__ = ["DocumentError", "document_errors", "parse_document"]
