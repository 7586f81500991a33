"""Reads for the transparency hub: the index with each item's freshness, and the registers as
filtered tables for the public pages and their CSV and JSON."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone

from pcc_portal.publications.models import Version
from plans.selectors import show_published_priorities

from . import freshness, sources
from .models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
    ItemDocument,
    Paragraph,
    Payment,
    SpecifiedItem,
)

# The index ----------------------------------------------------------------------------------


@dataclass
class IndexRow:
    item: SpecifiedItem
    freshness: freshness.Freshness
    url: str
    document: ItemDocument | None = None


@dataclass
class IndexSection:
    paragraph: str
    label: str
    rows: list = field(default_factory=list)


def index_rows(*, today=None):
    """Every item of the Order, in order, with where it is and how fresh it is."""
    today = today or timezone.localdate()
    items = list(SpecifiedItem.objects.in_order())
    documents = {}
    for document in ItemDocument.objects.public().order_by("item_id", "-published_on", "-pk"):
        documents.setdefault(document.item_id, document)
    publications, cache = {}, {}
    rows = []
    for item in items:
        document = None
        if item.source == SpecifiedItem.Source.PORTAL:
            source = sources.SOURCES.get(item.portal_source)
            if item.portal_source not in publications:
                publications[item.portal_source] = source.latest(cache) if source else None
            publication = publications[item.portal_source]
            last = publication.published_on if publication else None
            url = publication.url if publication else ""
        else:
            document = documents.get(item.pk)
            last = document.published_on if document else None
            url = document.get_absolute_url() if document else ""
        rows.append(
            IndexRow(
                item=item,
                freshness=freshness.assess(item.cadence, last, today=today),
                url=url,
                document=document,
            )
        )
    return rows


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


def financial_year(day):
    """The financial year containing ``day``, by the year it starts (2021 is 2021-22)."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start):
    return f"{start}-{str(start + 1)[-2:]}"


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


def published_entries(model, records=None):
    """``model``'s entries as their releases froze them (unsaved, for display only), each plan
    priority as its plan published it."""
    records = published_records(model) if records is None else records
    entries = [model.from_record(object_id=v.object_id, data=v.data) for v in records]
    if any(f.name == "priority" for f in model._meta.get_fields()):
        entries = show_published_priorities(entries)
    return entries


def month_param(params):
    """The first day of the month ``?month=YYYY-MM`` names, or None."""
    month = params.get("month", "")
    if not (len(month) == 7 and month[4] == "-" and month.isascii()):
        return None
    try:
        return date(int(month[:4]), int(month[5:]), 1)
    except ValueError:
        return None


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

    def _lookup(self, name):
        return name if self.is_spending else f"{name}_value"

    def _annotated(self, rows, *names):
        if self.is_spending:
            return rows
        return rows.annotate(**{f"{name}_value": _field(name) for name in names})

    def years(self):
        rows = self._annotated(self.rows(), self.date_field)
        span = rows.aggregate(
            first=models.Min(self._lookup(self.date_field)),
            last=models.Max(self._lookup(self.date_field)),
        )
        if not span["first"]:
            return []
        first, last = (
            date.fromisoformat(str(span[key])[:10])
            if not isinstance(span[key], date)
            else span[key]
            for key in ("first", "last")
        )
        return list(range(financial_year(last), financial_year(first) - 1, -1))

    def filtered(self, params):
        names = {self.date_field, *self.text_fields, *(f[2] for f in self.choice_filters)}
        rows = self._annotated(self.rows(), *names)
        date_lookup = self._lookup(self.date_field)
        year = params.get("year", "")
        if year.isdecimal() and len(year) == 4:  # "²" is a digit and 99999 a number, not years
            start = int(year)
            # ISO dates compare as text in the same order as dates.
            first, last = date(start, 4, 1), date(start + 1, 3, 31)
            if not self.is_spending:
                first, last = first.isoformat(), last.isoformat()
            rows = rows.filter(**{f"{date_lookup}__gte": first, f"{date_lookup}__lte": last})
        month = month_param(params) if self.is_spending else None
        if month is not None:
            rows = rows.filter(paid_on__year=month.year, paid_on__month=month.month)
        text = params.get("q", "").strip()
        if text:
            condition = models.Q()
            for name in self.text_fields:
                condition |= models.Q(**{f"{self._lookup(name)}__icontains": text})
            rows = rows.filter(condition)
        for parameter, _label, field_name, choices in self.choice_filters:
            value = params.get(parameter, "")
            if value and value in dict(choices):
                rows = rows.filter(**{self._lookup(field_name): value})
        return rows

    def record(self, entry):
        return {column.key: column.value(entry) for column in self.columns}

    def for_display(self, rows, *, chunk_size=1000):
        """``rows`` (a QuerySet or a page's list) read in chunks: spending's payments as they
        are, other registers' entries as their releases froze them."""
        if isinstance(rows, models.QuerySet):
            rows = rows.iterator(chunk_size=chunk_size)
        if self.is_spending:
            yield from rows
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
    return lambda entry: str(getattr(entry, name))


def _show_amount(name):
    return lambda entry: _money(getattr(entry, name))


def _display(name):
    return lambda entry: getattr(entry, f"get_{name}_display")()


def _sample(entry):
    return entry.is_sample


def _priority(entry):
    return str(entry.priority) if entry.priority_id else ""


SAMPLE = Column("Sample", "sample", _sample, lambda e: "Sample" if e.is_sample else "")

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
                Column("Category", "category", _display("category")),
                Column("Interest", "description", _text("description")),
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
            ordering=("holder", "category", "-registered_on"),
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
                Column("Date", "offered_on", _date("offered_on"), _show_date("offered_on")),
                Column("Offered to", "recipient", _text("recipient")),
                Column("Role", "recipient_role", _text("recipient_role")),
                Column("Offered by", "donor", _text("donor")),
                Column("Gift or hospitality", "kind", _display("kind")),
                Column("Description", "description", _text("description")),
                Column(
                    "Estimated value",
                    "estimated_value",
                    _amount("estimated_value"),
                    _show_amount("estimated_value"),
                ),
                Column("Accepted or declined", "outcome", _display("outcome")),
                SAMPLE,
            ),
            choice_filters=(
                ("outcome", "Accepted or declined", "outcome", GiftHospitality.Outcome.choices),
            ),
            ordering=("-offered_on",),
        ),
        Register(
            slug="spending",
            title="Spending over £500",
            singular="payment",
            description="Every payment over £500, published monthly. Payments to "
            "individuals are published without their names.",
            model=Payment,
            date_field="paid_on",
            text_fields=("supplier", "expense_type", "service_area"),
            columns=(
                Column("Date", "paid_on", _date("paid_on"), _show_date("paid_on")),
                Column("Transaction", "transaction", _text("reference")),
                Column("Supplier", "supplier", _text("supplier")),
                Column("Expense type", "expense_type", _text("expense_type")),
                Column("Service area", "service_area", _text("service_area")),
                Column("Amount", "amount", _amount("amount"), _show_amount("amount")),
            ),
        ),
        Register(
            slug="grants",
            title="Crime and disorder reduction grants",
            singular="grant",
            description="Each grant the Commissioner makes, with its conditions and the plan "
            "priority it serves.",
            model=Grant,
            date_field="awarded_on",
            text_fields=("recipient", "fund", "purpose"),
            columns=(
                Column("Awarded", "awarded_on", _date("awarded_on"), _show_date("awarded_on")),
                Column("Recipient", "recipient", _text("recipient")),
                Column("Fund", "fund", _text("fund")),
                Column("Amount", "amount", _amount("amount"), _show_amount("amount")),
                Column("Purpose", "purpose", _text("purpose")),
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
            description="Each contract worth more than £10,000.",
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
                SAMPLE,
            ),
            ordering=("-starts_on",),
        ),
    ]
}

# The registers staff edit entry by entry (spending comes in monthly files instead).
EDITABLE = {slug: r for slug, r in REGISTERS.items() if slug != "spending"}


def register_total(rows, register):
    if register.is_spending:
        return rows.aggregate(total=models.Sum("amount"))["total"] or Decimal("0")
    return None


def release_review(entry):
    """The check page for releasing ``entry``: each field exactly as the public will read it
    (the plan priority as its plan published it), on the register page, in its CSV and JSON,
    in search and the feeds."""
    from pcc_portal.publications.selectors import Part, review

    shown = entry.from_record(object_id=entry.pk, data=entry.publication_data())
    if any(f.name == "priority" for f in type(entry)._meta.get_fields()):
        show_published_priorities([shown])
    columns = FORWARD_PLAN_COLUMNS if entry.register == "forward-plan" else None
    columns = columns or REGISTERS[entry.register].columns
    parts = [
        Part(title=column.heading, detail=str(column.show(shown)) or "(empty)", pdf=False)
        for column in columns
        if column is not SAMPLE
    ]
    notes = ["It is marked as a sample entry."] if shown.is_sample else []
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
