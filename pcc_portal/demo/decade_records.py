"""The parts of the decade: signed decisions and Panel meetings with their packs, the third plan
with its released figures, and the months of spending, each a function of the ``Decade`` being
loaded."""

import datetime
import hashlib
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pcc_portal.demo.decade_words import PARAGRAPHS, SUBJECTS, SUPPLIERS
from pcc_portal.financial_year import financial_year_label
from pcc_portal.publications import services as publishing
from pcc_portal.publications.markdown import render_markdown
from pcc_portal.publications.models import Version

FIRST_YEAR = 2016  # the decade's first financial year (April 2016 to March 2017)


def _quarter_starts(count, first_year):
    day = datetime.date(first_year, 4, 1)
    starts = []
    for _ in range(count):
        starts.append(day)
        day += relativedelta(months=3)
    return starts


def _aware(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


# --- decisions ---------------------------------------------------------------------------------


def decisions(decade):
    from decisions.models import Decision
    from plans.models import Priority
    from transparency.models import SearchEntry

    model = Decision.objects.filter(status=Decision.Status.SIGNED).first()
    if model is None:
        raise CommandError("The decisions demo made no signed decision to copy from.")
    copied = {
        f.attname: getattr(model, f.attname)
        for f in Decision._meta.concrete_fields
        if f.attname not in {"id", "title", "number", "financial_year", "is_restricted", "value"}
        and not f.attname.endswith("_html")
    }
    per_year = decade.counts["decisions"] // 10 or 1
    taken = set(Decision.objects.values_list("financial_year", "number"))
    priorities = list(Priority.objects.order_by("plan__term_start", "number"))
    html_cache = {}

    def html(text):
        if text not in html_cache:
            html_cache[text] = render_markdown(text)
        return html_cache[text]

    decisions = []
    for index in range(decade.counts["decisions"]):
        year = FIRST_YEAR + (index // per_year) % 10
        number = index % per_year + 1
        while (year, number) in taken:
            number += per_year
        taken.add((year, number))
        day = datetime.date(year, 4, 3) + datetime.timedelta(
            days=(index % per_year) * 360 // per_year
        )
        subject = SUBJECTS[decade.rng.randrange(len(SUBJECTS))]
        summary, recommendation, background = decade.rng.sample(PARAGRAPHS, 3)
        fields = {
            **copied,
            "title": f"{subject} {financial_year_label(year)}",
            "financial_year": year,
            "number": number,
            "is_restricted": index % 17 == 0,
            "value": Decimal(1000 * decade.rng.randrange(5, 900)),
            "executive_summary": summary,
            "recommendation": recommendation,
            "background": background,
            "submitted_at": _aware(day, 8),
            "declared_at": _aware(day, 9),
            "finance_declared_at": _aware(day, 10),
            "signed_at": _aware(day, 11),
            "decision_date": day,
            "published_at": _aware(day + datetime.timedelta(days=1)),
            "published_on_time": True,
            "created_at": _aware(day, 7),
            "priority_scope": "plan" if priorities and index % 3 else "all",
        }
        decision = Decision(**fields)
        for name in Decision.MARKDOWN_FIELDS:
            field = Decision._meta.get_field(f"{name}_html")
            field.fill(decision, html(getattr(decision, name)))
        decisions.append(decision)
    decisions = bulk_create_with_history(decisions, Decision, batch_size=500)
    if not decisions or decisions[0].pk is None:  # backends that give no ids back
        keys = [(d.financial_year, d.number) for d in decisions]
        by_key = {
            (d.financial_year, d.number): d
            for d in Decision.objects.filter(financial_year__gte=FIRST_YEAR)
        }
        decisions = [by_key[key] for key in keys]
    through = Decision.priorities.through
    links = []
    for index, decision in enumerate(decisions):
        if decision.priority_scope == "plan" and priorities:
            links.append(
                through(decision_id=decision.pk, priority_id=priorities[index % len(priorities)].pk)
            )
    through.objects.bulk_create(links, batch_size=2000)
    content_type = ContentType.objects.get_for_model(Decision)
    versions, entries = [], []
    now = timezone.now()
    for decision in Decision.objects.filter(pk__in=[d.pk for d in decisions]).with_priorities():
        context = {"object": decision, **decision.publication_context()}
        at = decision.published_at
        text = decision.publication_text()
        title = decision.publication_title()
        versions.append(
            decade.version(
                decision,
                content_type=content_type,
                html=render_to_string(decision.page_template, context),
                text=text,
                at=at,
                title=title,
            )
        )
        if not decision.is_restricted:
            entries.append(
                SearchEntry(
                    content_type=content_type,
                    object_id=decision.pk,
                    kind=decision.document_type,
                    title=title[:300],
                    body=text,
                    url=decision.get_absolute_url(),
                    year=decision.financial_year,
                    published_at=at,
                    indexed_at=now,
                )
            )
    Version.objects.bulk_create(versions, batch_size=500)
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    return f"{len(decisions):,} signed and published, {len(entries):,} searchable"


# --- the Panel --------------------------------------------------------------------------------


def meetings(decade):
    from panel.models import AgendaItem, Meeting, Report
    from panel.services import meetings as meeting_services
    from panel.services import packs

    panel = Meeting.objects.select_related("panel").first().panel
    count = decade.counts["meetings"]
    papers = decade.counts["papers"]
    per_meeting = max(1, papers // count)
    taken = set(Meeting.objects.values_list("date", flat=True))
    made = paper_count = 0
    for index in range(count):
        # Eight a year, on a Monday, from June 2016.
        year = FIRST_YEAR + index * 10 // count
        month = (6 + (index % 8) * 12 // 8 - 1) % 12 + 1
        day = datetime.date(year, month, 1)
        day += datetime.timedelta(days=(7 - day.weekday()) % 7 + 7)
        while day in taken:
            day += datetime.timedelta(days=7)
        taken.add(day)
        past = day < timezone.localdate()
        with transaction.atomic():
            meeting = Meeting.objects.create(
                panel=panel,
                date=day,
                venue="Blackburn Town Hall",
                status=Meeting.Status.HELD if past else Meeting.Status.SCHEDULED,
            )
            items = [
                AgendaItem.objects.create(meeting=meeting, number=1, title="Apologies"),
                AgendaItem.objects.create(
                    meeting=meeting, number=2, title="Declarations of interest"
                ),
            ]
            for number in range(3, 3 + max(1, per_meeting // 3)):
                items.append(
                    AgendaItem.objects.create(
                        meeting=meeting,
                        number=number,
                        title=SUBJECTS[decade.rng.randrange(len(SUBJECTS))],
                        presenter="The Commissioner",
                    )
                )
            reports = items[2:]
            for position in range(per_meeting):
                item = reports[position % len(reports)]
                summary, recommendation, body = decade.rng.sample(PARAGRAPHS, 3)
                meeting_services.add_report_paper(
                    item=item,
                    report=Report(
                        title=f"{item.title}: report {position + 1}",
                        contact="Panel secretary",
                        executive_summary=summary,
                        recommendation=recommendation,
                        body=body,
                        author="Chief Executive, Office of the Police and Crime Commissioner",
                    ),
                )
                paper_count += 1
            packs.publish_pack(
                meeting=meeting,
                by=decade.secretary,
                note=f"Agenda published on {day - datetime.timedelta(days=7):%-d %B %Y}",
            )
        made += 1
    return f"{made} meetings, {paper_count:,} papers in their packs"


# --- the third plan and its figures -----------------------------------------------------------


def plan_and_figures(decade):
    from performance.models import DataPoint
    from plans.models import Measure, Plan, Priority
    from plans.services import freeze_parts

    with transaction.atomic():
        plan = Plan.objects.create(
            title="Police and Crime Plan 2025-2029",
            slug="police-and-crime-plan-2025-2029",
            commissioner="Demo Commissioner",
            term_start=datetime.date(2025, 5, 8),
            term_end=datetime.date(2029, 5, 7),
        )
        titles = [
            "Tackling crime and anti-social behaviour",
            "Supporting victims",
            "Targeting dangerous drivers",
            "Tackling domestic abuse and sexual violence",
            "Disrupting serious organised crime",
            "Keeping neighbourhoods safe",
        ]
        priorities = [
            Priority.objects.create(plan=plan, number=n, title=title)
            for n, title in enumerate(titles, start=1)
        ]
        measures = [
            Measure.objects.create(
                plan=plan,
                priority=priorities[n % len(priorities)],
                wording=f"{SUBJECTS[n % len(SUBJECTS)]}: measure {n + 1}",
                direction=("reduce", "increase", "improve", "monitor")[n % 4],
                unit="%" if n % 5 == 0 else "crimes",
                is_national=n % 10 == 0,
                order=n,
            )
            for n in range(decade.counts["measures"])
        ]
        page_html, _document, text = publishing.freeze(obj=plan)
        version = decade.version(
            plan,
            content_type=ContentType.objects.get_for_model(plan),
            html=page_html,
            text=text,
            at=timezone.now(),
            title=plan.publication_title(),
        )
        version.save()
        freeze_parts(plan=plan, version=version)  # each priority's own page
        publishing.version_went_public(version=version)
    starts = _quarter_starts(decade.counts["quarters"], FIRST_YEAR)
    released_at = timezone.now()
    points = []
    for measure in measures:
        base = 100 + decade.rng.randrange(900)
        for quarter, start in enumerate(starts):
            value = base + decade.rng.randrange(-base // 5, base // 5 + 1) + quarter
            if measure.unit == "%":
                value = 40 + (value % 55)
            points.append(
                DataPoint(
                    measure=measure,
                    period_kind=DataPoint.PeriodKind.QUARTER,
                    period_start=start,
                    value=Decimal(value),
                    comparison_value=Decimal(value + decade.rng.randrange(-20, 21)),
                    source="Lancashire Constabulary",
                    entered_by=decade.publisher,
                    released_at=released_at,
                    released_by=decade.publisher,
                )
            )
    bulk_create_with_history(points, DataPoint, batch_size=2000)
    return f"{len(measures)} measures, {len(points):,} released figures"


# --- spending ---------------------------------------------------------------------------------


def spending(decade):
    from transparency.models import Payment, SpendingUpload

    starts = [datetime.date(FIRST_YEAR + (3 + m) // 12, (3 + m) % 12 + 1, 1) for m in range(120)]
    months = starts[-decade.counts["months"] :]
    released = 0
    rows = 0
    for month in months:
        if SpendingUpload.objects.filter(month=month).exists():
            continue
        with transaction.atomic():
            upload = SpendingUpload.objects.create(
                month=month,
                filename=f"spending-{month:%Y-%m}.csv",
                sha256=hashlib.sha256(f"{month}".encode()).hexdigest(),
                uploaded_by=decade.publisher,
            )
            payments = []
            for row in range(decade.counts["payments"]):
                payments.append(
                    Payment(
                        upload=upload,
                        row_number=row + 2,
                        paid_on=month + datetime.timedelta(days=row % 28),
                        reference=f"{month:%y%m}{row:04d}",
                        supplier=SUPPLIERS[decade.rng.randrange(len(SUPPLIERS))],
                        expense_type="Grants and contributions",
                        service_area="Office of the Police and Crime Commissioner",
                        amount=Decimal(decade.rng.randrange(50_000, 5_000_000)) / 100,
                    )
                )
            Payment.objects.bulk_create(payments)
            upload.row_count = len(payments)
            upload.total = sum(p.amount for p in payments)
            upload.released_at = timezone.now()
            upload.save()
            publishing.publish(obj=upload, by=decade.publisher, note=f"{len(payments)} payments.")
        released += 1
        rows += len(payments)
    return f"{released} months released, {rows:,} payments"
