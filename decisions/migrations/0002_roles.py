"""Give the roles the decisions permissions (only decision makers may sign)."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("pages", "0002_roles"),
        ("plans", "0002_roles"),
        ("decisions", "0001_decision_part2_sequence_report"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
