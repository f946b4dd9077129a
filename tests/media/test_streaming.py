"""Private files go out in pieces, answer byte ranges, and can live in an S3 bucket."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from moto import mock_aws

from coproduce.core import storage as private
from coproduce.core.storage import ByteRange, RangeNotSatisfiable, parse_range
from coproduce.media import services
from coproduce.media.models import MediaItem
from coproduce.organisations.models import Membership
from coproduce.projects.models import Project
from coproduce.projects.services import project_create
from tests.conftest import client_for

BUCKET = "coproduce-private-test"


def film_bytes(size: int) -> bytes:
    """An MP4 header the upload check accepts, then `size` bytes in all (a counting pattern)."""
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    body = bytes(i % 251 for i in range(size - len(head)))
    return head + body


@pytest.fixture
def project(practitioner: Membership) -> Project:
    return project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Film club",
        aims="Films",
    )


def add_film(practitioner: Membership, project: Project, content: bytes) -> MediaItem:
    return services.media_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="film",
        caption="Our film",
        file=SimpleUploadedFile("ours.mp4", content),
        project=project,
    )


def body(response: Any) -> bytes:
    assert response.streaming, "a private file must be streamed, never read whole"
    return b"".join(response.streaming_content)


@pytest.fixture
def bucket(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-west-2",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-2")
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {"bucket_name": BUCKET, "default_acl": None, "file_overwrite": False},
            },
        }
        yield client


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=0-1023", ByteRange(0, 999)),
        ("bytes=100-", ByteRange(100, 999)),
        ("bytes=-10", ByteRange(990, 999)),
        ("bytes=-5000", ByteRange(0, 999)),
        ("bytes=990-5000", ByteRange(990, 999)),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file, as RFC 9110 allows
        ("items=0-1", None),
        ("bytes=9-3", None),
    ],
)
def test_it_reads_a_range_header(header: str | None, expected: ByteRange | None) -> None:
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=2000-3000", "bytes=-0"])
def test_it_refuses_a_range_past_the_end(header: str) -> None:
    with pytest.raises(RangeNotSatisfiable):
        parse_range(header, 1000)


def test_it_streams_a_film_from_disk_in_pieces(
    practitioner: Membership, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(private, "CHUNK_SIZE", 4096)
    content = film_bytes(50_000)
    item = add_film(practitioner, project, content)
    response = client_for(practitioner).get(f"/media/{item.pk}/file/")
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == "50000"
    assert response["Cache-Control"] == "private, no-store"
    pieces = list(response.streaming_content)  # type: ignore[attr-defined]
    assert max(len(piece) for piece in pieces) <= 4096 and len(pieces) >= 12
    assert b"".join(pieces) == content


def test_it_answers_a_range_with_only_those_bytes(
    practitioner: Membership, project: Project
) -> None:
    content = film_bytes(80_000)
    item = add_film(practitioner, project, content)
    client = client_for(practitioner)
    url = f"/media/{item.pk}/file/"
    first = client.get(url, HTTP_RANGE="bytes=0-1023")
    assert first.status_code == 206
    assert first["Content-Range"] == "bytes 0-1023/80000"
    assert first["Content-Length"] == "1024"
    assert body(first) == content[:1024]
    tail = client.get(url, HTTP_RANGE="bytes=-100")
    assert tail.status_code == 206 and body(tail) == content[-100:]
    middle = client.get(url, HTTP_RANGE="bytes=40000-40009")
    assert body(middle) == content[40000:40010]
    past = client.get(url, HTTP_RANGE="bytes=90000-")
    assert past.status_code == 416 and past["Content-Range"] == "bytes */80000"
    # If-Range with a validator we never gave out: the whole file, not a piece of a new one.
    whole = client.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')
    assert whole.status_code == 200 and body(whole) == content


def test_a_range_is_refused_to_someone_without_permission(
    practitioner: Membership, project: Project, outsider: Membership
) -> None:
    item = add_film(practitioner, project, film_bytes(5000))
    denied = client_for(outsider).get(f"/media/{item.pk}/file/", HTTP_RANGE="bytes=0-9")
    assert denied.status_code == 404


def test_it_keeps_uploads_in_the_bucket_and_streams_ranges_from_it(
    bucket: Any, practitioner: Membership, project: Project, settings: Any
) -> None:
    content = film_bytes(300_000)
    item = add_film(practitioner, project, content)
    stored = bucket.get_object(Bucket=BUCKET, Key=item.file.name)["Body"].read()
    assert stored == content
    assert not (Path(settings.MEDIA_ROOT) / item.file.name).exists()
    client = client_for(practitioner)
    url = f"/media/{item.pk}/file/"
    assert body(client.get(url)) == content
    part = client.get(url, HTTP_RANGE="bytes=70000-70099")
    assert part.status_code == 206
    assert part["Content-Range"] == "bytes 70000-70099/300000"
    assert body(part) == content[70000:70100]


def test_it_can_send_a_short_lived_signed_link_instead(
    bucket: Any, practitioner: Membership, project: Project, settings: Any
) -> None:
    settings.MEDIA_DOWNLOAD = "redirect"
    settings.MEDIA_PRESIGNED_SECONDS = 30
    item = add_film(practitioner, project, film_bytes(2000))
    response = client_for(practitioner).get(f"/media/{item.pk}/file/")
    assert response.status_code == 302
    location = response["Location"]
    assert item.file.name in location and "Signature" in location
    assert "Expires=" in location or "X-Amz-Expires=30" in location
    assert response["Cache-Control"] == "private, no-store"


def test_media_to_bucket_moves_every_file_and_checks_it(
    bucket: Any, tmp_path: Path, settings: Any
) -> None:
    source = tmp_path / "old-media"
    files = {
        "media/1/a.jpg": b"photo" * 1000,
        "media/2/film.mp4": film_bytes(200_000),
        "commissioning/bid.pdf": b"%PDF-1.4 bid",
    }
    for name, content in files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(content)
    out = io.StringIO()
    call_command("media_to_bucket", "--source", str(source), "--delete-local", stdout=out)
    assert "Copied 3" in out.getvalue() and "mismatched 0" in out.getvalue()
    for name, content in files.items():
        stored = bucket.get_object(Bucket=BUCKET, Key=name)["Body"].read()
        assert hashlib.sha256(stored).digest() == hashlib.sha256(content).digest()
        assert not (source / name).exists()

    # Run again after an interruption: what is there and right is left alone.
    (source / "media/1/a.jpg").write_bytes(files["media/1/a.jpg"])
    again = io.StringIO()
    call_command("media_to_bucket", "--source", str(source), stdout=again)
    assert "Copied 0, already in the bucket 1" in again.getvalue()

    # A different file under a name already taken is reported, never overwritten.
    (source / "media/1/a.jpg").write_bytes(b"something else")
    with pytest.raises(CommandError, match="1 object"):
        call_command("media_to_bucket", "--source", str(source), stdout=io.StringIO())
    stored = bucket.get_object(Bucket=BUCKET, Key="media/1/a.jpg")["Body"].read()
    assert stored == files["media/1/a.jpg"]


def test_media_to_bucket_needs_a_bucket(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="MEDIA_S3_BUCKET"):
        call_command("media_to_bucket", "--source", str(tmp_path), stdout=io.StringIO())


def test_a_large_film_is_uploaded_in_pieces_never_read_whole(
    practitioner: Membership, project: Project
) -> None:
    """A 30 MB film, spooled to a temporary file as Django does above 2.5 MB, is copied to
    storage a chunk at a time: the upload never holds more than a few chunks in memory."""
    import tracemalloc

    from django.core.files.uploadedfile import TemporaryUploadedFile

    size = 30 * 1024 * 1024
    sent = hashlib.sha256()
    upload = TemporaryUploadedFile("ours.mp4", "video/mp4", size, None)
    chunk = film_bytes(1024 * 1024)
    for _ in range(30):
        upload.write(chunk)
        sent.update(chunk)
    upload.seek(0)

    tracemalloc.start()
    try:
        item = services.media_add(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            kind="film",
            caption="Our long film",
            file=upload,
            project=project,
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        upload.close()

    assert peak < 4 * 1024 * 1024, f"the upload held {peak / 1e6:.1f} MB at once"
    assert private.checksum(item.file.storage, item.file.name) == (size, sent.hexdigest())
