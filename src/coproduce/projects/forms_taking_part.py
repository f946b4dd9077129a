"""Forms young people use to take part, and staff's answer to a request to join."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.projects.models import Project, RoleDescription


class JoinForm(forms.Form):
    role = forms.ChoiceField(
        label=_("What would you like to do?"), widget=forms.RadioSelect, required=False
    )
    message = forms.CharField(
        label=_("Anything you want to tell us (optional)"),
        help_text=_("For example, when you are free or what you are good at."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, roles: list[RoleDescription], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.roles = {str(r.pk): r for r in roles}
        if roles:
            choices = [(str(r.pk), r.title) for r in roles]
            choices.append(("", str(_("Just take part"))))
            self.fields["role"].choices = choices  # type: ignore[attr-defined]
        else:
            del self.fields["role"]

    def chosen_role(self) -> RoleDescription | None:
        return self.roles.get(self.cleaned_data.get("role") or "")


class JoinDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reply = forms.CharField(
        label=_("Message to the young person"),
        help_text=_("Needed when you decline: say why, or what they could do instead."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MyIdeaForm(forms.Form):
    project: forms.ModelChoiceField[Project] = forms.ModelChoiceField(
        label=_("Which project is it for?"),
        queryset=None,
        required=False,
        empty_label=_("The whole organisation"),
    )
    text = forms.CharField(
        label=_("Your idea"),
        help_text=_("Say what you would change or do. Every idea gets an answer."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, projects: QuerySet[Project], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
