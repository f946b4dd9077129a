from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from coproduce.accounts import throttle
from coproduce.accounts.forms import ApiTokenForm, CodeForm, LanguageForm
from coproduce.accounts.selectors import api_tokens_for, get_api_token_for
from coproduce.accounts.services import (
    SignInCodeError,
    api_token_create,
    api_token_revoke,
    language_set,
    password_set,
    sign_in_code_issue,
    sign_in_code_redeem,
)
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page
from coproduce.organisations.selectors import get_person_for


def start(request: HttpRequest) -> HttpResponse:
    """A young person signs in with the one-time code a practitioner gave them."""
    form = CodeForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST" and form.is_valid():
        # Counted before the code is looked at, so guesses cannot run in parallel past it.
        taken = throttle.take(
            throttle.Limit("sign-in-code", settings.SIGN_IN_CODE_FAILURES_PER_ADDRESS, 10 * 60),
            throttle.address_key(request),
        )
        if not taken.allowed:
            return too_many_attempts(request, taken)
        try:
            user = sign_in_code_redeem(raw_code=form.cleaned_data["code"])
        except SignInCodeError as error:
            form.add_error("code", str(error))
        else:
            throttle.give_back(taken)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("accounts:set_password")
    return form_page(
        request, title=_("Sign in with your code"), form=form, submit_text=_("Continue")
    )


def too_many_attempts(request: HttpRequest, taken: throttle.Taken) -> HttpResponse:
    """429 with Retry-After, in the site's layout, saying how long to wait."""
    response = render(
        request,
        "accounts/too_many_attempts.html",
        {"title": _("Too many wrong codes"), "minutes": taken.minutes},
        status=429,
    )
    response["Retry-After"] = str(taken.retry_after)
    return response


@login_required
def set_password(request: MemberRequest) -> HttpResponse:
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_set(
            user=request.user,
            password=form.cleaned_data["new_password1"],
            membership=getattr(request, "membership", None),
        )
        update_session_auth_hash(request, request.user)
        messages.success(
            request, _("Your password is set. Next time, sign in with your username and password.")
        )
        return redirect("home")
    return render(
        request,
        "accounts/set_password.html",
        {
            "title": _("Choose a password"),
            "form": form,
            "submit_text": _("Save password"),
        },
    )


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """The "Cymraeg" / "English" switch on every page: a cookie for everyone (Django's
    set_language, which also checks `next` is on this site) and, for someone signed in, their
    account's language, so messages and documents made for them follow it too."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        language_set(user=request.user, language=language)
    return response


@login_required
def profile(request: MemberRequest) -> HttpResponse:
    form = LanguageForm(
        request.POST or None,
        initial={"language": request.user.language or translation.get_language()},
    )
    if request.method == "POST" and form.is_valid():
        language_set(user=request.user, language=form.cleaned_data["language"])
        messages.success(request, _("Language saved."))
        return redirect("accounts:profile")
    membership = getattr(request, "membership", None)
    return render(
        request,
        "accounts/profile.html",
        {
            "title": _("Your account"),
            "form": form,
            "sets_organisation_language": bool(
                membership and membership.can("manage_organisation")
            ),
        },
    )


@member_required("staff")
def api_tokens(request: MemberRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        _token, raw = api_token_create(
            acting_user=request.user, membership=request.membership, name=form.cleaned_data["name"]
        )
        form = ApiTokenForm()
    response = render(
        request,
        "accounts/api_tokens.html",
        {
            "title": _("API tokens"),
            "form": form,
            "new_token": raw,
            "tokens": api_tokens_for(membership=request.membership),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@member_required("staff")
def api_token_revoke_view(request: MemberRequest, token_id: int) -> HttpResponse:
    token = get_api_token_for(membership=request.membership, pk=token_id)
    api_token_revoke(acting_user=request.user, token=token)
    messages.success(request, _("Token revoked. Anything using it will stop working."))
    return redirect("accounts:api_tokens")


@require_POST
@member_required("add_young_people")
def sign_in_code(request: MemberRequest, membership_id: int) -> HttpResponse:
    """A new one-time code for a young person, shown once with a QR code of the sign-in link."""
    membership = get_person_for(organisation=request.organisation, pk=membership_id)
    if not membership.is_young_person:
        raise Http404
    code, raw = sign_in_code_issue(acting_user=request.user, membership=membership)
    link = f"{settings.SITE_URL}{reverse('accounts:start')}?code={raw}"
    image = qrcode.make(link, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode().split("?>", 1)[-1]
    response = render(
        request,
        "accounts/sign_in_code.html",
        {
            "title": _("Sign-in code"),
            "person": membership,
            "code": raw,
            "expires_at": code.expires_at,
            "qr_svg": svg,
            "link": link,
        },
    )
    response["Cache-Control"] = "no-store"
    return response
