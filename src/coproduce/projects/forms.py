from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import DateField, TimeField, number_box
from coproduce.organisations.selectors import active_services_for, staff_for, young_people_for
from coproduce.projects.checklists import Answer, Stage
from coproduce.projects.ladders import Ladder
from coproduce.projects.models import Barrier, Form, Reward, Session, Source, Status, Who

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation, Service


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Project name"), max_length=200)
    aims = forms.CharField(
        label=_("What is the project for?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    service: forms.ModelChoiceField[Service] = forms.ModelChoiceField(
        label=_("Service (optional)"),
        queryset=None,  # the organisation's active services, set in __init__
        required=False,
    )
    designed_by = forms.ChoiceField(
        label=_("Who designs the work?"), choices=Who.choices, widget=forms.RadioSelect
    )
    delivered_by = forms.ChoiceField(
        label=_("Who delivers the work?"), choices=Who.choices, widget=forms.RadioSelect
    )
    in_scope = forms.CharField(
        label=_("What young people can decide"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Written so it can be shown to young people."),
    )
    out_of_scope = forms.CharField(
        label=_("What young people cannot decide, and why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Defined last: the name shadows the `forms` module inside this class body.
    forms = forms.MultipleChoiceField(
        label=_("Forms of co-production"),
        choices=Form.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bovaird and Loeffler's eight forms. Choose all that apply."),
    )
    field_order = [
        "name",
        "aims",
        "service",
        "forms",
        "designed_by",
        "delivered_by",
        "in_scope",
        "out_of_scope",
    ]

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = active_services_for(organisation=organisation)  # type: ignore[attr-defined]


class ChecklistForm(forms.Form):
    def __init__(self, *args: Any, rows: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[f"answer_{row.item}"] = forms.ChoiceField(
                label=row.label,
                choices=Answer.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=row.answer,
            )
            self.fields[f"notes_{row.item}"] = forms.CharField(
                label=_("Notes (optional)"),
                required=False,
                initial=row.notes,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["move_to"] = forms.ChoiceField(
            label=_("Then move the project to"),
            required=False,
            choices=[("", _("Stay at this stage")), *list(Stage.choices)],
        )

    def answers(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {r.item: (data[f"answer_{r.item}"], data[f"notes_{r.item}"]) for r in self.rows}


class RoleForm(forms.Form):
    title = forms.CharField(label=_("Role title"), max_length=120)
    expectations = forms.CharField(
        label=_("What we expect"), widget=forms.Textarea(attrs={"rows": 3})
    )
    skills = forms.CharField(
        label=_("Skills that help, or that you will learn"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    tasks = forms.CharField(label=_("Tasks"), widget=forms.Textarea(attrs={"rows": 3}))
    meeting_frequency = forms.CharField(label=_("How often we meet"), max_length=120)
    duration = forms.CharField(label=_("How long the role lasts"), max_length=120)
    rewards = forms.MultipleChoiceField(
        label=_("What you get"),
        choices=Reward.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reward_notes = forms.CharField(
        label=_("More about what you get (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SessionForm(forms.Form):
    date = DateField(label=_("Date"), today=True)
    start_time = TimeField(
        label=_("Start time (optional)"),
        required=False,
        help_text=_("For example, 18:30"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"),
        min_value=1,
        max_value=1440,
        widget=number_box(4),
    )
    place = forms.CharField(label=_("Place (optional)"), max_length=200, required=False)
    activity = forms.CharField(label=_("What we did"), max_length=300)


class IdeaForm(forms.Form):
    text = forms.CharField(label=_("What did they say?"), widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.ChoiceField(
        label=_("Where did it come from?"), choices=Source.choices, widget=forms.RadioSelect
    )
    author: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Young person (optional)"),
        queryset=None,  # the organisation's young people, set in __init__
        required=False,
    )
    group_name = forms.CharField(
        label=_("Or the group it came from"),
        max_length=120,
        required=False,
        help_text=_("For example, 'Youth Forum, March meeting'"),
    )
    owner: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Member of staff who will answer it"),
        queryset=None,  # the organisation's staff, set in __init__
    )
    session: forms.ModelChoiceField[Session] = forms.ModelChoiceField(
        label=_("Session (optional)"), queryset=Session.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisation: Organisation, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = young_people_for(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["owner"].queryset = staff_for(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["session"].queryset = Session.objects.filter(project=project)  # type: ignore[attr-defined]
        for name in ("author", "owner"):
            self.fields[name].label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("author") and not data.get("group_name"):
            self.add_error("author", _("Choose the young person, or name the group it came from"))
        return data


class ResponseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What did we decide?"), choices=Status.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("If not, why not?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the idea is not adopted."),
    )
    action = forms.CharField(
        label=_("What we did"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    feedback_given_on = DateField(label=_("Date feedback was given (optional)"), required=False)
    feedback_method = forms.CharField(
        label=_("How feedback was given"),
        max_length=200,
        required=False,
        help_text=_("For example, at the Youth Forum, by text message"),
    )
    also = forms.MultipleChoiceField(
        label=_("This also answers"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, similar: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["also"].choices = [(str(i.pk), i.text[:80]) for i in similar]  # type: ignore[attr-defined]
        if not similar:
            del self.fields["also"]


class HoursForm(forms.Form):
    month = DateField(label=_("Any date in the month"))
    staff_hours = forms.DecimalField(
        label=_("Paid staff hours"), min_value=Decimal(0), decimal_places=2, max_digits=8
    )
    young_people_hours = forms.DecimalField(
        label=_("Young people's hours"), min_value=Decimal(0), decimal_places=2, max_digits=8
    )


class InclusionForm(forms.Form):
    barriers = forms.MultipleChoiceField(
        label=_("What makes taking part hard?"),
        choices=Barrier.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    barrier_notes = forms.CharField(
        label=_("More about this (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    meeting_preferences = forms.CharField(
        label=_("Best times to meet"), max_length=200, required=False
    )
    support_given = forms.CharField(
        label=_("Support given"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example, bus fares paid back"),
    )
    support_amount = forms.DecimalField(
        label=_("Amount paid, in pounds (optional)"),
        required=False,
        min_value=Decimal(0),
        decimal_places=2,
        max_digits=8,
    )


class SettingsForm(forms.Form):
    ladder = forms.ChoiceField(
        label=_("Participation ladder"), choices=Ladder.choices, widget=forms.RadioSelect
    )
    feedback_due_days = forms.IntegerField(
        label=_("Days to give feedback on an idea"), min_value=1, max_value=365
    )
    public_board = forms.BooleanField(
        label=_("Publish a public “You said – we did” board"),
        help_text=_(
            "Anyone with the link can read the answered ideas: no names, no photos or quotes."
        ),
        required=False,
    )
