"""A document of the index is withdrawn with the reason the public is told, as everything
published is. A document withdrawn before has no reason recorded: its notice says so, and names
who withdrew it as its history does (or, where the history does not, who published it)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

NO_REASON = "No reason was recorded when it was withdrawn."


def notice_for_each_withdrawn_document(apps, schema_editor):
    ItemDocument = apps.get_model("transparency", "ItemDocument")
    HistoricalItemDocument = apps.get_model("transparency", "HistoricalItemDocument")
    DocumentWithdrawal = apps.get_model("transparency", "DocumentWithdrawal")
    for document in ItemDocument.objects.exclude(withdrawn_at=None).iterator():
        record = (
            HistoricalItemDocument.objects.filter(id=document.pk, history_user__isnull=False)
            .exclude(withdrawn_at=None)
            .order_by("history_date")
            .first()
        )
        DocumentWithdrawal.objects.create(
            document=document,
            reason=NO_REASON,
            withdrawn_by_id=record.history_user_id if record else document.published_by_id,
            withdrawn_at=document.withdrawn_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0016_withdrawn_documents_kept_privately"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DocumentWithdrawal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField()),
                ("withdrawn_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="withdrawal_notice",
                        to="transparency.itemdocument",
                    ),
                ),
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        # Going back drops the notices with their table.
        migrations.RunPython(notice_for_each_withdrawn_document, migrations.RunPython.noop),
    ]
