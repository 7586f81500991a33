"""A withdrawal is never undone: drop ``reinstated_at`` and keep one withdrawal per version
number, each covering the versions up to it.

Reversible: going back, a withdrawal that a later ready version followed is marked reinstated
when that version was ready, as the old rule had it."""

from django.db import migrations, models


def mark_reinstated(apps, schema_editor):
    Version = apps.get_model("publications", "Version")
    Withdrawal = apps.get_model("publications", "Withdrawal")
    for withdrawal in Withdrawal.objects.all():
        later = (
            Version.objects.filter(
                content_type_id=withdrawal.content_type_id,
                object_id=withdrawal.object_id,
                number__gt=withdrawal.up_to_number,
                status="ready",
            )
            .order_by("number")
            .first()
        )
        if later is not None:
            withdrawal.reinstated_at = later.ready_at or later.published_at
            withdrawal.save(update_fields=["reinstated_at"])


class Migration(migrations.Migration):
    dependencies = [("publications", "0004_withdrawal_up_to_number")]

    operations = [
        migrations.AlterField(
            model_name="withdrawal",
            name="up_to_number",
            field=models.PositiveIntegerField(
                help_text="Versions numbered up to this one are withdrawn."
            ),
        ),
        migrations.RemoveConstraint(model_name="withdrawal", name="one_withdrawal_in_force"),
        migrations.RunPython(migrations.RunPython.noop, mark_reinstated),
        migrations.RemoveField(model_name="withdrawal", name="reinstated_at"),
        migrations.AddConstraint(
            model_name="withdrawal",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_id", "up_to_number"),
                name="one_withdrawal_per_version",
            ),
        ),
        migrations.AddConstraint(
            model_name="withdrawal",
            constraint=models.CheckConstraint(
                condition=models.Q(up_to_number__gte=1), name="withdrawal_covers_a_version"
            ),
        ),
    ]
