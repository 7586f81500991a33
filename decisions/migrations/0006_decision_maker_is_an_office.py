"""The decision maker is the office now filled in: the old choice goes, the office takes its name
and becomes required; a decision past its declaration must have the monitoring officer's; the
statutory officers' role gets its decisions permissions."""

import django.db.models.deletion
from django.db import migrations, models

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_offices"),
        ("decisions", "0005_decision_maker_offices"),
    ]

    operations = [
        migrations.RemoveField(model_name="decision", name="decision_maker"),
        migrations.RemoveField(model_name="historicaldecision", name="decision_maker"),
        migrations.RenameField(
            model_name="decision", old_name="decision_maker_office", new_name="decision_maker"
        ),
        migrations.RenameField(
            model_name="historicaldecision",
            old_name="decision_maker_office",
            new_name="decision_maker",
        ),
        migrations.AlterField(
            model_name="decision",
            name="decision_maker",
            field=models.ForeignKey(
                help_text="The office whose holder makes the decision and signs it.",
                limit_choices_to={"kind__in": ("commissioner", "deputy", "delegated")},
                on_delete=django.db.models.deletion.PROTECT,
                related_name="decisions",
                to="accounts.office",
                verbose_name="decision maker",
            ),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="decision_maker",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The office whose holder makes the decision and signs it.",
                limit_choices_to={"kind__in": ("commissioner", "deputy", "delegated")},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="accounts.office",
                verbose_name="decision maker",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=~models.Q(status__in=["declared", "signed", "published"])
                | models.Q(declared_at__isnull=False),
                name="declared_decision_has_the_monitoring_officers_declaration",
            ),
        ),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
