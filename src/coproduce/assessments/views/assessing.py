"""Doing an assessment: start or resume, one page per indicator, submit, see the result."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.assessments import (
    charts,
    citations,
    frameworks,
    interviews,
    pathways,
    results,
    selectors,
    services,
)
from coproduce.assessments.forms import IndicatorForm, SessionForm
from coproduce.assessments.models import Assessment, Indicator, Level, Perspective
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import young_people_for


@member_required()
def index(request: MemberRequest) -> HttpResponse:
    membership = request.membership
    if membership.is_staff_member:
        frameworks.builtins_install(organisation=request.organisation)
    if not (membership.is_staff_member or membership.is_young_person):
        raise Http404
    return render(
        request,
        "assessments/index.html",
        {
            "title": _("How well do we co-produce?")
            if membership.is_young_person
            else _("Self-assessment"),
            "open_rounds": selectors.open_rounds_for(organisation=request.organisation),
            "rounds": selectors.rounds_for(organisation=request.organisation)[:12],
            "mine": {a.round_id: a for a in selectors.assessments_of(membership=membership)},
            "can_manage": membership.can("manage_people"),
            "next_due": services.next_rounds_due(request.organisation),
            "level_choices": [(str(v), label) for v, label in Level.choices],
            "panels": interviews.panels_of(membership=membership),
        },
    )


@require_POST
@member_required()
def start(request: MemberRequest, round_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    membership = request.membership
    if membership.is_young_person:
        perspective = Perspective.YOUNG_PEOPLE
    elif membership.is_staff_member:
        perspective = Perspective.STAFF
    else:
        raise Http404
    project = membership.services.filter(is_active=True).first()
    # Staff tick the levels they answer at; without the question, every level offered.
    levels = request.POST.getlist("levels") if "choose_levels" in request.POST else None
    try:
        assessment = services.assessment_start(
            acting_user=request.user,
            round_=round_,
            respondent=membership,
            perspective=perspective,
            project=project,
            levels=levels,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessments:index")
    return redirect("assessments:assessment", assessment_id=assessment.pk)


@member_required("staff")
def session(request: MemberRequest, round_id: int) -> HttpResponse:
    """A practitioner-led session: a young person gives their view with a worker beside them."""
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    form = SessionForm(
        request.POST or None, young_people=young_people_for(organisation=request.organisation)
    )
    if request.method == "POST" and form.is_valid():
        young = form.cleaned_data["young_person"]
        try:
            item = services.assessment_start(
                acting_user=request.user,
                round_=round_,
                respondent=young,
                perspective=Perspective.YOUNG_PEOPLE,
                project=young.services.filter(is_active=True).first(),
                led_by=request.membership,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if item.led_by_id != request.membership.pk:
                form.add_error(
                    "young_person", _("This young person has already started on their own")
                )
            else:
                return redirect("assessments:assessment", assessment_id=item.pk)
    return form_page(
        request,
        form=form,
        title=_("Run a session with a young person"),
        caption=round_.name,
        intro=_(
            "Sit with the young person and read out their version. They choose the answers; "
            "you record them. Their answers count as young people's views."
        ),
        submit_text=_("Start the session"),
        back_url=reverse("assessments:index"),
    )


def _progress(assessment: Assessment) -> list[dict[str, object]]:
    scores = {(s.indicator_id, s.level): s for s in assessment.scores.all()}
    rows = []
    for indicator in assessment.round.version.indicators.all():
        answered = [scores.get((indicator.pk, level)) for level in assessment.levels]
        done = all(s is not None and s.is_answered for s in answered)
        with_examples = done and all(s is not None and s.example for s in answered)
        rows.append(
            {
                "indicator": indicator,
                "done": done,
                "with_examples": with_examples,
                "generic": any(s is not None and s.generic for s in answered),
            }
        )
    return rows


@member_required()
def assessment(request: MemberRequest, assessment_id: int) -> HttpResponse:
    item = selectors.get_assessment_for(membership=request.membership, pk=assessment_id)
    progress = _progress(item)
    next_row = next((r for r in progress if not r["done"]), None)
    return render(
        request,
        "assessments/assessment.html",
        {
            "title": item.round.version.framework.name,
            "assessment": item,
            "progress": progress,
            "next_row": next_row,
            "young": item.perspective == Perspective.YOUNG_PEOPLE,
        },
    )


def _generic_levels(assessment: Assessment, indicator: Indicator) -> list[str]:
    """The levels whose saved example for this indicator is flagged generic."""
    return [
        str(Level(s.level).label)
        for s in assessment.scores.filter(indicator=indicator, generic=True).order_by("level")
    ]


def _initial(assessment: Assessment, indicator: Indicator) -> dict[str, object]:
    initial: dict[str, object] = {}
    for score in assessment.scores.filter(indicator=indicator):
        initial[f"value_{score.level}"] = score.value
        initial[f"answer_{score.level}"] = score.answer
        initial[f"example_{score.level}"] = score.example
    reflection = assessment.reflections.filter(indicator=indicator).first()
    initial["reflection"] = reflection.text if reflection else ""
    return initial


def _after(item: Assessment, following: Indicator | None) -> HttpResponse:
    """The next indicator, or the overview after the last one (or once submitted)."""
    if following is not None and not item.is_submitted:
        return redirect("assessments:indicator", assessment_id=item.pk, indicator_id=following.pk)
    return redirect("assessments:assessment", assessment_id=item.pk)


@member_required()
def indicator(request: MemberRequest, assessment_id: int, indicator_id: int) -> HttpResponse:
    item = selectors.get_assessment_for(membership=request.membership, pk=assessment_id)
    current = selectors.get_indicator_for(assessment=item, pk=indicator_id)
    indicators = list(item.round.version.indicators.all())
    position = next(i for i, ind in enumerate(indicators) if ind.pk == current.pk)
    following = indicators[position + 1] if position + 1 < len(indicators) else None
    htmx = bool(getattr(request, "htmx", False))
    moving_on = request.method == "POST" and not htmx and not item.is_submitted
    skipping = moving_on and "skip" in request.POST
    form = IndicatorForm(
        request.POST if request.method == "POST" else None,
        assessment=item,
        indicator=current,
        initial=_initial(item, current),
        # An empty "Save and continue" says so instead of moving on silently.
        require_answers=moving_on and not skipping and "later" not in request.POST,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answers = [
            services.Answer(
                level=level,
                value=data.get(f"value_{level}") or None,
                answer=data.get(f"answer_{level}") or "",
                example=data.get(f"example_{level}", ""),
            )
            for level in item.levels
        ]
        try:
            services.answers_save(
                acting_user=request.user,
                assessment=item,
                indicator=current,
                answers=answers,
                reflection=data.get("reflection", ""),
                reason=data.get("reason", ""),
                corrected_by=request.membership,
            )
            citations.cite_from_post(
                acting_user=request.user, assessment=item, indicator=current, data=request.POST
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if htmx:
                return HttpResponse(status=204)  # autosaved in the background
            if skipping:
                return _after(item, following)
            if item.perspective == Perspective.STAFF and _generic_levels(item, current):
                # The guide: avoid generic examples; without a real one, reassess the score.
                # Stay on this indicator and say so, rather than moving on as if it were fine.
                return redirect(
                    "assessments:indicator", assessment_id=item.pk, indicator_id=current.pk
                )
            if "later" in request.POST:
                messages.success(request, _("Saved. You can carry on later from here."))
                return redirect("assessments:assessment", assessment_id=item.pk)
            return _after(item, following)
    if request.method == "POST" and htmx:
        return HttpResponse(status=400)
    bands = selectors.version_contents(item.round.version)
    band_rows: Any = next(
        (
            row["bands"]
            for group in bands
            for row in group["indicators"]  # type: ignore[attr-defined]
            if row["indicator"].pk == current.pk
        ),
        [],
    )
    return render(
        request,
        "assessments/indicator.html",
        {
            "title": current.young_title
            if item.perspective == Perspective.YOUNG_PEOPLE
            else current.title,
            "assessment": item,
            "indicator": current,
            "position": position + 1,
            "count": len(indicators),
            "form": form,
            "bands": band_rows,
            "young": item.perspective == Perspective.YOUNG_PEOPLE,
            "citable": citations.citable_for(item.organisation)
            if item.perspective == Perspective.STAFF
            else [],
            "cited": citations.cited_for(assessment=item, indicator=current),
            "generic_levels": _generic_levels(item, current),
            "back_url": reverse("assessments:assessment", kwargs={"assessment_id": item.pk}),
        },
    )


@require_POST
@member_required()
def submit(request: MemberRequest, assessment_id: int) -> HttpResponse:
    item = selectors.get_assessment_for(membership=request.membership, pk=assessment_id)
    try:
        services.assessment_submit(acting_user=request.user, assessment=item)
    except ValidationError as error:
        progress = _progress(item)
        young = item.perspective == Perspective.YOUNG_PEOPLE
        # Each link lands on the missing answer on that indicator's page.
        links = [
            {
                "text": problem.text(young=young),
                "href": reverse(
                    "assessments:indicator",
                    kwargs={"assessment_id": item.pk, "indicator_id": problem.indicator.pk},
                )
                + f"#{problem.field}",
            }
            for problem in services.submit_problems(item)
        ]
        return render(
            request,
            "assessments/assessment.html",
            {
                "title": item.round.version.framework.name,
                "assessment": item,
                "progress": progress,
                "next_row": next((r for r in progress if not r["done"]), None),
                "young": item.perspective == Perspective.YOUNG_PEOPLE,
                "submit_errors": links
                or [{"text": message, "href": "#main-content"} for message in error.messages],
            },
            status=400,
        )
    messages.success(request, _("Submitted. Thank you."))
    return redirect("assessments:result", assessment_id=item.pk)


@member_required()
def result(request: MemberRequest, assessment_id: int) -> HttpResponse:
    item = selectors.get_assessment_for(membership=request.membership, pk=assessment_id)
    views = results.assessment_views(item)
    series = results.assessment_series(views, item.perspective)
    round_result = results.round_result(item.round)
    if item.perspective == Perspective.STAFF:
        series += [s for s in round_result.series if s.key == "young-project"]
    count = len(round_result.indicators)
    version = item.round.version
    stages = (
        pathways.stages_reached(version, next(iter(views.values()), []))
        if version.is_pathways
        else []
    )
    return render(
        request,
        "assessments/result.html",
        {
            "title": _("Your result"),
            "assessment": item,
            "details": [
                {"label": str(Level(level).label), "rows": rows} for level, rows in views.items()
            ],
            "banded": version.is_banded,
            "verdicts": [] if version.is_pathways else results.verdicts(item, views),
            "stages": stages,
            "coproduction_level": pathways.COPRODUCTION_LEVEL,
            "radar": charts.radar(series, count) if item.round.version.is_banded else None,
            "indicators": round_result.indicators,
            "gaps": round_result.gaps,
            "threshold": round_result.threshold,
            "young": item.perspective == Perspective.YOUNG_PEOPLE,
            "cited": citations.cited_in(item),
            "corrections": [
                c
                for rows in views.values()
                for r in rows
                if r.score
                for c in r.score.corrections.all()
            ],
        },
    )
