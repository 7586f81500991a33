"""Record which worker process took a render job's last attempt, so a worker whose job was
taken over cannot fail it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0005_withdrawn_versions_stay_withdrawn"),
    ]

    operations = [
        migrations.AddField(
            model_name="renderjob",
            name="claimed_by",
            field=models.CharField(
                blank=True,
                help_text="The worker process that took the last attempt.",
                max_length=200,
            ),
        ),
    ]
