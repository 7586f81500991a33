"""Give the roles the panel permissions: the secretary all of them, members the exempt items."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("pages", "0002_roles"),
        ("plans", "0002_roles"),
        ("panel", "0001_meetings_papers_packs"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
