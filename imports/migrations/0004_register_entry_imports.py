"""Spreadsheets of register entries, checked then applied whole; and the roles' permissions for
them (office staff import, as they import historic decisions)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import imports.models
from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("imports", "0003_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EntryImport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("checked", "Checked: ready to apply"),
                            ("invalid", "Has problems: nothing can be applied"),
                            ("applied", "Applied"),
                            ("discarded", "Discarded"),
                        ],
                        max_length=20,
                    ),
                ),
                ("original_name", models.CharField(max_length=200)),
                ("uploaded_at", models.DateTimeField(auto_now_add=True)),
                ("row_count", models.PositiveIntegerField(default=0)),
                ("rows", models.JSONField(blank=True, default=list, help_text="The checked rows.")),
                ("errors", models.JSONField(blank=True, default=list)),
                ("error_row_count", models.PositiveIntegerField(default=0)),
                ("register", models.CharField(max_length=40)),
                (
                    "table",
                    models.FileField(
                        storage=imports.models.private_storage, upload_to="imports/registers/"
                    ),
                ),
                (
                    "released",
                    models.BooleanField(
                        blank=True,
                        help_text="Once applied: whether the entries were released.",
                        null=True,
                    ),
                ),
                (
                    "run",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="entry_import",
                        to="imports.importrun",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-uploaded_at", "-pk"],
                "permissions": [("apply_entryimport", "Can apply imports of register entries")],
                "abstract": False,
            },
        ),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
