"""Build synthetic organisations quickly and reproducibly (bulk inserts, no per-row services),
keeping every database invariant: ledger balances match their entries, consent and audit
rules are untouched, and all rows belong to their organisation."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import (
    LEVELS_FOR,
    Assessment,
    Framework,
    Indicator,
    Perspective,
    Round,
    Score,
    Status,
)
from coproduce.credits import ledger
from coproduce.credits.models import Account, AccountKind, Category, Entry
from coproduce.organisations.models import Membership, Organisation, Service
from coproduce.organisations.roles import Role
from coproduce.projects.checklists import STAGE_ORDER
from coproduce.projects.models import Attendance, Idea, Project, Response, Session, Source
from coproduce.projects.models import Status as IdeaStatus
from coproduce.synthetic.sizes import Size

BATCH = 5_000
BASE_DAY = datetime.date(2026, 9, 30)  # fixed, so the same seed gives the same rows
PASSWORD = "!synthetic-no-sign-in"  # an unusable password hash
STAFF = [Role.ADMIN, Role.MANAGER] + [Role.PRACTITIONER] * 8
ATTENDEES_PER_SESSION = 20


def _bulk(
    model: type[models.Model], rows: Iterable[models.Model], *, keep: bool = True
) -> list[Any]:
    """Insert in batches; `keep=False` lets each batch go once inserted (the big tables)."""
    made: list[Any] = []
    batch: list[models.Model] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            created = model._default_manager.bulk_create(batch)
            made += created if keep else []
            batch = []
    if batch:
        created = model._default_manager.bulk_create(batch)
        made += created if keep else []
    return made


def _aware(day: datetime.date, hour: int = 18) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def generate(
    size: Size, *, seed: int, prefix: str = "synthetic", progress: Any = None
) -> dict[str, int]:
    """Create `size.organisations` organisations. Returns the counts created."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, reproducible on purpose)
    counts: Counter[str] = Counter()
    for index in range(size.organisations):
        with transaction.atomic():
            _organisation(rng, size, index, prefix, counts)
        if progress:
            progress(index + 1, size.organisations)
    # A live database keeps planner statistics as it grows; a bulk load has none until the
    # autovacuum daemon gets round to it, and plans made without them can be far off.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the same statement on SQLite and PostgreSQL
    return dict(counts)


def _organisation(
    rng: random.Random, size: Size, index: int, prefix: str, counts: Counter[str]
) -> None:
    org = Organisation.objects.create(
        name=f"Synthetic Youth Service {index + 1:03d}", slug=f"{prefix}-{index + 1:03d}"
    )
    services = _bulk(
        Service, (Service(organisation=org, name=f"Service {n + 1}") for n in range(3))
    )
    n_young = size.share(size.young_people, index)
    users = _bulk(
        User,
        (
            User(
                username=f"{prefix}-{index + 1:03d}-{kind}{n}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                password=PASSWORD,
                date_of_birth=(
                    BASE_DAY - datetime.timedelta(days=rng.randint(11 * 365, 25 * 365))
                    if kind == "y"
                    else None
                ),
            )
            for kind, total in (("s", len(STAFF)), ("y", n_young))
            for n in range(total)
        ),
    )
    members = _bulk(
        Membership,
        (
            Membership(
                organisation=org,
                user=user,
                role=STAFF[n] if n < len(STAFF) else Role.YOUNG_PERSON,
                in_care=n >= len(STAFF) and rng.random() < 0.06,
                joined_on=BASE_DAY - datetime.timedelta(days=rng.randint(30, 900)),
            )
            for n, user in enumerate(users)
        ),
    )
    staff, young = members[: len(STAFF)], members[len(STAFF) :]
    counts.update(organisations=1, young_people=len(young), staff=len(staff))
    projects = _bulk(
        Project,
        (
            Project(
                organisation=org,
                service=services[n % 3],
                name=f"Project {n + 1}",
                aims="Young people shape the service.",
                stage=STAGE_ORDER[n % len(STAGE_ORDER)],
                created_at=_aware(BASE_DAY - datetime.timedelta(days=400)),
            )
            for n in range(size.projects_per_organisation)
        ),
    )
    places = size.share(size.attendance, index)  # attendance rows: full sessions, then the rest
    group_sizes = [ATTENDEES_PER_SESSION] * (places // ATTENDEES_PER_SESSION)
    group_sizes += [places % ATTENDEES_PER_SESSION] if places % ATTENDEES_PER_SESSION else []
    sessions_needed = len(group_sizes)
    sessions = _bulk(
        Session,
        (
            Session(
                organisation=org,
                project=projects[n % len(projects)],
                date=BASE_DAY - datetime.timedelta(days=rng.randint(0, 720)),
                duration_minutes=rng.choice([60, 90, 120]),
                activity=f"Session {n + 1}",
            )
            for n in range(sessions_needed)
        ),
    )
    # Opportunities go unevenly (some young people are asked far more often), as in life.
    weights = [rng.paretovariate(1.5) for _ in young]
    # Summed once: rng.choices(weights=…) sums them on every call, which at 20,000 young
    # people and 400,000 places is most of the time. Same draws, same rows.
    cum_weights = list(accumulate(weights))
    attendance = []
    for session, group in zip(sessions, group_sizes, strict=True):
        chosen: set[int] = set()
        while len(chosen) < min(group, len(young)):
            chosen.add(rng.choices(range(len(young)), cum_weights=cum_weights)[0])
        for i in sorted(chosen):
            attended = rng.random() < 0.85
            attendance.append(
                Attendance(
                    organisation=org,
                    session=session,
                    young_person=young[i],
                    attended=attended,
                    rung=rng.randint(2, 8) if attended else None,
                )
            )
    attendance = _bulk(Attendance, attendance)
    counts.update(sessions=len(sessions), attendance=len(attendance))
    _ideas(rng, org, projects, sessions, staff, young, counts)
    _ledger(rng, size.share(size.ledger_legs // 2, index), org, staff, young, attendance, counts)
    _assessments(rng, size.share(size.assessments, index), org, staff, young, services, counts)


def _ideas(
    rng: random.Random,
    org: Organisation,
    projects: Sequence[Project],
    sessions: Sequence[Session],
    staff: Sequence[Membership],
    young: Sequence[Membership],
    counts: Counter[str],
) -> None:
    ideas = []
    for session in sessions[::5]:
        created = _aware(session.date)
        ideas.append(
            Idea(
                organisation=org,
                project=session.project,
                session=session,
                text="More evening sessions",
                source=Source.SESSION,
                author=rng.choice(young),
                owner=staff[2 + rng.randint(0, 7)],
                recorded_by=staff[2].user,
                created_at=created,
                due_on=session.date + datetime.timedelta(days=28),
            )
        )
    ideas = _bulk(Idea, ideas)
    responses = _bulk(
        Response,
        (
            Response(
                organisation=org,
                project=idea.project,
                status=IdeaStatus.ADOPTED,
                action="We did it",
                feedback_given_on=idea.due_on - datetime.timedelta(days=rng.randint(-10, 20)),
                feedback_method="At the session",
            )
            for idea in ideas[: len(ideas) * 3 // 4]
        ),
    )
    for idea, response in zip(ideas, responses, strict=False):
        idea.response = response
    Idea.objects.bulk_update(ideas[: len(responses)], ["response"], batch_size=BATCH)
    counts.update(ideas=len(ideas))


def _ledger(
    rng: random.Random,
    entries_needed: int,
    org: Organisation,
    staff: Sequence[Membership],
    young: Sequence[Membership],
    attendance: Sequence[Attendance],
    counts: Counter[str],
) -> None:
    """Entries from the issuing account to young people's accounts; balances set to match."""
    issuing = ledger.issuing_account(org)
    accounts = _bulk(
        Account,
        (Account(organisation=org, kind=AccountKind.YOUNG_PERSON, membership=m) for m in young),
    )
    by_member = {a.membership_id: a for a in accounts}
    came = [a for a in attendance if a.attended]
    totals: Counter[int] = Counter()

    def rows() -> Iterable[Entry]:
        # Made as they are inserted, not all held at once (a million legs at `council`).
        for n in range(entries_needed):
            if n < len(came):
                record = came[n]
                account, session, minutes, category = (
                    by_member[record.young_person_id],
                    record.session,
                    60,
                    Category.SESSION,
                )
                when = _aware(record.session.date, 20)
            else:
                account, session = rng.choice(accounts), None
                minutes, category = 30, Category.AWARD
                when = _aware(BASE_DAY - datetime.timedelta(days=rng.randint(0, 720)), 12)
            totals[account.pk] += minutes
            yield Entry(
                organisation=org,
                debit=issuing,
                credit=account,
                minutes=minutes,
                category=category,
                reason="Synthetic",
                session=session,
                acting_user=staff[2].user,
                idempotency_key=f"synthetic:{n}",
                created_at=when,
            )

    _bulk(Entry, rows(), keep=False)
    for account in accounts:
        account.balance = account.lifetime_minutes = totals[account.pk]
    Account.objects.bulk_update(accounts, ["balance", "lifetime_minutes"], batch_size=BATCH)
    Account.objects.filter(pk=issuing.pk).update(balance=-sum(totals.values()))
    counts.update(ledger_legs=2 * entries_needed)


def _assessments(
    rng: random.Random,
    wanted: int,
    org: Organisation,
    staff: Sequence[Membership],
    young: Sequence[Membership],
    services: Sequence[Service],
    counts: Counter[str],
) -> None:
    builtins_install(organisation=org)
    version = Framework.objects.get(organisation=org, key="nef-coproduction").versions.get()
    indicators = list(Indicator.objects.filter(version=version).order_by("order"))
    rounds = _bulk(
        Round,
        (
            Round(
                organisation=org,
                name=f"Round {n + 1}",
                version=version,
                opens_on=BASE_DAY - datetime.timedelta(days=180 * (4 - n)),
                due_on=BASE_DAY - datetime.timedelta(days=180 * (4 - n) - 30),
                closed_at=_aware(BASE_DAY - datetime.timedelta(days=180 * (4 - n) - 31)),
            )
            for n in range(4)
        ),
    )
    respondents = [(m, Perspective.STAFF) for m in staff] + [
        (m, Perspective.YOUNG_PEOPLE) for m in young
    ]
    per_round = [wanted // len(rounds) + (r < wanted % len(rounds)) for r in range(len(rounds))]
    assessments = _bulk(
        Assessment,
        (
            Assessment(
                organisation=org,
                round=round_,
                respondent=member,
                perspective=perspective,
                project=rng.choice(services),
                status=Status.SUBMITTED,
                submitted_at=_aware(round_.due_on - datetime.timedelta(days=3)),
            )
            for round_, count in zip(rounds, per_round, strict=True)
            for member, perspective in respondents[:count]
        ),
    )
    _bulk(
        Score,
        (
            Score(
                organisation=org,
                assessment=a,
                indicator=indicator,
                level=level,
                value=rng.randint(2, 9),
                example="Synthetic example",
            )
            for a in assessments
            for indicator in indicators
            for level in LEVELS_FOR[Perspective(a.perspective)]
        ),
    )
    type(version).objects.filter(pk=version.pk).update(frozen_at=timezone.now())
    counts.update(assessments=len(assessments))


FIRST_NAMES = [
    "Aisha",
    "Ben",
    "Cerys",
    "Dylan",
    "Efa",
    "Finn",
    "Gwen",
    "Harri",
    "Isla",
    "Jac",
    "Kai",
    "Lowri",
    "Mo",
    "Nia",
    "Osian",
    "Priya",
    "Rhys",
    "Seren",
    "Tomos",
    "Zara",
]
LAST_NAMES = [
    "Ali",
    "Begum",
    "Davies",
    "Evans",
    "Hughes",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Owen",
    "Patel",
    "Price",
    "Roberts",
    "Thomas",
    "Williams",
]
