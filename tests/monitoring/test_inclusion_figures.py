"""The inclusion page reads values and counts only what it shows, yet its figures are the ones
the first version worked out from every young person's record: that version is kept here, in
plain Python, and both are compared on a mixed organisation over several periods."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coproduce.monitoring import services as monitoring
from coproduce.monitoring.analytics import AGE_BANDS, age_band, age_on, gini, share, top_tenth_share
from coproduce.monitoring.selectors import inclusion_of, population_of
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.selectors import young_people_for
from coproduce.projects import services as projects
from coproduce.projects.models import (
    Attendance,
    Project,
    RegisterMonth,
    RegisterTotal,
    Session,
)
from tests.conftest import client_for
from tests.factories import OrganisationFactory, YoungPersonFactory

D = datetime.date


def reference(organisation: Organisation, start: D, end: D) -> dict[str, Any]:
    """The first version of `inclusion_of`, on model instances: every register row of the
    organisation, every young person on the books, everything counted in Python."""
    taken: dict[int, tuple[int, int]] = {}
    for a in Attendance.objects.filter(organisation=organisation).select_related("session"):
        so_far, asked = taken.get(a.young_person_id, (0, 0))
        came = a.attended and start <= a.session.date <= end
        taken[a.young_person_id] = (so_far + came, asked + 1)
    people = list(young_people_for(organisation=organisation).order_by("user__first_name", "pk"))
    places = {p.pk: taken.get(p.pk, (0, 0))[0] for p in people}
    took_part = [p for p in people if places[p.pk] > 0]
    bands = Counter(age_band(age_on(p.user.date_of_birth, end)) for p in took_part)
    population = population_of(organisation)
    rows = []
    for group in [name for name, _low, _high in AGE_BANDS] + ["In care"]:
        if group == "In care":
            count = sum(1 for p in took_part if p.in_care)
        else:
            count = bands.get(group, 0)
        served = population.get(group)
        rows.append((group, count, served, share(count, served) if served else None))
    counts = [places[p.pk] for p in people]
    under_13 = sum(1 for p in took_part if (age_on(p.user.date_of_birth, end) or 99) < 13)
    return {
        "on_books": len(people),
        "took_part": len(took_part),
        "rows": rows,
        "places": sorted(counts),
        "gini": gini(counts),
        "top_tenth_share": top_tenth_share(counts),
        "never_invited": [(p.pk, p.user.display_name) for p in people if p.pk not in taken],
        "under_13_share": share(under_13, len(took_part)),
    }


def figures(organisation: Organisation, start: D, end: D) -> dict[str, Any]:
    view = inclusion_of(organisation, start, end)
    return {
        "on_books": view.on_books,
        "took_part": view.took_part,
        "rows": [(r.group, r.took_part, r.population, r.rate) for r in view.rows],
        "places": sorted(view.places),
        "gini": view.gini,
        "top_tenth_share": view.top_tenth_share,
        "never_invited": [(p.pk, p.display_name) for p in view.never_invited],
        "under_13_share": view.under_13_share,
    }


def _young(org: Organisation, name: str, born: D | None, **kw: Any) -> Membership:
    return YoungPersonFactory.create(
        organisation=org,
        user__first_name=name,
        user__preferred_name=kw.pop("preferred", ""),
        user__date_of_birth=born,
        **kw,
    )


def _came(project: Project, day: D, entries: list[tuple[Membership, bool]]) -> None:
    session = Session.objects.create(
        organisation=project.organisation,
        project=project,
        date=day,
        duration_minutes=60,
        activity=f"Meeting {day}",
    )
    Attendance.objects.bulk_create(
        Attendance(
            organisation=project.organisation, session=session, young_person=p, attended=came
        )
        for p, came in entries
    )


@pytest.fixture
def mixed(practitioner: Membership) -> Organisation:
    """Young people of every age band, in care or not, with no date of birth, a baby and a
    date of birth in the future; some who came often, once, only outside the period, only
    as absent, never; one who has left; and another organisation's young people."""
    org = practitioner.organisation
    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=org,
        name="Youth Forum",
        aims="Run the forum",
        in_scope="Meetings",
        out_of_scope="Budgets",
    )
    monitoring.population_save(
        acting_user=practitioner.user,
        organisation=org,
        counts={"11–12": 40, "13–15": 9, "18–25": 3, "In care": 7},
    )
    p = {
        "ana": _young(org, "Ana", D(2014, 7, 1)),  # 11 on 30 Jun 2026, 12 the next day
        "bel": _young(org, "Bel", D(2013, 6, 30), in_care=True),  # 13 on 30 Jun 2026
        "cal": _young(org, "Cal", D(2013, 7, 1), preferred="Cally"),
        "dai": _young(org, "Dai", D(2010, 6, 30)),
        "efa": _young(org, "Efa", D(2008, 7, 1), in_care=True),
        "fin": _young(org, "Fin", D(2008, 6, 30)),
        "gwen": _young(org, "Gwen", D(2000, 6, 30)),  # 26: no band
        "huw": _young(org, "Huw", None),  # age not known
        "ivy": _young(org, "Ivy", D(2026, 1, 1)),  # age 0
        "jac": _young(org, "Jac", D(2027, 1, 1)),  # born after the period
        "kit": _young(org, "Kit", D(2012, 2, 29), in_care=True),  # leap-day birthday
        "lyn": _young(org, "Lyn", D(2012, 3, 1), in_care=True),  # only before the period
        "mo": _young(org, "Mo", D(2011, 5, 5)),  # only marked absent
    }
    for name in ("Zed", "Al", "Al", "Bo"):  # never on a register; two share a first name
        _young(org, name, D(2012, 1, 1))
    gone = _young(org, "Nia", D(2012, 1, 1), is_active=False)  # left: not on the books
    _came(project, D(2025, 12, 31), [(p["lyn"], True), (p["ana"], True), (gone, True)])
    _came(project, D(2026, 1, 1), [(p["ana"], True), (p["bel"], True), (p["mo"], False)])
    for day in (D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1)):
        _came(project, day, [(p["ana"], True), (p["cal"], True), (p["efa"], True), (gone, True)])
    _came(project, D(2026, 5, 1), [(p[k], True) for k in ("dai", "fin", "gwen", "huw", "ivy")])
    _came(project, D(2026, 6, 30), [(p["jac"], True), (p["kit"], True), (p["mo"], False)])
    _came(project, D(2026, 7, 1), [(p["lyn"], True), (p["ana"], True)])
    _came(project, D(2027, 2, 28), [(p["bel"], True), (p["kit"], True)])
    _came(project, D(2028, 2, 29), [(p["kit"], True), (p["ivy"], True)])
    # Another organisation's young people come to its sessions in the same period.
    other = OrganisationFactory.create(name="Elsewhere", slug="elsewhere-test")
    other_project = Project.objects.create(organisation=other, name="Their forum")
    _came(other_project, D(2026, 3, 1), [(_young(other, "Ola", D(2013, 1, 1)), True)])
    return org


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2026, 1, 1), D(2026, 6, 30)),  # both ends of the period have sessions
        (D(2025, 7, 1), D(2027, 2, 28)),  # Kit is 14 on 28 Feb 2027, not yet 15
        (D(2026, 3, 1), D(2028, 2, 29)),  # ends on a leap day
        (D(2030, 1, 1), D(2030, 12, 31)),  # nobody came
        # Months only partly in the period are counted from the register itself:
        (D(2026, 1, 2), D(2026, 6, 29)),  # the sessions on both end days left out
        (D(2025, 12, 31), D(2026, 1, 1)),  # two days, in two months
        (D(2026, 5, 1), D(2026, 5, 1)),  # one day
        (D(2026, 2, 1), D(2026, 4, 30)),  # whole months only
        (D(2026, 6, 30), D(2028, 2, 29)),  # a last day at each end
        (D(2028, 2, 1), D(2028, 2, 29)),  # one person came, in a leap-year February
    ],
)
def test_it_shows_the_same_figures_as_counting_every_record(
    mixed: Organisation, start: D, end: D
) -> None:
    want = reference(mixed, start, end)
    assert figures(mixed, start, end) == want
    # The dataset is varied enough to be worth comparing.
    if end == D(2026, 6, 30):
        assert want["took_part"] == 11 and want["on_books"] == 17
        assert [n.split()[0] for _pk, n in want["never_invited"]] == ["Al", "Al", "Bo", "Zed"]
        assert want["gini"] > 0 and want["under_13_share"] is not None


def test_it_lists_those_never_invited_a_page_at_a_time_and_counts_them_all(
    practitioner: Membership,
) -> None:
    org = practitioner.organisation
    for n in range(120):
        _young(org, f"Person{n:03d}", D(2012, 1, 1))
    client = client_for(practitioner)
    period = "start_day=1&start_month=1&start_year=2026&end_day=30&end_month=6&end_year=2026"
    first = client.get(f"/monitoring/inclusion/?{period}").content.decode()
    assert "120 young people never invited to anything" in first
    names = re.findall(r">(Person\d{3})[^<]*</a>", first)
    assert names == [f"Person{n:03d}" for n in range(50)]
    assert "Showing 1 to 50 of 120" in first
    # The next page keeps the period asked for.
    assert f'href="?{period.replace("&", "&amp;")}&amp;page=2" rel="next"' in first
    last = client.get(f"/monitoring/inclusion/?{period}&page=3").content.decode()
    assert re.findall(r">(Person\d{3})[^<]*</a>", last) == [
        f"Person{n:03d}" for n in range(100, 120)
    ]
    assert "Showing 101 to 120 of 120" in last and 'rel="next"' not in last


def test_its_queries_do_not_grow_with_the_young_people(
    practitioner: Membership, mixed: Organisation
) -> None:
    client = client_for(practitioner)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ran:
            assert client.get("/monitoring/inclusion/").status_code == 200
        return len(ran)

    queries()  # the first request also fills the sign-in caches
    before = queries()
    project = Project.objects.get(organisation=mixed, name="Youth Forum")
    crowd = [_young(mixed, f"Crowd{n}", D(2010, 1, 1)) for n in range(30)]
    _came(project, timezone.localdate(), [(p, True) for p in crowd])
    assert queries() == before
    assert inclusion_of(mixed, D(2026, 1, 1), D(2026, 6, 30)).on_books == 47


def test_the_gini_figure_counts_everyone_on_the_books_who_did_not_come_as_nought(
    mixed: Organisation,
) -> None:
    view = inclusion_of(mixed, D(2026, 1, 1), D(2026, 6, 30))
    # Ana 4 (1 Jan and three more), Cal and Efa 3 each, eight once; six on the books none.
    assert sorted(view.places, reverse=True) == [4, 3, 3] + [1] * 8 + [0] * 6
    assert view.top_tenth_share == Decimal("0.389")  # 7 of 18 places
    assert view.gini == Decimal("0.542")  # 166 / (17 · 18)


def _summaries_match_the_register(organisation: Organisation) -> None:
    """The per-month and per-person summaries the triggers keep are the register recounted."""
    months: Counter[tuple[int, D]] = Counter()
    came: Counter[tuple[int, D]] = Counter()
    asked: Counter[int] = Counter()
    for a in Attendance.objects.filter(organisation=organisation).select_related("session"):
        key = (a.young_person_id, a.session.date.replace(day=1))
        months[key] += 1
        came[key] += a.attended
        asked[a.young_person_id] += 1
    kept = {
        (r.young_person_id, r.month): (r.asked, r.places)
        for r in RegisterMonth.objects.filter(organisation=organisation)
    }
    assert kept == {key: (n, came[key]) for key, n in months.items()}
    people = RegisterTotal.objects.filter(organisation=organisation)
    assert {r.young_person_id: r.asked for r in people} == dict(asked)


PERIODS = [
    (D(2026, 1, 1), D(2026, 6, 30)),
    (D(2026, 1, 2), D(2026, 7, 1)),
    (D(2025, 7, 1), D(2027, 2, 28)),
    (D(2026, 3, 15), D(2026, 3, 15)),
]


def test_the_figures_follow_every_change_to_the_register(mixed: Organisation) -> None:
    """Registers are written in many ways: rows added one at a time or in bulk, marked as
    came or not, moved to another person, deleted; sessions moved to another month (one at a
    time or several at once) or deleted with their register. After each, the figures are
    still the ones counted from every register row, and the summaries are the register."""
    project = Project.objects.get(organisation=mixed, name="Youth Forum")
    people = {
        m.user.first_name: m for m in young_people_for(organisation=mixed).select_related("user")
    }

    def check() -> None:
        _summaries_match_the_register(mixed)
        for start, end in PERIODS:
            assert figures(mixed, start, end) == reference(mixed, start, end), (start, end)

    check()
    # Added: one row by itself, then a session with its register in bulk (a first time on a
    # register for Zed, who was never invited).
    march = Session.objects.get(organisation=mixed, date=D(2026, 3, 1))
    Attendance.objects.create(organisation=mixed, session=march, young_person=people["Huw"])
    _came(project, D(2026, 3, 15), [(people["Zed"], True), (people["Huw"], False)])
    check()
    # Marked the other way: through the model and through a queryset.
    row = Attendance.objects.get(session=march, young_person=people["Ana"])
    row.attended = False
    row.save()
    Attendance.objects.filter(session__date=D(2026, 3, 15)).update(attended=True)
    check()
    # Moved to another person, then deleted.
    row.young_person = people["Bo"]
    row.save()
    check()
    row.delete()
    check()
    # Sessions moved: within its month (nothing to move), to another month, several at once.
    march.date = D(2026, 3, 20)
    march.save()
    march.date = D(2026, 7, 1)
    march.save()
    Session.objects.filter(organisation=mixed, date__in=[D(2026, 2, 1), D(2026, 4, 1)]).update(
        date=D(2025, 11, 30)
    )
    check()
    # A session deleted with its register; then Zed's only session, so Zed is never invited
    # again.
    Session.objects.get(organisation=mixed, date=D(2026, 5, 1)).delete()
    Session.objects.get(organisation=mixed, date=D(2026, 3, 15)).delete()
    check()
    never = inclusion_of(mixed, *PERIODS[0]).never_invited
    names = ["Al", "Al", "Bo", "Dai", "Fin", "Gwen", "Zed"]  # Bo's one row moved to him, deleted
    assert [p.display_name.split()[0] for p in never] == names
