"""Uploading photos, films and quotes: type checked by content, size limited, EXIF removed."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.media.models import Kind, MediaItem

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Idea, Project, Session

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_FILM_BYTES = 100 * 1024 * 1024
PHOTO_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def _max_pixels() -> int:
    return int(settings.MEDIA_MAX_IMAGE_PIXELS)


def clean_photo(upload: UploadedFile) -> tuple[ContentFile[bytes], str]:
    """Re-encode a photo so nothing but the pixels survive: no EXIF, no GPS, no comments."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if upload.size is not None and upload.size > MAX_PHOTO_BYTES:
        raise ValidationError({"file": _("The photo must be smaller than 10 MB")})
    limit = _max_pixels()
    too_many_pixels = ValidationError(
        {
            "file": _(
                "The photo has too many pixels: it can be up to %(megapixels)s megapixels. "
                "Make it smaller and try again"
            )
            % {"megapixels": limit // 1_000_000 or 1}
        }
    )
    try:
        # A small file can claim a huge picture (a decompression bomb). Pillow refuses at
        # open above twice its limit and warns above it (the media app makes that warning an
        # error); our own check below refuses above the limit before any pixel is decoded.
        Image.MAX_IMAGE_PIXELS = limit
        with Image.open(upload) as original:
            image_format = original.format or ""
            if image_format not in PHOTO_FORMATS:
                raise ValidationError({"file": _("The photo must be a JPEG, PNG or WebP image")})
            width, height = original.size  # read from the header only
            if width * height > limit:
                raise too_many_pixels
            # Turn the picture the right way up before the orientation tag goes with the EXIF.
            image = ImageOps.exif_transpose(original) or original
            image.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError({"file": _("The file is not a photo we can read")}) from None
    pixels = Image.new(image.mode, image.size)
    pixels.paste(image)
    buffer = io.BytesIO()
    extension, content_type = PHOTO_FORMATS[image_format]
    pixels.save(buffer, format=image_format, quality=90) if image_format == "JPEG" else pixels.save(
        buffer, format=image_format
    )
    return ContentFile(buffer.getvalue(), name=f"photo.{extension}"), content_type


# Brands of the ISO base media file format that phones and cameras write for films
# (the major brand of the `ftyp` box). Anything else (HEIC photos, PDFs) is refused.
MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1",
    b"M4V ", b"M4VH", b"M4VP", b"mmp4", b"MSNV", b"dash", b"3gp4", b"3gp5", b"3gp6",
    b"3g2a", b"f4v ",
}  # fmt: skip
MOV_BRANDS = {b"qt  "}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
EBML_DOCTYPE = 0x4282


def _ebml_vint(data: bytes, at: int, *, keep_marker: bool) -> tuple[int, int]:
    """Read an EBML variable-length integer at `at`: (value, position after it)."""
    if at >= len(data) or data[at] == 0:
        raise ValueError("bad vint")
    length = 9 - data[at].bit_length()
    if at + length > len(data):
        raise ValueError("short vint")
    value = data[at] if keep_marker else data[at] & (0xFF >> length)
    for byte in data[at + 1 : at + length]:
        value = (value << 8) | byte
    return value, at + length


def _webm_doctype(head: bytes) -> bytes | None:
    """The DocType in a file's EBML header ("webm" for WebM), or None if there is no header."""
    if not head.startswith(EBML_MAGIC):
        return None
    try:
        size, at = _ebml_vint(head, 4, keep_marker=False)
        end = min(at + size, len(head))
        while at < end:
            element, at = _ebml_vint(head, at, keep_marker=True)
            length, at = _ebml_vint(head, at, keep_marker=False)
            if element == EBML_DOCTYPE:
                return head[at : at + length]
            at += length
    except ValueError:
        return None
    return None


def _film_type(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) for an MP4, MOV or WebM container, else None."""
    if len(head) >= 16 and head[4:8] == b"ftyp":
        box_size = int.from_bytes(head[:4], "big")
        # A real ftyp box holds a major brand, a minor version and whole compatible brands.
        if box_size < 16 or box_size > 4096 or (box_size - 16) % 4:
            return None
        brand = head[8:12]
        if brand in MP4_BRANDS:
            return "video/mp4", "mp4"
        if brand in MOV_BRANDS:
            return "video/quicktime", "mov"
        return None
    if _webm_doctype(head) == b"webm":
        return "video/webm", "webm"
    return None


def check_film(upload: UploadedFile) -> tuple[str, str]:
    """Check a film by its container header: (content type, extension) or a refusal."""
    if upload.size is not None and upload.size > MAX_FILM_BYTES:
        raise ValidationError({"file": _("The film must be smaller than 100 MB")})
    head = upload.read(256)
    upload.seek(0)
    found = _film_type(head)
    if found is None:
        raise ValidationError(
            {"file": _("The film must be an MP4, MOV or WebM file. This file is not one of them")}
        )
    return found


def media_add(
    *,
    acting_user: User,
    organisation: Organisation,
    kind: str,
    caption: str,
    people: Sequence[Membership] = (),
    file: UploadedFile | None = None,
    quote_text: str = "",
    project: Project | None = None,
    session: Session | None = None,
    idea: Idea | None = None,
    approved: bool = True,
) -> MediaItem:
    """Staff add an item (approved as they add it); `approved=False` for a young person's own."""
    for person in people:
        if person.organisation_id != organisation.pk or not person.is_young_person:
            raise ValidationError({"people": _("Choose young people from this organisation")})
    for owner in (project, session, idea):
        if owner is not None and owner.organisation_id != organisation.pk:
            raise ValidationError(_("Attach it to a project, session or idea of this organisation"))
    if project is None and session is None and idea is None:
        raise ValidationError(_("Attach it to a project, a session or an idea"))
    item = MediaItem(
        organisation=organisation,
        kind=kind,
        caption=caption,
        project=project or (session.project if session else idea.project if idea else None),
        session=session,
        idea=idea,
        uploaded_by=acting_user,
        approved_at=timezone.now() if approved else None,
        approved_by=acting_user if approved else None,
    )
    if kind == Kind.QUOTE:
        if not quote_text.strip():
            raise ValidationError({"quote_text": _("Type the quote")})
        item.quote_text = quote_text.strip()
    else:
        if file is None:
            raise ValidationError({"file": _("Choose a file to upload")})
        content: File[bytes]
        if kind == Kind.PHOTO:
            content, item.content_type = clean_photo(file)
        else:
            item.content_type, extension = check_film(file)
            # Never read whole: the storage copies the upload (Django's temporary file above
            # FILE_UPLOAD_MAX_MEMORY_SIZE) in chunks, to the disk or the bucket's multipart upload.
            file.seek(0)
            content = File(file, name=f"film.{extension}")
        item.file.save(content.name or "upload", content, save=False)
    with transaction.atomic():
        item.full_clean()
        item.save()
        item.people.set(people)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="media.add",
            target=item,
            details={"kind": kind, "people": [p.pk for p in people]},
        )
    return item


def media_delete(*, acting_user: User, item: MediaItem) -> None:
    with transaction.atomic():
        audit_record(
            acting_user=acting_user,
            organisation=item.organisation,
            verb="media.delete",
            target=item,
        )
        stored = item.file.name
        item.delete()
    if stored:
        item.file.storage.delete(stored)


def media_offer(
    *,
    acting_user: User,
    young_person: Membership,
    session: Session,
    kind: str,
    caption: str,
    file: UploadedFile | None = None,
    quote_text: str = "",
    shows_me: bool = True,
) -> MediaItem:
    """A young person adds a photo or a quote to a session they came to. It waits for staff
    approval, then for the consent rules, before it appears anywhere. Their own words (a quote)
    always identify them; a photo does when they say they are in it."""
    from coproduce.projects.selectors import sessions_attended_by

    if kind not in (Kind.PHOTO, Kind.QUOTE):
        raise ValidationError({"kind": _("Choose a photo or a quote")})
    if not young_person.is_young_person or not young_person.is_active:
        raise ValidationError(_("Only young people can add their own photos and quotes"))
    if not sessions_attended_by(membership=young_person).filter(pk=session.pk).exists():
        raise ValidationError(_("You can add photos and quotes only to sessions you came to"))
    identified = [young_person] if kind == Kind.QUOTE or shows_me else []
    return media_add(
        acting_user=acting_user,
        organisation=session.organisation,
        kind=kind,
        caption=caption,
        people=identified,
        file=file,
        quote_text=quote_text,
        session=session,
        approved=False,
    )


def media_approve(*, acting_user: User, item: MediaItem, people: Sequence[Membership]) -> MediaItem:
    """Staff approve a young person's photo or quote, naming everyone who can be identified in
    it; it is then published wherever each of them has consent for that use."""
    if item.approved:
        raise ValidationError(_("This has already been approved"))
    for person in people:
        if person.organisation_id != item.organisation_id or not person.is_young_person:
            raise ValidationError({"people": _("Choose young people from this organisation")})
    with transaction.atomic():
        item.approved_at, item.approved_by = timezone.now(), acting_user
        item.full_clean()
        item.save(update_fields=["approved_at", "approved_by"])
        item.people.set(people)
        audit_record(
            acting_user=acting_user,
            organisation=item.organisation,
            verb="media.approve",
            target=item,
            details={"people": [p.pk for p in people]},
        )
    return item
