"""Outcomes routes take project_id (tests/projects/walk.py provides it)."""

from __future__ import annotations

from tests.tenancy.walk import Provider

PROVIDERS: dict[str, Provider] = {}
