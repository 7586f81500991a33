"""Give the roles the imports permissions: office staff import and read runs, the panel
secretary reads the runs of the meetings' imports."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("imports", "0002_decision_imports"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
