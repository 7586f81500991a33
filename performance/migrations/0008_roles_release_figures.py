"""Give decision makers, not editors, the permission to release performance figures."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("performance", "0007_release_figures_already_public")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
