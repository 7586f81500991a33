"""Fill the database with a realistic decade of an OPCC's published record, for benchmarks.

On top of the Lancashire demo (accounts, the 2016-2021 and 2021-2025 plans, the December 2021
meeting and its pack), at ``--scale 1``: about 3,000 signed decisions with their notices, 80 Panel
meetings with agenda packs of 1,500 papers, a third plan (2025-2029) with 60 measures and 40
quarters of released figures for each, 120 months of spending over £500, and all of it in site
search. Deterministic for a given ``--seed``; it prints the time each part took.

PDFs: rendering thousands of notices and papers would take hours, so one small tagged PDF is
rendered once and every version in the decade reuses its bytes (the real render pipeline, packs'
assembly and page stamping included, runs on that template). Decisions, versions, figures and
payments are written with ``bulk_create``; packs, spending releases and the new plan go through
the publishing services, so what the public sees follows the same release rules as in use.
"""

import datetime
import hashlib
import importlib
import random
import time
from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pcc_portal.demo.accounts import create_demo_accounts
from pcc_portal.demo.modules import demo_modules
from pcc_portal.publications import pdf
from pcc_portal.publications import services as publishing
from pcc_portal.publications.markdown import render_markdown
from pcc_portal.publications.models import Version

# The decade builds on load_demo's apps but casework, which is not part of the benchmarked
# decade. It needs the plans, decisions and panel demos; the others add pages, a quarterly
# report and registers, and one that fails is reported and skipped.
REQUIRED_DEMOS = {"plans.demo", "decisions.demo", "panel.demo"}

FULL = {
    "decisions": 3000,
    "meetings": 80,
    "papers": 1500,
    "measures": 60,
    "quarters": 40,
    "months": 120,
    "payments": 40,
}
FIRST_YEAR = 2016  # the decade's first financial year (April 2016 to March 2017)

TEMPLATE_HTML = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Published document</title></head><body><h1>Published document</h1>
<p>This notice is one small tagged PDF shared by every version that the decade benchmark
loads; the page itself carries the document's text.</p></body></html>"""

SUBJECTS = [
    "Community Safety Partnerships funding",
    "Victims' services commissioning",
    "Domestic abuse perpetrator programme",
    "Road safety partnership grant",
    "Estates strategy: police station refurbishment",
    "Violence reduction network",
    "Custody visiting scheme",
    "Rural crime initiatives",
    "Fleet replacement programme",
    "Body worn video procurement",
    "Treasury management strategy",
    "Youth diversion schemes",
    "Restorative justice service",
    "Cybercrime prevention campaign",
    "Neighbourhood policing investment",
    "Capital programme variation",
    "Independent advisory group support",
    "Serious organised crime disruption",
    "Hate crime awareness funding",
    "Contract award: forensic services",
]

PARAGRAPHS = [
    "The Commissioner is asked to approve funding that supports the priorities of the Police "
    "and Crime Plan for Lancashire, with quarterly monitoring reported to the Panel.",
    "Partners across Lancashire's districts have been consulted and support the proposal, "
    "which builds on the outcomes reported in the previous financial year.",
    "The proposal helps victims of crime cope and recover, and reduces repeat victimisation "
    "through early intervention and support for those most at risk.",
    "Funding is met from the approved revenue budget; there are no further implications for "
    "the precept. The Chief Finance Officer has reviewed the figures.",
    "An equality impact assessment found no adverse impact on people with protected "
    "characteristics; the service will monitor take-up by community.",
    "The Constabulary will report performance against the agreed measures at the strategic "
    "scrutiny meeting, and the Panel will receive the outcome in the annual report.",
]

SUPPLIERS = [
    "Lancashire County Council",
    "Blackburn with Darwen Borough Council",
    "Victim Support",
    "Lancashire Fire and Rescue Service",
    "Northgate Public Services",
    "Leyland Trucks Ltd",
    "Preston City Council",
    "Lancaster University",
    "Blackpool Council",
    "Barnardo's",
]


def _scaled(count, scale, *, least=1):
    return max(least, round(count * scale))


@contextmanager
def pre_rendered_pdfs():
    """Every PDF render during the load returns one small tagged PDF rendered here once (the
    packs' assembly keeps the real renderer for its page-number font: imported first)."""
    importlib.import_module("panel.assembly")
    template = pdf.render_pdf(TEMPLATE_HTML)
    original = pdf.render_pdf
    pdf.render_pdf = lambda _html: template
    try:
        yield template
    finally:
        pdf.render_pdf = original


@contextmanager
def eager_tasks():
    """Run the render and pack tasks in this process, whatever the settings say."""
    from pcc_portal.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = eager


def _quarter_starts(count, first_year):
    day = datetime.date(first_year, 4, 1)
    starts = []
    for _ in range(count):
        starts.append(day)
        month = day.month + 3
        day = datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)
    return starts


def _aware(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class Command(BaseCommand):
    help = (
        "Load the demo data, then a realistic decade on top (--scale 1: about 3,000 decisions, "
        "80 Panel meetings with 1,500 papers, a third plan with 60 measures x 40 quarters of "
        "released figures, 120 months of spending), search indexed. Deterministic for a given "
        "--seed; prints the time taken. Every version shares one small tagged PDF rendered "
        "once (rendering thousands of notices would take hours); pages, packs, search and "
        "release rules are real. Meant for an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 is ten years.")
        parser.add_argument("--seed", type=int, default=2016)

    def handle(self, *args, scale, seed, **options):
        if scale <= 0 or scale > 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        self.rng = random.Random(seed)  # noqa: S311 (benchmark data, not security)
        self.scale = scale
        self.counts = {name: _scaled(n, scale) for name, n in FULL.items()}
        started = time.perf_counter()
        with pre_rendered_pdfs() as template, eager_tasks():
            self.template = template
            self._step("demo data", self._demo)
            self._step("shared PDF", self._shared_pdf)
            self._step("decisions", self._decisions)
            self._step("panel meetings and packs", self._meetings)
            self._step("plan 2025-2029 and figures", self._plan_and_figures)
            self._step("spending", self._spending)
        self.stdout.write(
            self.style.SUCCESS(f"Decade loaded in {time.perf_counter() - started:.1f} s.")
        )

    def _step(self, label, action):
        began = time.perf_counter()
        summary = action()
        self.stdout.write(f"{label}: {summary} ({time.perf_counter() - began:.1f} s)")

    # --- the base ---------------------------------------------------------------------------

    def _demo(self):
        with transaction.atomic():
            create_demo_accounts()
        user = get_user_model()
        self.publisher = user.objects.get(username="commissioner")
        self.secretary = user.objects.filter(username="secretary").first() or self.publisher
        done = []
        for name, module in demo_modules(leave_out={"casework.demo"}):
            try:
                with transaction.atomic():
                    module.load(publisher=self.publisher)
            except Exception as error:
                if name in REQUIRED_DEMOS:
                    raise
                self.stderr.write(f"Skipped the {name} data, which failed: {error!r}")
                continue
            done.append(name.split(".")[-2])
        return ", ".join(done)

    def _shared_pdf(self):
        content = self.template.content
        self.pdf_sha = hashlib.sha256(content).hexdigest()
        name = f"publications/decade-{self.pdf_sha[:12]}.pdf"
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(content))
        self.pdf_name = name
        return f"{len(content):,} bytes, {self.template.page_count} page"

    def _version(self, obj, *, content_type, number=1, html, text, at, title):
        return Version(
            content_type=content_type,
            object_id=obj.pk,
            number=number,
            status=Version.Status.READY,
            kind=Version.Kind.DOCUMENT,
            document_type=obj.document_type,
            title=title,
            html=html,
            document_html="",
            text=text,
            change_note="Published",
            published_by=self.publisher,
            published_at=at,
            ready_at=at,
            pdf=self.pdf_name,
            page_count=self.template.page_count,
            sha256=self.pdf_sha,
        )

    # --- decisions --------------------------------------------------------------------------

    def _decisions(self):
        from decisions.models import Decision
        from plans.models import Priority
        from transparency.models import SearchEntry

        model = Decision.objects.filter(status=Decision.Status.SIGNED).first()
        if model is None:
            raise CommandError("The decisions demo made no signed decision to copy from.")
        copied = {
            f.attname: getattr(model, f.attname)
            for f in Decision._meta.concrete_fields
            if f.attname
            not in {"id", "title", "number", "financial_year", "is_restricted", "value"}
            and not f.attname.endswith("_html")
        }
        per_year = self.counts["decisions"] // 10 or 1
        taken = set(Decision.objects.values_list("financial_year", "number"))
        priorities = list(Priority.objects.order_by("plan__term_start", "number"))
        html_cache = {}

        def html(text):
            if text not in html_cache:
                html_cache[text] = render_markdown(text)
            return html_cache[text]

        decisions = []
        for index in range(self.counts["decisions"]):
            year = FIRST_YEAR + (index // per_year) % 10
            number = index % per_year + 1
            while (year, number) in taken:
                number += per_year
            taken.add((year, number))
            day = datetime.date(year, 4, 3) + datetime.timedelta(
                days=(index % per_year) * 360 // per_year
            )
            subject = SUBJECTS[self.rng.randrange(len(SUBJECTS))]
            summary, recommendation, background = self.rng.sample(PARAGRAPHS, 3)
            fields = {
                **copied,
                "title": f"{subject} {year}/{str(year + 1)[2:]}",
                "financial_year": year,
                "number": number,
                "is_restricted": index % 17 == 0,
                "value": Decimal(1000 * self.rng.randrange(5, 900)),
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
                    through(
                        decision_id=decision.pk, priority_id=priorities[index % len(priorities)].pk
                    )
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
                self._version(
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

    # --- the Panel --------------------------------------------------------------------------

    def _meetings(self):
        from panel.models import AgendaItem, Meeting, Report
        from panel.services import meetings as meeting_services
        from panel.services import packs

        panel = Meeting.objects.select_related("panel").first().panel
        count = self.counts["meetings"]
        papers = self.counts["papers"]
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
                            title=SUBJECTS[self.rng.randrange(len(SUBJECTS))],
                            presenter="The Commissioner",
                        )
                    )
                reports = items[2:]
                for position in range(per_meeting):
                    item = reports[position % len(reports)]
                    summary, recommendation, body = self.rng.sample(PARAGRAPHS, 3)
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
                    by=self.secretary,
                    note=f"Agenda published on {day - datetime.timedelta(days=7):%-d %B %Y}",
                )
            made += 1
        return f"{made} meetings, {paper_count:,} papers in their packs"

    # --- the third plan and its figures -----------------------------------------------------

    def _plan_and_figures(self):
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
                for n in range(self.counts["measures"])
            ]
            page_html, _document, text = publishing.freeze(obj=plan)
            version = self._version(
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
        starts = _quarter_starts(self.counts["quarters"], FIRST_YEAR)
        released_at = timezone.now()
        points = []
        for measure in measures:
            base = 100 + self.rng.randrange(900)
            for quarter, start in enumerate(starts):
                value = base + self.rng.randrange(-base // 5, base // 5 + 1) + quarter
                if measure.unit == "%":
                    value = 40 + (value % 55)
                points.append(
                    DataPoint(
                        measure=measure,
                        period_kind=DataPoint.PeriodKind.QUARTER,
                        period_start=start,
                        value=Decimal(value),
                        comparison_value=Decimal(value + self.rng.randrange(-20, 21)),
                        source="Lancashire Constabulary",
                        entered_by=self.publisher,
                        released_at=released_at,
                        released_by=self.publisher,
                    )
                )
        bulk_create_with_history(points, DataPoint, batch_size=2000)
        return f"{len(measures)} measures, {len(points):,} released figures"

    # --- spending ---------------------------------------------------------------------------

    def _spending(self):
        from transparency.models import Payment, SpendingUpload

        starts = [
            datetime.date(FIRST_YEAR + (3 + m) // 12, (3 + m) % 12 + 1, 1) for m in range(120)
        ]
        months = starts[-self.counts["months"] :]
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
                    uploaded_by=self.publisher,
                )
                payments = []
                for row in range(self.counts["payments"]):
                    payments.append(
                        Payment(
                            upload=upload,
                            row_number=row + 2,
                            paid_on=month + datetime.timedelta(days=row % 28),
                            reference=f"{month:%y%m}{row:04d}",
                            supplier=SUPPLIERS[self.rng.randrange(len(SUPPLIERS))],
                            expense_type="Grants and contributions",
                            service_area="Office of the Police and Crime Commissioner",
                            amount=Decimal(self.rng.randrange(50_000, 5_000_000)) / 100,
                        )
                    )
                Payment.objects.bulk_create(payments)
                upload.row_count = len(payments)
                upload.total = sum(p.amount for p in payments)
                upload.released_at = timezone.now()
                upload.save()
                publishing.publish(obj=upload, by=self.publisher, note=f"{len(payments)} payments.")
            released += 1
            rows += len(payments)
        return f"{released} months released, {rows:,} payments"
