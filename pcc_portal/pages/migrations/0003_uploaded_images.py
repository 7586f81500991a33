"""Images staff upload for documents, and the roles that hold pages permissions may upload them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import pcc_portal.pages.images
from pcc_portal.accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Image",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.ImageField(
                        height_field="height",
                        upload_to=pcc_portal.pages.images._image_name,
                        width_field="width",
                    ),
                ),
                (
                    "alt_text",
                    models.CharField(
                        help_text="What the image shows, for people who cannot see it.",
                        max_length=250,
                        verbose_name="Alternative text",
                    ),
                ),
                ("width", models.PositiveIntegerField(default=0, editable=False)),
                ("height", models.PositiveIntegerField(default=0, editable=False)),
                ("uploaded_at", models.DateTimeField(auto_now_add=True)),
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
                "ordering": ["-uploaded_at"],
            },
        ),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
