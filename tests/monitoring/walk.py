"""Walk providers for monitoring (project_id comes from tests/projects/walk.py)."""

from __future__ import annotations

from tests.tenancy.walk import Provider

PROVIDERS: dict[str, Provider] = {
    "question": lambda w: "recruited",
    "organisation_slug": lambda w: w.organisation.slug,
}
