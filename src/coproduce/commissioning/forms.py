from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.commissioning.models import Bid, Criterion, Lot, MemberKind, PanelMember, Round
from coproduce.core.forms import number_box
from coproduce.organisations.selectors import people_for
from coproduce.projects.selectors import projects_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


class MoneyField(forms.DecimalField):
    """Pounds typed, pence stored."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        pounds = super().clean(value)
        return None if pounds is None else int(pounds * 100)


class RoundForm(forms.Form):
    project: forms.ModelChoiceField[Project] = forms.ModelChoiceField(
        label=_("Co-production project"),
        queryset=None,
        help_text=_("The panel's decision appears on this project's 'You said – we did' board."),
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, help_text=_("For example, 'Wellbeing grants 2027'")
    )
    outcomes_sought = forms.CharField(
        label=_("What the funding is for"), widget=forms.Textarea(attrs={"rows": 4})
    )
    budget = MoneyField(label=_("Budget in pounds"), min_value=Decimal(1))
    briefing = forms.CharField(
        label=_("Briefing for panel members"),
        help_text=_(
            "What everyone on the panel must read before scoring: how to score, conflicts of interest, keeping bids confidential."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["project"]
        field.queryset = projects_for(organisation=organisation).order_by("name")  # type: ignore[attr-defined]


class LotForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("For example, 'A place to go'")
    )
    description = forms.CharField(
        label=_("Description (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CriterionForm(forms.Form):
    name = forms.CharField(
        label=_("Criterion"),
        max_length=200,
        help_text=_("For example, 'Young people helped design it'"),
    )
    guidance = forms.CharField(
        label=_("What to look for (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    weight = forms.IntegerField(
        label=_("Weight"),
        min_value=1,
        max_value=100,
        help_text=_("How much this criterion counts compared with the others, from 1 to 100"),
        widget=number_box(3),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"), help_text=_("A PDF, Word, Excel or OpenDocument file up to 20 MB")
    )


class BidForm(forms.Form):
    provider = forms.CharField(label=_("Organisation bidding"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail (optional)"), required=False)
    title = forms.CharField(label=_("What the bid is called"), max_length=200)
    lot: forms.ModelChoiceField[Lot] = forms.ModelChoiceField(
        label=_("Lot (optional)"), queryset=Lot.objects.none(), required=False
    )
    summary = forms.CharField(
        label=_("Summary of the bid"), widget=forms.Textarea(attrs={"rows": 6})
    )
    amount = MoneyField(label=_("Amount asked for, in pounds"), min_value=Decimal(1))
    file = forms.FileField(
        label=_("The bid document (optional)"),
        required=False,
        help_text=_("A PDF, Word, Excel or OpenDocument file up to 20 MB"),
    )

    def __init__(self, *args: Any, round_: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lot"].queryset = round_.lots.all()  # type: ignore[attr-defined]
        if not round_.lots.exists():
            del self.fields["lot"]


class PanelMemberForm(forms.Form):
    membership: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Person"), queryset=None
    )
    kind = forms.ChoiceField(
        label=_("Taking part as"), choices=MemberKind.choices, widget=forms.RadioSelect
    )
    role_title = forms.CharField(
        label=_("Role on the panel (optional)"),
        required=False,
        max_length=120,
        help_text=_("For example, 'Chair'"),
    )
    is_chair = forms.BooleanField(
        label=_("Chairs the panel"),
        required=False,
        help_text=_(
            "The chair, a member of staff, can set up the round, run the moderation meeting "
            "and record the decision"
        ),
    )

    def __init__(
        self, *args: Any, round_: Round, can_name_chair: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not can_name_chair:  # only a manager or an admin names the chair
            del self.fields["is_chair"]
        field = self.fields["membership"]
        seated = PanelMember.objects.filter(round=round_).values("membership")
        field.queryset = (  # type: ignore[attr-defined]
            people_for(organisation=round_.organisation)
            .filter(is_active=True)
            .exclude(pk__in=seated)
        )
        field.label_from_instance = lambda m: f"{m.user.display_name} ({m.get_role_display()})"  # type: ignore[attr-defined]


class BriefingForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I have read the briefing and understand how to score, and that I must say if I have an interest in a bid"
        ),
        error_messages={"required": _("Confirm you have read the briefing")},
    )


class DeclarationForm(forms.Form):
    has_interest = forms.TypedChoiceField(
        label=_("Do you have an interest in this bid?"),
        help_text=_(
            "For example, you or your family work for, volunteer with or use this organisation"
        ),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you have an interest in this bid")},
    )
    details = forms.CharField(
        label=_("If yes, what is the interest?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _scale_choices(round_: Round) -> list[tuple[int, str]]:
    return [
        (level.score, f"{level.score} – {level.descriptor}") for level in round_.scale_levels.all()
    ]


class ScoreForm(forms.Form):
    """One score and one comment for each criterion of the round."""

    def __init__(
        self,
        *args: Any,
        round_: Round,
        criteria: list[Criterion],
        comment_label: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = _scale_choices(round_)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=c.name,
                help_text=c.guidance,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score for '%(name)s'") % {"name": c.name}},
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                label=comment_label,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={
                    "required": _("Say why you chose this score for '%(name)s'") % {"name": c.name}
                },
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"])
            for c in self.criteria
        }


class ModerateForm(ScoreForm):
    panel_reasons = forms.CharField(
        label=_("The panel's reasons, for the feedback letter to the bidder"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    amount = MoneyField(
        label=_("Amount awarded, in pounds"),
        help_text=_("0 if the bid is not funded"),
    )

    def __init__(self, *args: Any, bid: Bid, **kwargs: Any) -> None:
        super().__init__(
            *args,
            round_=bid.round,
            comment_label=str(_("Why the panel agreed this score")),
            **kwargs,
        )
        # Reasons and award come after the criteria.
        self.order_fields(
            [f for f in self.fields if f not in ("panel_reasons", "amount")]
            + ["panel_reasons", "amount"]
        )


class FinaliseForm(forms.Form):
    decision_summary = forms.CharField(
        label=_("What the panel decided, and why"),
        help_text=_(
            "Panel members and bidders read this. Say which bids were funded and how the panel reached its decision."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
