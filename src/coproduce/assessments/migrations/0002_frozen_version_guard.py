from django.db import migrations

from coproduce.assessments.db import frozen_guard


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]
    operations = [frozen_guard()]
