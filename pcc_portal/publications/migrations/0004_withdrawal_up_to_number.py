"""Withdrawals name the versions they cover: every version numbered up to ``up_to_number``.

An existing withdrawal covers the versions that were public when it was made. Going back drops
the column (0005 puts ``reinstated_at`` back from it first).
"""

from django.db import migrations, models


def _versions_when_withdrawn(apps, withdrawal):
    Version = apps.get_model("publications", "Version")
    versions = Version.objects.filter(
        content_type_id=withdrawal.content_type_id, object_id=withdrawal.object_id
    )
    # Ready when it was withdrawn: under the old rule a version ready later reinstated the object,
    # so it stays public under the new one.
    before = versions.filter(status="ready", ready_at__lte=withdrawal.withdrawn_at)
    return before.aggregate(top=models.Max("number"))["top"] or 1


def forwards(apps, schema_editor):
    Withdrawal = apps.get_model("publications", "Withdrawal")
    for withdrawal in Withdrawal.objects.all():
        withdrawal.up_to_number = _versions_when_withdrawn(apps, withdrawal)
        withdrawal.save(update_fields=["up_to_number"])


class Migration(migrations.Migration):
    dependencies = [("publications", "0003_withdrawal")]

    operations = [
        migrations.AddField(
            model_name="withdrawal",
            name="up_to_number",
            field=models.PositiveIntegerField(
                null=True, help_text="Versions numbered up to this one are withdrawn."
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
