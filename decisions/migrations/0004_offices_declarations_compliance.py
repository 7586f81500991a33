"""A decision is made by an office, checked by two declarations, and recorded as published on
time or not; its Part 2 names public grounds. The old decision maker choice stays until 0006."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_offices"),
        ("decisions", "0003_attachments_in_private_storage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="decision",
            options={
                "permissions": [
                    ("sign_decision", "Can sign decisions (decision makers only)"),
                    ("declare_decision", "Can make the statutory officers' declarations"),
                    ("publish_decision", "Can publish signed decisions"),
                ]
            },
        ),
        migrations.AddField(
            model_name="decision",
            name="decision_maker_office",
            field=models.ForeignKey(
                help_text="The office whose holder makes the decision and signs it.",
                limit_choices_to={"kind__in": ("commissioner", "deputy", "delegated")},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="decisions",
                to="accounts.office",
                verbose_name="decision maker",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="finance_declared_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="decision",
            name="finance_declared_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="finance_officer_holding",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.officeholding",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="finance_officer_name",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="decision",
            name="finance_officer_title",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="decision",
            name="has_financial_implications",
            field=models.BooleanField(
                default=True,
                help_text="Without them, the chief finance officer's declaration is recorded as not needed.",
                verbose_name="Has financial implications",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="monitoring_officer_holding",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.officeholding",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="monitoring_officer_title",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="decision",
            name="publication_reminder_sent_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="decision",
            name="published_on_time",
            field=models.BooleanField(
                editable=False,
                help_text="Whether it was first published within three working days of its signature.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="signatory_holding",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.officeholding",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="signatory_title",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="decision",
            name="value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="What the decision commits, in pounds. An officer with delegated authority may sign only up to their limit.",
                max_digits=12,
                null=True,
                verbose_name="Value (£)",
            ),
        ),
        migrations.AddField(
            model_name="decisionpart2",
            name="grounds",
            field=models.CharField(
                choices=[
                    (
                        "personal",
                        "personal information (Freedom of Information Act 2000, section 40)",
                    ),
                    (
                        "commercial",
                        "commercially sensitive information (Freedom of Information Act 2000, section 43)",
                    ),
                    (
                        "legal_advice",
                        "legal advice that is privileged (Freedom of Information Act 2000, section 42)",
                    ),
                    (
                        "law_enforcement",
                        "information that could prejudice law enforcement (Freedom of Information Act 2000, section 31)",
                    ),
                    (
                        "confidential",
                        "information provided in confidence (Freedom of Information Act 2000, section 41)",
                    ),
                    (
                        "security",
                        "information that could endanger health or safety (Freedom of Information Act 2000, section 38)",
                    ),
                    (
                        "other",
                        "information exempt from publication under the Freedom of Information Act",
                    ),
                ],
                default="other",
                help_text="The public page of an unrestricted decision says its Part 2 is not published because it contains this.",
                max_length=30,
                verbose_name="Grounds",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="decision_maker_office",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The office whose holder makes the decision and signs it.",
                limit_choices_to={"kind__in": ("commissioner", "deputy", "delegated")},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="accounts.office",
                verbose_name="decision maker",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="finance_declared_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="finance_declared_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="finance_officer_holding",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="accounts.officeholding",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="finance_officer_name",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="finance_officer_title",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="has_financial_implications",
            field=models.BooleanField(
                default=True,
                help_text="Without them, the chief finance officer's declaration is recorded as not needed.",
                verbose_name="Has financial implications",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="monitoring_officer_holding",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="accounts.officeholding",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="monitoring_officer_title",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="publication_reminder_sent_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="published_on_time",
            field=models.BooleanField(
                editable=False,
                help_text="Whether it was first published within three working days of its signature.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="signatory_holding",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="accounts.officeholding",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="signatory_title",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="What the decision commits, in pounds. An officer with delegated authority may sign only up to their limit.",
                max_digits=12,
                null=True,
                verbose_name="Value (£)",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecisionpart2",
            name="grounds",
            field=models.CharField(
                choices=[
                    (
                        "personal",
                        "personal information (Freedom of Information Act 2000, section 40)",
                    ),
                    (
                        "commercial",
                        "commercially sensitive information (Freedom of Information Act 2000, section 43)",
                    ),
                    (
                        "legal_advice",
                        "legal advice that is privileged (Freedom of Information Act 2000, section 42)",
                    ),
                    (
                        "law_enforcement",
                        "information that could prejudice law enforcement (Freedom of Information Act 2000, section 31)",
                    ),
                    (
                        "confidential",
                        "information provided in confidence (Freedom of Information Act 2000, section 41)",
                    ),
                    (
                        "security",
                        "information that could endanger health or safety (Freedom of Information Act 2000, section 38)",
                    ),
                    (
                        "other",
                        "information exempt from publication under the Freedom of Information Act",
                    ),
                ],
                default="other",
                help_text="The public page of an unrestricted decision says its Part 2 is not published because it contains this.",
                max_length=30,
                verbose_name="Grounds",
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("submitted", "Awaiting declarations"),
                    ("declared", "Awaiting signature"),
                    ("signed", "Signed, awaiting publication"),
                    ("published", "Published"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                ],
                default="draft",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("submitted", "Awaiting declarations"),
                    ("declared", "Awaiting signature"),
                    ("signed", "Signed, awaiting publication"),
                    ("published", "Published"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                ],
                default="draft",
                max_length=20,
            ),
        ),
    ]
