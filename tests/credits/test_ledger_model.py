"""The ledger against a plain-Python model: Hypothesis drives random awards, spends,
gifts, reversals and repeated keys, and after every step the two must agree."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from coproduce.credits import ledger, services
from coproduce.credits.models import Entry
from coproduce.credits.selectors import balance_of, verify
from tests.factories import MembershipFactory, OrganisationFactory, YoungPersonFactory


class LedgerMachine(RuleBasedStateMachine):
    @initialize()
    def setup(self) -> None:
        org = OrganisationFactory.create()
        self.staff = MembershipFactory.create(organisation=org)
        self.people = [YoungPersonFactory.create(organisation=org) for _ in range(3)]
        services.credit_settings_update(
            acting_user=self.staff.user,
            organisation=org,
            minutes_per_credit=60,
            rounding_minutes=15,
            allow_giving=True,
        )
        self.reward = services.reward_create(
            acting_user=self.staff.user, organisation=org, name="Trip", price_minutes=45
        )
        self.balance = [0, 0, 0]
        self.lifetime = [0, 0, 0]
        self.keys: dict[str, tuple[str, int, int, int]] = {}
        self.entries: list[tuple[Entry, str, int, int]] = []
        self.counter = 0

    @rule(
        who=st.integers(0, 2),
        minutes=st.integers(1, 240),
        key=st.sampled_from([f"k{i}" for i in range(8)]),
    )
    def award(self, who: int, minutes: int, key: str) -> None:
        entry = services.credits_award(
            acting_user=self.staff.user,
            membership=self.people[who],
            minutes=minutes,
            reason="time given",
            idempotency_key=key,
        )
        if key not in self.keys:
            self.keys[key] = ("award", who, minutes, entry.pk)
            self.balance[who] += minutes
            self.lifetime[who] += minutes
            self.entries.append((entry, "award", who, minutes))

    def _key(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    @rule(who=st.integers(0, 2))
    def spend(self, who: int) -> None:
        key = self._key("spend")
        if self.balance[who] >= 45:
            entry = services.reward_redeem(
                acting_user=self.staff.user,
                membership=self.people[who],
                reward=self.reward,
                idempotency_key=key,
            ).entry
            self.balance[who] -= 45
            self.entries.append((entry, "spend", who, 45))
        else:
            with pytest.raises(ValidationError):
                services.reward_redeem(
                    acting_user=self.staff.user,
                    membership=self.people[who],
                    reward=self.reward,
                    idempotency_key=key,
                )

    @rule(giver=st.integers(0, 2), receiver=st.integers(0, 2), minutes=st.integers(1, 120))
    def give(self, giver: int, receiver: int, minutes: int) -> None:
        key = self._key("gift")
        call: dict[str, Any] = dict(
            acting_user=self.staff.user,
            giver=self.people[giver],
            receiver=self.people[receiver],
            minutes=minutes,
            reason="thanks",
            idempotency_key=key,
        )
        if giver == receiver or self.balance[giver] < minutes:
            with pytest.raises(ValidationError):
                services.credits_give(**call)
            return
        services.credits_give(**call)
        self.balance[giver] -= minutes
        self.balance[receiver] += minutes

    @rule(data=st.data())
    def reverse_an_award(self, data: st.DataObject) -> None:
        awards = [e for e in self.entries if e[1] == "award" and not hasattr(e[0], "_reversed")]
        if not awards:
            return
        entry, _kind, who, minutes = data.draw(st.sampled_from(awards))
        if self.balance[who] < minutes:
            with pytest.raises(ValidationError):
                ledger.reverse(acting_user=self.staff.user, entry=entry, reason="mistake")
            return
        ledger.reverse(acting_user=self.staff.user, entry=entry, reason="mistake")
        entry._reversed = True  # type: ignore[attr-defined]
        self.balance[who] -= minutes
        self.lifetime[who] -= minutes

    @invariant()
    def agrees_with_the_model(self) -> None:
        if not hasattr(self, "people"):
            return
        for i, person in enumerate(self.people):
            assert balance_of(person) == (self.balance[i], self.lifetime[i])
            assert self.balance[i] >= 0
        assert verify(organisation=self.staff.organisation) == []


@pytest.mark.django_db
def test_the_ledger_matches_a_plain_python_model() -> None:
    LedgerMachine.TestCase.settings = settings(
        max_examples=25,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    LedgerMachine.TestCase().runTest()
