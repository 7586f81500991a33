"""Give the roles the plans permissions."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("pages", "0002_roles"),
        ("plans", "0001_plan_priority_measure"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
