"""Give the panel secretary the casework permissions."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("panel", "0002_roles"),
        ("casework", "0001_cases_and_steps"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
