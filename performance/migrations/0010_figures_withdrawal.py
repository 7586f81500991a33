import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0009_figures_release"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FiguresWithdrawal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("period_start", models.DateField(help_text="The first day of the quarter.")),
                ("period_end", models.DateField(help_text="The last day of the quarter.")),
                ("reason", models.TextField()),
                ("withdrawn_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "figures",
                    models.JSONField(
                        default=list, help_text="The figures withdrawn, as they were released."
                    ),
                ),
                (
                    "measure_ids",
                    models.JSONField(default=list, help_text="The measures whose figures went."),
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
                "ordering": ["-withdrawn_at", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("period_start__day", 1), ("period_start__month__in", [1, 4, 7, 10])
                        ),
                        name="figures_withdrawal_starts_a_quarter",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("period_end__gt", models.F("period_start"))),
                        name="figures_withdrawal_ends_after_it_starts",
                    ),
                ],
            },
        ),
    ]
