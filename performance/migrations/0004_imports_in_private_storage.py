"""Keep uploaded spreadsheets in the private storage, and move the ones already uploaded out of
public media, where anyone who guessed their path could fetch them."""

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import performance.models


def _move(names, source, target):
    """Move each named file from ``source`` to ``target``; return {old name: new name}."""
    moved = {}
    for name in names:
        if not name or not source.exists(name):
            continue
        with source.open(name, "rb") as content:
            moved[name] = target.save(name, content)
        source.delete(name)
    return moved


def _move_imports(apps, source, target):
    MeasureImport = apps.get_model("performance", "MeasureImport")
    HistoricalMeasureImport = apps.get_model("performance", "HistoricalMeasureImport")
    names = MeasureImport.objects.exclude(file="").values_list("file", flat=True)
    for old, new in _move(set(names), source, target).items():
        if new != old:
            MeasureImport.objects.filter(file=old).update(file=new)
            HistoricalMeasureImport.objects.filter(file=old).update(file=new)


def to_private(apps, schema_editor):
    _move_imports(apps, default_storage, storages["private"])


def to_public(apps, schema_editor):
    _move_imports(apps, storages["private"], default_storage)


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0003_scrutiny_action_priorities"),
    ]

    operations = [
        migrations.AlterField(
            model_name="measureimport",
            name="file",
            field=models.FileField(
                storage=performance.models.import_storage,
                upload_to=performance.models._import_path,
            ),
        ),
        migrations.RunPython(to_private, to_public, elidable=True),
    ]
