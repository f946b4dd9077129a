"""Ask for a file the worker prepares, run the worker, and download it, as a person would."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

# `coproduce worker` closes database connections it finds in a transaction, as a long-running
# process should; on PostgreSQL that ends a test's wrapping transaction. A test that runs the
# worker therefore runs outside one, as the e-mail worker's tests do.
uses_worker = pytest.mark.django_db(transaction=True)


@dataclass
class Download:
    body: bytes
    content_type: str
    disposition: str
    page_url: str


def prepared_download(client: Client, url: str) -> Download:
    """GET `url` (an export), check it queued a file and sent us to the waiting page, run
    `coproduce worker --once`, and download what the page then offers."""
    asked = client.get(url)
    assert asked.status_code == 302, f"{url} answered {asked.status_code}, not the waiting page"
    page_url = asked["Location"]
    assert page_url.startswith("/files/"), page_url
    waiting = client.get(page_url)
    assert "Your file is being prepared" in waiting.content.decode()
    call_command("worker", "--once")
    ready = client.get(page_url).content.decode()
    assert "Your file is ready" in ready, ready
    response = client.get(f"{page_url}download")
    assert response.status_code == 200, response.status_code
    body = body_of(response)
    return Download(
        body, response["Content-Type"], response.get("Content-Disposition", ""), page_url
    )


def body_of(response: Any) -> bytes:
    """A response's bytes, streamed (private files are) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)
