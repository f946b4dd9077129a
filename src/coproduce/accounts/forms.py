from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ReauthenticateForm as AllauthReauthenticateForm
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthMfaReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
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


_APP_CODE_HINT = _("The 6 numbers the app shows now, for example 123456")


def _app_code_field(field: forms.Field) -> None:
    """A code from the app on the person's phone: a plain label and hint, numbers keypad, no
    placeholder; an empty box says what to type."""
    field.label = _("Code from your authenticator app")
    field.help_text = _APP_CODE_HINT
    field.error_messages["required"] = _("Enter the 6 numbers from your authenticator app")
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update(
        {
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "spellcheck": "false",
            "class": "govuk-input--width-10",
        }
    )


class AuthenticateForm(AllauthAuthenticateForm):
    """The second step of signing in, for people who hold the keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _app_code_field(self.fields["code"])
        self.fields["code"].help_text = _(
            "The 6 numbers the app shows now. Lost your phone? Enter one of your recovery codes."
        )
        self.fields["code"].widget.attrs.pop("inputmode")  # recovery codes have letters too


class MfaReauthenticateForm(AllauthMfaReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _app_code_field(self.fields["code"])
        self.fields["code"].widget.attrs.pop("inputmode")  # recovery codes have letters too


class ActivateTOTPForm(AllauthActivateTOTPForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _app_code_field(self.fields["code"])


class ReauthenticateForm(AllauthReauthenticateForm):
    """Asking for the password again before a change to how someone signs in."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        password = self.fields["password"]
        password.label = _("Your password")
        password.help_text = ""
        password.error_messages["required"] = _("Enter your password")
        password.widget.attrs.pop("placeholder", None)
