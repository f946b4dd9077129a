"""Every choice on every tenant model shows its label, as Django's own lookup would."""

from __future__ import annotations

from django.apps import apps

from coproduce.core.tenancy import TenantModel


def test_every_choice_shows_its_label_and_an_unknown_value_shows_itself() -> None:
    checked = 0
    for model in apps.get_models():
        if not issubclass(model, TenantModel):
            continue
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            item = model()
            for value, label in field.flatchoices:
                setattr(item, field.attname, value)
                assert item._get_FIELD_display(field) == str(label), (model, field.name)
                checked += 1
            setattr(item, field.attname, "not-a-choice")
            assert item._get_FIELD_display(field) == "not-a-choice"
    assert checked > 50  # the roles, stages, statuses, uses, categories… all took part
