"""Entry's debit and credit lose their single-column indexes: (debit, created_at) and (credit,
created_at) serve every look-up by account, and each index is one more write for every leg
posted. Only the indexes are dropped: Django's own AlterField would rebuild the whole table on
SQLite (dropping the ledger's triggers with it) and re-check every foreign key on PostgreSQL."""

import django.db.models.deletion
from django.db import migrations, models

INDEXES = {
    "credit": "credits_entry_credit_id_75c5d031",
    "debit": "credits_entry_debit_id_8a74b209",
}


class Migration(migrations.Migration):
    dependencies = [
        ("credits", "0010_session_time"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{index}"',
                    reverse_sql=f'CREATE INDEX "{index}" ON "credits_entry" ("{field}_id")',
                )
                for field, index in INDEXES.items()
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="entry",
                    name=field,
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name=f"{field}s",
                        to="credits.account",
                    ),
                )
                for field in INDEXES
            ],
        ),
    ]
