"""Importing a committee's meetings from Modern.gov, the system a panel used before the portal.

``import_moderngov`` reads a committee's meetings from Modern.gov (``imports.moderngov``), then
applies them in one transaction: a malformed file, or anything that fails on the way in, leaves
the portal as it was and the run's report says why. Each imported meeting's agenda pack (and its
minutes, where the source published them) goes out through the one publishing mechanism, as the
secretary publishes them, with the change note "Imported from the previous system on <date>".
A re-run changes nothing for a meeting whose source is unchanged; a meeting changed at the
source gets its agenda replaced and its pack published again as a new version saying what
changed.
"""

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from panel.models import AgendaItem, Meeting, Panel
from panel.services import meetings as meeting_services
from panel.services import packs, proceedings
from pcc_portal.history.recording import recorded_as
from pcc_portal.publications.pdf_safety import InvalidPDF

from .. import moderngov
from ..models import ImportedRecord, ImportRun
from .base import ImportFailed

logger = logging.getLogger(__name__)

EXEMPT_REASON = "Exempt information: restricted in the previous committee system"
CALLED_OFF_REASON = "Recorded as {status} in the previous committee system."

ITEM_KINDS = [
    ("apologies", AgendaItem.Kind.WELCOME),
    ("welcome", AgendaItem.Kind.WELCOME),
    ("minutes", AgendaItem.Kind.MINUTES),
    ("declaration", AgendaItem.Kind.DECLARATIONS),
    ("public question", AgendaItem.Kind.PUBLIC_QUESTIONS),
    ("urgent business", AgendaItem.Kind.URGENT_BUSINESS),
    ("next meeting", AgendaItem.Kind.NEXT_MEETINGS),
]


@dataclass
class _Planned:
    record: moderngov.MeetingRecord
    action: str  # created, updated, unchanged, skipped
    detail: str = ""
    existing: ImportedRecord | None = None


def _source_id(record):
    return f"meeting:{record.id}"


def _snapshot(record):
    return {
        "date": record.date.isoformat(),
        "time": record.time.isoformat() if record.time else "",
        "location": record.location,
        "status": record.status,
        "minutes_published": record.minutes_published,
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "restricted": item.restricted,
                "minutes": item.minutes_html,
                "documents": [
                    [doc.attachment_id, doc.title, doc.restricted, doc.sha256]
                    for doc in item.documents
                ],
            }
            for item in record.items
        ],
    }


def _what_changed(before, after):
    """In words, for the new version's change note and the report."""
    changes = []
    labels = {"date": "date", "time": "time", "location": "venue", "status": "status"}
    for key, label in labels.items():
        if before.get(key) != after.get(key):
            changes.append(f"the {label}")
    old_items = {item["title"]: item for item in before.get("items", [])}
    new_items = {item["title"]: item for item in after.get("items", [])}
    added = [title for title in new_items if title not in old_items]
    removed = [title for title in old_items if title not in new_items]
    if added:
        changes.append("items added (" + "; ".join(added) + ")")
    if removed:
        changes.append("items removed (" + "; ".join(removed) + ")")
    for title, item in new_items.items():
        old = old_items.get(title)
        if old is None:
            continue
        if old["documents"] != item["documents"]:
            changes.append(f"the papers of “{title}”")
        if old["minutes"] != item["minutes"]:
            changes.append(f"the minutes of “{title}”")
        if old["restricted"] != item["restricted"]:
            changes.append(f"whether “{title}” is exempt")
    if [i["title"] for i in before.get("items", [])] != list(new_items) and not (added or removed):
        changes.append("the order of the agenda")
    if before.get("minutes_published") != after.get("minutes_published"):
        changes.append("whether the minutes are published")
    return ", ".join(changes) or "details"


def _plan(records):
    content_type = ContentType.objects.get_for_model(Meeting)
    existing = {
        record.source_id: record
        for record in ImportedRecord.objects.filter(
            source=ImportRun.Source.MODERNGOV,
            source_id__in=[_source_id(r) for r in records],
        )
    }
    imported_meetings = set(
        ImportedRecord.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    taken = dict(Meeting.objects.values_list("date", "pk"))
    claimed = {}
    planned = []
    for record in records:
        imported = existing.get(_source_id(record))
        owner = taken.get(record.date)
        mine = imported.object_id if imported else None
        if record.date in claimed:
            planned.append(
                _Planned(
                    record,
                    "skipped",
                    f"meeting {claimed[record.date]} of the source is on the same date; "
                    "the portal holds one meeting a day",
                )
            )
            continue
        claimed[record.date] = record.id
        if owner is not None and owner != mine:
            why = (
                "imported from another meeting of the source"
                if owner in imported_meetings
                else "arranged in the portal"
            )
            planned.append(
                _Planned(
                    record,
                    "skipped",
                    f"a meeting on {record.date:%-d %B %Y} is already in the portal ({why})",
                )
            )
        elif imported is None:
            planned.append(_Planned(record, "created"))
        elif imported.fingerprint == record.fingerprint():
            planned.append(_Planned(record, "unchanged", existing=imported))
        else:
            detail = _what_changed(imported.snapshot, _snapshot(record))
            planned.append(_Planned(record, "updated", f"changed: {detail}", existing=imported))
    return planned


def _label(record):
    return f"Meeting {record.id} of {record.date:%-d %B %Y}"


def _status(record, *, today):
    status = record.status.strip().lower()
    if "cancel" in status:
        return Meeting.Status.CANCELLED, CALLED_OFF_REASON.format(status="cancelled")
    if "postpone" in status or status == "moved":
        return Meeting.Status.POSTPONED, CALLED_OFF_REASON.format(status="postponed")
    if record.date <= today:
        return Meeting.Status.HELD, ""
    return Meeting.Status.SCHEDULED, ""


def _kind(title):
    lower = title.lower()
    for words, kind in ITEM_KINDS:
        if words in lower:
            return kind
    return AgendaItem.Kind.REPORT


def _add_papers(item, documents, record, notes):
    for document in documents:
        if document.content is None:
            notes.add(
                f"{_label(record)}: “{document.title}” (attachment {document.attachment_id}) "
                "was not in the source and was skipped"
            )
            continue
        upload = SimpleUploadedFile(
            f"{document.attachment_id}.pdf", document.content, "application/pdf"
        )
        try:
            meeting_services.add_upload_paper(item=item, title=document.title[:300], upload=upload)
        except InvalidPDF as error:
            notes.add(
                f"{_label(record)}: “{document.title}” (attachment {document.attachment_id}) "
                f"was skipped: {error}"
            )


def _build_agenda(meeting, record, notes):
    """The source's items in order, numbered 1, 2, 3...; a public item's restricted documents go
    on an exempt item of their own after it, so that only members ever receive them."""
    number = 0
    for source_item in record.items:
        number += 1
        exempt = source_item.restricted
        reason = (source_item.exempt_reason or EXEMPT_REASON)[:300] if exempt else ""
        minutes, resolutions = moderngov.minutes_from_html(source_item.minutes_html)
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=number,
            kind=_kind(source_item.title),
            title=source_item.title[:300],
            exempt=exempt,
            exempt_reason=reason,
        )
        if minutes or resolutions:
            proceedings.record_item_minutes(item=item, minutes=minutes, resolutions=resolutions)
        public = [doc for doc in source_item.documents if exempt or not doc.restricted]
        restricted = [doc for doc in source_item.documents if not exempt and doc.restricted]
        _add_papers(item, public, record, notes)
        if restricted:
            number += 1
            exempt_item = AgendaItem.objects.create(
                meeting=meeting,
                number=number,
                kind=AgendaItem.Kind.REPORT,
                title=f"{source_item.title[:280]}: exempt papers",
                exempt=True,
                exempt_reason=EXEMPT_REASON,
            )
            _add_papers(exempt_item, restricted, record, notes)
            notes.add(
                f"{_label(record)}: the restricted papers of “{source_item.title}” were put on an "
                "exempt item of their own, for members only"
            )


def _clear_agenda(meeting):
    for item in meeting.items.all():
        for paper in item.papers.all():
            meeting_services.remove_paper(paper=paper)
        item.delete()


def _apply_meeting(planned, *, panel, run, by, today, notes):
    record = planned.record
    status, reason = _status(record, today=today)
    if planned.action == "created":
        meeting = Meeting(panel=panel, date=record.date)
    else:
        meeting = planned.existing.content_object
        _clear_agenda(meeting)
    meeting.date = record.date
    meeting.venue = record.location[:200]
    if record.time is not None:
        meeting.start_time = record.time
    meeting.status, meeting.status_reason, meeting.new_date = status, reason, None
    meeting.save()
    _build_agenda(meeting, record, notes)
    on = f"{today:%-d %B %Y}"
    if planned.action == "created":
        note = f"Imported from the previous system on {on}."
    else:
        note = f"Updated from the previous system on {on}: {planned.detail}."
    if meeting.items.exists():
        packs.publish_pack(meeting=meeting, by=by, note=note)
    public_minutes = meeting.items.filter(exempt=False).exclude(minutes="").exists() or (
        meeting.items.filter(exempt=False, resolutions__isnull=False).exists()
    )
    if record.minutes_published and public_minutes:
        proceedings.publish_minutes(meeting=meeting, by=by, note=note)
    now = timezone.now()
    fields = {
        "fingerprint": record.fingerprint(),
        "snapshot": _snapshot(record),
        "last_run": run,
        "updated_at": now,
    }
    if planned.existing is None:
        ImportedRecord.objects.create(
            content_object=meeting,
            source=ImportRun.Source.MODERNGOV,
            source_id=_source_id(record),
            first_run=run,
            imported_at=now,
            **fields,
        )
    else:
        ImportedRecord.objects.filter(pk=planned.existing.pk).update(**fields)


def _finish(run, planned, notes):
    run.changes = [
        {"record": _label(p.record), "action": p.action, "detail": p.detail} for p in planned
    ]
    for action in ("created", "updated", "unchanged", "skipped"):
        setattr(run, f"{action}_count", sum(1 for p in planned if p.action == action))
    run.notes = notes.as_list()
    run.finished_at = timezone.now()


def _failed(run, error, notes):
    run.pk = None
    run.status = ImportRun.Status.FAILED
    run.error = str(error)
    run.changes = []
    run.created_count = run.updated_count = run.unchanged_count = run.skipped_count = 0
    run.notes = notes.as_list()
    run.finished_at = timezone.now()
    run.save()
    return run


def import_moderngov(
    *, source, by, committee_id=None, date_from=None, date_to=None, dry_run=False, today=None
):
    """Import a committee's meetings from ``source`` (a ``moderngov.FolderSource`` or
    ``WebSource``); returns the ``ImportRun`` with its report. Reading happens first, outside
    any transaction; applying is one transaction, so a failure changes nothing but the record
    of the failed run."""
    today = today or timezone.localdate()
    notes = moderngov.Notes()
    run = ImportRun(
        source=ImportRun.Source.MODERNGOV,
        location=source.location[:500],
        options={
            "committee": committee_id or "",
            "from": date_from.isoformat() if date_from else "",
            "to": date_to.isoformat() if date_to else "",
        },
        dry_run=dry_run,
        started_by=by,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        status=ImportRun.Status.DRY_RUN if dry_run else ImportRun.Status.SUCCEEDED,
    )
    try:
        committee_id = moderngov.choose_committee(source, committee_id, notes)
        run.options["committee"] = committee_id
        records = moderngov.read_meetings(
            source,
            committee_id=committee_id,
            date_from=date_from,
            date_to=date_to,
            notes=notes,
        )
        panel = Panel.objects.order_by("pk").first()
        if panel is None:
            raise ImportFailed("Set up the panel in the portal before importing its meetings.")
        planned = _plan(records)
        if dry_run:
            _finish(run, planned, notes)
            run.save()
            return run
    except (moderngov.SourceError, ImportFailed) as error:
        return _failed(run, error, notes)
    try:
        with transaction.atomic(), recorded_as(by):
            run.save()
            for item in planned:
                if item.action in ("created", "updated"):
                    _apply_meeting(item, panel=panel, run=run, by=by, today=today, notes=notes)
            _finish(run, planned, notes)
            run.save()
    except Exception as error:  # anything at all: the transaction is undone and the run says why
        logger.exception("import run from %s failed", run.location)
        return _failed(run, f"Nothing was imported: {error}", notes)
    return run
