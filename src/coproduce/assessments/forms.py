from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.assessments.models import (
    Assessment,
    Checklist,
    FrameworkVersion,
    Indicator,
    Level,
    Perspective,
)
from coproduce.core.forms import DateField

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.organisations.models import Membership

TEXTAREA = {"rows": 3}


def _score_choices() -> list[tuple[str, str]]:
    return [(str(n), str(n)) for n in range(1, 10)]


class IndicatorForm(forms.Form):
    """One indicator: a score (or checklist answer) and an example per level, a reflection."""

    def __init__(
        self,
        *args: Any,
        assessment: Assessment,
        indicator: Indicator,
        require_answers: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.assessment, self.indicator = assessment, indicator
        # "Save and continue" needs an answer at every level; "Skip for now", "Save and come
        # back later" and the background autosave keep whatever is there.
        self.require_answers = require_answers
        young = assessment.perspective == Perspective.YOUNG_PEOPLE
        banded = indicator.version.is_banded
        for level in assessment.levels:
            level_label = Level(level).label
            if banded:
                self.fields[f"value_{level}"] = forms.TypedChoiceField(
                    label=_("How true is this for you?")
                    if young
                    else _("%(level)s: your score") % {"level": level_label},
                    help_text=_("1 means not at all, 9 means completely")
                    if young
                    else _("1 to 3 is basic, 4 to 6 is getting there, 7 to 9 is excellent"),
                    choices=_score_choices(),
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose a score from 1 to 9")},
                )
                setattr(  # noqa: B010 - django-stubs lacks Field.template_name
                    self.fields[f"value_{level}"], "template_name", "assessments/_score_field.html"
                )
            elif indicator.version.is_pathways:
                # Shier's questions take a plain yes or no.
                self.fields[f"answer_{level}"] = forms.ChoiceField(
                    label=_("Is this true here?") if young else _("Your answer"),
                    choices=[
                        (Checklist.YES, Checklist.YES.label),
                        (Checklist.NO, Checklist.NO.label),
                    ],
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose yes or no")},
                )
            else:
                self.fields[f"answer_{level}"] = forms.ChoiceField(
                    label=_("Is this true here?")
                    if young
                    else _("%(level)s: your answer") % {"level": level_label},
                    choices=Checklist.choices,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose yes, no or needs more work")},
                )
            self.fields[f"example_{level}"] = forms.CharField(
                label=_("Why? Tell us what happens (optional)")
                if young
                else _("%(level)s: a practical example") % {"level": level_label},
                help_text=""
                if young or indicator.version.is_pathways
                else _("Something that really happened. Needed before you submit."),
                required=False,
                widget=forms.Textarea(attrs=TEXTAREA),
            )
        self.fields["reflection"] = forms.CharField(
            label=_("Anything that would make it better? (optional)")
            if young
            else _("Reflection: what will you do to improve, or what could others learn?"),
            required=False,
            widget=forms.Textarea(attrs=TEXTAREA),
        )
        if assessment.is_submitted:
            self.fields["reason"] = forms.CharField(
                label=_("Why are you correcting this?"),
                help_text=_("Your earlier answer is kept in the record."),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.require_answers:
            return data
        young = self.assessment.perspective == Perspective.YOUNG_PEOPLE
        banded = self.indicator.version.is_banded
        for level in self.assessment.levels:
            name = f"{'value' if banded else 'answer'}_{level}"
            if data.get(name) not in (None, "") or name in self.errors:
                continue
            level_name = {"level": Level(level).label}
            if banded and young:
                message = _("Choose how true this is, from 1 to 9, or choose ‘Skip for now’")
            elif banded:
                message = _("%(level)s: choose a score from 1 to 9, or choose ‘Skip for now’")
            elif young:
                message = _("Choose an answer, or choose ‘Skip for now’")
            else:
                message = _("%(level)s: choose an answer, or choose ‘Skip for now’")
            self.add_error(name, str(message) % level_name)
        return data


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("For example, Spring 2027"))
    version: forms.ModelChoiceField[FrameworkVersion] = forms.ModelChoiceField(
        label=_("Framework"), queryset=FrameworkVersion.objects.none(), empty_label=None
    )
    due_on = DateField(label=_("Due date"), help_text=_("For example, 30 4 2027"))

    def __init__(self, *args: Any, versions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["version"]
        field.queryset = versions
        field.label_from_instance = lambda v: f"{v.framework.name} (version {v.number})"


class ConversationForm(forms.Form):
    note = forms.CharField(
        label=_("What was said and what you agreed"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )
    held_on = DateField(label=_("Date of the conversation"), required=False)


class CopyForm(forms.Form):
    name = forms.CharField(label=_("Name of your copy"), max_length=200)
    key = forms.SlugField(
        label=_("Short key"),
        max_length=60,
        help_text=_("Lower-case letters, digits and hyphens, for example our-nef"),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Framework file (YAML or JSON)"),
        help_text=_("Export a framework to see the format."),
    )


class BandForm(forms.Form):
    descriptor = forms.CharField(
        label=_("What it looks like"), widget=forms.Textarea(attrs=TEXTAREA), max_length=2000
    )
    examples = forms.CharField(
        label=_("Examples from your own service (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class SettingsForm(forms.Form):
    gap_threshold = forms.IntegerField(
        label=_("Disagreement threshold (points)"),
        min_value=1,
        max_value=8,
        help_text=_("A gap this big between staff and young people needs a conversation."),
    )
    reminder_days = forms.IntegerField(
        label=_("Send reminders this many days before the due date"), min_value=0, max_value=90
    )
    cycle_months = forms.IntegerField(label=_("Months between rounds"), min_value=1, max_value=24)


class SessionForm(forms.Form):
    """Choose the young person; `young_people` comes from organisations' selector."""

    def __init__(self, *args: Any, young_people: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = forms.ModelChoiceField(
            label=_("Young person"), queryset=young_people, empty_label=None
        )
        field.label_from_instance = lambda m: m.user.display_name
        self.fields["young_person"] = field


class IndicatorWordingForm(forms.Form):
    title = forms.CharField(label=_("Wording for staff"), max_length=300)
    young_title = forms.CharField(
        label=_("Wording for young people"),
        max_length=300,
        help_text=_("Plain words a 12-year-old would understand."),
    )
    young_hint = forms.CharField(
        label=_("A question to help young people answer (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
