"""Summaries of the register, kept by database triggers (projects migration 0006) and never
written by code: what inclusion figures add up instead of counting every register row."""

from __future__ import annotations

from django.db import models

from coproduce.core.tenancy import TenantModel


class RegisterMonth(TenantModel):
    """One young person's register rows in one calendar month: times on a register (`asked`)
    and times they came (`places`). A summary of Attendance kept by database triggers
    (migration 0006) on every insert, change and delete of a register row and on a session
    moving to another date, so inclusion figures add up a row a person a month instead of
    counting every register row. Never written by code. Keyed by person and month, so a
    restored JSON backup (whose register rows rebuild these as they load, before these load
    over them) and the dumped rows agree."""

    pk = models.CompositePrimaryKey("young_person", "month")
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.DO_NOTHING, related_name="+"
    )
    month = models.DateField()  # the first day of the month
    asked = models.PositiveIntegerField(default=0)
    places = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            # Every column the period's sum reads, so PostgreSQL reads the index alone; only
            # months someone came, which the sum asks for: the full index was no smaller than
            # the table, so PostgreSQL read the whole table instead (seq scan, about twice as
            # slow at the `council` size).
            models.Index(
                fields=["organisation", "month", "young_person", "places"],
                condition=models.Q(places__gt=0),
                name="register_month_took_part",
            )
        ]


class RegisterTotal(TenantModel):
    """How many register rows one young person has ever been on (a row only while there is at
    least one): kept by the same triggers, so "never invited" is a missing row here rather
    than a search of every register row."""

    young_person = models.OneToOneField(
        "organisations.Membership",
        on_delete=models.DO_NOTHING,
        primary_key=True,
        related_name="+",
    )
    asked = models.PositiveIntegerField(default=0)
