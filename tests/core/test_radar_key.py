"""Scenario: a manager who cannot tell colours apart reads the round report's radar chart. Each
series has its own line and markers as well as its colour, the key draws and names them, and
the PDF reads the key in the order it is printed."""

from __future__ import annotations

import re

import pytest

from coproduce.assessments.charts import STYLES, radar
from coproduce.assessments.printed import round_pdf
from coproduce.assessments.results import Series
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for
from tests.documents import pdf_structure, pdf_text

LABELS = ["Staff: My own practice", "Staff: My project", "Staff: My organisation"]


def test_no_two_series_share_a_line_or_a_marker() -> None:
    chart = radar([Series(key=f"s{n}", label=f"S{n}", values=[5, 6, 7]) for n in range(4)], 3)
    looks = {(s.dash, s.key_marker, s.hollow) for s in chart.series}
    assert len(looks) == 4
    assert len({s.dash for s in chart.series}) == 4
    assert len({style.marker for style in STYLES}) == 4
    # A marker on every point of every series.
    for s in chart.series:
        assert s.markers.count("M") == 3


@pytest.mark.django_db
def test_the_round_page_key_shows_and_names_each_line(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    page = client_for(practitioner).get(f"/assessments/rounds/{round_.pk}/").content.decode()
    key = re.search(r'<ul class="cp-key[^"]*" data-testid="radar-key">(.*?)</ul>', page, re.S)
    assert key, "the radar has no key"
    items = re.findall(r"<li>(.*?)</li>", key.group(1), re.S)
    texts = [re.sub(r"<[^>]+>", "", item).strip() for item in items]
    assert texts == [
        "Staff: My own practice (solid line, round dots)",
        "Staff: My project (dashed line, open squares)",
        "Staff: My organisation (dotted line, triangles)",
    ]
    # Each key entry draws the same line and marker as its series in the chart.
    dashes = [re.search(r'<line[^>]*?(?:stroke-dasharray="([^"]*)")?/>', item) for item in items]
    assert [d.group(1) if d else None for d in dashes] == [None, "8 4", "2 3"]
    assert all('aria-hidden="true"' in item for item in items)
    assert page.count('stroke-dasharray="8 4"') == 2  # the chart's line and the key's


@pytest.mark.django_db
def test_the_pdf_reads_the_key_in_order(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    pdf = round_pdf(organisation, {"round_id": round_.pk}).content
    text = " ".join(pdf_text(pdf).split())
    positions = [
        text.index(f"{label} ({pattern})")
        for label, pattern in zip(LABELS, [str(s.pattern) for s in STYLES], strict=False)
    ]
    assert positions == sorted(positions)
    # In the tagged structure too: a screen reader meets the key as a list, in order.
    structure = " ".join(pdf_structure(pdf))
    found = [structure.find(f"{label} (") for label in LABELS]
    assert -1 not in found and found == sorted(found)
