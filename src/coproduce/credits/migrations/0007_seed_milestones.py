"""Every organisation starts with the milestones it had before they could be changed."""

from django.db import migrations

HOURS = (10, 25, 50, 100)


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Organisation = apps.get_model("organisations", "Organisation")
    Milestone = apps.get_model("credits", "Milestone")
    Milestone.objects.bulk_create(
        [
            Milestone(organisation_id=pk, hours=hours, certificate=True)
            for pk in Organisation.objects.values_list("pk", flat=True)
            for hours in HOURS
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("credits", "0006_milestones_and_sanctions"),
        ("organisations", "0004_language_default"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
