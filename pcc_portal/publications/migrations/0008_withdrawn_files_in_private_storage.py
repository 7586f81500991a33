"""Withdrawn versions' PDFs leave the public media store: record where each is kept now
(``MovedFile``) and move the PDFs of versions withdrawn before this migration into the private
store. Reversing moves them back to the public store (where they were) and drops the record."""

import django.db.models.deletion
import django.utils.timezone
from django.core.files.base import File
from django.core.files.storage import default_storage, storages
from django.db import migrations, models


def _withdrawn_versions(apps):
    Version = apps.get_model("publications", "Version")
    Withdrawal = apps.get_model("publications", "Withdrawal")
    covering = Withdrawal.objects.filter(
        content_type=models.OuterRef("content_type"),
        object_id=models.OuterRef("object_id"),
        up_to_number__gte=models.OuterRef("number"),
    )
    return (
        Version.objects.filter(status="ready")
        .exclude(pdf="")
        .filter(models.Exists(covering))
        .order_by("pk")
    )


def _move(source, target, name):
    """Copy ``name`` from ``source`` to ``target`` and delete it from ``source``; the name
    it has in ``target`` (or ``name`` when the file was already missing)."""
    if not source.exists(name):
        return name
    with source.open(name, "rb") as handle:
        saved = target.save(name, File(handle, name=name))
    source.delete(name)
    return saved


def move_withdrawn_files(apps, schema_editor):
    MovedFile = apps.get_model("publications", "MovedFile")
    for version in _withdrawn_versions(apps):
        if MovedFile.objects.filter(version=version).exists():
            continue
        saved = _move(default_storage, storages["private"], version.pdf.name)
        MovedFile.objects.create(version=version, name=saved)


def move_back(apps, schema_editor):
    MovedFile = apps.get_model("publications", "MovedFile")
    for moved in MovedFile.objects.select_related("version"):
        private = storages["private"]
        if private.exists(moved.name) and not default_storage.exists(moved.version.pdf.name):
            with private.open(moved.name, "rb") as handle:
                default_storage.save(moved.version.pdf.name, File(handle))
            private.delete(moved.name)
    MovedFile.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("publications", "0007_record_versions")]

    operations = [
        migrations.CreateModel(
            name="MovedFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The file's name in the private store.", max_length=500
                    ),
                ),
                ("moved_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "version",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="moved_file",
                        to="publications.version",
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_withdrawn_files, move_back),
    ]
