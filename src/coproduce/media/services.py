"""Uploading photos, films and quotes: type checked by content, size limited, EXIF removed."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
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


def clean_photo(upload: UploadedFile) -> tuple[ContentFile[bytes], str]:
    """Re-encode a photo so nothing but the pixels survive: no EXIF, no GPS, no comments."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if upload.size is not None and upload.size > MAX_PHOTO_BYTES:
        raise ValidationError({"file": _("The photo must be smaller than 10 MB")})
    try:
        with Image.open(upload) as original:
            image_format = original.format or ""
            if image_format not in PHOTO_FORMATS:
                raise ValidationError({"file": _("The photo must be a JPEG, PNG or WebP image")})
            # Turn the picture the right way up before the orientation tag goes with the EXIF.
            image = ImageOps.exif_transpose(original) or original
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError):
        raise ValidationError({"file": _("The file is not a photo we can read")}) from None
    pixels = Image.new(image.mode, image.size)
    pixels.paste(image)
    buffer = io.BytesIO()
    extension, content_type = PHOTO_FORMATS[image_format]
    pixels.save(buffer, format=image_format, quality=90) if image_format == "JPEG" else pixels.save(
        buffer, format=image_format
    )
    return ContentFile(buffer.getvalue(), name=f"photo.{extension}"), content_type


def check_film(upload: UploadedFile) -> str:
    if upload.size is not None and upload.size > MAX_FILM_BYTES:
        raise ValidationError({"file": _("The film must be smaller than 100 MB")})
    head = upload.read(12)
    upload.seek(0)
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "video/webm"
    raise ValidationError({"file": _("The film must be an MP4 or WebM file")})


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
) -> MediaItem:
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
    )
    if kind == Kind.QUOTE:
        if not quote_text.strip():
            raise ValidationError({"quote_text": _("Type the quote")})
        item.quote_text = quote_text.strip()
    else:
        if file is None:
            raise ValidationError({"file": _("Choose a file to upload")})
        if kind == Kind.PHOTO:
            content, item.content_type = clean_photo(file)
        else:
            item.content_type = check_film(file)
            content = ContentFile(file.read(), name=f"film.{item.content_type.split('/')[1]}")
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
