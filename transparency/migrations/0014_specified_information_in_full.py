"""The Specified Information index in full (issue #16).

Schema: each item's paragraph reference; the period each uploaded document covers (its item's
freshness follows from it, not from the day it was uploaded); HMICFRS reports, so the PEEL report
(para 7B) and the Commissioner's 56-day responses (Police Act 1996 s55) are two items, each with
its own rule; a yearly cadence for each financial year; a reminder for an item never published.

Data: the items the index lacked (2A, 3(b)-(d) split from the budget, 4(d), 7A(b), 7B, 7C(b)(i)
and 7C(b)(iii)), every item's reference and place, 7A(a) read from the quarterly reports'
national statement, Panel agendas and minutes tracked as made against their deadlines, and the
period of documents already uploaded (the day they were published, the best that is known).
Reversing removes the added items no document refers to and restores the earlier settings.
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from pcc_portal.accounts.roles import sync_roles

# code: (paragraph, reference, title, description, portal source, cadence); None keeps a field.
NEW = {
    "staff-arrangements": (
        "staff",
        "2A",
        "Use of the Constabulary's and councils' staff",
        "The arrangements under which the Commissioner uses staff of the Chief Constable, or "
        "a council's administrative, professional or technical services.",
        "",
        "yearly",
    ),
    "precept": (
        "income-and-expenditure",
        "3(b)",
        "Precept",
        "The precept the Commissioner issues: the policing part of the council tax.",
        "",
        "before-financial-year",
    ),
    "revenue-sources": (
        "income-and-expenditure",
        "3(c)",
        "Sources of revenue",
        "Each source of income the Commissioner expects for the year, other than the precept: "
        "government grants, fees and charges, reserves.",
        "",
        "before-financial-year",
    ),
    "proposed-expenditure": (
        "income-and-expenditure",
        "3(d)",
        "Proposed expenditure",
        "What the Commissioner proposes to spend in the year, and on what.",
        "",
        "before-financial-year",
    ),
    "small-contracts": (
        "income-and-expenditure",
        "4(d)",
        "Contracts of £10,000 or less",
        "A list of each contract worth £10,000 or less: its value, the parties to it and its "
        "purpose.",
        "small-contracts",
        "quarterly",
    ),
    "national-priorities-local": (
        "national",
        "7A(b)",
        "Which national priorities apply here",
        "Which of the national priorities for policing apply in the force area and which do "
        "not, and why.",
        "",
        "yearly",
    ),
    "peel-report": (
        "national",
        "7B",
        "HMICFRS PEEL report and summary assessment",
        "The most recent PEEL report of HM Inspectorate of Constabulary and Fire & Rescue "
        "Services on the force's effectiveness, efficiency and legitimacy, and its summary "
        "assessment of the force. A newer PEEL inspection supersedes it.",
        "",
        "as-made",
    ),
    "complaints-oversight": (
        "national",
        "7C(b)(i)",
        "How the Chief Constable is held to account for complaints",
        "How the Commissioner holds the Chief Constable to account for the way the force "
        "handles complaints.",
        "",
        "yearly",
    ),
    "complaints-functions": (
        "national",
        "7C(b)(iii)",
        "Complaint-handling the Commissioner has taken on",
        "The complaint-handling functions the Commissioner has taken on from the Chief "
        "Constable, and how they are carried out.",
        "",
        "yearly",
    ),
}

# Changes to the items already there: code: {field: (new value, old value)}.
CHANGED = {
    "budget-and-precept": {
        "title": ("Total budget", "Budget and precept"),
        "description": (
            "The Commissioner's total budget for the coming financial year.",
            "The budget for the coming financial year, the precept set, and the Commissioner's "
            "proposals to the Panel before it is set.",
        ),
    },
    "national-priorities": {
        "title": (
            "Contribution to the national priorities for policing",
            "National crime and policing measures",
        ),
        "description": (
            "A statement on the force's contribution to improvements against the national "
            "priorities for policing, as the quarterly performance report carries it.",
            "A statement of the Constabulary's contribution to the national crime and policing "
            "measures and the Strategic Policing Requirement.",
        ),
        "source": ("portal", "upload"),
        "portal_source": ("national-statement", ""),
    },
    "hmicfrs-responses": {
        "title": ("Responses to HMICFRS reports", "Responses to HMICFRS reports"),
        "description": (
            "The Commissioner's comments on each HMICFRS inspection report about the force, "
            "published within 56 days of the report.",
            "The Commissioner's comments on each HMICFRS inspection report about the force, "
            "published within 56 days of the report.",
        ),
    },
    "complaints-data": {
        "description": (
            "The Independent Office for Police Conduct's latest quarterly complaints data and "
            "annual statistics report for the force.",
            "How the Constabulary is handling complaints, from the Independent Office for Police "
            "Conduct's quarterly figures.",
        ),
    },
    "complaints-reviews": {
        "description": (
            "How the Commissioner has carried out reviews of the outcome of police complaints, "
            "and how many were upheld.",
            "How the Commissioner reviews the outcome of police complaints, and how many reviews "
            "were upheld.",
        ),
    },
    "panel-meetings": {"cadence": ("as-made", "quarterly")},
    "panel-minutes": {"cadence": ("as-made", "quarterly")},
    "statement-of-accounts": {"cadence": ("financial-year", "yearly")},
    "annual-report": {"cadence": ("financial-year", "yearly")},
}

# Every item in its place, with its reference.
ORDER = [
    ("office-holders-names", "1(a)-(b)"),
    ("office-holders-pay", "1(c)-(d)"),
    ("register-of-interests", "1(e)"),
    ("office-holder-complaints", "1(f)"),
    ("roles-and-responsibilities", "Publication scheme"),
    ("staff-numbers", "2(a)-(b)"),
    ("staff-structure", "2(c)"),
    ("senior-salaries", "2(d)"),
    ("gifts-and-hospitality", "2(e)"),
    ("staff-arrangements", "2A"),
    ("budget-and-precept", "3(a)"),
    ("precept", "3(b)"),
    ("revenue-sources", "3(c)"),
    ("proposed-expenditure", "3(d)"),
    ("allowances-and-investments", "3(e)"),
    ("grants", "3(f)"),
    ("spending-over-500", "3(g)"),
    ("contracts", "4(b)"),
    ("invitations-to-tender", "4(c)"),
    ("small-contracts", "4(d)"),
    ("statement-of-accounts", "Accounts and Audit Regulations 2015"),
    ("land-and-buildings", "4(a)"),
    ("estates-strategy", "Publication scheme"),
    ("decisions", "5(d)"),
    ("forward-plan", "Publication scheme"),
    ("accountability-meetings", "5(a)-(c)"),
    ("decisions-reports", "Publication scheme"),
    ("panel-meetings", "Local Government Act 1972 s100B"),
    ("panel-minutes", "Local Government Act 1972 s100C"),
    ("records-management", "6"),
    ("data-protection", "6"),
    ("freedom-of-information", "6"),
    ("complaints-policy", "6"),
    ("whistleblowing", "6"),
    ("police-and-crime-plan", "PRSRA 2011 s5"),
    ("annual-report", "PRSRA 2011 s12"),
    ("performance-reports", "Publication scheme"),
    ("crime-and-disorder-partnerships", "7"),
    ("national-priorities", "7A(a)"),
    ("national-priorities-local", "7A(b)"),
    ("peel-report", "7B"),
    ("hmicfrs-responses", "Police Act 1996 s55"),
    ("complaints-data", "7C(a)"),
    ("complaints-oversight", "7C(b)(i)"),
    ("complaints-reviews", "7C(b)(ii)"),
    ("complaints-functions", "7C(b)(iii)"),
    ("custody-visiting-scheme", "Publication scheme"),
    ("custody-visiting-reports", "Publication scheme"),
]


def forwards(apps, schema_editor):
    item_model = apps.get_model("transparency", "SpecifiedItem")
    document_model = apps.get_model("transparency", "ItemDocument")
    for code, (paragraph, reference, title, description, portal, cadence) in NEW.items():
        item_model.objects.get_or_create(
            code=code,
            defaults={
                "paragraph": paragraph,
                "reference": reference,
                "title": title,
                "description": description,
                "source": "portal" if portal else "upload",
                "portal_source": portal,
                "cadence": cadence,
            },
        )
    for code, fields in CHANGED.items():
        item_model.objects.filter(code=code).update(**{k: new for k, (new, _) in fields.items()})
    for order, (code, reference) in enumerate(ORDER, start=1):
        item_model.objects.filter(code=code).update(order=order, reference=reference)
    # What is known of the period a document already uploaded covers: the day it was published.
    for document in document_model.objects.filter(period_to__isnull=True):
        document.period_from = document.period_from or document.published_on
        document.period_to = document.published_on
        document.save(update_fields=["period_from", "period_to"])


def backwards(apps, schema_editor):
    item_model = apps.get_model("transparency", "SpecifiedItem")
    item_model.objects.filter(code__in=list(NEW), documents__isnull=True).delete()
    for code, fields in CHANGED.items():
        item_model.objects.filter(code=code).update(**{k: old for k, (_, old) in fields.items()})
    # PostgreSQL refuses to alter a table while checks deferred by these deletes are pending, and
    # the schema operations reversed next alter this table in the same transaction.
    if schema_editor is not None and schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0013_grants_published_monthly"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="InspectionReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("peel", "PEEL inspection (effectiveness, efficiency and legitimacy)"),
                            ("other", "Other inspection"),
                        ],
                        default="peel",
                        max_length=20,
                    ),
                ),
                (
                    "published_on",
                    models.DateField(help_text="The day HMICFRS published the report."),
                ),
                (
                    "url",
                    models.URLField(
                        blank=True, verbose_name="Link to the report on the HMICFRS website"
                    ),
                ),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                "ordering": ["-published_on", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="historicalitemdocument",
            name="period_from",
            field=models.DateField(
                help_text="The first day of the period it covers, or the day it is “as at”.",
                null=True,
                verbose_name="Covers the period from",
            ),
        ),
        migrations.AddField(
            model_name="historicalitemdocument",
            name="period_to",
            field=models.DateField(
                help_text="The last day of the period it covers, or the day it is “as at”.",
                null=True,
                verbose_name="to",
            ),
        ),
        migrations.AddField(
            model_name="historicalspecifieditem",
            name="reference",
            field=models.CharField(
                blank=True,
                help_text="Its paragraph of the Order's Schedule, for example “3(f)”; for an item the Order does not list, the law or practice it comes from.",
                max_length=80,
            ),
        ),
        migrations.AddField(
            model_name="itemdocument",
            name="period_from",
            field=models.DateField(
                help_text="The first day of the period it covers, or the day it is “as at”.",
                null=True,
                verbose_name="Covers the period from",
            ),
        ),
        migrations.AddField(
            model_name="itemdocument",
            name="period_to",
            field=models.DateField(
                help_text="The last day of the period it covers, or the day it is “as at”.",
                null=True,
                verbose_name="to",
            ),
        ),
        migrations.AddField(
            model_name="specifieditem",
            name="reference",
            field=models.CharField(
                blank=True,
                help_text="Its paragraph of the Order's Schedule, for example “3(f)”; for an item the Order does not list, the law or practice it comes from.",
                max_length=80,
            ),
        ),
        migrations.AlterField(
            model_name="historicalitemdocument",
            name="published_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, help_text="The day it was published here."
            ),
        ),
        migrations.AlterField(
            model_name="historicalspecifieditem",
            name="cadence",
            field=models.CharField(
                choices=[
                    ("as-made", "As they are made"),
                    ("monthly", "Monthly"),
                    ("quarterly", "Quarterly"),
                    ("yearly", "Yearly"),
                    ("financial-year", "For each financial year, after it ends"),
                    ("before-financial-year", "Before each financial year"),
                ],
                default="yearly",
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="itemdocument",
            name="published_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, help_text="The day it was published here."
            ),
        ),
        migrations.AlterField(
            model_name="itemreminder",
            name="kind",
            field=models.CharField(
                choices=[
                    ("due-soon", "Due soon"),
                    ("overdue", "Overdue"),
                    ("missing", "Never published"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="specifieditem",
            name="cadence",
            field=models.CharField(
                choices=[
                    ("as-made", "As they are made"),
                    ("monthly", "Monthly"),
                    ("quarterly", "Quarterly"),
                    ("yearly", "Yearly"),
                    ("financial-year", "For each financial year, after it ends"),
                    ("before-financial-year", "Before each financial year"),
                ],
                default="yearly",
                max_length=30,
            ),
        ),
        migrations.CreateModel(
            name="HistoricalInspectionReport",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("peel", "PEEL inspection (effectiveness, efficiency and legitimacy)"),
                            ("other", "Other inspection"),
                        ],
                        default="peel",
                        max_length=20,
                    ),
                ),
                (
                    "published_on",
                    models.DateField(help_text="The day HMICFRS published the report."),
                ),
                (
                    "url",
                    models.URLField(
                        blank=True, verbose_name="Link to the report on the HMICFRS website"
                    ),
                ),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
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
                "verbose_name": "historical inspection report",
                "verbose_name_plural": "historical inspection reports",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalitemdocument",
            name="inspection",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For the PEEL report or a response to an HMICFRS report: the report it is.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="transparency.inspectionreport",
            ),
        ),
        migrations.AddField(
            model_name="itemdocument",
            name="inspection",
            field=models.ForeignKey(
                blank=True,
                help_text="For the PEEL report or a response to an HMICFRS report: the report it is.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="documents",
                to="transparency.inspectionreport",
            ),
        ),
        migrations.AlterField(
            model_name="itemreminder",
            name="sent_to",
            field=models.TextField(help_text="The addresses it was sent to, separated by commas."),
        ),
        migrations.RunPython(forwards, backwards),
        # Editors and decision makers record HMICFRS reports ("transparency.*").
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
