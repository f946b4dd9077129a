"""A receipt for a payment: a photo (re-encoded so only the pixels are kept) or a PDF, up to
10 MB, told apart by its content, never its name. Kept private: it goes out only through
`views.payments.payment_receipt`, to staff who can see payments."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.inclusion.choices import PaymentStatus

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from coproduce.accounts.models import User
    from coproduce.inclusion.models import Payment

MAX_RECEIPT_BYTES = 10 * 1024 * 1024
MAX_RECEIPT_PIXELS = 40_000_000
PHOTO_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}
PDF_MAGIC = b"%PDF-"


def _too_big() -> ValidationError:
    return ValidationError({"receipt": _("The receipt must be smaller than 10 MB")})


def _not_a_receipt() -> ValidationError:
    return ValidationError({"receipt": _("The receipt must be a photo (JPEG or PNG) or a PDF")})


def clean_receipt(upload: UploadedFile) -> tuple[ContentFile[bytes], str]:
    """The file to keep and its content type; a ValidationError on `receipt` otherwise."""
    if upload.size is not None and upload.size > MAX_RECEIPT_BYTES:
        raise _too_big()
    upload.seek(0)
    start = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if start == PDF_MAGIC:
        data = upload.read(MAX_RECEIPT_BYTES + 1)
        if len(data) > MAX_RECEIPT_BYTES:
            raise _too_big()
        return ContentFile(data, name="receipt.pdf"), "application/pdf"
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(upload) as original:
            image_format = original.format or ""
            if image_format not in PHOTO_FORMATS:
                raise _not_a_receipt()
            width, height = original.size  # from the header, before any pixel is decoded
            if width * height > MAX_RECEIPT_PIXELS:
                raise ValidationError(
                    {"receipt": _("The photo has too many pixels: make it smaller and try again")}
                )
            image = ImageOps.exif_transpose(original) or original
            image.load()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise _not_a_receipt() from None
    pixels = Image.new(image.mode, image.size)
    pixels.paste(image)
    buffer = io.BytesIO()
    extension, content_type = PHOTO_FORMATS[image_format]
    if image_format == "JPEG":
        pixels.save(buffer, format=image_format, quality=90)
    else:
        pixels.save(buffer, format=image_format)
    return ContentFile(buffer.getvalue(), name=f"receipt.{extension}"), content_type


def receipt_attach(*, acting_user: User, payment: Payment, upload: UploadedFile) -> Payment:
    """Keep a receipt with a payment that is still waiting for approval (replacing any
    earlier one): once a manager has decided, what they saw stays as it was."""
    if payment.status != PaymentStatus.AWAITING:
        raise ValidationError({"receipt": _("This payment has already been decided")})
    content, content_type = clean_receipt(upload)
    old = payment.receipt.name if payment.receipt else ""
    with transaction.atomic():
        payment.receipt.save(content.name or "receipt", content, save=False)
        payment.receipt_type = content_type
        payment.save(update_fields=["receipt", "receipt_type"])
        audit_record(
            acting_user=acting_user,
            organisation=payment.organisation,
            verb="payment.receipt",
            target=payment,
            details={"content_type": content_type},
        )
    if old:
        payment.receipt.storage.delete(old)
    return payment
