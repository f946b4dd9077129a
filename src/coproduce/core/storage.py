"""Private files: kept on local disk or in a private S3-compatible bucket, sent in pieces.

Where files are kept is the `default` storage (settings: `MEDIA_S3_BUCKET` turns the bucket
on). Whichever it is, a file goes out only through `send_private_file`, after the caller has
checked permission: either streamed in `CHUNK_SIZE` pieces (memory stays flat whatever the
file's size; `Range: bytes=…` answered with 206) or, when `MEDIA_DOWNLOAD=redirect` and the
files are in a bucket, as a redirect to a pre-signed URL that works for a few seconds.

django-storages' own file object reads a whole object into memory before the first byte, so
objects in a bucket are read here with ranged `GetObject` calls instead.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.utils.http import content_disposition_header

if TYPE_CHECKING:
    from django.core.files.storage import Storage
    from django.db.models.fields.files import FieldFile
    from django.http import HttpRequest
    from django.http.response import HttpResponseBase

CHUNK_SIZE = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(ValueError):
    """The range asked for starts beyond the end of the file."""


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The one range asked for, or None to send the whole file.

    A missing, malformed or multi-part header is answered with the whole file, as RFC 9110
    allows; a range wholly past the end raises `RangeNotSatisfiable`.
    """
    if not header or size <= 0:
        return None
    match = _RANGE.match(header.strip())
    if not match or (not match[1] and not match[2]):
        return None
    if not match[1]:  # the last N bytes
        suffix = int(match[2])
        if suffix == 0:
            raise RangeNotSatisfiable(header)
        return ByteRange(max(size - suffix, 0), size - 1)
    start = int(match[1])
    end = int(match[2]) if match[2] else size - 1
    if start >= size:
        raise RangeNotSatisfiable(header)
    if end < start:
        return None
    return ByteRange(start, min(end, size - 1))


def in_bucket(storage: Storage) -> bool:
    """True when the storage is django-storages' S3 backend (any S3-compatible server)."""
    from storages.backends.s3 import S3Storage

    return isinstance(storage, S3Storage)


def _object_key(storage: Any, name: str) -> str:
    from storages.utils import clean_name

    return str(storage._normalize_name(clean_name(name)))


def read_chunks(storage: Storage, name: str, start: int, end: int) -> Iterator[bytes]:
    """Bytes `start`..`end` (inclusive) of a stored file, `CHUNK_SIZE` at a time."""
    if end < start:
        return
    if in_bucket(storage):
        client: Any = storage.connection.meta.client  # type: ignore[attr-defined]
        body = client.get_object(
            Bucket=storage.bucket_name,  # type: ignore[attr-defined]
            Key=_object_key(storage, name),
            Range=f"bytes={start}-{end}",
        )["Body"]
        try:
            yield from body.iter_chunks(CHUNK_SIZE)
        finally:
            body.close()
        return
    with storage.open(name, "rb") as handle:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            data = handle.read(min(CHUNK_SIZE, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data


def checksum(storage: Storage, name: str) -> tuple[int, str]:
    """(size, SHA-256 hex) of a stored file, read in pieces."""
    digest = hashlib.sha256()
    size = 0
    total = storage.size(name)
    for chunk in read_chunks(storage, name, 0, total - 1):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _private(response: HttpResponseBase) -> HttpResponseBase:
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def send_private_file(
    field: FieldFile,
    *,
    filename: str,
    content_type: str,
    inline: bool = False,
    request: HttpRequest | None = None,
) -> HttpResponseBase:
    """Answer with a stored file; the caller has already checked permission. Never cached."""
    storage, name = field.storage, field.name or ""
    disposition = content_disposition_header(not inline, filename) or "attachment"
    if settings.MEDIA_DOWNLOAD == "redirect" and in_bucket(storage):
        url = storage.url(  # type: ignore[call-arg]
            name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
            expire=settings.MEDIA_PRESIGNED_SECONDS,
        )
        return _private(HttpResponseRedirect(url))

    size = storage.size(name)
    header = request.headers.get("Range") if request is not None else None
    if request is not None and request.headers.get("If-Range"):
        header = None  # no validators are given out, so an If-Range never matches
    try:
        wanted = parse_range(header, size)
    except RangeNotSatisfiable:
        refused = StreamingHttpResponse(iter(()), status=416, content_type=content_type)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Accept-Ranges"] = "bytes"
        return _private(refused)
    part = wanted or ByteRange(0, size - 1)
    response = StreamingHttpResponse(
        read_chunks(storage, name, part.start, part.end),
        status=206 if wanted else 200,
        content_type=content_type,
    )
    response["Content-Length"] = str(max(part.length, 0))
    response["Accept-Ranges"] = "bytes"
    if wanted:
        response["Content-Range"] = f"bytes {part.start}-{part.end}/{size}"
    response["Content-Disposition"] = disposition
    return _private(response)
