"""The matrix, decision report and letters hold the panel's numbers; the API tells the same story."""

from __future__ import annotations

import csv
import io

from coproduce.organisations.models import Organisation
from tests.commissioning.helpers import Panel, agree_all, make_panel, score_all
from tests.conftest import client_for
from tests.documents import pdf_text, xlsx_rows
from tests.prepared import prepared_download, uses_worker

AGREED = [[5, 1, 3], [4, 2, 5], [3, 3, 3]]


def decided(organisation: Organisation) -> Panel:
    panel = make_panel(organisation, young=2, staff=1)
    score_all(panel, panel.young[0], [[3, 4, 3], [5, 5, 4], [4, 3, 4]])
    score_all(panel, panel.young[1], [[2, 3, 4], [4, 5, 3], [5, 4, 4]])
    score_all(panel, panel.staff[0], [[4, 4, 3], [4, 4, 4], [3, 3, 4]])
    agree_all(panel, AGREED, [40000000, 62000000, 0])
    from coproduce.commissioning import services

    services.round_finalise(
        acting_user=panel.officer.user,
        acting_membership=panel.officer,
        round_=panel.round,
        decision_summary="Two bids funded.",
    )
    return panel


def test_the_csv_matrix_holds_every_individual_and_agreed_score(organisation: Organisation) -> None:
    panel = decided(organisation)
    response = client_for(panel.officer).get(f"/commissioning/{panel.round.pk}/scores.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Organisation bidding", "Bid", "Criterion", "Weight"]
    individual = [r for r in rows[1:] if r[4] != "Agreed by the panel"]
    agreed = [r for r in rows[1:] if r[4] == "Agreed by the panel"]
    assert len(individual) == 3 * 3 * 3 and len(agreed) == 9
    shed_reach = [int(r[7]) for r in individual if r[0] == "The Shed" and r[2] == "Reach"]
    assert sorted(shed_reach) == [4, 5, 5]
    assert [r[7] for r in agreed if r[0] == "The Shed"] == ["4", "2", "5"]


@uses_worker
def test_the_xlsx_matrix_opens_and_its_results_sheet_ranks_and_allocates(
    organisation: Organisation,
) -> None:
    panel = decided(organisation)
    book = prepared_download(
        client_for(panel.officer), f"/commissioning/{panel.round.pk}/scores.xlsx"
    ).body
    scores = xlsx_rows(book, sheet=0)
    assert len(scores) == 1 + 27 + 9
    results = xlsx_rows(book, sheet=1)
    header, body = results[0], results[1:]
    assert header[0] == "Rank" and header[-1] == "Awarded (£)"
    by_provider = {row[1]: row for row in body}
    assert by_provider["The Shed"][0] == 1 and by_provider["The Shed"][-2] == 63.8
    assert by_provider["Family Hub"][-2] == 52.5 and by_provider["Family Hub"][-1] == 400000
    assert by_provider["Valley Voices"][-1] == 0


@uses_worker
def test_the_decision_report_and_letters_are_pdfs_with_the_numbers(
    organisation: Organisation,
) -> None:
    panel = decided(organisation)
    client = client_for(panel.officer)
    report = pdf_text(
        prepared_download(client, f"/commissioning/{panel.round.pk}/decision.pdf").body
    )
    assert "Wellbeing grants" in report and "Two bids funded." in report
    assert "63.8%" in report and "£620,000" in report and "£1,020,000" in report
    letter = pdf_text(
        prepared_download(
            client, f"/commissioning/{panel.round.pk}/bids/{panel.bids[2].pk}/letter.pdf"
        ).body
    )
    assert "did not fund your bid" in letter
    assert "ranked 3 of 3 bids" in letter and "50.0%" in letter
    assert "Reasons for Valley Voices" in letter


def test_exports_are_for_staff_only(organisation: Organisation) -> None:
    panel = decided(organisation)
    fran = client_for(panel.young[0].membership)
    assert fran.get(f"/commissioning/{panel.round.pk}/scores.csv").status_code == 403
    assert fran.get(f"/commissioning/{panel.round.pk}/decision.pdf").status_code == 403


def test_the_api_lists_rounds_and_takes_scores_and_gives_the_decision(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation, young=1, staff=1)
    staff_seat = panel.staff[0]
    client = client_for(staff_seat.membership)
    base = f"/api/v1/commissioning/rounds/{panel.round.pk}"
    assert [r["title"] for r in client.get("/api/v1/commissioning/rounds").json()] == [
        "Wellbeing grants"
    ]
    assert [c["weight"] for c in client.get(f"{base}/criteria").json()] == [40, 35, 25]
    assert len(client.get(f"{base}/bids").json()) == 3

    from coproduce.commissioning import services

    services.briefing_confirm(acting_user=staff_seat.membership.user, member=staff_seat)
    services.declaration_make(
        acting_user=staff_seat.membership.user,
        member=staff_seat,
        bid=panel.bids[0],
        has_interest=False,
    )
    payload = [{"criterion_id": c.pk, "score": 4, "comment": "clear"} for c in panel.criteria]
    bad = client.put(
        f"{base}/bids/{panel.bids[0].pk}/scores", payload[:2], content_type="application/json"
    )
    assert bad.status_code == 422 and f"score_{panel.criteria[2].pk}" in bad.json()["errors"]
    ok = client.put(
        f"{base}/bids/{panel.bids[0].pk}/scores", payload, content_type="application/json"
    )
    assert ok.status_code == 200 and [s["score"] for s in ok.json()] == [4, 4, 4]
    # Before submitting, the member sees only their own scores and no decision.
    score_all(panel, panel.young[0], [[1, 1, 1]] * 3)
    assert {s["member_id"] for s in client.get(f"{base}/scores").json()} == {staff_seat.pk}
    assert client.get(f"{base}/decision").status_code == 403

    # The officer running the round (not on the panel) sees submitted scores and the decision.
    officer = client_for(panel.officer)
    assert {s["member_id"] for s in officer.get(f"{base}/scores").json()} == {panel.young[0].pk}
    decision = officer.get(f"{base}/decision").json()
    assert decision["quorate"] is True and decision["young_people_scored"] == 1
    assert decision["results"][0]["cells"][0]["scores"] == [1]
