"""What every API operation shares: its documented error answers, bounded pagination, and
input checks no single schema can make (text a database cannot store, clock times with a zone).

`coproduce.api` wires these in once, so an app's router only declares its own shapes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, BaseModel

# PostgreSQL refuses an OFFSET beyond a 64-bit integer with an error; no list is near this long.
MAX_OFFSET = 2**31 - 1


class ErrorOut(Schema):
    detail: str


class InvalidOut(Schema):
    """422: `detail` is a sentence or, for a value that does not fit the schema, a list of
    problems each naming its field (`loc`); `errors` maps a field to its messages."""

    detail: str | list[dict[str, Any]]
    errors: dict[str, list[str]] | None = None


# The answers any operation can give besides its own: every call needs a token (401), may be
# refused by role (403), names objects that may not exist or belong to another
# organisation (404), sends values that may not be valid (422) and is throttled (429).
ERROR_ANSWERS: dict[int, tuple[str, type[Schema]]] = {
    401: ("Not signed in, or the bearer token is missing or not valid", ErrorOut),
    403: ("Your role may not do this", ErrorOut),
    404: ("Not found (or not in your organisation)", ErrorOut),
    422: ("Some values are not valid", InvalidOut),
    429: ("Too many requests: wait for the number of seconds in Retry-After", ErrorOut),
}
BAD_BODY: tuple[int, str, type[Schema]] = (400, "The request body is not valid JSON", ErrorOut)


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the shared error answers to every operation of an OpenAPI document (in place)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for shape in (ErrorOut, InvalidOut):
        components[shape.__name__] = shape.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            answers: dict[int, tuple[str, type[Schema]]] = dict(ERROR_ANSWERS)
            if "requestBody" in operation:
                answers[BAD_BODY[0]] = BAD_BODY[1:]
            responses = operation.setdefault("responses", {})
            for status, (description, model) in answers.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{model.__name__}"}
                            }
                        },
                    },
                )
    return schema


class Pagination(LimitOffsetPagination):
    """`limit` and `offset` with both ends bounded, so a huge offset is a 422, not a crash."""

    class PageInput(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    Input = PageInput  # type: ignore[assignment]  # ninja reads `Input`; the name is documented


def _nul_at(value: Any, where: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    if isinstance(value, str):
        return where if "\x00" in value else None
    if isinstance(value, BaseModel):
        items: Any = ((name, getattr(value, name)) for name in type(value).model_fields)
    elif isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = _nul_at(item, (*where, key))
        if found is not None:
            return found
    return None


def refuse_nul_characters(view: Callable[..., Any]) -> Callable[..., Any]:
    """An API-wide operation decorator: refuse a NUL character in any value (path, query or body).

    PostgreSQL cannot store one in text and would answer with a server error.
    """

    @wraps(view)
    def checked(request: Any, *args: Any, **kwargs: Any) -> Any:
        where = _nul_at(kwargs, ())
        if where is not None:
            raise ValidationError(
                [
                    {
                        "loc": [str(part) for part in where if part != "ninja_pagination"],
                        "msg": _("Remove the NUL character (\\u0000): it cannot be stored."),
                        "type": "nul_character",
                    }
                ]
            )
        return view(request, *args, **kwargs)

    return checked


def _naive_time(value: datetime.time) -> datetime.time:
    if value.tzinfo is not None:
        raise ValueError(
            _("Give a local clock time without a time zone, for example 10:00 or 10:00:00")
        )
    return value


# A clock time in the organisation's own time (a session starts at 10:00 wherever it is held).
LocalTime = Annotated[datetime.time, AfterValidator(_naive_time)]
