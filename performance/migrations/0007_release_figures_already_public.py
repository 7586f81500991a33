"""Figures entered before release existed were public the moment they were saved: mark them
released when last changed, so the public site keeps showing them. The reverse has nothing to
undo: the columns go with 0006."""

from django.db import migrations
from django.db.models import F


def release_existing(apps, schema_editor):
    data_point = apps.get_model("performance", "DataPoint")
    data_point.objects.filter(released_at__isnull=True).update(released_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [("performance", "0006_figures_released_by_a_decision_maker")]

    operations = [migrations.RunPython(release_existing, migrations.RunPython.noop)]
