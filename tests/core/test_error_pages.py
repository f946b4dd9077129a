"""Error pages: in the site's layout, saying what happened and what to do, whatever DEBUG says."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from coproduce.organisations.models import Membership
from tests.conftest import client_for

pytestmark = pytest.mark.urls("tests.core.error_urls")


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request: pytest.FixtureRequest, settings: Any) -> bool:
    settings.DEBUG = request.param
    return bool(request.param)


def page(response: Any) -> str:
    html: str = response.content.decode()
    assert 'class="govuk-template"' in html, "the page uses the site's layout"
    assert response["X-Request-ID"] in html, "the page shows the request's reference"
    return html


def test_it_says_a_page_is_not_found_without_listing_the_sites_urls(db: None, debug: bool) -> None:
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    html = page(response)
    assert "Page not found" in html
    assert "check it is correct" in html
    assert "URLconf" not in html and "django-admin" not in html


def test_it_says_a_missing_record_is_not_found(db: None, debug: bool) -> None:
    response = Client().get("/fail/missing/")
    assert response.status_code == 404
    html = page(response)
    assert "Page not found" in html
    assert "No Project matches" not in html


def test_it_explains_a_refused_permission_and_links_home(
    practitioner: Membership, debug: bool
) -> None:
    response = client_for(practitioner).get("/audit/")
    assert response.status_code == 403
    html = page(response)
    assert "You cannot use this page" in html
    assert "ask an administrator in your organisation" in html
    assert 'href="/">Go back to the home page</a>' in html


def test_it_explains_a_refusal_raised_anywhere(db: None, debug: bool) -> None:
    response = Client().get("/fail/refused/")
    assert response.status_code == 403
    assert "You cannot use this page" in page(response)


def test_it_answers_a_bad_request_with_a_page(db: None, debug: bool) -> None:
    response = Client().get("/fail/suspicious/")
    assert response.status_code == 400
    html = page(response)
    assert "problem with your request" in html
    assert "tampered" not in html


def test_it_apologises_for_a_fault_and_gives_the_reference(db: None, debug: bool) -> None:
    response = Client(raise_request_exception=False).get("/fail/broken/")
    assert response.status_code == 500
    html = page(response)
    assert "Sorry, there is a problem with the service" in html
    assert "Traceback" not in html and "a bug" not in html


def test_it_keeps_a_fault_visible_to_tests(db: None, debug: bool) -> None:
    with pytest.raises(RuntimeError, match="a bug"):
        Client().get("/fail/broken/")


def test_it_explains_a_form_that_could_not_be_sent(db: None, debug: bool) -> None:
    response = Client(enforce_csrf_checks=True).post("/auth/login/", {"login": "x"})
    assert response.status_code == 403
    html = page(response)
    assert "Sorry, your form could not be sent" in html
    assert "reload the page and try again" in html
    assert "CSRF" not in html


def test_it_shows_the_navigation_of_the_signed_in_member(practitioner: Membership) -> None:
    html = client_for(practitioner).get("/no-such-page/").content.decode()
    assert "govuk-service-navigation__link" in html
