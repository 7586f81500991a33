"""Give the roles that may change register entries the permission to release and withdraw
them (editors and decision makers); releasing spending stays with decision makers."""

from django.db import migrations

from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("transparency", "0011_register_status_removed")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
