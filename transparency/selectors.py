"""Reads for the transparency hub: the index with each item's freshness, and the registers as
filtered tables for the public pages and their CSV and JSON."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags

from pcc_portal.financial_year import financial_year_of
from pcc_portal.publications.models import Version
from plans.selectors import show_published_priorities

from . import freshness, sources
from .filters import RegisterFilter
from .models import (
    Cadence,
    Contract,
    ContractCopy,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    InspectionReport,
    Interest,
    ItemDocument,
    Paragraph,
    Payment,
    SmallContract,
    SpecifiedItem,
    SpendingUpload,
)

# The index ----------------------------------------------------------------------------------


# The two items read against HMICFRS reports recorded in ``InspectionReport``.
PEEL_ITEM = "peel-report"
RESPONSES_ITEM = "hmicfrs-responses"


@dataclass
class IndexRow:
    item: SpecifiedItem
    freshness: freshness.Freshness
    url: str
    document: ItemDocument | None = None
    # The PEEL report shown is not the latest: a newer inspection has been recorded.
    superseded: bool = False


def _latest_documents():
    """Each item's newest public document: the one covering the latest period."""
    documents = {}
    for document in ItemDocument.objects.public().order_by(
        "item_id", models.F("period_to").desc(nulls_last=True), "-published_on", "-pk"
    ):
        documents.setdefault(document.item_id, document)
    return documents


def _peel_row(item, today):
    """Para 7B asks for the most recent PEEL report: a newer PEEL inspection recorded makes the
    one on the index superseded, due (by the day the Commissioner's comments on it are due) and
    then overdue, never "current" again until its report is published here."""
    documents = list(
        ItemDocument.objects.public()
        .filter(item=item)
        .select_related("inspection")
        .order_by(models.F("inspection__published_on").desc(nulls_last=True), "-pk")
    )
    latest = InspectionReport.objects.filter(kind=InspectionReport.Kind.PEEL).first()
    document = documents[0] if documents else None
    last = document.published_on if document else None
    if latest is None or any(d.inspection_id == latest.pk for d in documents):
        status = freshness.Status.CURRENT if document else freshness.Status.MISSING
        fresh = freshness.Freshness(status=status, last_published=last, due_on=None)
        return IndexRow(item, fresh, document.get_absolute_url() if document else "", document)
    deadline = freshness.Deadline(what=latest.title, due_on=latest.response_due_on)
    status = freshness.Status.OVERDUE if today > deadline.due_on else freshness.Status.DUE_SOON
    fresh = freshness.Freshness(
        status=status, last_published=last, due_on=deadline.due_on, outstanding=(deadline,)
    )
    url = document.get_absolute_url() if document else ""
    return IndexRow(item, fresh, url, document, superseded=document is not None)


def _responses_row(item, document, today):
    """Police Act 1996 s55: the Commissioner's comments on each HMICFRS report are published
    within 56 days of it."""
    answered = set(
        ItemDocument.objects.public()
        .filter(item=item, inspection__isnull=False)
        .values_list("inspection_id", flat=True)
    )
    deadlines = [
        freshness.Deadline(what=report.title, due_on=report.response_due_on, url=report.url)
        for report in InspectionReport.objects.exclude(pk__in=answered)
    ]
    fresh = freshness.assess_as_made(
        deadlines, today=today, last_published=document.published_on if document else None
    )
    return IndexRow(item, fresh, document.get_absolute_url() if document else "", document)


def index_rows(*, today=None):
    """Every item of the Order, in order, with where it is and how fresh it is."""
    today = today or timezone.localdate()
    items = list(SpecifiedItem.objects.in_order())
    documents = _latest_documents()
    publications, cache = {}, {"today": today}
    rows = []
    for item in items:
        if item.source == SpecifiedItem.Source.PORTAL:
            source = sources.SOURCES.get(item.portal_source)
            if item.portal_source not in publications:
                publications[item.portal_source] = source.latest(cache) if source else None
            publication = publications[item.portal_source]
            last = publication.published_on if publication else None
            if item.cadence == Cadence.AS_MADE:
                fresh = freshness.assess_as_made(
                    publication.deadlines if publication else (), today=today, last_published=last
                )
            else:
                fresh = freshness.assess(
                    item.cadence,
                    publication.covered_to if publication else None,
                    covered_from=publication.covered_from if publication else None,
                    last_published=last,
                    today=today,
                    as_at=publication.as_at if publication else False,
                )
            url = publication.url if publication and last else ""
            rows.append(IndexRow(item=item, freshness=fresh, url=url))
            continue
        document = documents.get(item.pk)
        if item.code == PEEL_ITEM:
            rows.append(_peel_row(item, today))
            continue
        if item.code == RESPONSES_ITEM:
            rows.append(_responses_row(item, document, today))
            continue
        last = document.published_on if document else None
        if item.cadence == Cadence.AS_MADE:
            fresh = freshness.assess_as_made((), today=today, last_published=last)
        else:
            fresh = freshness.assess(
                item.cadence,
                document.period_to if document else None,
                covered_from=document.period_from if document else None,
                last_published=last,
                today=today,
            )
        url = document.get_absolute_url() if document else ""
        rows.append(IndexRow(item=item, freshness=fresh, url=url, document=document))
    return rows


@dataclass
class IndexSection:
    paragraph: str
    label: str
    rows: list = field(default_factory=list)


def index_sections(rows):
    sections = {value: IndexSection(value, label) for value, label in Paragraph.choices}
    for row in rows:
        sections[row.item.paragraph].rows.append(row)
    return [section for section in sections.values() if section.rows]


def status_counts(rows):
    counts = dict.fromkeys(freshness.Status.LABELS, 0)
    for row in rows:
        counts[row.freshness.status] += 1
    return [(freshness.Status.LABELS[s], freshness.Status.TAGS[s], n) for s, n in counts.items()]


# Registers ----------------------------------------------------------------------------------


def _money(value):
    return f"£{value:,.2f}"


@dataclass(frozen=True)
class Column:
    heading: str
    key: str  # the CSV and JSON field name
    value: object  # entry -> value for CSV/JSON
    display: object = None  # entry -> text for the page; defaults to value

    def show(self, entry):
        return (self.display or self.value)(entry)


def published_records(model):
    """The record versions the public reads for ``model``'s entries: for each entry released
    and not withdrawn, its newest release. Filter on ``data__fields__<field>``."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    newer = Version.objects.public().filter(
        content_type=models.OuterRef("content_type"),
        object_id=models.OuterRef("object_id"),
        number__gt=models.OuterRef("number"),
    )
    return (
        Version.objects.public()
        .filter(content_type=content_type, kind=Version.Kind.RECORD)
        .exclude(models.Exists(newer))
        .defer("html", "document_html", "text")
    )


def compared_records(model, records):
    """Of ``records`` (released entries' live record versions), the entry ids of those with an
    earlier public release to compare with: one query for a page of a register."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    live = {record.object_id: record.number for record in records}
    first = (
        Version.objects.public()
        .filter(content_type=content_type, object_id__in=list(live))
        .values("object_id")
        .annotate(first=models.Min("number"))
    )
    return {row["object_id"] for row in first if row["first"] < live[row["object_id"]]}


def published_entries(model, records=None):
    """``model``'s entries as their releases froze them (unsaved, for display only), each plan
    priority as its plan published it."""
    records = published_records(model) if records is None else records
    entries = [model.from_record(object_id=v.object_id, data=v.data) for v in records]
    if any(f.name == "priority" for f in model._meta.get_fields()):
        entries = show_published_priorities(entries)
    return entries


def _field(name):
    """A released record's field as text, for filters and ordering (ISO dates order as text)."""
    return Cast(KT(f"data__fields__{name}"), models.TextField())


@dataclass(frozen=True)
class Register:
    slug: str
    title: str
    singular: str
    description: str
    model: type
    date_field: str
    text_fields: tuple
    columns: tuple
    choice_filters: tuple = ()  # (parameter, label, field, choices)
    ordering: tuple = ()  # fields of the released record, "-" for descending
    plural: str = ""  # when the plural is not the singular and an "s" ("gifts or hospitality")
    plural_name = property(lambda self: self.plural or f"{self.singular}s")  # "3 payments"
    # Registers kept by financial year: the field holding it, which the year filter reads (an
    # entry released before the field existed is filed by its date).
    year_field: str = ""
    url_name: str = ""  # a register with its own address, not /transparency/<slug>/

    def url(self):
        if self.url_name:
            return reverse(self.url_name)
        return reverse("transparency:register", kwargs={"register": self.slug})

    @property
    def is_spending(self):
        return self.model is Payment

    def rows(self):
        """Spending: the rows of released months. Other registers: each entry's release."""
        if self.is_spending:
            return Payment.objects.public().select_related("upload")
        order = [
            models.OrderBy(_field(name.lstrip("-")), descending=name.startswith("-"))
            for name in self.ordering
        ]
        return published_records(self.model).order_by(*order, "-object_id")

    def lookup(self, name):
        """Where the rows hold the field ``name``: a payment's own field, a release's annotation."""
        return name if self.is_spending else f"{name}_value"

    def _annotated(self, rows, *names):
        if self.is_spending:
            return rows
        return rows.annotate(**{f"{name}_value": _field(name) for name in names})

    def years(self):
        if self.year_field:
            rows = self._annotated(self.rows(), self.year_field, self.date_field)
            years = {int(y) for y in rows.values_list(f"{self.year_field}_value", flat=True) if y}
            years |= {
                financial_year_of(date.fromisoformat(str(d)[:10]))
                for d in rows.filter(**{f"{self.year_field}_value__isnull": True}).values_list(
                    f"{self.date_field}_value", flat=True
                )
                if d
            }
            return sorted(years, reverse=True)
        rows = self._annotated(self.rows(), self.date_field)
        span = rows.aggregate(
            first=models.Min(self.lookup(self.date_field)),
            last=models.Max(self.lookup(self.date_field)),
        )
        if not span["first"]:
            return []
        first, last = (
            date.fromisoformat(str(span[key])[:10])
            if not isinstance(span[key], date)
            else span[key]
            for key in ("first", "last")
        )
        return list(range(financial_year_of(last), financial_year_of(first) - 1, -1))

    def filtered(self, params):
        """The rows that the filters in ``params`` (a query string's values) select."""
        names = {self.date_field, *self.text_fields, *(f[2] for f in self.choice_filters)}
        if self.year_field:
            names.add(self.year_field)
        rows = self._annotated(self.rows(), *names)
        return RegisterFilter(params, queryset=rows, register=self).qs

    def record(self, entry):
        return {column.key: column.value(entry) for column in self.columns}

    def for_display(self, rows, *, chunk_size=1000):
        """``rows`` (a QuerySet or a page's list) read in chunks: spending's payments as they
        are, other registers' entries as their releases froze them."""
        if isinstance(rows, models.QuerySet):
            rows = rows.iterator(chunk_size=chunk_size)
        if self.is_spending:
            # Each payment's plan priority as its plan published it.
            chunk = []
            for payment in rows:
                chunk.append(payment)
                if len(chunk) == chunk_size:
                    yield from show_published_priorities(chunk)
                    chunk = []
            yield from show_published_priorities(chunk)
            return
        chunk = []
        for version in rows:
            chunk.append(version)
            if len(chunk) == chunk_size:
                yield from published_entries(self.model, chunk)
                chunk = []
        yield from published_entries(self.model, chunk)


def _date(name):
    return lambda entry: getattr(entry, name).isoformat() if getattr(entry, name) else ""


def _show_date(name):
    return lambda entry: f"{getattr(entry, name):%-d %b %Y}" if getattr(entry, name) else ""


def _text(name):
    return lambda entry: str(getattr(entry, name))


def _amount(name):
    return lambda entry: "" if getattr(entry, name) is None else str(getattr(entry, name))


def _show_amount(name):
    return lambda entry: "" if getattr(entry, name) is None else _money(getattr(entry, name))


def _display(name):
    return lambda entry: getattr(entry, f"get_{name}_display")()


def _sample(entry):
    return entry.is_sample


def _priority(entry):
    return str(entry.priority) if entry.priority_id else ""


SAMPLE = Column("Sample", "sample", _sample, lambda e: "Sample" if e.is_sample else "")
PERIOD = Column(
    "Financial year",
    "financial_year",
    lambda e: e.period if e.financial_year else "",
)
NIL_RETURN = Column(
    "Nil return",
    "nil_return",
    lambda e: e.is_nil_return,
    lambda e: "Nil return" if e.is_nil_return else "",
)


def _or_nil_return(name):
    """The field, or for a nil return the statement it makes."""
    return lambda entry: (
        entry.nil_return_statement if entry.is_nil_return else str(getattr(entry, name))
    )


def _copy_url(kind):
    return lambda entry: entry.copy_url(kind)


def _show_copy(kind):
    def show(entry):
        url = entry.copy_url(kind)
        if not url:
            return "None published" if kind == ContractCopy.CONTRACT else ""
        label = "Contract" if kind == ContractCopy.CONTRACT else "Invitation to tender"
        redacted = getattr(entry, f"{kind}_copy_redacted_because")
        untagged = getattr(entry, f"{kind}_copy_tagged") is False
        return format_html(
            '<a class="govuk-link" href="{}">{} (PDF)</a>{}{}',
            url,
            label,
            format_html("<br>Redacted: {}", redacted) if redacted else "",
            format_html("<br>{}", "Not an accessible (tagged) PDF") if untagged else "",
        )

    return show


def _source(payment):
    return payment.upload.get_source_display()


REGISTERS = {
    register.slug: register
    for register in [
        Register(
            slug="interests",
            title="Register of interests",
            singular="interest",
            description="The interests of the Commissioner and the Deputy Commissioner that "
            "might be thought to influence their work.",
            model=Interest,
            date_field="registered_on",
            text_fields=("holder", "description"),
            columns=(
                Column("Office holder", "holder", _text("holder")),
                Column("Office", "office", _text("office")),
                PERIOD,
                Column("Category", "category", _display("category")),
                Column(
                    "Interest", "description", _text("description"), _or_nil_return("description")
                ),
                NIL_RETURN,
                Column(
                    "Registered",
                    "registered_on",
                    _date("registered_on"),
                    _show_date("registered_on"),
                ),
                Column("Ended", "ended_on", _date("ended_on"), _show_date("ended_on")),
                SAMPLE,
            ),
            choice_filters=(("category", "Category", "category", Interest.Category.choices),),
            ordering=("holder", "-financial_year", "category", "-registered_on"),
            year_field="financial_year",
        ),
        Register(
            slug="gifts-and-hospitality",
            title="Gifts and hospitality",
            singular="gift or hospitality",
            plural="gifts or hospitality",
            description="Gifts and hospitality offered to the office holders and staff, and "
            "whether each was accepted or declined.",
            model=GiftHospitality,
            date_field="offered_on",
            text_fields=("recipient", "donor", "description"),
            columns=(
                PERIOD,
                Column("Date", "offered_on", _date("offered_on"), _show_date("offered_on")),
                Column("Offered to", "recipient", _text("recipient")),
                Column("Role", "recipient_role", _text("recipient_role")),
                Column("Offered by", "donor", _text("donor")),
                Column("Gift or hospitality", "kind", _display("kind")),
                Column(
                    "Description",
                    "description",
                    _text("description"),
                    _or_nil_return("description"),
                ),
                Column(
                    "Estimated value",
                    "estimated_value",
                    _amount("estimated_value"),
                    _show_amount("estimated_value"),
                ),
                Column("Accepted or declined", "outcome", _display("outcome")),
                NIL_RETURN,
                SAMPLE,
            ),
            choice_filters=(
                ("outcome", "Accepted or declined", "outcome", GiftHospitality.Outcome.choices),
            ),
            ordering=("-financial_year", "-offered_on"),
            year_field="financial_year",
        ),
        Register(
            slug="spending",
            title="Spending over £500",
            singular="payment",
            description="Every payment over £500 by the Commissioner and by the Chief "
            "Constable, published monthly, with its purpose and why it is value for money. "
            "Payments to individuals are published without their names.",
            model=Payment,
            date_field="paid_on",
            text_fields=("supplier", "expense_type", "service_area", "purpose"),
            columns=(
                Column("Date", "paid_on", _date("paid_on"), _show_date("paid_on")),
                Column("Spent by", "spent_by", _source),
                Column("Transaction", "transaction", _text("reference")),
                Column("Supplier", "supplier", _text("supplier")),
                Column("Expense type", "expense_type", _text("expense_type")),
                Column("Service area", "service_area", _text("service_area")),
                Column("Purpose", "purpose", _text("purpose")),
                Column("Why it is value for money", "value_for_money", _text("value_for_money")),
                Column("Plan priority", "priority", _priority),
                Column("Amount", "amount", _amount("amount"), _show_amount("amount")),
            ),
            choice_filters=(
                ("source", "Spent by", "upload__source", SpendingUpload.Source.choices),
            ),
        ),
        Register(
            slug="grants",
            title="Crime and disorder reduction grants",
            singular="grant",
            description="Each grant the Commissioner makes, with its conditions, why it is "
            "expected to reduce crime and disorder, and the plan priority it serves.",
            model=Grant,
            date_field="awarded_on",
            text_fields=("recipient", "fund", "purpose"),
            columns=(
                Column("Awarded", "awarded_on", _date("awarded_on"), _show_date("awarded_on")),
                Column("Recipient", "recipient", _text("recipient")),
                Column("Fund", "fund", _text("fund")),
                Column("Amount", "amount", _amount("amount"), _show_amount("amount")),
                Column("Purpose", "purpose", _text("purpose")),
                Column(
                    "Why it is expected to reduce crime and disorder",
                    "crime_reduction_reasons",
                    _text("crime_reduction_reasons"),
                ),
                Column("Conditions", "conditions", _text("conditions")),
                Column("Plan priority", "priority", _priority),
                SAMPLE,
            ),
            ordering=("-awarded_on",),
        ),
        Register(
            slug="contracts",
            title="Contracts over £10,000",
            singular="contract",
            description="Each contract worth more than £10,000, with a copy of the contract and "
            "of the invitation to tender (redacted copies say why).",
            model=Contract,
            date_field="starts_on",
            text_fields=("reference", "title", "supplier"),
            columns=(
                Column("Reference", "reference", _text("reference")),
                Column("Contract", "title", _text("title")),
                Column("Supplier", "supplier", _text("supplier")),
                Column("Value", "value", _amount("value"), _show_amount("value")),
                Column("Starts", "starts_on", _date("starts_on"), _show_date("starts_on")),
                Column("Ends", "ends_on", _date("ends_on"), _show_date("ends_on")),
                Column("Procured by", "procurement", _text("procurement")),
                Column("Plan priority", "priority", _priority),
                Column(
                    "Copies",
                    "contract_copy_url",
                    _copy_url(ContractCopy.CONTRACT),
                    _show_copy(ContractCopy.CONTRACT),
                ),
                Column(
                    "Contract copy redacted because",
                    "contract_copy_redacted_because",
                    _text("contract_copy_redacted_because"),
                    lambda e: "",
                ),
                Column(
                    "Invitation to tender",
                    "tender_copy_url",
                    _copy_url(ContractCopy.TENDER),
                    _show_copy(ContractCopy.TENDER),
                ),
                Column(
                    "Invitation to tender redacted because",
                    "tender_copy_redacted_because",
                    _text("tender_copy_redacted_because"),
                    lambda e: "",
                ),
                SAMPLE,
            ),
            ordering=("-starts_on",),
        ),
        Register(
            slug="small-contracts",
            title="Contracts of £10,000 or less",
            singular="contract",
            description="Each contract worth £10,000 or less: its value, the parties to it and "
            "what the money is spent on.",
            model=SmallContract,
            date_field="agreed_on",
            text_fields=("reference", "parties", "purpose"),
            columns=(
                Column("Agreed", "agreed_on", _date("agreed_on"), _show_date("agreed_on")),
                Column("Reference", "reference", _text("reference")),
                Column("Parties", "parties", _text("parties")),
                Column("Purpose", "purpose", _text("purpose")),
                Column("Value", "value", _amount("value"), _show_amount("value")),
                SAMPLE,
            ),
            ordering=("-agreed_on",),
            url_name="transparency:small_contracts",
        ),
    ]
}

# The registers staff edit entry by entry (spending comes in monthly files instead).
EDITABLE = {slug: r for slug, r in REGISTERS.items() if slug != "spending"}


def register_total(rows, register):
    if register.is_spending:
        return rows.aggregate(total=models.Sum("amount"))["total"] or Decimal("0")
    return None


def _contract_copy_notes(contract):
    """What the check page says of a contract's copies: they become public with the release."""
    notes = []
    for kind, label in ContractCopy.choices:
        if not contract.copy_file(kind):
            if kind == ContractCopy.CONTRACT:
                notes.append(
                    "No copy of the contract is attached: the Order asks for one for each "
                    "contract over £10,000."
                )
            continue
        note = f"{label} (PDF) becomes public with this release"
        redacted = getattr(contract, f"{kind}_copy_redacted_because")
        note += f", redacted because: {redacted}." if redacted else ", not redacted."
        if getattr(contract, f"{kind}_copy_tagged") is False:
            note += " It is not a tagged PDF, so it may not suit assistive technology."
        notes.append(note)
    return notes


def release_review(entry):
    """The check page for releasing ``entry``: each field exactly as the public will read it
    (the plan priority as its plan published it), on the register page, in its CSV and JSON,
    in search and the feeds."""
    from pcc_portal.publications.selectors import Part, review

    shown = entry.from_record(object_id=entry.pk, data=entry.publication_data())
    if any(f.name == "priority" for f in type(entry)._meta.get_fields()):
        show_published_priorities([shown])
    columns = ALL_REGISTERS[entry.register].columns
    parts = [
        Part(
            title=column.heading,
            detail=strip_tags(str(column.show(shown)).replace("<br>", "; ")) or "(empty)",
            pdf=False,
        )
        for column in columns
        if column is not SAMPLE
    ]
    notes = ["It is marked as a sample entry."] if shown.is_sample else []
    if isinstance(shown, Contract):
        notes += _contract_copy_notes(shown)
    return review(
        entry,
        parts=parts,
        claims=[
            "A register entry has no PDF: the public reads these fields on the register page, "
            "in its CSV and JSON, in search and in the feeds. Edits made after this release "
            "stay private until the next one."
        ],
        notes=notes,
    )


# The forward plan ---------------------------------------------------------------------------

FORWARD_PLAN_COLUMNS = (
    Column("Decision", "title", _text("title")),
    Column("Summary", "summary", _text("summary")),
    Column("Expected", "expected_on", _date("expected_on"), lambda e: f"{e.expected_on:%B %Y}"),
    Column("Decision maker", "decision_maker", _text("decision_maker")),
    Column("Plan priority", "priority", _priority),
    Column("Restriction", "restriction_reason", _text("restriction_reason")),
    Column("Decision made", "decision", lambda e: str(e.signed_decision or "")),
)

# The forward plan as a register: its page is the forward plan's own, under the decisions, so
# it is not one of REGISTERS' pages.
FORWARD_PLAN = Register(
    slug="forward-plan",
    title="Forward plan",
    singular="decision expected",
    description="Decisions of significant public interest the Commissioner expects to make, "
    "and the decisions they became.",
    model=ForwardPlanEntry,
    date_field="expected_on",
    text_fields=("title", "summary", "decision_maker"),
    columns=FORWARD_PLAN_COLUMNS,
    ordering=("expected_on",),
    url_name="transparency:forward_plan",
)
# Every register, the forward plan's included: the API lists them, and a release's check page
# and an import read their columns.
ALL_REGISTERS = {**REGISTERS, FORWARD_PLAN.slug: FORWARD_PLAN}


def forward_plan(*, today=None):
    """Released entries expected from the start of last month on, soonest first, each as its
    release froze it, and for six months more those whose decision has been made, with its
    notice."""
    today = today or timezone.localdate()
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    records = (
        published_records(ForwardPlanEntry)
        .annotate(expected=_field("expected_on"))
        .filter(expected__gte=start.isoformat())
        .order_by("expected", "object_id")
    )
    return published_entries(ForwardPlanEntry, records)
