"""Writing the search index: only published, unrestricted content, with the text inside its PDF."""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from pcc_portal.publications.pdf_safety import extract_text

from ..models import SearchEntry

# Logged under the package's name, as it was before the package was split into modules.
logger = logging.getLogger(__package__)

MAX_BODY = 400_000  # characters kept per document: PostgreSQL's tsvector holds at most 1 MB


def _content_type(obj):
    return ContentType.objects.get_for_model(obj, for_concrete_model=False)


def is_public(obj):
    """Published and not restricted, by the object's own QuerySet: the one rule for visibility."""
    if getattr(obj, "is_restricted", False):
        return False
    manager = type(obj)._default_manager
    if not hasattr(manager, "public"):
        return False
    return manager.public().filter(pk=obj.pk).exists()


def pdf_text(version):
    """The text inside the version's published PDF, or "" if there is none or it cannot be read."""
    return extract_text(version.pdf, max_chars=MAX_BODY) if version.pdf else ""


# Where things keep their own date, for the year filter: a decision is filed under the year it
# was made, a meeting's pack, papers and minutes under the meeting's, a report under its period,
# never under the day it was put online (a 2021 pack loaded in 2026 is a 2021 pack).
OWN_DATES = (
    "decision_date",
    "meeting_date",
    "meeting.date",
    "period.end",
    "period_end",
    "date",
    "term_start",
)


def _own_date(obj):
    for path in OWN_DATES:
        value = obj
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                break
        if isinstance(value, datetime.date):
            return value
    return None


def _year(obj, fallback):
    year = getattr(obj, "search_year", None)
    if callable(year):
        year = year()
    own = _own_date(obj)
    return year or (own.year if own else fallback.year)


def _store(obj, *, kind, title, body, url, year, published_at):
    entry, _ = SearchEntry.objects.update_or_create(
        content_type=_content_type(obj),
        object_id=obj.pk,
        defaults={
            "kind": kind,
            "title": title[:300],
            "body": body[:MAX_BODY],
            "url": url,
            "year": year,
            "published_at": published_at,
        },
    )
    return entry


def index_version(version):
    """Put a ready version of a published, unrestricted object in the index (replacing the
    object's earlier version), or take the object out if it is no longer public.

    Called inside the transaction that makes the version public: a failure here is logged
    and leaves the object out of search (never stale), without undoing the publication."""
    try:
        with transaction.atomic():
            return _index_version(version)
    except Exception:
        logger.exception("could not index %s for search; it is left out of search", version)
        obj = version.content_object
        if obj is not None:
            with transaction.atomic():
                remove_object(obj)
        return None


def _index_version(version):
    from pcc_portal.publications.models import Version

    if version.status != Version.Status.READY:
        return None
    obj = version.content_object
    if obj is None:
        return None
    if not is_public(obj):
        remove_object(obj)
        return None
    latest = Version.objects.latest_ready_for(obj)
    if latest is not None and latest.number > version.number:
        return None  # a later version is (or will be) indexed instead
    inside = pdf_text(version) if getattr(obj, "search_reads_pdf", True) else ""
    body = version.text or ""
    if inside and inside.strip() != body.strip():
        body = f"{body}\n{inside}"
    entry = _store(
        obj,
        kind=version.document_type,
        title=version.title,
        body=body,
        url=obj.get_absolute_url(),
        year=(version.data or {}).get("year")
        or _year(obj, timezone.localtime(version.published_at)),
        published_at=version.published_at,
    )
    if obj._meta.label_lower == "plans.plan":
        for measure in obj.measures.select_related("plan", "priority"):
            index_object(measure)
    return entry


def _measure_document(measure):
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("performance:measure", kwargs={"pk": measure.pk})
    except NoReverseMatch:
        url = measure.priority.get_absolute_url() if measure.priority_id else ""
        url = url or measure.plan.get_absolute_url()
    where = str(measure.priority) if measure.priority_id else measure.theme
    return {
        "kind": "measure",
        "title": measure.wording,
        "body": f"{measure.wording}\n{where}\n{measure.plan.title}",
        "url": url,
        "year": measure.plan.term_start.year,
        "published_at": timezone.now(),
    }


def index_object(obj):
    """Index something published without versions of its own (a measure of a published plan):
    it describes itself with ``search_document()``; anything not public is removed."""
    if obj._meta.label_lower == "plans.measure":
        if not is_public(obj.plan):
            return remove_object(obj)
        return _store(obj, **_measure_document(obj))
    if not is_public(obj):
        return remove_object(obj)
    return _store(obj, **obj.search_document())


def remove_object(obj):
    """Take ``obj`` out of the index. Call it in the transaction that unpublishes or restricts.
    A plan's measures, indexed because the plan is public, go with it."""
    SearchEntry.objects.filter(content_type=_content_type(obj), object_id=obj.pk).delete()
    if obj._meta.label_lower == "plans.plan":
        measures = list(obj.measures.values_list("pk", flat=True))
        if measures:
            from django.apps import apps

            SearchEntry.objects.filter(
                content_type=_content_type(apps.get_model("plans", "Measure")),
                object_id__in=measures,
            ).delete()


def rebuild_index():
    """Index everything published, from scratch; returns the number of entries."""
    from pcc_portal.publications.models import Version

    SearchEntry.objects.all().delete()
    latest = (
        Version.objects.public()
        .values("content_type", "object_id")
        .annotate(number=models.Max("number"))
    )
    for row in latest:
        version = (
            Version.objects.public()
            .filter(content_type=row["content_type"], object_id=row["object_id"])
            .get(number=row["number"])
        )
        index_version(version)
    return SearchEntry.objects.count()
