"""Scenario: a young person gives their name as a spreadsheet formula, hoping a manager opens
an export and the formula runs (CSV/formula injection). Every download keeps it as plain text."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from coproduce.core.exports import safe_cell
from coproduce.credits.services import credits_award
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.commissioning.helpers import make_panel, score_all
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.prepared import prepared_download, uses_worker

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example","x")'


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode())))


def _cells(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row]


@pytest.mark.parametrize(
    "typed",
    [EVIL, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"],
)
def test_every_way_a_cell_can_start_a_formula_is_neutralised(typed: str) -> None:
    assert safe_cell(typed) == "'" + typed
    assert safe_cell("Fran = leader") == "Fran = leader"  # only the first character counts
    assert safe_cell(-3) == -3  # numbers stay numbers


@uses_worker
def test_the_time_credits_csv_does_not_run_a_young_persons_name(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    young = YoungPersonFactory.create(organisation=organisation, user__preferred_name=EVIL)
    credits_award(
        acting_user=practitioner.user,
        membership=young,
        minutes=60,
        reason="Helped at the club",
        idempotency_key="award:evil",
    )
    rows = _rows(prepared_download(client_for(manager), "/credits/export.csv").body)
    assert "'" + EVIL in _cells(rows)
    assert EVIL not in _cells(rows)


def test_the_self_assessment_csv_does_not_run_a_respondents_name(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    practitioner.user.preferred_name = EVIL
    practitioner.user.save()
    round_ = open_round(organisation)
    fill(round_, practitioner, [2, 5, 8, 8, 8, 8, 8, 8])
    rows = _rows(client_for(manager).get(f"/assessments/rounds/{round_.pk}/export.csv").content)
    respondents = {row[3] for row in rows[1:]}
    assert respondents == {"'" + EVIL}


def test_the_commissioning_scores_csv_does_not_run_a_panel_members_name_or_a_bid(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation, young=1, staff=0)
    user = panel.young[0].membership.user
    user.preferred_name = "\t" + EVIL  # some apps strip a leading tab, then run the rest
    user.save()
    score_all(panel, panel.young[0], [[3, 4, 3], [5, 5, 4], [4, 3, 4]])
    rows = _rows(
        client_for(panel.officer).get(f"/commissioning/{panel.round.pk}/scores.csv").content
    )
    assert {row[4] for row in rows[1:]} == {"'\t" + EVIL}


@uses_worker
def test_the_commissioning_spreadsheet_keeps_names_and_links_as_plain_text(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation, young=1, staff=0)
    user = panel.young[0].membership.user
    user.preferred_name = EVIL
    user.save()
    bid = panel.bids[0]
    bid.provider = "https://evil.example/sign-in"
    bid.save()
    score_all(panel, panel.young[0], [[3, 4, 3], [5, 5, 4], [4, 3, 4]])
    content = prepared_download(
        client_for(panel.officer), f"/commissioning/{panel.round.pk}/scores.xlsx"
    ).body
    book = openpyxl.load_workbook(io.BytesIO(content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    names = [cell for cell in cells if cell.value == EVIL]
    assert names and all(cell.data_type == "s" for cell in names)  # text, not a formula
    links = [cell for cell in cells if cell.value == "https://evil.example/sign-in"]
    assert links and all(cell.hyperlink is None for cell in links)  # shown, not clickable
    assert not [cell for cell in cells if cell.data_type == "f"]
