"""An index of corrections only (entries that reverse another). SQLite's statistics count the
many empty `reverses` as a single value, so it never used the unique index to find the
corrections of a project's entries and read all of the organisation's entries instead."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("credits", "0011_entry_account_indexes_covered"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                condition=models.Q(("reverses__isnull", False)),
                fields=["reverses"],
                name="entry_correction",
            ),
        ),
    ]
