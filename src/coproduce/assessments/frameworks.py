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
import re
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.assessments.builtin import BUILTINS
from coproduce.assessments.models import (
    BAND_ORDER,
    BandDescriptor,
    Framework,
    FrameworkVersion,
    FrozenVersionError,
    Indicator,
    Principle,
    ScaleKind,
)
from coproduce.audit.services import audit_record
from coproduce.organisations.models import Organisation

KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


class DocumentError(ValidationError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors)
        self.errors = errors


def parse_document(text: str) -> Any:
    """YAML is a superset of JSON, so one parser reads both."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = _(" at line %(line)s") % {"line": mark.line + 1} if mark else ""
        raise DocumentError(
            [_("The file is not valid YAML or JSON%(where)s.") % {"where": where}]
        ) from None


def _text(data: dict[str, Any], field: str, path: str, errors: list[str], limit: int) -> None:
    value = data.get(field)
    if not isinstance(value, str) or not value.strip():
        errors.append(_("%(path)s: '%(field)s' must be some text") % {"path": path, "field": field})
    elif len(value) > limit:
        errors.append(
            _("%(path)s: '%(field)s' is longer than %(limit)s characters")
            % {"path": path, "field": field, "limit": limit}
        )


def _key(data: dict[str, Any], path: str, errors: list[str], seen: set[str]) -> None:
    key = data.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        errors.append(
            _("%(path)s: 'key' must be lower-case letters, digits and hyphens") % {"path": path}
        )
    elif key in seen:
        errors.append(_("%(path)s: the key '%(key)s' is used twice") % {"path": path, "key": key})
    else:
        seen.add(key)


def document_errors(data: Any) -> list[str]:
    """Every problem in a framework document, each with where it is."""
    errors: list[str] = []
    if not isinstance(data, dict):
        return [_("The file must describe one framework (a mapping with a name and principles).")]
    _key(data, "framework", errors, set())
    _text(data, "name", "framework", errors, 200)
    scale = data.get("scale")
    if scale not in ScaleKind.values:
        errors.append(_("framework: 'scale' must be 'banded' or 'checklist'"))
    verdict = data.get("verdict_min", 7)
    if not isinstance(verdict, int) or not 1 <= verdict <= 9:
        errors.append(_("framework: 'verdict_min' must be a whole number from 1 to 9"))
    principles = data.get("principles")
    if not isinstance(principles, list) or not principles:
        errors.append(_("framework: 'principles' must be a list with at least one principle"))
        return errors
    principle_keys: set[str] = set()
    indicator_keys: set[str] = set()
    for p, principle in enumerate(principles):
        ppath = f"principles[{p}]"
        if not isinstance(principle, dict):
            errors.append(_("%(path)s: must be a mapping") % {"path": ppath})
            continue
        _key(principle, ppath, errors, principle_keys)
        _text(principle, "title", ppath, errors, 200)
        indicators = principle.get("indicators")
        if not isinstance(indicators, list) or not indicators:
            errors.append(_("%(path)s: 'indicators' must be a non-empty list") % {"path": ppath})
            continue
        for i, indicator in enumerate(indicators):
            ipath = f"{ppath}.indicators[{i}]"
            if not isinstance(indicator, dict):
                errors.append(_("%(path)s: must be a mapping") % {"path": ipath})
                continue
            _key(indicator, ipath, errors, indicator_keys)
            _text(indicator, "title", ipath, errors, 300)
            _text(indicator, "young_title", ipath, errors, 300)
            if scale != ScaleKind.BANDED:
                continue
            bands = indicator.get("bands")
            if not isinstance(bands, dict):
                errors.append(
                    _("%(path)s: 'bands' must give basic, getting_there and excellent")
                    % {"path": ipath}
                )
                continue
            for band in BAND_ORDER:
                bpath = f"{ipath}.bands.{band}"
                entry = bands.get(str(band))
                if not isinstance(entry, dict):
                    errors.append(
                        _("%(path)s: missing '%(band)s'") % {"path": f"{ipath}.bands", "band": band}
                    )
                    continue
                _text(entry, "descriptor", bpath, errors, 2000)
                examples = entry.get("examples", [])
                if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
                    errors.append(
                        _("%(path)s: 'examples' must be a list of text") % {"path": bpath}
                    )
            unknown = set(bands) - {str(b) for b in BAND_ORDER}
            if unknown:
                errors.append(
                    _("%(path)s: unknown bands %(names)s")
                    % {"path": f"{ipath}.bands", "names": ", ".join(sorted(map(str, unknown)))}
                )
    return errors


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
        framework_import(
            acting_user=None,
            organisation=organisation,
            text=json.dumps(document),
            builtin=True,
        )
        installed += 1
    return installed


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
