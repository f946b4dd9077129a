"""Staff choose the levels they answer at; Shier's pathways get their own scale (yes or no at
each of three stages, with the level reached per stage) instead of a three-answer checklist."""

from typing import Any

from django.db import migrations, models


def shier_to_pathways(apps: Any, schema_editor: Any) -> None:
    """Every organisation's built-in copy of Shier's pathways is read as pathways from now on
    (its questions are unchanged, so its frozen versions stay as they were)."""
    FrameworkVersion = apps.get_model("assessments", "FrameworkVersion")
    FrameworkVersion.objects.filter(
        framework__key="shier-pathways", framework__is_builtin=True
    ).update(scale="pathways")


def pathways_to_checklist(apps: Any, schema_editor: Any) -> None:
    FrameworkVersion = apps.get_model("assessments", "FrameworkVersion")
    FrameworkVersion.objects.filter(scale="pathways").update(scale="checklist")


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_citation_url"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="chosen_levels",
            field=models.JSONField(blank=True, default=list, verbose_name="levels answered"),
        ),
        migrations.AlterField(
            model_name="frameworkversion",
            name="scale",
            field=models.CharField(
                choices=[
                    ("banded", "Scored 1 to 9 in three bands"),
                    ("checklist", "Checklist: yes, no or needs more work"),
                    ("pathways", "Pathways: levels, each answered yes or no at three stages"),
                ],
                max_length=20,
                verbose_name="scale",
            ),
        ),
        migrations.RunPython(shier_to_pathways, pathways_to_checklist),
    ]
