"""Keep each uploaded paper as it came, privately, and serve a copy cleaned of active content;
record for each of a build's two packs whether it is tagged throughout (and so claims PDF/UA).

Papers uploaded before this are cleaned here: the file each had becomes its private original and
a cleaned copy its served file. The cached copies that published packs' paper links serve
(``PaperRender`` rows keyed ``upload-...``) are cleaned in place. Packs already assembled are
published versions, which cannot change: publishing the pack again builds it from the cleaned
papers. Going back restores each paper's original as its served file; the cached copies stay
cleaned, since serving an unsafe file again is never wanted.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import migrations, models

import panel.models.papers


def _read(field):
    with field.open("rb") as handle:
        return handle.read()


def clean_uploaded_papers(apps, schema_editor):
    from pcc_portal.publications.pdf_safety import clean_pdf

    Paper = apps.get_model("panel", "Paper")
    PaperRender = apps.get_model("panel", "PaperRender")
    for paper in Paper.objects.filter(kind="upload", original_upload="").exclude(upload=""):
        cleaned = clean_pdf(_read(paper.upload))
        digest = hashlib.sha256(cleaned.content).hexdigest()
        paper.original_upload.name = paper.upload.name
        paper.upload.save(f"{digest[:16]}.pdf", ContentFile(cleaned.content), save=False)
        paper.upload_sha256 = digest
        paper.upload_removed = list(cleaned.removed)
        paper.save(update_fields=["original_upload", "upload", "upload_sha256", "upload_removed"])
    for render in PaperRender.objects.filter(key__startswith="upload-").exclude(pdf=""):
        cleaned = clean_pdf(_read(render.pdf))
        render.pdf.save(f"{render.key}-cleaned.pdf", ContentFile(cleaned.content), save=False)
        render.save(update_fields=["pdf"])


def copy_the_one_tagged_flag(apps, schema_editor):
    # Builds before this recorded one flag for both packs: the best known for each.
    PackBuild = apps.get_model("panel", "PackBuild")
    PackBuild.objects.update(members_tagged=models.F("tagged"))


def restore_original_uploads(apps, schema_editor):
    Paper = apps.get_model("panel", "Paper")
    for paper in Paper.objects.filter(kind="upload").exclude(original_upload=""):
        paper.upload.name = paper.original_upload.name
        paper.upload_sha256 = hashlib.sha256(_read(paper.upload)).hexdigest()
        paper.save(update_fields=["upload", "upload_sha256"])


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0005_report_priorities"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalpaper",
            name="original_upload",
            field=models.TextField(
                blank=True, help_text="The PDF as it was uploaded, never served.", max_length=100
            ),
        ),
        migrations.AddField(
            model_name="historicalpaper",
            name="upload_removed",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="What cleaning removed from the uploaded PDF, in words for the secretary.",
            ),
        ),
        migrations.AddField(
            model_name="paper",
            name="original_upload",
            field=models.FileField(
                blank=True,
                help_text="The PDF as it was uploaded, never served.",
                storage=panel.models.papers.private_storage,
                upload_to="panel/uploads/originals/",
            ),
        ),
        migrations.AddField(
            model_name="paper",
            name="upload_removed",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="What cleaning removed from the uploaded PDF, in words for the secretary.",
            ),
        ),
        migrations.AddField(
            model_name="packbuild",
            name="members_tagged",
            field=models.BooleanField(
                default=False,
                help_text="The members' pack is tagged throughout, and says it is PDF/UA.",
            ),
        ),
        migrations.AlterField(
            model_name="packbuild",
            name="tagged",
            field=models.BooleanField(
                default=False,
                help_text="The public pack is tagged throughout, and says it is PDF/UA.",
            ),
        ),
        migrations.RunPython(clean_uploaded_papers, restore_original_uploads),
        migrations.RunPython(copy_the_one_tagged_flag, migrations.RunPython.noop),
    ]
