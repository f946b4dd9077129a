"""Scenario: a manager who uses a screen reader opens the round report. It is tagged, its
headings and tables come in the order they are printed, and it says which language it is in."""

from __future__ import annotations

import pytest
from django.utils import translation

from coproduce.assessments.printed import round_pdf
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.documents import assert_tagged, pdf_language, pdf_structure

pytestmark = pytest.mark.django_db


def test_the_round_report_reads_in_order_with_headings_and_table_headers(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    pdf = round_pdf(organisation, {"round_id": round_.pk}).content
    assert_tagged(pdf)
    assert pdf_language(pdf) == "en-gb"
    structure = pdf_structure(pdf)
    tags = [line.split(" ")[0] for line in structure if not line.startswith('"')]
    # The title first, then the sections in the order they are printed.
    assert tags.index("H1") < tags.index("H2")
    headings = [
        structure[i + 2].strip('"')
        for i, line in enumerate(structure)
        if line.startswith("H2") and i + 2 < len(structure)
    ]
    assert headings[:2] == [
        "Staff and young people side by side",
        "Across the organisation (groups under five hidden)",
    ]
    # Tables keep their header cells, so a screen reader announces each column.
    assert "Table" in tags and any(tag.startswith("TH") for tag in tags)


def test_a_pdf_made_in_welsh_says_so(organisation: Organisation, practitioner: Membership) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    with translation.override("cy"):
        pdf = round_pdf(organisation, {"round_id": round_.pk}).content
    assert pdf_language(pdf) == "cy"
