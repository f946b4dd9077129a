"""The monitoring report for one project and period: each Appendix B question (seed 003)
answered with figures drawn from the records, and the records behind every figure."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Min, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.commissioning.models import PanelMember
from coproduce.credits.models import AccountKind, Entry, Recognition
from coproduce.monitoring.analytics import AGE_BANDS, OTHER_BAND, age_band, age_on, share
from coproduce.monitoring.models import Narrative
from coproduce.projects.checklists import Answer
from coproduce.projects.ladders import rungs
from coproduce.projects.models import (
    Attendance,
    Barrier,
    ChecklistAnswer,
    Idea,
    Inclusion,
    Project,
    Status,
)
from coproduce.projects.selectors import project_settings_for

QUESTIONS: list[tuple[str, Promise]] = [
    (
        "recruited",
        _(
            "Which young people did staff recruit for involvement in co-production activities? How inclusive was the recruitment?"
        ),
    ),
    (
        "barriers",
        _("How did we do this? What were the barriers and how did we try to overcome them?"),
    ),
    (
        "why",
        _(
            "Why did we recruit these particular young people? What is their relevant lived experience or contribution?"
        ),
    ),
    (
        "scope",
        _(
            "What was in scope for their decision-making and action and what was out of scope? How did we communicate and negotiate this?"
        ),
    ),
    (
        "flexible",
        _(
            "Can we give specific examples of how we were flexible and responsive to young people's needs in the co-production process?"
        ),
    ),
    (
        "process",
        _(
            "How can we show that our process was effective? How did we implement the 'Tips and Tricks' in the Guide to Co-production?"
        ),
    ),
    ("effective", _("How do we know our co-production processes were effective?")),
    ("changed", _("What changed or was influenced as a result of our co-production?")),
    (
        "improve",
        _("What do we think didn't go so well, and what are our ideas for improving next time?"),
    ),
]


@dataclass
class Figure:
    key: str
    label: str | Promise
    value: object
    records: list[str] = field(default_factory=list)  # what the figure was counted from

    @property
    def shown(self) -> str:
        """The value as a person reads it: shares as percentages, no trailing zeros."""
        if self.value is None:
            return "–"
        if isinstance(self.value, Decimal):
            if self.key.endswith("share") or self.key == "feedback_on_time":
                return f"{(self.value * 100).quantize(Decimal('0.1')).normalize():f}%"
            return f"{self.value.normalize():f}"
        return str(self.value)


@dataclass
class Answered:
    key: str
    question: str | Promise
    figures: list[Figure]
    narrative: Narrative | None
    text: str = ""  # recorded text that answers it (scope)


@dataclass
class Report:
    project: Project
    start: datetime.date
    end: datetime.date
    answers: list[Answered]
    figures: dict[str, Figure]
    age_bands: list[tuple[str, int]]
    barriers: list[tuple[str, int]]


def project_report(project: Project, start: datetime.date, end: datetime.date) -> Report:
    """Build every figure from the records in a fixed number of queries."""
    attendance = list(
        Attendance.objects.filter(session__project=project, session__date__range=(start, end))
        .select_related("session", "young_person__user")
        .order_by("session__date", "session_id", "young_person_id")
    )
    came = [a for a in attendance if a.attended]
    people = {a.young_person_id: a.young_person for a in came}
    first_ever = dict(
        Attendance.objects.filter(
            session__project=project, attended=True, young_person_id__in=people
        )
        .values("young_person_id")
        .annotate(first=Min("session__date"))
        .values_list("young_person_id", "first")
    )
    sessions = {a.session_id: a.session for a in attendance}
    ideas = list(
        Idea.objects.filter(project=project, created_at__date__range=(start, end))
        .select_related("response")
        .order_by("created_at", "id")
    )
    inclusion = list(
        Inclusion.objects.filter(project=project, young_person_id__in=people).select_related(
            "young_person__user"
        )
    )
    checklist = list(ChecklistAnswer.objects.filter(project=project).order_by("stage", "item"))
    # Net credits issued for the period's sessions: issues minus any reversals.
    session_entries = Entry.objects.filter(
        session__project=project, session__date__range=(start, end)
    )
    issued = (
        session_entries.filter(credit__kind=AccountKind.YOUNG_PERSON).aggregate(t=Sum("minutes"))[
            "t"
        ]
        or 0
    )
    reversed_ = (
        session_entries.filter(debit__kind=AccountKind.YOUNG_PERSON).aggregate(t=Sum("minutes"))[
            "t"
        ]
        or 0
    )
    credit_minutes = issued - reversed_
    recognitions = list(
        Recognition.objects.filter(
            young_person_id__in=people, awarded_at__date__range=(start, end)
        ).select_related("young_person__user")
    )
    panels = PanelMember.objects.filter(round__project=project, kind="young_person").count()
    narratives = {
        n.question: n
        for n in Narrative.objects.filter(
            project=project, period_start=start, period_end=end
        ).select_related("updated_by")
    }

    def name(a: Attendance) -> str:
        return a.young_person.user.display_name

    f: dict[str, Figure] = {}

    def add(key: str, label: str | Promise, value: object, records: list[str]) -> None:
        f[key] = Figure(key, label, value, records)

    add(
        "young_people",
        _("Young people who took part"),
        len(people),
        sorted(p.user.display_name for p in people.values()),
    )
    new = [p for pid, p in people.items() if first_ever.get(pid, start) >= start]
    add(
        "new_young_people",
        _("Taking part for the first time"),
        len(new),
        sorted(p.user.display_name for p in new),
    )
    bands = Counter(age_band(age_on(p.user.date_of_birth, end)) for p in people.values())
    in_care = [p for p in people.values() if p.in_care]
    add(
        "in_care",
        _("Young people in care"),
        len(in_care),
        sorted(p.user.display_name for p in in_care),
    )
    under_13 = [p for p in people.values() if (age_on(p.user.date_of_birth, end) or 99) < 13]
    add(
        "under_13", _("Aged under 13"), len(under_13), sorted(p.user.display_name for p in under_13)
    )
    add(
        "sessions",
        _("Sessions held"),
        len(sessions),
        [
            f"{s.date:%d %b %Y}: {s.activity}"
            for s in sorted(sessions.values(), key=lambda s: (s.date, s.pk))
        ],
    )
    add(
        "places",
        _("Places taken at sessions"),
        len(came),
        [f"{a.session.date:%d %b %Y}: {name(a)}" for a in came],
    )
    minutes = sum(a.session.duration_minutes for a in came)
    add(
        "hours",
        _("Hours young people gave"),
        Decimal(minutes) / 60,
        [f"{a.session.date:%d %b %Y}: {name(a)}, {a.session.duration_minutes} min" for a in came],
    )
    add("credits_hours", _("Time credits issued (hours)"), Decimal(credit_minutes) / 60, [])
    barriers = Counter(b for i in inclusion for b in i.barriers)
    with_barriers = [i for i in inclusion if i.barriers]
    add(
        "with_barriers",
        _("Young people with barriers recorded"),
        len(with_barriers),
        sorted(i.young_person.user.display_name for i in with_barriers),
    )
    supported = [i for i in inclusion if i.support_given or i.support_amount_pence]
    add(
        "supported",
        _("Young people given support to take part"),
        len(supported),
        sorted(i.young_person.user.display_name for i in supported),
    )
    support_pence = sum(i.support_amount_pence or 0 for i in inclusion)
    add(
        "support_spent",
        _("Spent on support (£)"),
        Decimal(support_pence) / 100,
        [
            f"{i.young_person.user.display_name}: £{(i.support_amount_pence or 0) / 100:.2f}"
            for i in supported
        ],
    )
    answers = Counter(c.answer for c in checklist)
    add(
        "checklist_yes",
        _("Checklist items answered 'Yes'"),
        answers[Answer.YES],
        [f"{c.stage}: {c.item}" for c in checklist if c.answer == Answer.YES],
    )
    not_yet = [c for c in checklist if c.answer in (Answer.NO, Answer.MORE_WORK)]
    add(
        "checklist_open",
        _("Checklist items 'No' or 'Needs more work'"),
        len(not_yet),
        [f"{c.stage}: {c.item}" for c in not_yet],
    )

    ladder = {
        r.number: r for r in rungs(project_settings_for(organisation=project.organisation).ladder)
    }
    with_rung = [a for a in came if a.rung]
    participating = [
        a for a in with_rung if ladder.get(a.rung or 0) and ladder[a.rung or 0].participation
    ]
    add(
        "participation_share",
        _("Share of recorded activity on participation rungs"),
        share(len(participating), len(with_rung)),
        [f"{a.session.date:%d %b %Y}: {name(a)}, rung {a.rung}" for a in with_rung],
    )
    climbs: dict[int, list[int]] = defaultdict(list)
    for a in with_rung:
        climbs[a.young_person_id].append(a.rung or 0)
    climbed = [
        people[pid] for pid, steps in climbs.items() if len(steps) > 1 and steps[-1] > steps[0]
    ]
    add(
        "climbed",
        _("Young people who climbed the ladder"),
        len(climbed),
        sorted(p.user.display_name for p in climbed),
    )

    add("ideas", _("Ideas and views recorded"), len(ideas), [i.text[:80] for i in ideas])
    by_status = Counter(i.response.status for i in ideas if i.response)
    adopted = [
        i
        for i in ideas
        if i.response and i.response.status in (Status.ADOPTED, Status.PARTLY_ADOPTED)
    ]
    add(
        "adopted",
        _("Ideas adopted or partly adopted"),
        len(adopted),
        [f"{i.text[:60]} → {i.response.action[:60] if i.response else ''}" for i in adopted],
    )
    add(
        "not_adopted",
        _("Ideas not adopted, with reasons given"),
        by_status[Status.NOT_ADOPTED],
        [i.text[:80] for i in ideas if i.response and i.response.status == Status.NOT_ADOPTED],
    )
    on_time = [
        i
        for i in ideas
        if i.response and i.response.feedback_given_on and i.response.feedback_given_on <= i.due_on
    ]
    add(
        "feedback_on_time",
        _("Share of ideas with feedback given on time"),
        share(len(on_time), len(ideas)),
        [i.text[:80] for i in on_time],
    )
    late = [i for i in ideas if i not in on_time]
    add(
        "feedback_late",
        _("Ideas without feedback on time"),
        len(late),
        [f"{i.text[:60]} (due {i.due_on:%d %b %Y})" for i in late],
    )
    add(
        "recognitions",
        _("Certificates and accreditation awarded"),
        len(recognitions),
        [f"{r.young_person.user.display_name}: {r.title}" for r in recognitions],
    )
    add("panel_seats", _("Young people's seats on commissioning panels"), panels, [])

    groups = {
        "recruited": ["young_people", "new_young_people", "under_13", "in_care"],
        "barriers": ["with_barriers", "supported", "support_spent"],
        "why": [],
        "scope": [],
        "flexible": ["sessions", "places", "hours"],
        "process": ["checklist_yes", "checklist_open"],
        "effective": [
            "participation_share",
            "climbed",
            "feedback_on_time",
            "credits_hours",
            "recognitions",
        ],
        "changed": ["ideas", "adopted", "not_adopted", "panel_seats"],
        "improve": ["feedback_late", "checklist_open"],
    }
    scope_text = "\n".join(t for t in (project.in_scope, project.out_of_scope) if t)
    answered = [
        Answered(
            key,
            question,
            [f[k] for k in groups[key]],
            narratives.get(key),
            scope_text if key == "scope" else "",
        )
        for key, question in QUESTIONS
    ]
    age_rows = [(band, bands.get(band, 0)) for band, _low, _high in AGE_BANDS]
    if bands.get(OTHER_BAND):
        age_rows.append((OTHER_BAND, bands[OTHER_BAND]))
    barrier_rows = [
        (str(label), barriers[value]) for value, label in Barrier.choices if barriers[value]
    ]
    return Report(project, start, end, answered, f, age_rows, barrier_rows)
