"""Count an import's problems and the rows that have them, and keep only the problems of the
first 200 such rows: a file of a million bad rows had stored every one of them."""

from django.db import migrations, models

KEPT_ROWS = 200  # imports.MAX_ERROR_ROWS when this was written


def count_and_trim(apps, schema_editor):
    MeasureImport = apps.get_model("performance", "MeasureImport")
    for measure_import in MeasureImport.objects.exclude(errors=[]).only("pk", "errors").iterator():
        errors = measure_import.errors
        rows = list(dict.fromkeys(error["row"] for error in errors))
        kept = set(rows[:KEPT_ROWS])
        MeasureImport.objects.filter(pk=measure_import.pk).update(
            error_count=len(errors),
            error_row_count=len(rows),
            errors=[error for error in errors if error["row"] in kept],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0004_imports_in_private_storage"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalmeasureimport",
            name="error_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="historicalmeasureimport",
            name="error_row_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="measureimport",
            name="error_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="measureimport",
            name="error_row_count",
            field=models.PositiveIntegerField(default=0),
        ),
        # Going back drops the counts; the problems trimmed do not come back.
        migrations.RunPython(count_and_trim, migrations.RunPython.noop, elidable=True),
    ]
