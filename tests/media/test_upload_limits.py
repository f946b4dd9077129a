"""Uploads an attacker would try: a tiny file claiming a huge picture, a film that is not a film."""

from __future__ import annotations

import struct
import zlib
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from coproduce.media.models import MediaItem
from coproduce.projects.services import project_create
from tests.conftest import client_for

if TYPE_CHECKING:
    from django.test import Client
    from django.test.client import _MonkeyPatchedWSGIResponse

    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(side: int = 12000) -> bytes:
    """A valid black-and-white PNG of side×side pixels that is only a few kilobytes."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1 bit per pixel, grey
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte + the row's bits, all black
    packer = zlib.compressobj(9)
    rows = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


@pytest.fixture
def project(practitioner: Membership) -> Project:
    return project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="Redesign",
    )


def upload(
    client: Client, project: Project, kind: str, name: str, content: bytes
) -> _MonkeyPatchedWSGIResponse:
    return client.post(
        "/media/add/",
        {
            "kind": kind,
            "project": project.pk,
            "caption": "Painting the club",
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_it_refuses_a_tiny_photo_claiming_a_huge_picture_without_decoding_it(
    practitioner: Membership, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = bomb_png()
    assert len(bomb) < 200_000  # a small file...
    assert struct.unpack(">II", bomb[16:24]) == (12000, 12000)  # ...claiming 144 megapixels
    decoded: list[object] = []
    real_load = ImageFile.ImageFile.load

    def load(image: ImageFile.ImageFile) -> object:
        decoded.append(image)
        return real_load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)

    page = upload(client_for(practitioner), project, "photo", "club.png", bomb)

    assert page.status_code == 200
    assert "The photo has too many pixels: it can be up to 40 megapixels" in page.content.decode()
    assert not decoded  # refused from the header, before any pixel was decoded
    assert not MediaItem.objects.exists()


# As in production (media/apps.py): Pillow's warning above its limit is an error.
@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
def test_the_pixel_limit_is_a_setting_and_photos_within_it_are_kept(
    practitioner: Membership,
    project: Project,
    settings: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The upload sets Pillow's own limit from the setting: put it back afterwards.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)
    client = client_for(practitioner)
    settings.MEDIA_MAX_IMAGE_PIXELS = 1_000_000  # type: ignore[attr-defined]
    refused = upload(client, project, "photo", "club.png", bomb_png(1001))
    assert "up to 1 megapixels" in refused.content.decode()
    kept = upload(client, project, "photo", "club.png", bomb_png(1000))
    assert kept.status_code == 302
    assert MediaItem.objects.get().content_type == "image/png"


def _mp4_head(brand: bytes) -> bytes:
    return struct.pack(">I", 24) + b"ftyp" + brand + b"\x00\x00\x02\x00" + b"isommp41"


def _webm_head(doctype: bytes) -> bytes:
    # EBML header: EBMLVersion 1, then DocType; sizes are one-byte vints (0x80 | n).
    body = b"\x42\x86\x81\x01" + b"\x42\x82" + bytes([0x80 | len(doctype)]) + doctype
    return b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(body)]) + body


@pytest.mark.parametrize(
    ("content", "why"),
    [
        pytest.param(b"\x00\x00\x00\x00ftyp<script>alert(1)</script>", "no size", id="ftyp-0"),
        pytest.param(_mp4_head(b"heic"), "an iPhone photo", id="heic"),
        pytest.param(_mp4_head(b"pdf "), "an unknown brand", id="unknown-brand"),
        pytest.param(_webm_head(b"matroska") + b"\x00" * 64, "not WebM", id="matroska"),
        pytest.param(b"\x1a\x45\xdf\xa3" + b"%PDF-1.4", "four bytes only", id="ebml-magic-only"),
        pytest.param(b"%PDF-1.4 not a film", "a PDF", id="pdf"),
    ],
)
def test_it_refuses_a_file_that_only_pretends_to_be_a_film(
    practitioner: Membership, project: Project, content: bytes, why: str
) -> None:
    page = upload(client_for(practitioner), project, "film", "film.mp4", content)
    assert "The film must be an MP4, MOV or WebM file" in page.content.decode(), why
    assert not MediaItem.objects.exists()


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        pytest.param(_mp4_head(b"isom") + b"\x00" * 64, "video/mp4", id="isom"),
        pytest.param(_mp4_head(b"mp42") + b"\x00" * 64, "video/mp4", id="mp42"),
        pytest.param(_mp4_head(b"qt  ") + b"\x00" * 64, "video/quicktime", id="mov"),
        pytest.param(
            _webm_head(b"webm") + b"\x18\x53\x80\x67" + b"\x00" * 64, "video/webm", id="webm"
        ),
    ],
)
def test_it_keeps_real_films_by_their_container(
    practitioner: Membership, project: Project, content: bytes, content_type: str
) -> None:
    page = upload(client_for(practitioner), project, "film", "film", content)
    assert page.status_code == 302
    assert MediaItem.objects.get().content_type == content_type
