"""`coproduce generate` builds the same data from the same seed, keeps the ledger's books
balanced, and the page benchmark runs on what it builds."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command

from coproduce.credits.selectors import verify
from coproduce.organisations.models import Membership
from coproduce.projects.models import Attendance, Session
from coproduce.synthetic.generate import generate
from coproduce.synthetic.sizes import SIZES, Size


def signature(prefix: str) -> tuple[Any, ...]:
    sessions = sorted(
        Session.objects.filter(organisation__slug__startswith=prefix).values_list(
            "date", "duration_minutes"
        )
    )
    places = sorted(
        (
            m.user.username.split("-")[-1],
            m.user.date_of_birth,
            m.in_care,
            Attendance.objects.filter(young_person=m, attended=True).count(),
        )
        for m in Membership.objects.filter(organisation__slug__startswith=prefix).select_related(
            "user"
        )
    )
    return tuple(sessions), tuple(places)


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not(db: None) -> None:
    first = generate(SIZES["tiny"], seed=7, prefix="one")
    generate(SIZES["tiny"], seed=7, prefix="two")
    generate(SIZES["tiny"], seed=8, prefix="three")
    assert first == {
        "organisations": 2,
        "young_people": 60,
        "staff": 20,
        "sessions": 30,
        "attendance": 600,
        "ledger_legs": 1500,
        "ideas": 6,
        "assessments": 40,
    }
    assert signature("one") == signature("two")
    assert signature("one") != signature("three")


def test_the_generated_ledger_balances(db: None) -> None:
    generate(SIZES["tiny"], seed=1, prefix="books")
    assert verify() == []


def test_the_command_and_the_page_benchmark_run(db: None, capsys: Any) -> None:
    call_command("generate", "--size", "tiny", "--seed", "3")
    assert "ledger_legs: 1,500" in capsys.readouterr().out
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    bench = importlib.import_module("pages_bench")
    rows = bench.measure("synthetic", runs=1)
    names = [page for page, _ms, _queries in rows]
    assert {
        "organisation dashboard",
        "projects list",
        "credits overview",
        "people list",
        "inclusion, part months",
        "report, part months",
    } <= set(names)
    assert len(rows) == 14 and all(queries > 0 for _page, _ms, queries in rows)


def test_the_organisations_add_up_to_the_named_size_exactly(db: None) -> None:
    # Totals that do not divide by the number of organisations, as 100,000 by 300 does not.
    odd = Size(
        organisations=3, young_people=100, attendance=1_010, ledger_legs=2_002, assessments=50
    )
    made = generate(odd, seed=3, prefix="odd")
    assert {k: made[k] for k in ("young_people", "attendance", "ledger_legs", "assessments")} == {
        "young_people": 100,
        "attendance": 1_010,
        "ledger_legs": 2_002,
        "assessments": 50,
    }
    assert Attendance.objects.filter(organisation__slug__startswith="odd").count() == 1_010
    assert verify() == []
