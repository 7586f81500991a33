"""Give decision makers, not editors, the permission to release a month's spending."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("transparency", "0007_spending_reviewed_before_release")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
