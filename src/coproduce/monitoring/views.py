from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core import downloads
from coproduce.core.charts import bar_chart
from coproduce.core.forms import period_from
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page
from coproduce.inclusion import selectors as inclusion_sel
from coproduce.monitoring import exports, services
from coproduce.monitoring import selectors as sel
from coproduce.monitoring.forms import NarrativeForm, PopulationForm
from coproduce.monitoring.guarantee import guarantee_evidence
from coproduce.monitoring.report import QUESTIONS, project_report
from coproduce.monitoring.report.records import Records


@member_required("staff")
def index(request: MemberRequest) -> HttpResponse:
    form, start, end = period_from(request.GET)
    return render(
        request,
        "monitoring/index.html",
        {
            "title": _("Monitoring and evidence"),
            "projects": sel.projects_to_report(request.organisation),
            "form": form,
            "query": request.GET.urlencode(),
            "start": start,
            "end": end,
            "can_share": request.membership.can("manage_organisation"),
        },
    )


def _report_context(request: MemberRequest, project_id: int) -> dict[str, Any]:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    form, start, end = period_from(request.GET)
    # The records are asked for once: the report counts from them, and the equality panel
    # needs who took part.
    records = Records(project, start, end)
    report = project_report(project, start, end, records)
    # Equality answers of those who took part: counted, small numbers hidden, and only for
    # staff allowed to see them (never in the PDF, the spreadsheet or a commissioner's copy).
    equality = (
        inclusion_sel.equality_summary(
            organisation=request.organisation, today=end, membership_ids=list(records.people)
        )
        if request.membership.can("view_equality")
        else None
    )
    return {
        "title": _("Monitoring report"),
        "equality": equality,
        "report": report,
        "guarantee": guarantee_evidence(report),
        "age_chart": bar_chart([(band, count) for band, count in report.age_bands]),
        "form": form,
        "query": request.GET.urlencode(),
        "organisation": request.organisation,
    }


@member_required("staff")
def report(request: MemberRequest, project_id: int) -> HttpResponse:
    return render(request, "monitoring/report.html", _report_context(request, project_id))


def _prepare(request: MemberRequest, project_id: int, kind: str) -> HttpResponse:
    """The report's PDF and spreadsheet are made by the worker; this page waits for them."""
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    _form, start, end = period_from(request.GET)
    back = reverse("monitoring:report", kwargs={"project_id": project.pk})
    if request.GET:
        back += "?" + request.GET.urlencode()
    return downloads.prepare_response(
        request, kind=kind, params=exports.report_params(project.pk, start, end), back_url=back
    )


@member_required("staff")
def report_pdf(request: MemberRequest, project_id: int) -> HttpResponse:
    return _prepare(request, project_id, "monitoring.report_pdf")


@member_required("staff")
def report_xlsx(request: MemberRequest, project_id: int) -> HttpResponse:
    return _prepare(request, project_id, "monitoring.report_xlsx")


@member_required("staff")
def narrative(request: MemberRequest, project_id: int, question: str) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    questions = dict(QUESTIONS)
    if question not in questions:
        raise Http404
    _form, start, end = period_from(request.GET)
    current = sel.narrative_of(project, start, end, question)
    form = NarrativeForm(request.POST or None, initial={"text": current.text if current else ""})
    back = (
        reverse("monitoring:report", kwargs={"project_id": project.pk})
        + "?"
        + request.GET.urlencode()
    )
    if request.method == "POST" and form.is_valid():
        services.narrative_save(
            acting_user=request.user,
            project=project,
            start=start,
            end=end,
            question=question,
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Saved"))
        return redirect(back)
    return form_page(
        request,
        form=form,
        title=str(questions[question]),
        caption=f"{project.name}: {start:%d %b %Y} to {end:%d %b %Y}",
        intro=_("Commissioners you share reports with will read this. Do not name young people."),
        submit_text=_("Save"),
        back_url=back,
    )


NEVER_INVITED_PER_PAGE = 50


@member_required("staff")
def inclusion(request: MemberRequest) -> HttpResponse:
    form, start, end = period_from(request.GET)
    view = sel.inclusion_of(request.organisation, start, end)
    limits = inclusion_sel.settings_for(organisation=request.organisation)
    # Those never invited can be thousands: a page of names at a time, the count in full.
    never_invited = Paginator(view.never_invited, NEVER_INVITED_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "monitoring/inclusion.html",
        {
            "title": _("Who takes part"),
            "view": view,
            "page": never_invited,
            "chart": bar_chart([(row.group, row.took_part) for row in view.rows]),
            "asked_often": inclusion_sel.asked_often_people(
                organisation=request.organisation, settings=limits
            ),
            "limits": limits,
            "can_set_population": request.membership.can("manage_people"),
            "form": form,
            "query": request.GET.urlencode(),
        },
    )


@member_required("manage_people")
def population(request: MemberRequest) -> HttpResponse:
    current = sel.population_of(request.organisation)
    form = PopulationForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        services.population_save(
            acting_user=request.user, organisation=request.organisation, counts=form.cleaned_data
        )
        messages.success(request, _("Saved"))
        return redirect("monitoring:inclusion")
    return form_page(
        request,
        form=form,
        title=_("Who the organisation serves"),
        intro=_(
            "How many young people your services are for, so the platform can show who is missing out."
        ),
        submit_text=_("Save"),
        back_url=reverse("monitoring:inclusion"),
    )
