"""One function per Appendix B question (seed 003): the figures that answer it, each counted
from the records of the app that owns them (projects, credits, commissioning, inclusion)."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.monitoring.analytics import AGE_BANDS, OTHER_BAND, age_band, age_on, share
from coproduce.monitoring.report.figures import Figure
from coproduce.projects import selectors as projects
from coproduce.projects.checklists import Answer, Stage
from coproduce.projects.ladders import rungs

# Recognition kind for accreditation (credits.models.RecognitionKind), a plain value so the
# report does not import another app's models.
ACCREDITATION = "accreditation"

if TYPE_CHECKING:
    from coproduce.monitoring.report.records import Records
    from coproduce.projects.selectors import IdeaRecord, RegisterEntry


def _name(a: RegisterEntry) -> str:
    return a.young_person.display_name


def _day(a: RegisterEntry) -> str:
    return _date_text(a.session.date)


@lru_cache(maxsize=4096)
def _date_text(day: datetime.date) -> str:
    """A day as the report writes it; formatted once per day, not once per register row."""
    return f"{day:%d %b %Y}"


def recruited(r: Records) -> list[Figure]:
    """Who took part, and how wide did recruitment reach?"""
    people = r.people
    new = [p for pid, p in people.items() if pid not in r.came_before]
    under_13 = [p for p in people.values() if (age_on(p.date_of_birth, r.end) or 99) < 13]
    in_care = [p for p in people.values() if p.in_care]
    return [
        Figure(
            "young_people",
            _("Young people who took part"),
            len(people),
            sorted(p.display_name for p in people.values()),
        ),
        Figure(
            "new_young_people",
            _("Taking part for the first time"),
            len(new),
            sorted(p.display_name for p in new),
        ),
        Figure(
            "under_13",
            _("Aged under 13"),
            len(under_13),
            sorted(p.display_name for p in under_13),
        ),
        Figure(
            "in_care",
            _("Young people in care"),
            len(in_care),
            sorted(p.display_name for p in in_care),
        ),
    ]


def age_bands(r: Records) -> list[tuple[str, int]]:
    """How many of those who took part are in each age band (at the end of the period)."""
    bands = Counter(age_band(age_on(p.date_of_birth, r.end)) for p in r.people.values())
    rows = [(band, bands.get(band, 0)) for band, _low, _high in AGE_BANDS]
    if bands.get(OTHER_BAND):
        rows.append((gettext(OTHER_BAND), bands[OTHER_BAND]))
    return rows


def barriers(r: Records) -> list[Figure]:
    """What stood in young people's way, and what was done about it?"""
    with_barriers = [i for i in r.inclusion if i.barriers]
    supported = [i for i in r.inclusion if i.support_given or i.support_amount_pence]
    pence = sum(i.support_amount_pence or 0 for i in r.inclusion)
    return [
        Figure(
            "with_barriers",
            _("Young people with barriers recorded"),
            len(with_barriers),
            sorted(i.display_name for i in with_barriers),
        ),
        Figure(
            "supported",
            _("Young people given support to take part"),
            len(supported),
            sorted(i.display_name for i in supported),
        ),
        Figure(
            "support_spent",
            _("Spent on support (£)"),
            Decimal(pence) / 100,
            [f"{i.display_name}: £{(i.support_amount_pence or 0) / 100:.2f}" for i in supported],
        ),
        *payments(r),
    ]


def payments(r: Records) -> list[Figure]:
    """Money given to young people (travel refunds, vouchers, pay), approved, for the project."""
    paid = {p.young_person_id: p.display_name for p in r.payments}
    return [
        Figure(
            "paid",
            _("Young people given money (expenses, vouchers or pay)"),
            len(paid),
            sorted(paid.values()),
        ),
        Figure(
            "payments_spent",
            _("Money given to young people (£)"),
            Decimal(sum(p.amount_pence for p in r.payments)) / 100,
            [
                f"{p.paid_on:%d %b %Y}: {p.display_name}, {p.kind_label}, £{p.amount}"
                for p in r.payments
            ],
        ),
    ]


def barrier_counts(r: Records) -> list[tuple[str, int]]:
    """Each barrier recorded, with how many young people face it."""
    counted = Counter(b for i in r.inclusion for b in i.barriers)
    return [(label, counted[value]) for value, label in projects.barrier_labels() if counted[value]]


def why(r: Records) -> list[Figure]:
    """Why these young people? Answered in staff's own words only."""
    return []


def scope(r: Records) -> list[Figure]:
    """What was in and out of scope? Answered by the project's recorded scope (`scope_text`)."""
    return []


def scope_text(r: Records) -> str:
    return "\n".join(t for t in (r.project.in_scope, r.project.out_of_scope) if t)


def flexible(r: Records) -> list[Figure]:
    """How did we fit around young people? The sessions held and the time given."""
    sessions = {a.session_id: a.session for a in r.attendance}
    minutes = sum(a.session.duration_minutes for a in r.came)
    return [
        Figure(
            "sessions",
            _("Sessions held"),
            len(sessions),
            [
                f"{s.date:%d %b %Y}: {s.activity}"
                for s in sorted(sessions.values(), key=lambda s: (s.date, s.pk))
            ],
        ),
        Figure(
            "places",
            _("Places taken at sessions"),
            len(r.came),
            [f"{_day(a)}: {_name(a)}" for a in r.came],
        ),
        Figure(
            "hours",
            _("Hours young people gave"),
            Decimal(minutes) / 60,
            [f"{_day(a)}: {_name(a)}, {a.session.duration_minutes} min" for a in r.came],
        ),
    ]


def _checklist_open(r: Records) -> Figure:
    not_yet = [c for c in r.checklist if c.answer in (Answer.NO, Answer.MORE_WORK)]
    return Figure(
        "checklist_open",
        _("Checklist items 'No' or 'Needs more work'"),
        len(not_yet),
        [f"{c.stage}: {c.item}" for c in not_yet],
    )


def process(r: Records) -> list[Figure]:
    """How can we show our process was effective? The co-production checklist."""
    yes = [c for c in r.checklist if c.answer == Answer.YES]
    evaluated = [c for c in yes if c.stage == Stage.EVALUATION]
    return [
        Figure(
            "checklist_yes",
            _("Checklist items answered 'Yes'"),
            len(yes),
            [f"{c.stage}: {c.item}" for c in yes],
        ),
        _checklist_open(r),
        Figure(
            "evaluation_yes",
            _("Evaluation and review checklist items answered 'Yes'"),
            len(evaluated),
            [f"{c.stage}: {c.item}" for c in evaluated],
        ),
    ]


def _on_time(ideas: list[IdeaRecord]) -> list[IdeaRecord]:
    return [i for i in ideas if i.feedback_on_time]


def effective(r: Records) -> list[Figure]:
    """How do we know it was effective? The ladder, feedback, credits and recognition."""
    ladder = r.ladder
    participation = {step.number for step in rungs(ladder) if step.participation}
    coproduction = {step.number for step in rungs(ladder) if step.coproduction}
    with_rung = [a for a in r.came if a.rung]
    participating = [a for a in with_rung if a.rung in participation]
    shared = [a for a in with_rung if a.rung in coproduction]
    climbs: dict[int, list[int]] = defaultdict(list)
    for a in with_rung:
        climbs[a.young_person_id].append(a.rung or 0)
    climbed = [
        r.people[pid] for pid, steps in climbs.items() if len(steps) > 1 and steps[-1] > steps[0]
    ]
    on_time = _on_time(r.ideas)
    # From the ledger itself, so a correction is netted out as it is in the balances.
    minutes = r.minutes_earned
    recognitions = r.recognitions
    accredited = [x for x in recognitions if x.kind == ACCREDITATION]
    return [
        Figure(
            "participation_share",
            _("Share of recorded activity on participation rungs (informed and above)"),
            share(len(participating), len(with_rung)),
            [f"{_day(a)}: {_name(a)}, rung {a.rung}" for a in with_rung],
        ),
        Figure(
            "coproduction_share",
            _("Share of recorded activity at shared decisions and above (co-production)"),
            share(len(shared), len(with_rung)),
            [f"{_day(a)}: {_name(a)}, rung {a.rung}" for a in shared],
        ),
        Figure(
            "climbed",
            _("Young people who climbed the ladder"),
            len(climbed),
            sorted(p.display_name for p in climbed),
        ),
        Figure(
            "feedback_on_time",
            _("Share of ideas with feedback given on time"),
            share(len(on_time), len(r.ideas)),
            [i.text[:80] for i in on_time],
        ),
        Figure("credits_hours", _("Time credits issued (hours)"), Decimal(minutes) / 60, []),
        Figure(
            "recognitions",
            _("Certificates and accreditation awarded"),
            len(recognitions),
            [f"{x.display_name}: {x.title}" for x in recognitions],
        ),
        Figure(
            "accredited",
            _("Accreditation for skills learnt (such as ASDAN)"),
            len(accredited),
            [f"{x.display_name}: {x.title}" for x in accredited],
        ),
    ]


def changed(r: Records) -> list[Figure]:
    """What changed as a result? Ideas taken up, and young people's seats on panels."""
    adopted = [i for i in r.ideas if i.adopted is True]
    not_adopted = [i for i in r.ideas if i.adopted is False]
    return [
        Figure(
            "ideas", _("Ideas and views recorded"), len(r.ideas), [i.text[:80] for i in r.ideas]
        ),
        Figure(
            "adopted",
            _("Ideas adopted or partly adopted"),
            len(adopted),
            [f"{i.text[:60]} → {i.action[:60]}" for i in adopted],
        ),
        Figure(
            "not_adopted",
            _("Ideas not adopted, with reasons given"),
            len(not_adopted),
            [i.text[:80] for i in not_adopted],
        ),
        Figure(
            "panel_seats",
            _("Young people's seats on commissioning panels"),
            r.panel_seats,
            [],
        ),
    ]


def improve(r: Records) -> list[Figure]:
    """What went less well? Feedback given late, and checklist items still open."""
    late = [i for i in r.ideas if not i.feedback_on_time]
    return [
        Figure(
            "feedback_late",
            _("Ideas without feedback on time"),
            len(late),
            [f"{i.text[:60]} (due {i.due_on:%d %b %Y})" for i in late],
        ),
        _checklist_open(r),
    ]


# Each question's key (as in QUESTIONS) and the function that answers it.
ANSWERS: dict[str, Callable[[Records], list[Figure]]] = {
    "recruited": recruited,
    "barriers": barriers,
    "why": why,
    "scope": scope,
    "flexible": flexible,
    "process": process,
    "effective": effective,
    "changed": changed,
    "improve": improve,
}
