"""Give the roles the transparency permissions."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("pages", "0002_roles"),
        ("plans", "0002_roles"),
        ("transparency", "0001_registers_index_alerts_search"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
