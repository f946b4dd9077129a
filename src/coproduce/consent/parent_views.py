"""The page a parent or carer opens from their link: no sign-in; the link is the key.

Everything shown or changed is reached from the link alone (no other id is ever taken from
the address or the form), inside the link's organisation. A wrong, replaced or expired link
answers 404, and wrong links are counted per address (accounts.throttle).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.accounts import throttle
from coproduce.consent import selectors as sel
from coproduce.consent import services
from coproduce.consent.forms import ParentAnswerForm
from coproduce.consent.models import IMAGE_USES, MEANING, ConsentRequest, Use
from coproduce.core.pages import show_errors
from coproduce.core.tenancy import organisation_scope

# Wrong links tried from one address in 10 minutes before the page pauses.
WRONG_LINKS_PER_ADDRESS = 20


def _with_link(
    view: Callable[[HttpRequest, ConsentRequest, str], HttpResponse],
) -> Callable[[HttpRequest, str], HttpResponse]:
    def wrapper(request: HttpRequest, consent_token: str) -> HttpResponse:
        taken = throttle.take(
            throttle.Limit("consent-link", WRONG_LINKS_PER_ADDRESS, 10 * 60),
            throttle.address_key(request),
        )
        if not taken.allowed:
            response = render(
                request,
                "consent/parent_paused.html",
                {"title": _("Too many wrong links"), "minutes": taken.minutes},
                status=429,
            )
            response["Retry-After"] = str(taken.retry_after)
            return response
        consent_request = sel.consent_request_by_token(consent_token)
        if consent_request is None:
            raise Http404
        throttle.give_back(taken)
        language = _language_for(request, consent_request)
        with organisation_scope(consent_request.organisation), translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, consent_request, consent_token)
        response["Content-Language"] = language
        patch_vary_headers(response, ["Cookie"])
        # The link is a key: keep it out of caches and search engines. (The site's
        # Referrer-Policy, same-origin, already keeps it from other sites; "no-referrer" would
        # make browsers send "Origin: null" and fail the form's CSRF check.)
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _language_for(request: HttpRequest, consent_request: ConsentRequest) -> str:
    """The language the parent or carer reads (chosen by staff when making the link), unless
    they have used the language switch on this browser since: then that choice."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return translation.get_language() or consent_request.language
    return consent_request.language


def _asked(consent_request: ConsentRequest) -> list[tuple[str, str, str]]:
    return [
        (use, str(Use(use).label), str(MEANING[Use(use)]))
        for use in sel.uses_asked(consent_request.young_person)
    ]


@_with_link
def parent(request: HttpRequest, consent_request: ConsentRequest, token: str) -> HttpResponse:
    """Give or refuse each use and sign; once answered, see the answers and withdraw."""
    services.consent_request_opened(consent_request=consent_request)
    child = consent_request.young_person
    context = {
        "consent_request": consent_request,
        "child_name": child.user.display_name,
        "organisation": consent_request.organisation,
        "in_care": child.in_care,
        "image_uses": [Use(use).label for use in Use.values if use in IMAGE_USES],
        "token": token,
    }
    if consent_request.answered_at is not None:
        given = {c.use: c for c in consent_request.consents.all()}
        rows = [
            (use, label, consent_request.answers.get(use), given.get(use))
            for use, label, _meaning in _asked(consent_request)
        ]
        return render(
            request,
            "consent/parent_answered.html",
            {**context, "title": _("Your answers"), "rows": rows},
        )
    form = ParentAnswerForm(request.POST or None, uses=_asked(consent_request))
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_request_answer(
                consent_request=consent_request,
                answers=form.answers(),
                signed_name=form.cleaned_data["signed_name"],
                signed_relationship=form.cleaned_data["signed_relationship"],
                ip=throttle.client_address(request) or None,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your answers have been saved."))
            return redirect(request.path)
    return render(
        request,
        "consent/parent_form.html",
        {
            **context,
            "title": _("Photos, videos and words: your consent"),
            "form": form,
        },
    )


@require_POST
@_with_link
def parent_withdraw(
    request: HttpRequest, consent_request: ConsentRequest, token: str
) -> HttpResponse:
    use = request.POST.get("use", "")
    if consent_request.answered_at is None or use not in Use.values:
        raise Http404
    if services.consent_request_withdraw(consent_request=consent_request, use=use):
        messages.success(
            request,
            _("You have withdrawn your consent for %(use)s. We stop using them from today.")
            % {"use": Use(use).label.lower()},
        )
    return redirect("consent:parent", consent_token=token)
