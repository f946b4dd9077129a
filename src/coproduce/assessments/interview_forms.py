"""Forms for recruitment interviews: set one up, a panel member's scoring sheet, agreeing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.assessments.models import FrameworkVersion
from coproduce.assessments.recruitment import INTERVIEW_SCALE
from coproduce.core.forms import DateField

if TYPE_CHECKING:
    from coproduce.assessments.recruitment import Question
    from coproduce.organisations.models import Membership


def _scale() -> list[tuple[str, str]]:
    return [(str(n), f"{n}: {label}") for n, label in INTERVIEW_SCALE]


class InterviewForm(forms.Form):
    post = forms.CharField(
        label=_("Job being recruited for"),
        max_length=200,
        help_text=_("For example, youth worker"),
    )
    version: forms.ModelChoiceField[FrameworkVersion] = forms.ModelChoiceField(
        label=_("Framework the questions come from"),
        queryset=FrameworkVersion.objects.none(),
        empty_label=None,
        help_text=_("Each of its indicators becomes an interview question."),
    )
    held_on = DateField(label=_("Date of the interviews"), help_text=_("For example, 30 4 2027"))
    candidates = forms.CharField(
        label=_("Candidates"),
        help_text=_("One name on each line"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    panel = forms.MultipleChoiceField(
        label=_("Who sits on the panel"),
        help_text=_("Include at least one young person. Each scores on their own first."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, versions: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version: Any = self.fields["version"]
        version.queryset = versions
        version.label_from_instance = lambda v: (
            _("%(name)s (version %(n)s)")
            % {
                "name": v.framework.name,
                "n": v.number,
            }
        )
        self.people: dict[str, Membership] = {str(m.pk): m for m in people}
        panel: Any = self.fields["panel"]
        panel.choices = [
            (
                key,
                _("%(name)s (%(role)s)")
                % {"name": m.user.display_name, "role": m.get_role_display()},
            )
            for key, m in self.people.items()
        ]

    def clean_panel(self) -> list[Membership]:
        return [self.people[key] for key in self.cleaned_data["panel"]]


class ScoreSheetForm(forms.Form):
    """One panel member's scores for one candidate: a score and a note for each question."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n, q in enumerate(questions, start=1):
            self.fields[f"value_{q.indicator.pk}"] = forms.TypedChoiceField(
                label=_("Question %(n)s: %(text)s") % {"n": n, "text": q.text},
                help_text=q.follow_up,
                choices=_scale(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score for this answer")},
            )
            self.fields[f"note_{q.indicator.pk}"] = forms.CharField(
                label=_("Why you gave this score (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )


class AgreeForm(forms.Form):
    value = forms.TypedChoiceField(
        label=_("Score the panel agreed"),
        choices=_scale(),
        coerce=int,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why the panel agreed this"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
