"""Scenario: a manager prints a long table. No row is cut in two by a page break, and the
column headings are printed again at the top of every page the table runs on."""

from __future__ import annotations

import subprocess

import pytest
from django.utils.html import escape

from coproduce.assessments.printed import round_pdf
from coproduce.core.pdf import tagged_pdf
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.documents import assert_tagged, pdf_text

ROWS = 40
FILLER = " ".join(["Young people planned and ran the session with the staff."] * 5)


def _long_table() -> str:
    rows = "".join(
        f"<tr><th>Start{n:02d}</th><td>{escape(FILLER)} End{n:02d}</td></tr>"
        for n in range(1, ROWS + 1)
    )
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Long</title>'
        "<style>@page { size: A6; margin: 10mm; } body { font-size: 9pt; }"
        " th, td { vertical-align: top; }</style></head><body><h1>Sessions</h1>"
        "<table><thead><tr><th>Session</th><th>What happened</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>"
    )


def _pages(pdf: bytes) -> list[str]:
    count = int(
        next(
            line.split()[-1]
            for line in subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
            .stdout.decode()
            .splitlines()
            if line.startswith("Pages:")
        )
    )
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        for n in range(1, count + 1)
    ]


def _split_rows(pages: list[str]) -> list[int]:
    """Rows whose start and end are printed on different pages."""
    split = []
    for n in range(1, ROWS + 1):
        starts = [i for i, text in enumerate(pages) if f"Start{n:02d}" in text]
        ends = [i for i, text in enumerate(pages) if f"End{n:02d}" in text]
        assert starts and ends, f"row {n} is missing"
        if starts != ends:
            split.append(n)
    return split


def test_it_keeps_every_row_on_one_page_and_repeats_the_headings() -> None:
    pdf = tagged_pdf(_long_table())
    assert_tagged(pdf)
    pages = _pages(pdf)
    assert len(pages) > 3, "the table should run over several pages"
    assert _split_rows(pages) == []
    for number, text in enumerate(pages, start=1):
        assert "What happened" in text, f"page {number} has no column headings"


def test_without_the_rule_a_row_would_be_cut_in_two() -> None:
    """The same table printed without tagged_pdf's rules: the check above can fail."""
    from weasyprint import HTML

    pdf = HTML(string=_long_table()).write_pdf()
    assert _split_rows(_pages(pdf)) != []


@pytest.mark.django_db
def test_the_round_reports_tables_repeat_their_headings_on_the_next_page(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    pdf = round_pdf(organisation, {"round_id": round_.pk}).content
    pdf_text(pdf)  # tagged, and readable
    pages = _pages(pdf)
    assert len(pages) >= 2
    # The scores table starts on page 1 and runs on: its headings are printed again.
    for text in pages[:2]:
        assert "Indicator" in text and "Staff: My own" in text
