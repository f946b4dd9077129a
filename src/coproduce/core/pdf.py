"""PDFs that a screen reader can follow: every document the product makes goes through here."""

from __future__ import annotations

# Rules every PDF keeps, whatever its own style says: a table row is never split across a
# page break, and a table's header row is printed again at the top of each page it runs on
# (so a reader of page 3 still knows what each column is).
PAGE_BREAK_CSS = """
tr, th, td, li, figure, img, svg { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
"""


def tagged_pdf(html: str) -> bytes:
    """Render HTML as tagged PDF (PDF/UA-1): headings, lists, tables and reading order survive,
    and the document carries its language from the page's `lang`. Rows do not split across
    pages and table headers repeat (`PAGE_BREAK_CSS`)."""
    from weasyprint import CSS, HTML  # imported late: WeasyPrint loads Pango, which takes a moment

    result: bytes = HTML(string=html).write_pdf(
        pdf_variant="pdf/ua-1", stylesheets=[CSS(string=PAGE_BREAK_CSS)]
    )
    return result
