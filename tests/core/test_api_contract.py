"""Scenario: a council developer writes a client from /api/v1/openapi.json alone.

Every shape must be documented under its own name, each operation's documented answer must be
the shape it sends, and the errors any call can meet must be in the schema too.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from django.test import Client
from ninja.operation import Operation
from ninja.params.models import ParamModel
from pydantic import BaseModel

from coproduce.api import api


def _operations() -> Iterator[Operation]:
    # The same walk ninja makes to write the schema.
    for bound in api._get_bound_routers():
        for path_view in bound.path_operations.values():
            yield from path_view.operations


def _models(annotation: Any, seen: set[type[BaseModel]]) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _models(field.annotation, seen)
        return
    for arg in typing.get_args(annotation):
        _models(arg, seen)


def _resolve(node: Any, components: dict[str, Any]) -> Any:
    """The schema with every $ref replaced by what it names, without titles and descriptions."""
    if isinstance(node, list):
        return [_resolve(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _resolve(components[node["$ref"].rsplit("/", 1)[-1]], components)
    return {
        key: _resolve(value, components)
        for key, value in node.items()
        if key not in {"title", "description", "$defs"}
    }


def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = Client().get("/api/v1/openapi.json").json()
    return schema


def test_it_gives_every_schema_its_own_name(db: None) -> None:
    seen: set[type[BaseModel]] = set()
    for operation in _operations():
        for model in operation.models:  # path, query and body parameters
            _models(model, seen)
        for model in operation.response_models.values():
            _models(model, seen)
    named: dict[str, list[str]] = {}
    for model in seen:
        if issubclass(model, ParamModel) or model.__name__ == "NinjaResponseSchema":
            continue  # ninja's wrappers of an operation's parameters and answer, never components
        named.setdefault(model.__name__, []).append(f"{model.__module__}.{model.__qualname__}")
    clashes = {name: where for name, where in named.items() if len(where) > 1}
    assert clashes == {}


def test_it_documents_each_answer_with_the_shape_it_sends(db: None) -> None:
    schema = _schema()
    components = schema["components"]["schemas"]
    documented = {
        op["operationId"]: op for path in schema["paths"].values() for op in path.values()
    }
    checked = 0
    for operation in _operations():
        op = documented[api.get_openapi_operation_id(operation)]
        for status, model in operation.response_models.items():
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                continue  # no declared shape
            sent = model.model_json_schema(mode="serialization")
            expected = _resolve(sent["properties"]["response"], sent.get("$defs", {}))
            shown = op["responses"][str(status)]["content"]["application/json"]["schema"]
            assert _resolve(shown, components) == expected, (op["operationId"], status)
            checked += 1
    assert checked >= 30


def test_it_names_assessment_rounds_with_their_own_fields(db: None) -> None:
    schema = _schema()
    rounds = schema["paths"]["/api/v1/assessments/rounds/{round_id}"]["get"]
    ref = rounds["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]["properties"]
    assert {"opens_on", "due_on", "framework"} <= set(fields)
    assert "budget_pence" not in fields  # a commissioning round's field


def test_it_documents_the_errors_every_operation_can_answer(db: None) -> None:
    schema = _schema()
    error = schema["components"]["schemas"]["ErrorOut"]
    assert error["properties"]["detail"]["type"] == "string"
    for path, item in schema["paths"].items():
        for method, op in item.items():
            missing = {"401", "403", "404", "422", "429"} - set(op["responses"])
            assert not missing, (method, path, missing)


def test_it_documents_only_paths_a_client_can_reach(db: None) -> None:
    """No path is written with a Django converter, which a client would send literally."""
    schema = _schema()
    assert all(":" not in path for path in schema["paths"])
    assert "/api/v1/projects/{project_id}" in schema["paths"]
