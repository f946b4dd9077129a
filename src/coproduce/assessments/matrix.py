"""Who designs and who delivers: nef's design × delivery matrix (seed 004), and the eight forms
of co-production (Bovaird and Loeffler, seed 001), in our own words.

Pure vocabulary: `projects` records who designs and who delivers as plain values
("professionals", "together", "young_people"); this module names the cell they make, so the
project page, the portfolio and the guidance all say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PROFESSIONALS, TOGETHER, YOUNG_PEOPLE = "professionals", "together", "young_people"
WHO: list[tuple[str, Promise]] = [
    (PROFESSIONALS, _("Staff")),
    (TOGETHER, _("Staff and young people together")),
    (YOUNG_PEOPLE, _("Young people")),
]


@dataclass(frozen=True)
class Cell:
    key: str
    label: Promise
    meaning: Promise
    # nef's matrix names six of its nine cells; the other three are ours, plainly described.
    named: bool = True


CELLS: dict[tuple[str, str], Cell] = {
    (PROFESSIONALS, PROFESSIONALS): Cell(
        "traditional",
        _("Traditional service"),
        _("Staff plan it and staff run it; young people receive it."),
    ),
    (TOGETHER, PROFESSIONALS): Cell(
        "co_designed",
        _("Co-designed"),
        _("Young people help shape it, then staff run it."),
    ),
    (PROFESSIONALS, TOGETHER): Cell(
        "co_delivered",
        _("Co-delivered"),
        _("Staff plan it, then young people help run it."),
    ),
    (TOGETHER, TOGETHER): Cell(
        "co_production",
        _("Full co-production"),
        _("Young people and staff plan it together and run it together."),
    ),
    (PROFESSIONALS, YOUNG_PEOPLE): Cell(
        "trained_to_deliver",
        _("Young people trained to deliver"),
        _("Staff plan it and train young people, who then run it."),
    ),
    (YOUNG_PEOPLE, YOUNG_PEOPLE): Cell(
        "community_led",
        _("Community-led"),
        _("Young people plan it and run it themselves, with staff in the background."),
    ),
    (YOUNG_PEOPLE, PROFESSIONALS): Cell(
        "designed_by_young_people",
        _("Designed by young people, run by staff"),
        _("Young people decide what it should be; staff run it."),
        named=False,
    ),
    (YOUNG_PEOPLE, TOGETHER): Cell(
        "led_by_young_people",
        _("Designed by young people, run together"),
        _("Young people decide what it should be and run it alongside staff."),
        named=False,
    ),
    (TOGETHER, YOUNG_PEOPLE): Cell(
        "run_by_young_people",
        _("Designed together, run by young people"),
        _("Planned together, then young people run it."),
        named=False,
    ),
}


def cell_for(designed_by: str, delivered_by: str) -> Cell:
    """The matrix cell a project sits in, from who designs it and who delivers it."""
    return CELLS[(designed_by, delivered_by)]


def grid() -> list[tuple[str, Promise, list[tuple[str, Cell]]]]:
    """Rows by who delivers, columns by who designs (as nef draws it): for each row, who
    delivers, its label, and each (who designs, cell)."""
    return [
        (delivered, label, [(designed, CELLS[(designed, delivered)]) for designed, _l in WHO])
        for delivered, label in WHO
    ]


# Bovaird and Loeffler's eight forms, keyed as projects records them, each in a line of ours.
FORMS: list[tuple[str, Promise, Promise]] = [
    ("co_commissioning", _("Co-commissioning"), _("Young people help decide what is paid for.")),
    (
        "co_planning",
        _("Co-planning of policy"),
        _("Young people help set the plans and rules a service follows."),
    ),
    (
        "co_prioritisation",
        _("Co-prioritisation"),
        _("Young people help choose what comes first when money or time is short."),
    ),
    (
        "co_financing",
        _("Co-financing"),
        _("Young people raise money or bring resources of their own."),
    ),
    ("co_design", _("Co-design"), _("Young people help shape what a service will be.")),
    ("co_delivery", _("Co-delivery"), _("Young people help run a service.")),
    (
        "co_management",
        _("Co-management"),
        _("Young people share in looking after a service day to day."),
    ),
    (
        "co_assessment",
        _("Co-assessment"),
        _("Young people help judge how well a service is working."),
    ),
]
