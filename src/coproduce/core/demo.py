"""What an app's demo loader is given: the demo organisation and its people.

The demo itself (the organisation, its staff and young people) is loaded by
`coproduce.home.demo.load_demo`, which then calls every loader an app registered with
`hooks.demo_loaders.register(load)` in its `AppConfig.ready()`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation, Service

# Everyone in the demo signs in with this password (printed by `coproduce demo`); loaders
# that add people of their own use it too.
DEMO_PASSWORD = "coproduce-demo-2026"


@dataclass
class DemoContext:
    organisation: Organisation
    services: dict[str, Service]
    people: dict[str, Membership]  # by username
    today: datetime.date
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def staff(self) -> Membership:
        return self.people["practitioner"]
