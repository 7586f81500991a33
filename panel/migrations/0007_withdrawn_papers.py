"""Papers withdrawn from a meeting's public pack: ``PaperWithdrawal`` records which content and
why, and a frozen pack paper is ``withheld`` from the public pack (kept in the members')."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0006_paper_original_upload"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="packpaper",
            name="withheld",
            field=models.BooleanField(
                default=False,
                help_text="Withdrawn from the public: left out of the public pack (its page "
                "numbers skipped, as an exempt paper's are), kept in the members' pack.",
            ),
        ),
        migrations.CreateModel(
            name="PaperWithdrawal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=300)),
                ("reason", models.TextField()),
                ("withdrawn_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="paper_withdrawals",
                        to="panel.meeting",
                    ),
                ),
                (
                    "render",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="panel.paperrender",
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
                "ordering": ["withdrawn_at"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("meeting", "render"), name="one_withdrawal_per_paper_and_meeting"
                    )
                ],
            },
        ),
    ]
