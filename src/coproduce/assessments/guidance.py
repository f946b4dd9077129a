"""Guidance: what co-production is and is not, and how to use each framework as its authors
meant. Written in our own words from seeds 000 (nef and Action for Children), 001, 002 (Shier),
003 (HeadStart Wolverhampton and Boingboing) and 004 (nef's slides); each part names its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Part:
    anchor: str
    heading: Promise
    paragraphs: list[Promise]
    points: list[Promise] = field(default_factory=list)
    source: Promise | str = ""


ABOUT: list[Part] = [
    Part(
        "what-it-is",
        _("What co-production is"),
        [
            _(
                "Staff and young people share power. They plan a service and run it together, "
                "because each brings something the service cannot do without: staff bring "
                "training and resources, young people bring what they know from living it."
            ),
            _(
                "It is a way of working, not a single event: it shows in who sets the agenda, "
                "who decides, and who does the work."
            ),
        ],
        source=_("nef, 'Co-production: what it is, what it's not'"),
    ),
    Part(
        "what-it-is-not",
        _("What co-production is not"),
        [_("Each of these can be worthwhile, but none of them is co-production on its own:")],
        [
            _("asking young people for their views, then deciding without them"),
            _("involving service users in a meeting now and then"),
            _("volunteering, where people help out with something others designed"),
            _("charities or community groups running a service instead of the public sector"),
            _("giving people a budget to buy their own support"),
            _("different agencies working in partnership"),
        ],
        source=_("nef, 'Co-production: what it is, what it's not'"),
    ),
    Part(
        "principles",
        _("Six principles"),
        [_("Co-production in practice tends to:")],
        [
            _("see young people as having something to give, not only needs"),
            _("build on what people can already do"),
            _("make help flow both ways, so everyone gives and everyone gets"),
            _("grow networks of friends and support, inside and beyond the service"),
            _("blur the line between the people who provide a service and those who use it"),
            _("make things possible for people, rather than doing things to or for them"),
        ],
        source=_("nef, 'Co-production: what it is, what it's not'"),
    ),
    Part(
        "ladder",
        _("Where co-production starts on the ladder"),
        [
            _(
                "On HeadStart Wolverhampton's ladder of participation, co-production begins at "
                "the rung 'adult-initiated, shared decisions': adults start something and then "
                "decide it together with young people. Rungs below it keep young people "
                "informed or ask their views; the lowest three (manipulation, decoration, "
                "tokenism) are not participation at all."
            )
        ],
        source=_("HeadStart Wolverhampton and Boingboing, 'All together now' (2018)"),
    ),
    Part(
        "additive",
        _("Add, never replace"),
        [
            _(
                "Young people's time should be added to what a service puts in, to do more "
                "together. When it is used to replace paid staff or to make cuts, it is no "
                "longer co-production, and people soon stop giving their time."
            )
        ],
        source=_("nef, 'Co-production: what it is, what it's not'"),
    ),
]


# Guidance for each built-in framework, keyed by the framework's key.
FRAMEWORKS: dict[str, Part] = {
    "nef-coproduction": Part(
        "nef-coproduction",
        _("Using the co-production self-assessment"),
        [
            _(
                "Score each indicator from 1 to 9. The scale has three bands: basic, getting "
                "there and excellent. Choose the levels you can speak for: your own practice, "
                "your project, your organisation."
            ),
            _(
                "Back every score with something that really happened. A score without an "
                "example, or with an example that would fit any service, tells you little."
            ),
            _(
                "Only when every indicator reaches the top band can you be confident you "
                "co-produce. It takes about a quarter of an hour; repeat it twice a year to see "
                "what has moved."
            ),
            _(
                "Ask young people to complete it too: where their view and yours differ, talk "
                "about why. Add examples from your own setting to each band, and use the "
                "indicators as interview questions when you recruit staff."
            ),
        ],
        source=_("nef and Action for Children, 'A guide to co-producing children's services'"),
    ),
    "youth-engagement-guarantee": Part(
        "youth-engagement-guarantee",
        _("Using the Youth Engagement Guarantee"),
        [
            _(
                "Ten promises a service makes to the young people it works with. Answer each "
                "yes, no or needs more work, and point to the records that show it."
            ),
            _(
                "Where no record shows a promise is kept, say so plainly rather than reach for "
                "an unrelated figure."
            ),
        ],
        source=_("HeadStart Wolverhampton and Boingboing, 'All together now' (2018)"),
    ),
    "shier-pathways": Part(
        "shier-pathways",
        _("Using the pathways to participation"),
        [
            _(
                "Five levels, from young people being listened to up to young people sharing "
                "power and responsibility. At each level ask three things: are we ready "
                "(openings), do we have a way of doing it (opportunities), and does our policy "
                "require it (obligations)?"
            ),
            _(
                "The answer is not a score. For each of the three stages, you have reached the "
                "highest level answered yes, as long as every level below it is answered yes "
                "too. Levels 4 and 5 are where co-production begins."
            ),
        ],
        source=_("Harry Shier, 'Pathways to participation' (2001)"),
    ),
}


def for_framework(key: str) -> Part | None:
    """The guidance for a framework, or None for one an organisation wrote itself."""
    return FRAMEWORKS.get(key)
