"""PDFs that a screen reader can follow: every document the product makes goes through here."""

from __future__ import annotations


def tagged_pdf(html: str) -> bytes:
    """Render HTML as tagged PDF (PDF/UA-1): headings, lists, tables and reading order survive,
    and the document carries its language from the page's `lang`."""
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango, which takes a moment

    result: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return result
