"""Give the roles the performance permissions."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("pages", "0002_roles"),
        ("plans", "0002_roles"),
        ("performance", "0001_measure_data_reports_scrutiny"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
