"""House rules a linter cannot express, checked over the source tree."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "coproduce"


def _thin_modules() -> list[Path]:
    return [
        p
        for p in SRC.rglob("*.py")
        if p.name in {"views.py", "api.py"} or p.parent.name in {"views", "api"}
    ]


def test_it_keeps_queries_out_of_views_and_the_api() -> None:
    offenders = []
    for path in _thin_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "objects":
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not offenders, f"query through a selector instead: {offenders}"


def test_it_never_calls_select_related_without_naming_relations() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "select_related"
                and not node.args
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not offenders, offenders


def test_it_puts_every_tenant_model_under_the_scoped_base() -> None:
    from django.apps import apps

    from coproduce.core.tenancy import TenantModel

    # A browser session belongs to a person and exists before an organisation is chosen; the
    # published deprivation deciles are the government's, the same for every organisation.
    global_models = {
        "accounts.user",
        "organisations.organisation",
        "core.usersession",
        "inclusion.districtdecile",
    }
    offenders = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if not model.__module__.startswith("coproduce.") or label in global_models:
            continue
        if not issubclass(model, TenantModel) and not model._meta.auto_created:
            offenders.append(label)
    assert not offenders, f"these models must subclass TenantModel: {offenders}"
