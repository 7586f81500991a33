"""A withdrawn index document's file leaves the public media store for the private one, as a
withdrawn version's PDF does: nothing withdrawn stays where a publicly readable bucket would
serve it. Moves the files of documents withdrawn before this migration; going back puts them
where they were."""

from django.core.files import File
from django.core.files.storage import default_storage, storages
from django.db import migrations, models


def _move(source, target, name):
    if not source.exists(name):
        return name
    with source.open(name, "rb") as handle:
        saved = target.save(name, File(handle, name=name))
    source.delete(name)
    return saved


def keep_withdrawn_privately(apps, schema_editor):
    ItemDocument = apps.get_model("transparency", "ItemDocument")
    withdrawn = ItemDocument.objects.exclude(withdrawn_at=None).exclude(file="")
    for document in withdrawn.filter(private_name=""):
        document.private_name = _move(default_storage, storages["private"], document.file.name)
        document.save(update_fields=["private_name"])


def put_back(apps, schema_editor):
    ItemDocument = apps.get_model("transparency", "ItemDocument")
    for document in ItemDocument.objects.exclude(private_name=""):
        name = _move(storages["private"], default_storage, document.private_name)
        ItemDocument.objects.filter(pk=document.pk).update(file=name)


class Migration(migrations.Migration):
    dependencies = [("transparency", "0015_register_fields")]

    operations = [
        migrations.AddField(
            model_name="historicalitemdocument",
            name="private_name",
            field=models.CharField(
                blank=True,
                help_text="Once withdrawn, the file's name in the private store it was moved to.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="itemdocument",
            name="private_name",
            field=models.CharField(
                blank=True,
                help_text="Once withdrawn, the file's name in the private store it was moved to.",
                max_length=500,
            ),
        ),
        migrations.RunPython(keep_withdrawn_privately, put_back),
    ]
