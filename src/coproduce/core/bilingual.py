"""Texts organisations write in English and Welsh (django-modeltranslation).

Each app registers its fields in its `translation.py`; each field then has an English column
(`name_en_gb`) and a Welsh one (`name_cy`), and reading `project.name` gives the reader's
language, else the other one (settings.MODELTRANSLATION_FALLBACK_LANGUAGES).

- Queries are NOT rewritten per language (`configure()` turns that off): filters, ordering,
  `values("name")` and subqueries read the original column, as before modeltranslation, and
  the same SQL serves every reader (prepared queries depend on that). The original column
  always holds the English text, or the Welsh when there is no English (`configure()`).
  So lists built with `.values()` show English; pages that read `obj.name` show the reader's.
- Staff forms ask for both languages: `add_welsh_fields(form, model, [...])` puts a Welsh
  field after each English one; the app's service saves them with `translations_set`.
- `{% lang_attr project "name" %}` writes ` lang="en"` (or `"cy"`) where the text shown is the
  other language's, so screen readers pronounce it right (WCAG 3.1.2).
- `missing_translations()` lists texts with one language but not the other, for staff.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

ENGLISH, WELSH = "en_gb", "cy"
M = TypeVar("M", bound=models.Model)


def translated_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The fields of `model` written in both languages (none if it is not registered)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def registered_models() -> list[type[models.Model]]:
    from modeltranslation.translator import translator

    return list(translator.get_registered_models(abstract=False))


def configure() -> None:
    """Once the apps are ready (core's AppConfig): no per-language query rewriting, and each
    registered field's original column saved as the English (else the Welsh) text."""
    from modeltranslation.manager import MultilingualQuerySet

    def _post_init(queryset: MultilingualQuerySet[Any]) -> None:
        queryset._rewrite = False
        queryset._populate = None

    MultilingualQuerySet._post_init = _post_init  # type: ignore[method-assign,assignment]
    MultilingualQuerySet._rewrite_applied_operations = lambda queryset: None  # type: ignore[method-assign,assignment]

    for model in registered_models():
        for name in translated_fields(model):
            field = model._meta.get_field(name)
            field.pre_save = _english_first(name)  # type: ignore[method-assign,union-attr]


def _english_first(name: str) -> Any:
    def pre_save(instance: models.Model, add: bool) -> Any:
        return (
            getattr(instance, f"{name}_{ENGLISH}", None)
            or getattr(instance, f"{name}_{WELSH}", None)
            or ""
        )

    return pre_save


def language_shown(instance: models.Model, field: str) -> str:
    """The language of the text `instance.<field>` shows now: "" when it is the reader's own,
    else "en" or "cy" (the fallback)."""
    reader = (translation.get_language() or "en-gb").replace("-", "_").lower()
    own = ENGLISH if reader.startswith("en") else WELSH
    if not translated_fields(type(instance)) or getattr(instance, f"{field}_{own}", None):
        return ""
    other = WELSH if own == ENGLISH else ENGLISH
    return ("cy" if other == WELSH else "en") if getattr(instance, f"{field}_{other}", None) else ""


# Forms ---------------------------------------------------------------------------------------


def add_welsh_fields(
    form: forms.BaseForm, fields: Iterable[str], instance: models.Model | None = None
) -> None:
    """After each named (English) field, a Welsh one: `<name>_cy`, optional, marked lang="cy".
    With an instance, both start from what it holds (not from the reader's language)."""
    names = list(form.fields)
    for name in fields:
        english = form.fields[name]
        welsh = forms.CharField(
            label=_("%(label)s in Welsh (Cymraeg)") % {"label": english.label},
            required=False,
            widget=type(english.widget)(attrs={**english.widget.attrs, "lang": "cy"}),
            max_length=getattr(english, "max_length", None),
        )
        welsh.help_text = _("Leave empty if you have no translation yet: people see the English.")
        english.label = _("%(label)s in English") % {"label": english.label}
        names.insert(names.index(name) + 1, f"{name}_{WELSH}")
        form.fields[f"{name}_{WELSH}"] = welsh
        if instance is not None and not form.is_bound:
            form.initial[name] = getattr(instance, f"{name}_{ENGLISH}", None) or ""
            form.initial[f"{name}_{WELSH}"] = getattr(instance, f"{name}_{WELSH}", None) or ""
    form.fields = {name: form.fields[name] for name in names}


def split_languages(
    form: forms.BaseForm, fields: Iterable[str]
) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    """From a valid form that `add_welsh_fields` extended: its data without the Welsh fields,
    and {field: {"en_gb": ..., "cy": ...}} for `translations_set`."""
    fields = list(fields)
    data = dict(form.cleaned_data)
    texts = {
        name: {ENGLISH: data.get(name) or "", WELSH: data.pop(f"{name}_{WELSH}", "") or ""}
        for name in fields
    }
    return data, texts


def translations_set(*, instance: models.Model, texts: Mapping[str, Mapping[str, str]]) -> None:
    """Put both languages of each field on `instance` (the caller's service saves it, inside
    its transaction and audit). Only registered fields are touched."""
    allowed = set(translated_fields(type(instance)))
    for field, by_language in texts.items():
        if field not in allowed:
            continue
        for language in (ENGLISH, WELSH):
            if language in by_language:
                setattr(instance, f"{field}_{language}", by_language[language] or "")


# Staff: what still lacks a translation --------------------------------------------------------


@dataclass(frozen=True)
class Missing:
    kind: str  # "project", "reward", ...
    field: str  # "name", ...
    text: str  # what is written, in the language it has
    has: str  # that language: "en" or "cy"

    @property
    def lacks(self) -> str:
        return "cy" if self.has == "en" else "en"


def missing_translations(
    *, organisation_id: int, exclude: Mapping[str, Q] | None = None
) -> list[Missing]:
    """Each text of the organisation written in one language only. `exclude` maps a model's
    label ("assessments.indicator") to rows to leave out (e.g. built-in frameworks, which the
    catalogue translates)."""
    found: list[Missing] = []
    for model in registered_models():
        fields = translated_fields(model)
        one_only = Q()
        for field in fields:
            en_empty = Q(**{f"{field}_{ENGLISH}__isnull": True}) | Q(**{f"{field}_{ENGLISH}": ""})
            cy_empty = Q(**{f"{field}_{WELSH}__isnull": True}) | Q(**{f"{field}_{WELSH}": ""})
            one_only |= (cy_empty & ~en_empty) | (en_empty & ~cy_empty)
        rows = model._default_manager.filter(one_only, organisation_id=organisation_id)
        leave_out = (exclude or {}).get(model._meta.label_lower)
        if leave_out is not None:
            rows = rows.exclude(leave_out)
        for row in rows.order_by("pk")[:500]:
            for field in fields:
                english = getattr(row, f"{field}_{ENGLISH}", None)
                welsh = getattr(row, f"{field}_{WELSH}", None)
                if bool(english) != bool(welsh):
                    found.append(
                        Missing(
                            kind=str(model._meta.verbose_name),
                            field=str(getattr(model._meta.get_field(field), "verbose_name", field)),
                            text=Truncator(str(english or welsh or "")).chars(120),
                            has="en" if english else "cy",
                        )
                    )
    return found
