"""The Specified Information Order asks for each crime and disorder reduction grant to be
published monthly (paragraph 3(f)), as spending over £500 is; the index said quarterly.
Reversible: going back restores the quarterly cadence."""

from django.db import migrations


def _cadence(value):
    def run(apps, schema_editor):
        SpecifiedItem = apps.get_model("transparency", "SpecifiedItem")
        SpecifiedItem.objects.filter(code="grants").update(cadence=value)

    return run


class Migration(migrations.Migration):
    dependencies = [("transparency", "0012_roles_release_entries")]

    operations = [migrations.RunPython(_cadence("monthly"), _cadence("quarterly"))]
