from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your sign-in code"),
        max_length=30,
        help_text=_("It is 10 letters and numbers, for example ABCD EFG 234"),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form with plain labels, no placeholders and no link in a hint."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or email")
        self.fields["login"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false"}
        )
        self.fields["password"].help_text = ""
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is this token for?"),
        max_length=100,
        help_text=_("For example, 'Monthly report spreadsheet'"),
    )
