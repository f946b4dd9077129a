"""Downloads: a round as CSV (small: made in the request), the round report and a blank
printable scoring sheet as PDFs (made by `coproduce worker`, see assessments/printed.py)."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse

from coproduce.assessments import reports, selectors
from coproduce.core import downloads
from coproduce.core.exports import csv_writer
from coproduce.core.http import MemberRequest, member_required


@member_required("manage_people")
def round_csv(request: MemberRequest, round_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="round-{round_.pk}.csv"'
    csv_writer(response).writerows(reports.round_rows(round_))
    return response


@member_required("staff")
def round_pdf(request: MemberRequest, round_id: int) -> HttpResponse:
    """The report is made by the worker (assessments/printed.py); this page waits for it."""
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    return downloads.prepare_response(
        request,
        kind="assessments.round_pdf",
        params={"round_id": round_.pk},
        back_url=reverse("assessments:round", kwargs={"round_id": round_.pk}),
    )


@member_required("staff")
def blank_sheet(request: MemberRequest, version_id: int) -> HttpResponse:
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    return downloads.prepare_response(
        request,
        kind="assessments.blank_sheet",
        params={"version_id": version.pk},
        back_url=reverse("assessments:version", kwargs={"version_id": version.pk}),
    )
