"""Every page's navigation and layout links lead where the URLconf says, for the member's role."""

from __future__ import annotations

from django.test import Client
from django.test.utils import override_script_prefix
from django.urls import reverse

from coproduce.organisations.models import Membership
from tests.conftest import client_for


def test_staff_and_young_people_each_see_their_own_navigation(
    practitioner: Membership, young_person: Membership
) -> None:
    staff_page = client_for(practitioner).get("/").content.decode()
    young_page = client_for(young_person).get("/").content.decode()
    assert f'href="{reverse("projects:list")}"' in staff_page
    assert f'href="{reverse("credits:overview")}"' in staff_page
    assert f'href="{reverse("credits:me")}"' not in staff_page
    assert f'href="{reverse("credits:me")}"' in young_page
    assert f'href="{reverse("projects:list")}"' not in young_page
    for page in (staff_page, young_page):
        for name in ("accessibility", "privacy", "accounts:profile", "account_logout"):
            assert f'href="{reverse(name)}"' in page, name
    # The page you are on is marked as current.
    assert 'href="/" aria-current="page"' in staff_page


def test_a_visitor_sees_the_footer_links_and_no_member_links(db: None) -> None:
    page = Client().get(reverse("accessibility")).content.decode()
    assert f'href="{reverse("privacy")}"' in page and f'href="{reverse("home")}"' in page
    assert f'href="{reverse("account_logout")}"' not in page


def test_links_follow_the_script_prefix_the_site_is_served_under(
    practitioner: Membership,
) -> None:
    with override_script_prefix("/coproduce/"):
        page = client_for(practitioner).get("/").content.decode()
    assert 'href="/coproduce/projects/"' in page
    assert 'href="/coproduce/privacy/"' in page
    page = client_for(practitioner).get("/").content.decode()
    assert 'href="/projects/"' in page and "/coproduce/" not in page
