"""Big exports and PDFs, made by `coproduce worker` instead of inside the request.

An app registers a `Builder` for each kind of file in its `AppConfig.ready()`:

    from coproduce.core import downloads
    downloads.builders.register(
        downloads.Builder("monitoring.report_pdf", _("Monitoring report (PDF)"), exports.report_pdf)
    )

and its view, once it has checked who may ask and fetched the object (404 for a foreign one),
answers `downloads.prepare_response(request, kind=..., params=..., back_url=...)`. The person
who asked is sent to a page whose status (role=status) says the file is being prepared and
changes, without a reload, when it is ready; it then offers it to them and to nobody else. A failure is recorded and shown with a button to try again. Files are
deleted once they expire (on use, and by `coproduce clear_prepared_files`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from coproduce.core.hooks import Registry

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

    from coproduce.organisations.models import Organisation


@dataclass(frozen=True)
class Built:
    """A finished file: its bytes and how to send it."""

    content: bytes
    filename: str
    content_type: str
    inline: bool = False


class Build(Protocol):
    """Make the file for `organisation` from the JSON-ready `params` the view stored.

    Runs in the worker, inside the organisation's scope and the requester's language.
    Fetch objects with the app's selectors again (they may have gone: raise Http404).
    """

    def __call__(self, organisation: Organisation, params: dict[str, Any], /) -> Built: ...


@dataclass(frozen=True)
class Builder:
    kind: str  # "<app>.<name>", unique
    # Shown on the waiting page, e.g. "Monitoring report (PDF)". The download button drops the
    # bracket and names the type and size of the file that was made: "Download Monitoring
    # report (PDF, 240 KB)".
    title: _StrOrPromise
    build: Build


builders: Registry[Builder] = Registry("prepared_files")


def builder_for(kind: str) -> Builder | None:
    return next((b for b in builders if b.kind == kind), None)


from coproduce.core.downloads.services import (  # noqa: E402
    file_prepare,
    file_retry,
    prepare_response,
)

__all__ = [
    "Build",
    "Builder",
    "Built",
    "builder_for",
    "builders",
    "file_prepare",
    "file_retry",
    "prepare_response",
]
