from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.assessments import matrix
from coproduce.core import pages
from coproduce.core.charts import bar_chart
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.outcomes import selectors as sel
from coproduce.outcomes import services
from coproduce.outcomes.forms import CheckInForm, SettingsForm
from coproduce.outcomes.measures import MEASURES


@member_required("young_person")
def mine(request: MemberRequest) -> HttpResponse:
    check_ins = list(sel.check_ins_of(request.membership))
    return render(
        request,
        "outcomes/mine.html",
        {
            "title": _("How am I doing?"),
            "due": sel.due_for(request.membership),
            "check_ins": check_ins,
            "measures": MEASURES,
        },
    )


@member_required()
def take(request: MemberRequest, project_id: int) -> HttpResponse:
    # Look the project up first, so another organisation's project is 404 whoever asks.
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    if (
        not request.membership.is_young_person
        or not sel.due(request.membership).filter(pk=project.pk).exists()
    ):
        raise Http404
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_in_record(
                acting_user=request.user,
                young_person=request.membership,
                project=project,
                answers=form.cleaned_data,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your answers help make the project better."))
            return redirect("outcomes:mine")
    return form_page(
        request,
        form=form,
        title=_("How are things going?"),
        caption=project.name,
        intro=_(
            "There are no right or wrong answers. Only the staff who run your projects see them."
        ),
        submit_text=_("Send my answers"),
        back_url=reverse("outcomes:mine"),
    )


@member_required("staff")
def project(request: MemberRequest, project_id: int) -> HttpResponse:
    found = sel.get_project_for(organisation=request.organisation, pk=project_id)
    result = sel.before_after(found)
    rows: list[tuple[str, float]] = []
    for change in result.changes if result.shown else []:
        rows += [
            (f"{change.label}: first", float(change.before or 0)),
            (f"{change.label}: latest", float(change.after or 0)),
        ]
    return render(
        request,
        "outcomes/project.html",
        {
            "title": _("Before and after"),
            "result": result,
            "chart": bar_chart(rows) if rows else None,
        },
    )


@member_required("manage_organisation")
def settings_page(request: MemberRequest) -> HttpResponse:
    return pages.settings_page(
        request,
        form_class=SettingsForm,
        current=sel.settings_for(organisation=request.organisation),
        save=partial(
            services.settings_set, acting_user=request.user, organisation=request.organisation
        ),
        saved_message=_("Saved"),
        done_url=reverse("outcomes:settings"),
        title=_("Outcomes check-ins"),
        submit_text=_("Save"),
    )


@member_required("staff")
def portfolio(request: MemberRequest) -> HttpResponse:
    """All projects by who designs and who delivers, and by the forms of co-production."""
    return render(
        request,
        "outcomes/portfolio.html",
        {
            "title": _("Portfolio: how each project is co-produced"),
            "portfolio": sel.portfolio(organisation=request.organisation),
            "designers": [label for _key, label in matrix.WHO],
        },
    )
