from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.core.forms import DateField, number_box
from coproduce.inclusion.choices import (
    Disability,
    Ethnicity,
    Language,
    LawfulBasis,
    Need,
    PaymentKind,
    PaymentMethod,
    Sex,
    YesNo,
)
from coproduce.organisations.selectors import young_people_for
from coproduce.projects.selectors import project_choices_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project

SKIP = [("", _("I'd rather not answer this one"))]


def _question(label: Any, choices: list[tuple[str, Any]], help_text: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[*choices, *SKIP],
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class EqualityForm(forms.Form):
    """A young person's own answers, in plain words. Every question may be left."""

    sex = _question(_("What is your sex?"), Sex.choices)
    gender_same_as_birth = _question(
        _("Is the gender you identify with the same as the sex you were registered at birth?"),
        YesNo.choices,
    )
    ethnicity = forms.ChoiceField(
        label=_("What is your ethnic group?"),
        choices=[("", _("Choose one, or leave it")), *Ethnicity.choices],
        required=False,
    )
    disability = _question(
        _("Do you have a disability, a long-term condition or special educational needs?"),
        Disability.choices,
    )
    care_experience = _question(_("Are you in care now, or have you ever been?"), YesNo.choices)
    young_carer = _question(_("Do you look after someone at home (a young carer)?"), YesNo.choices)
    first_language = _question(_("What is your first language?"), Language.choices)
    postcode_district = forms.CharField(
        label=_("The first half of your postcode (optional)"),
        help_text=_("For example CF37. Only this part, never your full address."),
        max_length=4,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "autocomplete": "off"}),
    )

    def clean_postcode_district(self) -> str:
        value = str(self.cleaned_data["postcode_district"]).strip().upper()
        if value and not re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?", value):
            raise forms.ValidationError(_("Enter the first half of a postcode, for example CF37"))
        return value


class NeedsForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("What do they need to take part?"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("More about what helps (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only what staff running sessions need to know."),
    )
    first_language = forms.ChoiceField(
        label=_("First language"),
        choices=[
            ("", _("Not known")),
            *[(v, lab) for v, lab in Language.choices if v != "prefer_not"],
        ],
        required=False,
    )


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or Excel .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        help_text=_(
            "The first row names the columns: first_name, last_name, date_of_birth "
            "(YYYY-MM-DD), and optionally preferred_name, email, role (young person, "
            "practitioner, manager or admin; young person when empty), services (names "
            "separated by ;) and in_care (yes or no). Staff need an email address."
        ),
    )


class PaymentForm(forms.Form):
    young_person: forms.ModelChoiceField[Membership] = forms.ModelChoiceField(
        label=_("Young person"), queryset=None
    )
    kind = forms.ChoiceField(
        label=_("What is it?"), choices=PaymentKind.choices, widget=forms.RadioSelect
    )
    purpose = forms.CharField(
        label=_("What was it for?"),
        max_length=200,
        help_text=_("For example: bus fares to the Friday session on 3 October"),
    )
    project: forms.ModelChoiceField[Project] = forms.ModelChoiceField(
        label=_("Project (optional)"), queryset=None, required=False
    )
    amount = forms.DecimalField(
        label=_("Amount in pounds"),
        min_value=Decimal("0.01"),
        max_value=Decimal("10000"),
        decimal_places=2,
        max_digits=7,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
    )
    method = forms.ChoiceField(label=_("How was it paid?"), choices=PaymentMethod.choices)
    paid_on = DateField(label=_("Date paid"), help_text=_("For example 27 3 2026"), today=True)
    receipt = forms.FileField(
        label=_("Receipt (optional)"),
        required=False,
        help_text=_("A photo (JPEG or PNG) or a PDF of the receipt, up to 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"}
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["young_person"].queryset = young_people_for(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["project"].queryset = project_choices_for(organisation=organisation)  # type: ignore[attr-defined]


class ReceiptForm(forms.Form):
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_("A photo (JPEG or PNG) or a PDF of the receipt, up to 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"}
        ),
    )


class WhoToAskForm(forms.Form):
    project: forms.ModelChoiceField[Project] = forms.ModelChoiceField(
        label=_("Leave out young people already in a project (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No project"),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = project_choices_for(organisation=organisation)  # type: ignore[attr-defined]


class SettingsForm(forms.Form):
    ask_limit = forms.IntegerField(
        label=_("Warn when a young person comes to more than this many sessions"),
        min_value=1,
        max_value=100,
        widget=number_box(3),
    )
    ask_weeks = forms.IntegerField(
        label=_("In this many weeks"),
        min_value=1,
        max_value=52,
        widget=number_box(3),
    )
    equality_basis = forms.ChoiceField(
        label=_("Lawful basis for equality monitoring"),
        choices=LawfulBasis.choices,
        widget=forms.RadioSelect,
    )


class AreasForm(forms.Form):
    areas = forms.CharField(
        label=_("Postcode districts and their deprivation decile"),
        help_text=_(
            "One a line: the district, a space, then the decile from 1 (most deprived) to 10, "
            "for example CF37 2. Take the decile from the Welsh or English index of deprivation."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_areas(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for number, line in enumerate(str(self.cleaned_data["areas"]).splitlines(), start=1):
            if not line.strip():
                continue
            match = re.fullmatch(r"\s*([A-Za-z]{1,2}[0-9][0-9A-Za-z]?)\s+(10|[1-9])\s*", line)
            if not match:
                raise forms.ValidationError(
                    _("Line %(n)s: write a district and a decile, for example CF37 2"),
                    params={"n": number},
                )
            found[match.group(1).upper()] = int(match.group(2))
        return found
