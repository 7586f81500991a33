"""What each alert topic follows: the entries of its Atom feed and of its email digest.

Entries come from published versions (decisions, meeting papers, register entries' releases) and
from this app's published documents, each through its model's ``public()`` QuerySet; withdrawn
versions and restricted decisions never appear. An app that has not been built yet contributes
nothing.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db import models

from decisions.models import Decision, PriorityScope
from panel.models import AgendaPack, Report
from performance.models import ScrutinyMeeting

from .models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
    ItemDocument,
    SpendingUpload,
    Topic,
)
from .selectors import published_records

logger = logging.getLogger(__name__)

LIMIT = 50

TOPIC_MODELS = {
    Topic.DECISIONS: ["decisions.decision"],
    Topic.MEETINGS: ["panel.agendapack", "panel.minutes", "panel.report"],
}


@dataclass(frozen=True)
class FeedEntry:
    uid: str
    title: str
    url: str
    published_at: datetime
    summary: str
    kind: str


def _public(model, ids):
    """The public objects of ``model`` among ``ids``, by the model's own QuerySet."""
    objects = model._default_manager.public().filter(pk__in=ids)
    if any(f.name == "is_restricted" for f in model._meta.get_fields()):
        objects = objects.filter(is_restricted=False)
    return {obj.pk: obj for obj in objects}


def _version_entries(labels, *, since=None, only=None):
    """Entries for published versions of the models ``labels``; ``only`` limits them to
    {label: ids}."""
    from pcc_portal.publications.models import Version

    condition = models.Q(pk__in=[])
    for label in labels:
        app_label, model_name = label.split(".")
        part = models.Q(content_type__app_label=app_label, content_type__model=model_name)
        if only is not None:
            part &= models.Q(object_id__in=only.get(label, []))
        condition |= part
    # Withdrawn versions leave the feeds, even when a later version is public again.
    versions = Version.objects.public().filter(condition).select_related("content_type")
    if since is not None:
        versions = versions.filter(ready_at__gt=since)
    versions = list(versions.order_by("-ready_at")[:LIMIT].defer("html", "document_html", "text"))
    by_type = {}
    for version in versions:
        by_type.setdefault(version.content_type, set()).add(version.object_id)
    objects = {}
    for content_type, ids in by_type.items():
        model = content_type.model_class()
        if model is None:
            continue
        objects[content_type.pk] = _public(model, ids)
    entries = []
    for version in versions:
        obj = objects.get(version.content_type_id, {}).get(version.object_id)
        if obj is None:
            continue
        entries.append(
            FeedEntry(
                uid=f"version-{version.pk}",
                title=version.title
                if version.number == 1
                else f"{version.title} (version {version.number})",
                url=obj.get_absolute_url(),
                published_at=version.ready_at or version.published_at,
                summary=version.change_note,
                kind=version.document_type,
            )
        )
    return entries


def _document_entries(*, since=None):
    documents = ItemDocument.objects.public().select_related("item")
    if since is not None:
        documents = documents.filter(created_at__gt=since)
    return [
        FeedEntry(
            uid=f"document-{d.pk}",
            title=f"{d.item.title}: {d.title}",
            url=d.get_absolute_url(),
            published_at=d.created_at,
            summary=d.item.description,
            kind="document",
        )
        for d in documents.order_by("-created_at")[:LIMIT]
    ]


def _priority_entries(priority, *, since=None):
    """What follows a priority: its decisions, the agenda packs carrying panel reports about it,
    the notes of scrutiny meetings that raised actions on it, its grants and forward plan."""
    decisions = Decision.objects.filter(
        models.Q(priorities=priority) | models.Q(priority_scope=PriorityScope.ALL)
    )
    reports = Report.objects.public().filter(priorities=priority)
    only = {
        "decisions.decision": list(decisions.values_list("pk", flat=True).distinct()),
        "panel.agendapack": list(
            AgendaPack.objects.filter(meeting__reports__in=reports).values_list("pk", flat=True)
        ),
        "performance.scrutinymeeting": list(
            ScrutinyMeeting.objects.filter(actions__priorities=priority).values_list(
                "pk", flat=True
            )
        ),
    }
    # Grants and forward plan entries serve the priority their release froze, not a later edit.
    for model in (Grant, ForwardPlanEntry):
        only[model._meta.label_lower] = list(
            published_records(model=model)
            .filter(data__fields__priority_id=priority.pk)
            .values_list("object_id", flat=True)
        )
    return _version_entries(list(only), since=since, only=only)


def feed_entries(*, topic, priority=None, since=None):
    """The newest entries for a topic, newest first."""
    if topic in TOPIC_MODELS:
        labels = [label for label in TOPIC_MODELS[topic] if _installed(label)]
        entries = _version_entries(labels, since=since)
    elif topic == Topic.PRIORITY:
        entries = _priority_entries(priority, since=since)
    else:
        entries = _document_entries(since=since) + _version_entries(
            [
                model._meta.label_lower
                for model in (
                    Interest,
                    GiftHospitality,
                    Grant,
                    Contract,
                    SpendingUpload,
                    ForwardPlanEntry,
                )
            ],
            since=since,
        )
    return sorted(entries, key=lambda e: e.published_at, reverse=True)[:LIMIT]


def _installed(label):
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True
