"""Participation ladders, in our own words.

Hart's ladder of participation (Roger Hart, 1992, as discussed in the 2020 literature review
for the South Wales Violence Prevention Unit) and HeadStart Wolverhampton's adaptation of
Arnstein's ladder of citizen participation ("All together now", 2018). On both, the three
lowest rungs are not participation. HeadStart counts co-production only from the third rung
from the top, "adult-initiated, shared decisions", upwards (`Rung.coproduction`); the rungs
between are participation but not yet co-production. On Hart's ladder the same three top
rungs are the ones where decisions are shared or led by young people.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Rung:
    number: int
    name: str | Promise
    description: str | Promise
    participation: bool
    # What staff can say aloud on the register, in place of the academic name ("Manipulation").
    # Only the words change: the number stored and the names in reports stay as they are.
    plain: str | Promise = ""

    @property
    def coproduction(self) -> bool:
        """Shared decisions or above: where HeadStart sees co-production starting."""
        return self.number >= COPRODUCTION_FROM


# The rung where decisions start to be shared (on both ladders): "adult-initiated, shared
# decisions". Everything from here up counts as co-production in reports.
COPRODUCTION_FROM = 6


class Ladder(models.TextChoices):
    HART = "hart", _("Hart's ladder of participation")
    HEADSTART = "headstart", _("HeadStart's ladder (adapted from Arnstein)")


HART = [
    Rung(
        1,
        _("Manipulation"),
        _("Adults use young people's voices for their own ends, without them understanding."),
        False,
        plain=_("Young people were used, without understanding why"),
    ),
    Rung(
        2,
        _("Decoration"),
        _("Young people are there to make an event look good, with no say in it."),
        False,
        plain=_("Young people were there for show, with no say"),
    ),
    Rung(
        3,
        _("Tokenism"),
        _(
            "Young people appear to have a voice but have little real choice about what they say or do."
        ),
        False,
        plain=_("Young people were asked, but had no real choice"),
    ),
    Rung(
        4,
        _("Assigned but informed"),
        _(
            "Adults decide, but young people understand what is happening and why they are involved."
        ),
        True,
        plain=_("Young people were told what to do, and why"),
    ),
    Rung(
        5,
        _("Consulted and informed"),
        _(
            "Adults run it, young people's views are asked for, taken seriously and they hear the outcome."
        ),
        True,
        plain=_("Young people were asked their views and told what happened"),
    ),
    Rung(
        6,
        _("Adult-initiated, shared decisions"),
        _("Adults start it and decisions are made together with young people."),
        True,
        plain=_("Adults had the idea and young people decided with them"),
    ),
    Rung(
        7,
        _("Young people initiate and direct"),
        _("Young people start and lead it; adults support."),
        True,
        plain=_("Young people had the idea and led it"),
    ),
    Rung(
        8,
        _("Young people initiate, shared decisions with adults"),
        _("Young people start it and choose to share decisions with adults."),
        True,
        plain=_("Young people had the idea and decided with adults"),
    ),
]

HEADSTART = [
    Rung(
        1,
        _("Manipulation"),
        _("Young people take part without understanding or any real say."),
        False,
        plain=_("Young people took part without understanding or a say"),
    ),
    Rung(
        2,
        _("Decoration"),
        _("Young people are present to show that young people were there."),
        False,
        plain=_("Young people were there for show, with no say"),
    ),
    Rung(
        3,
        _("Tokenism"),
        _("Young people are asked for views, but these are unlikely to change anything."),
        False,
        plain=_("Young people were asked, but it changed nothing"),
    ),
    Rung(
        4,
        _("Informed"),
        _("Young people are told what is happening and why."),
        True,
        plain=_("Young people were told what was happening, and why"),
    ),
    Rung(
        5,
        _("Consulted and informed"),
        _("Young people give their views and are told what difference they made."),
        True,
        plain=_("Young people gave their views and heard what difference they made"),
    ),
    Rung(
        6,
        _("Adult-initiated, shared decisions with young people"),
        _("Where co-production starts: adults start it, decisions are shared."),
        True,
        plain=_("Adults had the idea and young people decided with them"),
    ),
    Rung(
        7,
        _("Young people-initiated, shared decisions with adults"),
        _("Young people start it and share the decisions with adults."),
        True,
        plain=_("Young people had the idea and decided with adults"),
    ),
    Rung(
        8,
        _("Young people-initiated and directed"),
        _("Young people start and direct the work; adults help when asked."),
        True,
        plain=_("Young people had the idea and led it"),
    ),
]

LADDERS: dict[str, list[Rung]] = {Ladder.HART: HART, Ladder.HEADSTART: HEADSTART}


def rungs(ladder: str) -> list[Rung]:
    return LADDERS[ladder]


def rung(ladder: str, number: int) -> Rung:
    return LADDERS[ladder][number - 1]
