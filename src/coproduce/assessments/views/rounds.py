"""Rounds: open one, see the round's results side by side, record conversations, close."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.assessments import charts, frameworks, results, selectors, services
from coproduce.assessments.forms import ConversationForm, RoundForm, SettingsForm
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors


@member_required("manage_people")
def round_open(request: MemberRequest) -> HttpResponse:
    frameworks.builtins_install(organisation=request.organisation)
    form = RoundForm(
        request.POST or None, versions=selectors.versions_for(organisation=request.organisation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_open(
                acting_user=request.user, organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Round opened."))
            return redirect("assessments:round", round_id=round_.pk)
    return form_page(
        request,
        form=form,
        title=_("Open a round"),
        submit_text=_("Open round"),
        back_url=reverse("assessments:index"),
    )


@member_required("staff")
def round_detail(request: MemberRequest, round_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    outcome = results.round_result(round_)
    return render(
        request,
        "assessments/round.html",
        {
            "title": round_.name,
            "round": round_,
            "result": outcome,
            "radar": charts.radar(outcome.series, len(outcome.indicators))
            if round_.version.is_banded
            else None,
            "rollup": results.rollup(round_),
            "assessments": selectors.round_assessments(round_=round_),
            "can_manage": request.membership.can("manage_people"),
        },
    )


@member_required("staff")
def conversation(request: MemberRequest, round_id: int, indicator_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    indicator = selectors.get_round_indicator_for(round_=round_, pk=indicator_id)
    form = ConversationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.conversation_record(
            acting_user=request.user,
            round_=round_,
            indicator=indicator,
            note=form.cleaned_data["note"],
            held_on=form.cleaned_data["held_on"],
            recorded_by=request.membership,
        )
        messages.success(request, _("Conversation recorded."))
        return redirect("assessments:round", round_id=round_.pk)
    return form_page(
        request,
        form=form,
        title=_("Record the conversation"),
        caption=indicator.title,
        intro=_(
            "Staff and young people scored this quite differently. Talk it through together, "
            "then note what you heard and what you agreed to do."
        ),
        submit_text=_("Save conversation"),
        back_url=reverse("assessments:round", kwargs={"round_id": round_.pk}),
    )


@require_POST
@member_required("manage_people")
def round_close(request: MemberRequest, round_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    try:
        services.round_close(acting_user=request.user, round_=round_)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Round closed."))
    return redirect("assessments:round", round_id=round_.pk)


@member_required("staff")
def trend(request: MemberRequest) -> HttpResponse:
    banded = [
        r for r in selectors.rounds_for(organisation=request.organisation) if r.version.is_banded
    ]
    rounds, rows = results.trend(banded)
    newest_first = rounds[::-1]  # the latest round first: a phone shows it without scrolling
    return render(
        request,
        "assessments/trend.html",
        {
            "title": _("Change over time"),
            "rounds": newest_first,
            "rows": [
                {"row": row, "cells": list(zip(newest_first, row.cells_newest_first, strict=True))}
                for row in rows
            ],
        },
    )


@member_required("manage_people")
def settings_edit(request: MemberRequest) -> HttpResponse:
    current = selectors.settings_for(organisation=request.organisation)
    form = SettingsForm(
        request.POST or None,
        initial={
            "gap_threshold": current.gap_threshold,
            "reminder_days": current.reminder_days,
            "cycle_months": current.cycle_months,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.settings_update(
            acting_user=request.user, organisation=request.organisation, **form.cleaned_data
        )
        messages.success(request, _("Changes saved."))
        return redirect("assessments:index")
    return form_page(
        request,
        form=form,
        title=_("Self-assessment settings"),
        submit_text=_("Save changes"),
        back_url=reverse("assessments:index"),
    )
