"""Recruitment interview pages: set one up, score alone, send, then agree as a panel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.assessments import interviews as sel
from coproduce.assessments import selectors
from coproduce.assessments.interview_forms import AgreeForm, InterviewForm, ScoreSheetForm
from coproduce.assessments.models import Interview
from coproduce.assessments.recruitment import INTERVIEW_SCALE, questions_for
from coproduce.assessments.services import interviews as services
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors


def _interview_seen_by(request: MemberRequest, interview_id: int) -> Interview:
    """Staff see their organisation's interviews; anyone else only those on whose panel they sit."""
    interview = sel.get_interview_for(organisation=request.organisation, pk=interview_id)
    if not request.membership.is_staff_member and not sel.panellist_of(
        interview=interview, membership=request.membership
    ):
        raise Http404
    return interview


@member_required("staff")
def interview_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "assessments/interviews.html",
        {
            "title": _("Recruitment interviews"),
            "interviews": sel.interviews_for(organisation=request.organisation),
            "can_manage": request.membership.can("manage_people"),
        },
    )


@member_required("manage_people")
def interview_new(request: MemberRequest) -> HttpResponse:
    form = InterviewForm(
        request.POST or None,
        versions=sel.banded_versions_for(organisation=request.organisation),
        people=sel.panel_choices_for(organisation=request.organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            interview = services.interview_create(
                acting_user=request.user,
                organisation=request.organisation,
                created_by=request.membership,
                post=form.cleaned_data["post"],
                version=form.cleaned_data["version"],
                held_on=form.cleaned_data["held_on"],
                candidates=form.cleaned_data["candidates"].splitlines(),
                panel=form.cleaned_data["panel"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect("assessments:interview", interview_id=interview.pk)
    return form_page(
        request,
        form=form,
        title=_("Set up recruitment interviews"),
        intro=_(
            "The questions come from a framework's indicators: each asks candidates for a real "
            "time their work showed it. Young people sit on the panel, and every panel member "
            "scores each candidate on their own before the panel agrees."
        ),
        submit_text=_("Set up"),
        back_url=reverse("assessments:interviews"),
    )


@member_required()
def interview_detail(request: MemberRequest, interview_id: int) -> HttpResponse:
    interview = _interview_seen_by(request, interview_id)
    me = sel.panellist_of(interview=interview, membership=request.membership)
    agreeing = sel.everyone_has_scored(interview=interview)
    return render(
        request,
        "assessments/interview.html",
        {
            "title": interview.post,
            "interview": interview,
            "me": me,
            "panel": sel.panel_of(interview=interview),
            "questions": sel.questions_of(interview=interview),
            "scale": INTERVIEW_SCALE,
            "agreeing": agreeing,
            "standings": sel.standings(interview=interview) if agreeing else [],
            "candidates": list(interview.candidates.all()),
            "can_agree": me is not None or request.membership.can("manage_people"),
        },
    )


@member_required()
def interview_sheet(request: MemberRequest, interview_id: int, candidate_id: int) -> HttpResponse:
    interview = _interview_seen_by(request, interview_id)
    candidate = sel.get_candidate(interview=interview, pk=candidate_id)
    me = sel.panellist_of(interview=interview, membership=request.membership)
    if me is None:
        raise PermissionDenied
    questions = sel.questions_of(interview=interview)
    mine = sel.own_scores(panellist=me, candidate=candidate)
    initial = {}
    for q in questions:
        if q.indicator.pk in mine:
            initial[f"value_{q.indicator.pk}"] = str(mine[q.indicator.pk].value)
            initial[f"note_{q.indicator.pk}"] = mine[q.indicator.pk].note
    form = ScoreSheetForm(request.POST or None, initial=initial, questions=questions)
    if request.method == "POST" and form.is_valid():
        marks = [
            services.Mark(
                q.indicator,
                form.cleaned_data[f"value_{q.indicator.pk}"],
                form.cleaned_data[f"note_{q.indicator.pk}"],
            )
            for q in questions
        ]
        try:
            services.interview_scores_save(
                acting_user=request.user, panellist=me, candidate=candidate, marks=marks
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Your scores for %(name)s are saved.") % {"name": candidate.name}
            )
            return redirect("assessments:interview", interview_id=interview.pk)
    return form_page(
        request,
        form=form,
        title=_("Your scores for %(name)s") % {"name": candidate.name},
        caption=interview.post,
        intro=_(
            "Score on your own: the rest of the panel cannot see your scores until everyone "
            "has sent theirs."
        ),
        submit_text=_("Save my scores"),
        back_url=reverse("assessments:interview", kwargs={"interview_id": interview.pk}),
    )


@require_POST
@member_required()
def interview_submit(request: MemberRequest, interview_id: int) -> HttpResponse:
    interview = _interview_seen_by(request, interview_id)
    me = sel.panellist_of(interview=interview, membership=request.membership)
    if me is None:
        raise PermissionDenied
    try:
        services.interview_submit(acting_user=request.user, panellist=me)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your scores are sent to the panel."))
    return redirect("assessments:interview", interview_id=interview.pk)


@member_required()
def interview_candidate(
    request: MemberRequest, interview_id: int, candidate_id: int
) -> HttpResponse:
    """Once everyone has scored: each question's spread of scores, and the agreed score."""
    interview = _interview_seen_by(request, interview_id)
    candidate = sel.get_candidate(interview=interview, pk=candidate_id)
    if not sel.everyone_has_scored(interview=interview):
        messages.info(request, _("The panel's scores show once every member has sent theirs."))
        return redirect("assessments:interview", interview_id=interview.pk)
    spreads = sel.spreads_for(candidate=candidate)
    agreed = sel.agreed_for(candidate=candidate)
    rows = [
        (q, spreads.get(q.indicator.pk), agreed.get(q.indicator.pk))
        for q in sel.questions_of(interview=interview)
    ]
    return render(
        request,
        "assessments/interview_candidate.html",
        {"title": candidate.name, "interview": interview, "candidate": candidate, "rows": rows},
    )


@member_required()
def interview_agree(
    request: MemberRequest, interview_id: int, candidate_id: int, indicator_id: int
) -> HttpResponse:
    interview = _interview_seen_by(request, interview_id)
    candidate = sel.get_candidate(interview=interview, pk=candidate_id)
    question = next(
        (q for q in sel.questions_of(interview=interview) if q.indicator.pk == indicator_id), None
    )
    if question is None:
        raise Http404
    form = AgreeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.interview_agree(
                acting_user=request.user,
                by=request.membership,
                candidate=candidate,
                indicator=question.indicator,
                value=form.cleaned_data["value"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect(
                "assessments:interview_candidate",
                interview_id=interview.pk,
                candidate_id=candidate.pk,
            )
    return form_page(
        request,
        form=form,
        title=_("Agree a score"),
        caption=candidate.name,
        intro=question.text,
        submit_text=_("Record the agreed score"),
        back_url=reverse(
            "assessments:interview_candidate",
            kwargs={"interview_id": interview.pk, "candidate_id": candidate.pk},
        ),
    )


@member_required("staff")
def question_set(request: MemberRequest, version_id: int) -> HttpResponse:
    """A framework's indicators as interview questions, to print or read from."""
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    if not version.is_banded:
        raise Http404
    return render(
        request,
        "assessments/question_set.html",
        {
            "title": _("Interview questions"),
            "version": version,
            "questions": questions_for(list(version.indicators.select_related("principle"))),
            "scale": INTERVIEW_SCALE,
        },
    )
