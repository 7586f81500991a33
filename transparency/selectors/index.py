"""The Specified Information index as the public reads it: each item of the Order, where it
is published and how fresh it is."""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from .. import freshness, sources
from ..models import Cadence, InspectionReport, ItemDocument, Paragraph, SpecifiedItem

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


def dashboard_attention(*, today=None):
    """For the staff dashboard: index items overdue, due soon or missing, worst first."""
    rows = [row for row in index_rows(today=today) if row.freshness.needs_attention]
    order = {"overdue": 0, "due-soon": 1, "missing": 2}
    return sorted(rows, key=lambda row: (order[row.freshness.status], row.freshness.due_on or 0))


def index_sections(*, rows):
    sections = {value: IndexSection(value, label) for value, label in Paragraph.choices}
    for row in rows:
        sections[row.item.paragraph].rows.append(row)
    return [section for section in sections.values() if section.rows]


def status_counts(*, rows):
    counts = dict.fromkeys(freshness.Status.LABELS, 0)
    for row in rows:
        counts[row.freshness.status] += 1
    return [(freshness.Status.LABELS[s], freshness.Status.TAGS[s], n) for s, n in counts.items()]
