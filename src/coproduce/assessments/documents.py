"""Framework documents (YAML or JSON): parsing and validation with precise, located errors.

A document has this shape:

    key, name, description?, credit?, scale: banded|checklist|pathways, verdict_min? (banded)
    principles: [{key, title, description?, indicators: [
        {key, title, young_title, young_hint?,
         bands?: {basic|getting_there|excellent: {descriptor, examples?: [..]}}}]}]
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coproduce.assessments.models import BAND_ORDER, ScaleKind

# Shier's three stages of commitment at every level (see pathways.py).
PATHWAY_STAGES = 3

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
        errors.append(_("framework: 'scale' must be 'banded', 'checklist' or 'pathways'"))
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
        if scale == ScaleKind.PATHWAYS and len(indicators) != PATHWAY_STAGES:
            errors.append(
                _(
                    "%(path)s: a pathways level needs exactly three questions: openings, "
                    "opportunities and obligations, in that order"
                )
                % {"path": ppath}
            )
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
