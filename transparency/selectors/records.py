"""Registers as the public reads them: each entry's released record, and the ``Register``
that orders, filters and files a register's rows by year."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.urls import reverse

from pcc_portal.financial_year import financial_year_of
from pcc_portal.publications.models import Version
from plans.selectors import show_published_priorities

from ..filters import RegisterFilter
from ..models import Payment


def published_records(*, model):
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


def compared_records(*, model, records):
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


def published_entries(*, model, records=None):
    """``model``'s entries as their releases froze them (unsaved, for display only), each plan
    priority as its plan published it."""
    records = published_records(model=model) if records is None else records
    entries = [model.from_record(object_id=v.object_id, data=v.data) for v in records]
    if any(f.name == "priority" for f in model._meta.get_fields()):
        entries = show_published_priorities(objects=entries)
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
        return published_records(model=self.model).order_by(*order, "-object_id")

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
                    yield from show_published_priorities(objects=chunk)
                    chunk = []
            yield from show_published_priorities(objects=chunk)
            return
        chunk = []
        for version in rows:
            chunk.append(version)
            if len(chunk) == chunk_size:
                yield from published_entries(model=self.model, records=chunk)
                chunk = []
        yield from published_entries(model=self.model, records=chunk)


def register_total(*, rows, register):
    if register.is_spending:
        return rows.aggregate(total=models.Sum("amount"))["total"] or Decimal("0")
    return None
