"""Reads for inclusion. Other apps read inclusion's data only here."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.core.suppression import hide_group
from coproduce.core.tenancy import get_for, settings_or_defaults
from coproduce.inclusion.choices import (
    Disability,
    Ethnicity,
    Language,
    PaymentStatus,
    Sex,
    YesNo,
)
from coproduce.inclusion.models import (
    AccessNeeds,
    AreaDecile,
    EqualityProfile,
    InclusionSettings,
    Payment,
)
from coproduce.organisations.selectors import young_people_for
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


def asked_often(
    *, organisation: Organisation, today: datetime.date | None = None
) -> dict[int, AskedOften]:
    """Young people who came to more sessions than the organisation's limit in its period,
    by membership id."""
    settings = settings_for(organisation=organisation)
    end = today or timezone.localdate()
    start = end - datetime.timedelta(weeks=settings.ask_weeks) + datetime.timedelta(days=1)
    taken = projects.places_taken(organisation=organisation, start=start, end=end)
    return {
        person: AskedOften(places, settings.ask_limit, settings.ask_weeks)
        for person, (places, _asked) in taken.items()
        if places > settings.ask_limit
    }


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
    *, organisation: Organisation, today: datetime.date | None = None
) -> list[Table]:
    """Each characteristic across the active young people, counted, with the small-number
    rule (and secondary suppression) applied to every figure. No person is named."""
    today = today or timezone.localdate()
    people = list(
        young_people_for(organisation=organisation).values_list("pk", "user__date_of_birth")
    )
    answers = {
        p.membership_id: p
        for p in EqualityProfile.objects.filter(
            organisation=organisation, membership_id__in=[pk for pk, _b in people]
        )
    }
    deciles = dict(area_deciles(organisation=organisation).values_list("district", "decile"))

    def column(field: str) -> list[str]:
        return [getattr(answers[pk], field) if pk in answers else "" for pk, _born in people]

    def choices(options: Sequence[tuple[str, Any]]) -> list[tuple[str, Any]]:
        return [*options, NOT_ANSWERED]

    bands = [(str(name), str(name)) for name, _l, _h in AGE_BANDS] + [
        (_("Not known"), _("Not known"))
    ]
    areas = []
    for pk, _born in people:
        district = answers[pk].postcode_district if pk in answers else ""
        areas.append(str(deciles.get(district, "")) if district else "")
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


# ---- payments ----------------------------------------------------------------------------


def payments_for(*, organisation: Organisation) -> QuerySet[Payment]:
    return Payment.objects.filter(organisation=organisation).select_related(
        "young_person__user", "project", "recorded_by__user", "decided_by__user"
    )


def payments_to(*, membership: Membership) -> QuerySet[Payment]:
    return payments_for(organisation=membership.organisation).filter(young_person=membership)


def get_payment_for(*, organisation: Organisation | None, pk: int) -> Payment:
    return get_for(Payment, organisation=organisation, pk=pk)


def approved_payments(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> QuerySet[Payment]:
    """What finance pays out or accounts for: approved payments in the period, oldest first."""
    return (
        payments_for(organisation=organisation)
        .filter(status=PaymentStatus.APPROVED, paid_on__range=(start, end))
        .order_by("paid_on", "pk")
    )
