"""E-mail helpers for messages: absolute links, masked addresses, which failures may pass.

A temporary failure (no connection, a 4xx reply) is tried again later, with growing
delays (RETRY_DELAYS); a permanent one (a 5xx reply) is not (see delivery.py).
"""

from __future__ import annotations

import smtplib

from django.conf import settings

# Seconds to wait before attempt 2, 3, …; after the last, a temporary failure is final.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60)


def absolute(url: str) -> str:
    """A link that works from a mail client: relative paths get SITE_URL in front."""
    if url.startswith("/"):
        return settings.SITE_URL.rstrip("/") + url
    return url


def mask(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def is_temporary(error: OSError) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPConnectError):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    # A dropped connection may come back; a refused command will not. Any other OSError
    # (connection refused, reset, timed out) is the server being away for now.
    return isinstance(error, smtplib.SMTPServerDisconnected) or not isinstance(
        error, smtplib.SMTPException
    )
