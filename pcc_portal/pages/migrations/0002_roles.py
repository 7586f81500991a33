"""Give the staff roles the content page and render job permissions."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("publications", "0002_version_immutable_trigger"),
        ("pages", "0001_content_page"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
