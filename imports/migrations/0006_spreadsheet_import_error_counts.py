"""Count every problem of an uploaded spreadsheet, as the figures import does, not only the rows
that have them. An upload checked before kept only the problems of its first rows with any, so
it is given the count of those it kept."""

from django.db import migrations, models


def count_kept(apps, schema_editor):
    for name in ("DecisionImport", "EntryImport"):
        model = apps.get_model("imports", name)
        for upload in model.objects.exclude(errors=[]).only("pk", "errors").iterator():
            model.objects.filter(pk=upload.pk).update(error_count=len(upload.errors))


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0005_entry_import_files"),
    ]

    operations = [
        migrations.AddField(
            model_name="decisionimport",
            name="error_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="entryimport",
            name="error_count",
            field=models.PositiveIntegerField(default=0),
        ),
        # Going back drops the count.
        migrations.RunPython(count_kept, migrations.RunPython.noop, elidable=True),
    ]
