"""The registers with every field the Order asks for (issue #16): spending's purpose,
value-for-money reasons, whose spending and plan priority (3(g)); grants' reasons (3(f)); copies
of contracts and invitations to tender, a contract's plan priority (4(b)-(c)) and the list of
contracts of £10,000 or less (4(d)); periods and nil returns for interests and gifts and
hospitality."""

from decimal import Decimal

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import transparency.models
from pcc_portal.accounts.roles import sync_roles


def _financial_year(day):
    return day.year if day.month >= 4 else day.year - 1


def fill_financial_years(apps, schema_editor):
    """Each existing entry covers the financial year of its date."""
    for model_name, date_field in [
        ("Interest", "registered_on"),
        ("HistoricalInterest", "registered_on"),
        ("GiftHospitality", "offered_on"),
        ("HistoricalGiftHospitality", "offered_on"),
    ]:
        model = apps.get_model("transparency", model_name)
        for row in model.objects.filter(financial_year__isnull=True).only("pk", date_field):
            day = getattr(row, date_field)
            model.objects.filter(pk=row.pk).update(
                financial_year=_financial_year(day) if day else 2000
            )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0009_public_consultation_step"),
        ("transparency", "0014_specified_information_in_full"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalSmallContract",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Demonstration data, shown to the public marked as a sample.",
                        verbose_name="Sample entry",
                    ),
                ),
                ("reference", models.CharField(blank=True, max_length=100)),
                (
                    "parties",
                    models.CharField(
                        help_text="Every party to the contract, the Commissioner's office included.",
                        max_length=300,
                    ),
                ),
                ("purpose", models.TextField(help_text="What the money is spent on.")),
                ("value", models.DecimalField(decimal_places=2, max_digits=9)),
                ("agreed_on", models.DateField(verbose_name="Date agreed")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical contract of £10,000 or less",
                "verbose_name_plural": "historical contracts of £10,000 or less",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="SmallContract",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Demonstration data, shown to the public marked as a sample.",
                        verbose_name="Sample entry",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("reference", models.CharField(blank=True, max_length=100)),
                (
                    "parties",
                    models.CharField(
                        help_text="Every party to the contract, the Commissioner's office included.",
                        max_length=300,
                    ),
                ),
                ("purpose", models.TextField(help_text="What the money is spent on.")),
                ("value", models.DecimalField(decimal_places=2, max_digits=9)),
                ("agreed_on", models.DateField(verbose_name="Date agreed")),
            ],
            options={
                "verbose_name": "contract of £10,000 or less",
                "verbose_name_plural": "contracts of £10,000 or less",
                "ordering": ["-agreed_on", "-pk"],
                "permissions": [("publish_smallcontract", "Can release and withdraw entries")],
            },
        ),
        migrations.RemoveConstraint(
            model_name="spendingupload",
            name="one_spending_draft_per_month",
        ),
        migrations.AddField(
            model_name="contract",
            name="contract_copy",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=transparency.models._private_storage,
                upload_to=transparency.models._contract_copy_path,
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="contract_copy_redacted_because",
            field=models.CharField(
                blank=True, max_length=500, verbose_name="Why the copy of the contract is redacted"
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="contract_copy_tagged",
            field=models.BooleanField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="contract",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                help_text="The plan priority the contract serves, if one.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="contracts",
                to="plans.priority",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="tender_copy",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=transparency.models._private_storage,
                upload_to=transparency.models._contract_copy_path,
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="tender_copy_redacted_because",
            field=models.CharField(
                blank=True,
                max_length=500,
                verbose_name="Why the copy of the invitation to tender is redacted",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="tender_copy_tagged",
            field=models.BooleanField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="gifthospitality",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                null=True,
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26.",
            ),
        ),
        migrations.AddField(
            model_name="gifthospitality",
            name="is_nil_return",
            field=models.BooleanField(
                default=False,
                help_text="Nothing to declare for this person and financial year.",
                verbose_name="Nil return",
            ),
        ),
        migrations.AddField(
            model_name="grant",
            name="crime_reduction_reasons",
            field=models.TextField(
                blank=True,
                help_text="The reasons the Commissioner expects the grant to secure, or contribute to securing, crime and disorder reduction.",
                verbose_name="Why it is expected to reduce crime and disorder",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="contract_copy",
            field=models.TextField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="contract_copy_redacted_because",
            field=models.CharField(
                blank=True, max_length=500, verbose_name="Why the copy of the contract is redacted"
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="contract_copy_tagged",
            field=models.BooleanField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The plan priority the contract serves, if one.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="plans.priority",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="tender_copy",
            field=models.TextField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="tender_copy_redacted_because",
            field=models.CharField(
                blank=True,
                max_length=500,
                verbose_name="Why the copy of the invitation to tender is redacted",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="tender_copy_tagged",
            field=models.BooleanField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalgifthospitality",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                null=True,
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26.",
            ),
        ),
        migrations.AddField(
            model_name="historicalgifthospitality",
            name="is_nil_return",
            field=models.BooleanField(
                default=False,
                help_text="Nothing to declare for this person and financial year.",
                verbose_name="Nil return",
            ),
        ),
        migrations.AddField(
            model_name="historicalgrant",
            name="crime_reduction_reasons",
            field=models.TextField(
                blank=True,
                help_text="The reasons the Commissioner expects the grant to secure, or contribute to securing, crime and disorder reduction.",
                verbose_name="Why it is expected to reduce crime and disorder",
            ),
        ),
        migrations.AddField(
            model_name="historicalinterest",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                null=True,
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26.",
            ),
        ),
        migrations.AddField(
            model_name="historicalinterest",
            name="is_nil_return",
            field=models.BooleanField(
                default=False,
                help_text="Nothing to declare for this person and financial year.",
                verbose_name="Nil return",
            ),
        ),
        migrations.AddField(
            model_name="historicalspendingupload",
            name="source",
            field=models.CharField(
                choices=[
                    ("commissioner", "The Police and Crime Commissioner"),
                    ("chief-officer", "The Chief Constable"),
                ],
                default="commissioner",
                max_length=20,
                verbose_name="Whose spending",
            ),
        ),
        migrations.AddField(
            model_name="interest",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                null=True,
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26.",
            ),
        ),
        migrations.AddField(
            model_name="interest",
            name="is_nil_return",
            field=models.BooleanField(
                default=False,
                help_text="Nothing to declare for this person and financial year.",
                verbose_name="Nil return",
            ),
        ),
        migrations.AddField(
            model_name="payment",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                help_text="The plan priority the payment serves, if one.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="payments",
                to="plans.priority",
            ),
        ),
        migrations.AddField(
            model_name="payment",
            name="purpose",
            field=models.CharField(
                blank=True, help_text="What the payment was for.", max_length=500
            ),
        ),
        migrations.AddField(
            model_name="payment",
            name="value_for_money",
            field=models.TextField(
                blank=True,
                help_text="The reasons the payment is considered to give value for money.",
                verbose_name="Why it is value for money",
            ),
        ),
        migrations.AddField(
            model_name="spendingupload",
            name="source",
            field=models.CharField(
                choices=[
                    ("commissioner", "The Police and Crime Commissioner"),
                    ("chief-officer", "The Chief Constable"),
                ],
                default="commissioner",
                max_length=20,
                verbose_name="Whose spending",
            ),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="description",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="donor",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="estimated_value",
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=9, null=True),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[("gift", "Gift"), ("hospitality", "Hospitality")],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="offered_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[("accepted", "Accepted"), ("declined", "Declined")],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="recipient",
            field=models.CharField(
                help_text="Who it was offered to (for a nil return: who makes it).", max_length=200
            ),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="description",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="donor",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="estimated_value",
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=9, null=True),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[("gift", "Gift"), ("hospitality", "Hospitality")],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="offered_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[("accepted", "Accepted"), ("declined", "Declined")],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="recipient",
            field=models.CharField(
                help_text="Who it was offered to (for a nil return: who makes it).", max_length=200
            ),
        ),
        migrations.AlterField(
            model_name="historicalinterest",
            name="category",
            field=models.CharField(
                blank=True,
                choices=[
                    ("employment", "Employment, office, trade or profession"),
                    ("directorship", "Directorships"),
                    ("land", "Land and property"),
                    ("membership", "Membership of organisations"),
                    ("shares", "Shares and securities"),
                    ("sponsorship", "Sponsorship"),
                    ("other", "Other interests"),
                ],
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="historicalinterest",
            name="description",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="historicalinterest",
            name="registered_on",
            field=models.DateField(help_text="When it was registered (for a nil return: made)."),
        ),
        migrations.AlterField(
            model_name="interest",
            name="category",
            field=models.CharField(
                blank=True,
                choices=[
                    ("employment", "Employment, office, trade or profession"),
                    ("directorship", "Directorships"),
                    ("land", "Land and property"),
                    ("membership", "Membership of organisations"),
                    ("shares", "Shares and securities"),
                    ("sponsorship", "Sponsorship"),
                    ("other", "Other interests"),
                ],
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="interest",
            name="description",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="interest",
            name="registered_on",
            field=models.DateField(help_text="When it was registered (for a nil return: made)."),
        ),
        migrations.AddConstraint(
            model_name="gifthospitality",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("is_nil_return", True),
                    models.Q(
                        ("estimated_value__isnull", False),
                        ("offered_on__isnull", False),
                        models.Q(("donor", ""), _negated=True),
                        models.Q(("kind", ""), _negated=True),
                        models.Q(("outcome", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="gift_says_what_it_was_unless_nil_return",
            ),
        ),
        migrations.AddConstraint(
            model_name="interest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("is_nil_return", True),
                    models.Q(
                        models.Q(("category", ""), _negated=True),
                        models.Q(("description", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="interest_says_what_it_is_unless_nil_return",
            ),
        ),
        migrations.AddConstraint(
            model_name="spendingupload",
            constraint=models.UniqueConstraint(
                condition=models.Q(("released_at__isnull", True)),
                fields=("month", "source"),
                name="one_spending_draft_per_month_and_source",
            ),
        ),
        migrations.AddField(
            model_name="historicalsmallcontract",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddConstraint(
            model_name="smallcontract",
            constraint=models.CheckConstraint(
                condition=models.Q(("value__gt", 0), ("value__lte", Decimal("10000"))),
                name="small_contract_value_up_to_10000",
            ),
        ),
        migrations.RunPython(fill_financial_years, migrations.RunPython.noop),
        # The roles that keep the registers keep the list of contracts of £10,000 or less too.
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="interest",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26."
            ),
        ),
        migrations.AlterField(
            model_name="historicalinterest",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26."
            ),
        ),
        migrations.AlterField(
            model_name="gifthospitality",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26."
            ),
        ),
        migrations.AlterField(
            model_name="historicalgifthospitality",
            name="financial_year",
            field=models.PositiveSmallIntegerField(
                help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26."
            ),
        ),
    ]
