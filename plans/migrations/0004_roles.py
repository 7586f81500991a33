"""Give the roles the permissions of the plan's sections, commitments, finance and lifecycle."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("pages", "0002_roles"),
        ("plans", "0003_plan_structure_lifecycle_finance"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
