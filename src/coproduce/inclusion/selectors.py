"""Reads for inclusion. Other apps read inclusion's data only here."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.core.suppression import hide_group
from coproduce.core.tenancy import settings_or_defaults
from coproduce.inclusion.choices import (
    Disability,
    Ethnicity,
    Language,
    Sex,
    YesNo,
)
from coproduce.inclusion.models import (
    AccessNeeds,
    AreaDecile,
    EqualityProfile,
    InclusionSettings,
)

# Payments' reads live in inclusion.payments; other apps read them here.
from coproduce.inclusion.payments import PaymentRecord as PaymentRecord
from coproduce.inclusion.payments import PaymentTotal as PaymentTotal
from coproduce.inclusion.payments import approved_payments as approved_payments
from coproduce.inclusion.payments import (
    approved_payments_for_project as approved_payments_for_project,
)
from coproduce.inclusion.payments import get_payment_for as get_payment_for
from coproduce.inclusion.payments import payment_totals as payment_totals
from coproduce.inclusion.payments import payments_for as payments_for
from coproduce.inclusion.payments import payments_to as payments_to
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import people_for, young_people_for
from coproduce.projects import selectors as projects

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def settings_for(*, organisation: Organisation) -> InclusionSettings:
    return settings_or_defaults(InclusionSettings, organisation=organisation)


# ---- access needs -------------------------------------------------------------------------


def needs_of(*, membership: Membership) -> AccessNeeds | None:
    return AccessNeeds.objects.filter(
        organisation=membership.organisation, membership=membership
    ).first()


def needs_by_person(*, organisation: Organisation) -> dict[int, AccessNeeds]:
    """Every young person's recorded access needs, by membership id (one query)."""
    return {n.membership_id: n for n in AccessNeeds.objects.filter(organisation=organisation)}


# ---- asked too often ---------------------------------------------------------------------


@dataclass(frozen=True)
class AskedOften:
    places: int
    limit: int
    weeks: int


def _asking_period(
    settings: InclusionSettings, today: datetime.date | None
) -> tuple[datetime.date, datetime.date]:
    """The organisation's weeks for counting how often someone was asked, ending today."""
    end = today or timezone.localdate()
    return end - datetime.timedelta(weeks=settings.ask_weeks) + datetime.timedelta(days=1), end


def asked_often(
    *, organisation: Organisation, today: datetime.date | None = None
) -> dict[int, AskedOften]:
    """Young people who came to more sessions than the organisation's limit in its period,
    by membership id."""
    settings = settings_for(organisation=organisation)
    start, end = _asking_period(settings, today)
    taken = projects.places_in_period(organisation=organisation, start=start, end=end)
    return {
        person: AskedOften(places, settings.ask_limit, settings.ask_weeks)
        for person, places in taken.items()
        if places > settings.ask_limit
    }


@dataclass(frozen=True)
class AskedOftenPerson:
    pk: int  # membership id
    display_name: str
    often: AskedOften


def asked_often_people(
    *,
    organisation: Organisation,
    settings: InclusionSettings | None = None,
    today: datetime.date | None = None,
) -> list[AskedOftenPerson]:
    """The young people asked more often than the organisation's limit, most asked first.
    Pass the organisation's `settings` when they are already in hand."""
    settings = settings or settings_for(organisation=organisation)
    start, end = _asking_period(settings, today)
    return [
        AskedOftenPerson(
            p.pk, p.display_name, AskedOften(p.places, settings.ask_limit, settings.ask_weeks)
        )
        for p in projects.came_more_than(
            organisation=organisation, start=start, end=end, more_than=settings.ask_limit
        )
    ]


@dataclass(frozen=True)
class Suggestion:
    """A young person to think of asking: how often they came in the organisation's period
    and were ever on a register, when last, and whether they are under 13."""

    person: Membership
    places: int
    asked: int
    last: datetime.date | None
    under_13: bool


def _age(born: datetime.date | None, today: datetime.date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def least_asked(
    *,
    organisation: Organisation,
    today: datetime.date | None = None,
    leave_out: Collection[int] = (),
    limit: int = 10,
    under_13s: int = 3,
) -> list[Suggestion]:
    """Active young people asked least (fewest sessions in the organisation's period, then
    fewest times on any register, then longest since they were last asked), to invite next.
    At least `under_13s` of them are under 13 when there are that many: younger ones are
    otherwise left out (recruitment bias). `leave_out`: membership ids already involved."""
    end = today or timezone.localdate()
    weeks = settings_for(organisation=organisation).ask_weeks
    start = end - datetime.timedelta(weeks=weeks) + datetime.timedelta(days=1)
    taken = projects.places_taken(organisation=organisation, start=start, end=end)
    people = young_people_for(organisation=organisation).exclude(pk__in=list(leave_out))
    last = projects.last_on_register(organisation=organisation, young_people=people)
    ranked = sorted(
        (
            Suggestion(
                person,
                taken.get(person.pk, (0, 0))[0],
                taken.get(person.pk, (0, 0))[1],
                last.get(person.pk),
                (_age(person.user.date_of_birth, end) or 99) < 13,
            )
            for person in people.select_related("user")
        ),
        key=lambda s: (s.places, s.asked, s.last or datetime.date.min, s.person.user.display_name),
    )
    chosen = ranked[:limit]
    short = min(under_13s, limit) - sum(s.under_13 for s in chosen)
    extra = [s for s in ranked[limit:] if s.under_13][: max(short, 0)]
    if extra:  # the least-asked under-13s take the places of the most-asked older ones
        older = [s for s in chosen if not s.under_13]
        dropped = older[len(older) - len(extra) :]
        chosen = sorted([s for s in chosen if s not in dropped] + extra, key=ranked.index)
    return chosen


# ---- equality ----------------------------------------------------------------------------


def equality_of(*, membership: Membership) -> EqualityProfile | None:
    """A person's own answers: for them alone (and for subject access)."""
    return EqualityProfile.objects.filter(
        organisation=membership.organisation, membership=membership
    ).first()


def area_deciles(*, organisation: Organisation) -> QuerySet[AreaDecile]:
    return AreaDecile.objects.filter(organisation=organisation)


AGE_BANDS = [
    (gettext_lazy("10 or under"), 0, 10),
    ("11–12", 11, 12),
    ("13–15", 13, 15),
    ("16–17", 16, 17),
    ("18–25", 18, 25),
    (gettext_lazy("26 or over"), 26, 200),
]


def age_band(born: datetime.date | None, today: datetime.date) -> str:
    if born is None:
        return _("Not known")
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return str(name)
    return _("Not known")


@dataclass(frozen=True)
class Row:
    label: str
    count: int | None  # None: fewer than five, or hidden so a small one cannot be worked out


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    total: int | None
    rows: list[Row]


def _table(key: str, title: str, labels: Sequence[tuple[str, Any]], values: list[str]) -> Table:
    counted = Counter(values)
    parts = [counted[value] for value, _label in labels]
    total, shown = hide_group(len(values), parts)
    return Table(
        key,
        title,
        total,
        [Row(str(label), n) for (_v, label), n in zip(labels, shown, strict=True)],
    )


NOT_ANSWERED = ("", gettext_lazy("Not answered"))


def equality_summary(
    *,
    organisation: Organisation,
    today: datetime.date | None = None,
    membership_ids: Sequence[int] | None = None,
) -> list[Table]:
    """Each characteristic across the active young people (or those of `membership_ids`, such
    as the young people who took part in a project), counted, with the small-number rule (and
    secondary suppression) applied to every figure. No person is named."""
    today = today or timezone.localdate()
    found = young_people_for(organisation=organisation)
    if membership_ids is not None:
        found = found.filter(pk__in=list(membership_ids))
    people = list(found.values_list("pk", "user__date_of_birth"))
    answers = {
        p.membership_id: p
        for p in EqualityProfile.objects.filter(
            organisation=organisation, membership_id__in=[pk for pk, _b in people]
        )
    }

    def column(field: str) -> list[str]:
        return [getattr(answers[pk], field) if pk in answers else "" for pk, _born in people]

    def choices(options: Sequence[tuple[str, Any]]) -> list[tuple[str, Any]]:
        return [*options, NOT_ANSWERED]

    bands = [(str(name), str(name)) for name, _l, _h in AGE_BANDS] + [
        (_("Not known"), _("Not known"))
    ]
    # Worked out from their district when they saved their answers.
    areas = [
        str(answers[pk].deprivation_decile or "") if pk in answers else "" for pk, _born in people
    ]
    decile_labels = [(str(d), _("Decile %(d)s") % {"d": d}) for d in range(1, 11)]
    return [
        _table("age", _("Age"), bands, [age_band(born, today) for _pk, born in people]),
        _table("sex", _("Sex"), choices(Sex.choices), column("sex")),
        _table(
            "gender",
            _("Gender the same as sex registered at birth"),
            choices(YesNo.choices),
            column("gender_same_as_birth"),
        ),
        _table("ethnicity", _("Ethnic group"), choices(Ethnicity.choices), column("ethnicity")),
        _table(
            "disability", _("Disability or SEND"), choices(Disability.choices), column("disability")
        ),
        _table("care", _("Care experience"), choices(YesNo.choices), column("care_experience")),
        _table("carer", _("Young carer"), choices(YesNo.choices), column("young_carer")),
        _table(
            "language", _("First language"), choices(Language.choices), column("first_language")
        ),
        _table(
            "decile",
            _("Deprivation decile of their area (1 is most deprived)"),
            [*decile_labels, ("", _("Not known or not answered"))],
            areas,
        ),
    ]


# ---- export in the import's shape ----------------------------------------------------------


def people_for_export(*, organisation: Organisation, include_staff: bool) -> list[list[str]]:
    """The active young people (and staff, for those who may add staff) as rows in the shape
    the import reads: first_name, last_name, date_of_birth, preferred_name, email, role,
    services, in_care."""
    roles = [Role.YOUNG_PERSON, *([Role.PRACTITIONER, Role.MANAGER, Role.ADMIN] * include_staff)]
    people = (
        people_for(organisation=organisation)
        .filter(role__in=roles, is_active=True)
        .prefetch_related("services")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    return [
        [
            m.user.first_name,
            m.user.last_name,
            m.user.date_of_birth.isoformat() if m.user.date_of_birth else "",
            m.user.preferred_name,
            m.user.email,
            m.role,
            "; ".join(sorted(s.name for s in m.services.all())),
            ("yes" if m.in_care else "no") if m.is_young_person else "",
        ]
        for m in people
    ]
