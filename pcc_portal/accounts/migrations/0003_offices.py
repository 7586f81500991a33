"""Offices and who holds them; the OPCC's statutory offices exist from the start, and the
statutory officers' role is created."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from pcc_portal.accounts.roles import sync_roles

# Every OPCC has these; officers with delegated authority are added as the scheme names them.
STATUTORY_OFFICES = [
    ("commissioner", "Police and Crime Commissioner"),
    ("deputy", "Deputy Police and Crime Commissioner"),
    ("chief_executive", "Chief Executive"),
    ("monitoring_officer", "Monitoring Officer"),
    ("chief_finance_officer", "Chief Finance Officer"),
]


def create_statutory_offices(apps, schema_editor):
    office_model = apps.get_model("accounts", "Office")
    for kind, title in STATUTORY_OFFICES:
        if not office_model.objects.filter(kind=kind).exists():
            office_model.objects.create(kind=kind, title=title)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalOffice",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("commissioner", "Police and Crime Commissioner"),
                            ("deputy", "Deputy Police and Crime Commissioner"),
                            ("chief_executive", "Chief Executive"),
                            ("monitoring_officer", "Monitoring Officer"),
                            ("chief_finance_officer", "Chief Finance Officer"),
                            ("delegated", "Officer with delegated authority"),
                        ],
                        max_length=30,
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        db_index=True,
                        help_text="As it is written beside a signature, for example “Director of Resources”.",
                        max_length=200,
                    ),
                ),
                (
                    "delegation",
                    models.TextField(
                        blank=True,
                        help_text="For an office that makes decisions: what the scheme of delegation lets its holder decide.",
                        verbose_name="What it may decide",
                    ),
                ),
                (
                    "value_limit",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="For an office that makes decisions: the largest value its holder may decide. Leave it empty for no limit.",
                        max_digits=12,
                        null=True,
                        verbose_name="Up to what value (£)",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical office",
                "verbose_name_plural": "historical offices",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Office",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("commissioner", "Police and Crime Commissioner"),
                            ("deputy", "Deputy Police and Crime Commissioner"),
                            ("chief_executive", "Chief Executive"),
                            ("monitoring_officer", "Monitoring Officer"),
                            ("chief_finance_officer", "Chief Finance Officer"),
                            ("delegated", "Officer with delegated authority"),
                        ],
                        max_length=30,
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="As it is written beside a signature, for example “Director of Resources”.",
                        max_length=200,
                        unique=True,
                    ),
                ),
                (
                    "delegation",
                    models.TextField(
                        blank=True,
                        help_text="For an office that makes decisions: what the scheme of delegation lets its holder decide.",
                        verbose_name="What it may decide",
                    ),
                ),
                (
                    "value_limit",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="For an office that makes decisions: the largest value its holder may decide. Leave it empty for no limit.",
                        max_digits=12,
                        null=True,
                        verbose_name="Up to what value (£)",
                    ),
                ),
            ],
            options={
                "ordering": ["title"],
                "permissions": [("manage_offices", "Can manage offices and who holds them")],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("kind", "delegated"), _negated=True),
                        fields=("kind",),
                        name="one_statutory_office_of_each_kind",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("value_limit__isnull", True),
                            models.Q(
                                ("kind__in", ["commissioner", "deputy", "delegated"]),
                                ("value_limit__gte", 0),
                            ),
                            _connector="OR",
                        ),
                        name="only_decision_making_offices_have_a_value_limit",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalOfficeHolding",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "starts_on",
                    models.DateField(help_text="The first day in office.", verbose_name="From"),
                ),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        help_text="The last day in office. Leave it empty while they hold it.",
                        null=True,
                        verbose_name="To",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="accounts.office",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical office holding",
                "verbose_name_plural": "historical office holdings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="OfficeHolding",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "starts_on",
                    models.DateField(help_text="The first day in office.", verbose_name="From"),
                ),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        help_text="The last day in office. Leave it empty while they hold it.",
                        null=True,
                        verbose_name="To",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="holdings",
                        to="accounts.office",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="office_holdings",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["office__title", "-starts_on"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ends_on__isnull", True),
                            ("ends_on__gte", models.F("starts_on")),
                            _connector="OR",
                        ),
                        name="office_holding_ends_after_it_starts",
                    )
                ],
            },
        ),
        migrations.RunPython(create_statutory_offices, migrations.RunPython.noop),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
