"""Minutes, hours and credits are converted in one place: the organisation's credit settings."""

from __future__ import annotations

from decimal import Decimal

from coproduce.credits.models import CreditSettings
from coproduce.credits.selectors import settings_for
from coproduce.organisations.models import Organisation


def test_it_counts_credits_at_the_organisations_own_rate() -> None:
    half_hours = CreditSettings(minutes_per_credit=30, rounding_minutes=15)
    assert half_hours.credits(90) == Decimal(3)
    assert half_hours.minutes_for_credits(Decimal("1.5")) == 45


def test_it_counts_whole_hours_given_whatever_the_rate() -> None:
    assert CreditSettings(minutes_per_credit=30).hours(119) == 1
    assert CreditSettings.minutes_for_hours(Decimal("1.25")) == 75


def test_it_rounds_time_given_down_to_the_organisations_step() -> None:
    assert CreditSettings(rounding_minutes=15).rounded(74) == 60
    assert CreditSettings(rounding_minutes=5).rounded(74) == 70


def test_it_uses_the_defaults_until_an_organisation_saves_its_settings(
    organisation: Organisation,
) -> None:
    defaults = settings_for(organisation=organisation)
    assert defaults.pk is None
    assert defaults.credits(120) == Decimal(2)
    assert defaults.rounded(50) == 45
