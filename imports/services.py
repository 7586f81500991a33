"""Importing from the systems an OPCC or its panel used before the portal.

``import_moderngov`` reads a committee's meetings from Modern.gov (``imports.moderngov``), then
applies them in one transaction: a malformed file, or anything that fails on the way in, leaves
the portal as it was and the run's report says why. Each imported meeting's agenda pack (and its
minutes, where the source published them) goes out through the one publishing mechanism, as the
secretary publishes them, with the change note "Imported from the previous system on <date>".
A re-run changes nothing for a meeting whose source is unchanged; a meeting changed at the
source gets its agenda replaced and its pack published again as a new version saying what
changed.
"""

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from decisions import services as decision_services
from decisions.models import Decision, DecisionSequence
from panel.models import AgendaItem, Meeting, Panel
from panel.services import meetings as meeting_services
from panel.services import packs, proceedings
from pcc_portal.accounts.models import Office
from pcc_portal.errors import DomainError
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import InvalidPDF, clean_pdf, extract_text, inspect_pdf
from pcc_portal.publications.services import record_release, version_went_public
from transparency import services as transparency_services

from . import moderngov, registers, spreadsheets
from .models import DecisionImport, EntryImport, ImportedRecord, ImportRun

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


class ImportFailed(DomainError):
    """The import could not be applied; nothing was changed."""


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
        with transaction.atomic():
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


def parse_day(text):
    """A --from/--to date: yyyy-mm-dd or dd/mm/yyyy."""
    day = moderngov.parse_date(text)
    if day is None:
        raise ValueError(f"“{text}” is not a date: use yyyy-mm-dd or dd/mm/yyyy.")
    return day


# --- Historic decisions from a spreadsheet ----------------------------------------------------


def _read_upload(upload):
    upload.seek(0)
    return upload.read()


def _check(table_data, table_name, notices_data):
    header, body = spreadsheets.read_rows(table_data, table_name)
    return spreadsheets.check_decisions(header, body, notices=spreadsheets.read_zip(notices_data))


def _checked(spreadsheet_import, result):
    """Record ``result`` (a ``pcc_portal.tables.CheckResult``) on an upload: its rows, or its
    problems and nothing to apply."""
    Status = type(spreadsheet_import).Status
    spreadsheet_import.status = Status.INVALID if result.errors else Status.CHECKED
    spreadsheet_import.row_count = result.row_count
    spreadsheet_import.rows = [row.as_dict() for row in result.rows]
    spreadsheet_import.errors = [error.as_dict() for error in result.errors]
    spreadsheet_import.error_row_count = result.error_row_count
    return spreadsheet_import


def _rechecked_invalid(spreadsheet_import, result):
    """Record the problems the check before applying found: nothing of the upload can be
    applied any more, so it keeps none of its rows."""
    _checked(spreadsheet_import, result)
    spreadsheet_import.rows = []
    spreadsheet_import.save()
    return spreadsheet_import


def _kept(spreadsheet_import, *, table, table_data, archive, archive_data):
    """Save an upload with its spreadsheet and, when one came, its ZIP (in the field named
    ``archive``), both in the private store."""
    spreadsheet_import.table.save(table.name[-100:], ContentFile(table_data), save=False)
    if archive_data:
        getattr(spreadsheet_import, archive).save(
            f"{archive}.zip", ContentFile(archive_data), save=False
        )
    spreadsheet_import.save()
    return spreadsheet_import


def _read_stored(field):
    if not field:
        return b""
    with field.open("rb") as handle:
        return handle.read()


def _lock_to_apply(model, spreadsheet_import):
    locked = model.objects.select_for_update().get(pk=spreadsheet_import.pk)
    if not locked.can_apply:
        raise ImportFailed(f"This import is {locked.get_status_display().lower()}.")
    return locked


def _spreadsheet_run(*, location, by):
    now = timezone.now()
    return ImportRun.objects.create(
        source=ImportRun.Source.SPREADSHEET,
        location=location[:500],
        started_by=by,
        started_at=now,
        finished_at=now,
        status=ImportRun.Status.SUCCEEDED,
    )


@transaction.atomic
def discard_import(*, spreadsheet_import):
    """Discard an upload not yet applied (of decisions or of register entries): nothing of it
    is applied. An applied or already discarded upload is left as it is."""
    model = type(spreadsheet_import)
    locked = model.objects.select_for_update().get(pk=spreadsheet_import.pk)
    if locked.status in (model.Status.CHECKED, model.Status.INVALID):
        locked.status = model.Status.DISCARDED
        locked.save(update_fields=["status"])
    return locked


@transaction.atomic
def upload_decision_import(*, table, notices, by):
    """Keep the spreadsheet and the ZIP privately and check every row; nothing is applied.
    Raises ``spreadsheets.UnreadableUpload`` when either file cannot be read at all."""
    table_data = _read_upload(table)
    notices_data = _read_upload(notices) if notices else b""
    result = _check(table_data, table.name, notices_data)
    decision_import = _checked(
        DecisionImport(original_name=table.name[:200], uploaded_by=by), result
    )
    return _kept(
        decision_import,
        table=table,
        table_data=table_data,
        archive="notices",
        archive_data=notices_data,
    )


def _notice_version(decision, *, row, pdf, by, note, today):
    """The decision's first version, made of its signed notice as the previous system kept it
    (cleaned of scripts and embedded files) and a page that says it was imported."""
    cleaned = clean_pdf(pdf).content
    info = inspect_pdf(cleaned)
    content_type = ContentType.objects.get_for_model(decision)
    html = render_to_string(
        "imports/decision_body.html", {"decision": decision, "imported_on": today}
    )
    version = Version(
        content_type=content_type,
        object_id=decision.pk,
        number=1,
        document_type=decision.document_type,
        title=decision.publication_title(),
        html=html,
        document_html="",
        text="\n".join([decision.publication_text(), extract_text(cleaned, max_pages=100)]),
        change_note=note,
        published_by=by,
        page_count=info.page_count,
        sha256=hashlib.sha256(cleaned).hexdigest(),
    )
    version.pdf.save(
        f"decision-{decision.financial_year}-{decision.number:02d}-v1-{version.sha256[:12]}.pdf",
        ContentFile(cleaned),
        save=False,
    )
    version.status = Version.Status.READY
    version.ready_at = timezone.now()
    version.save()
    version_went_public(version=version)
    return version


def _import_decision(row, *, notices, by, run, today, note):
    day = datetime.date.fromisoformat(row.decision_date)
    signed_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
    office = Office.objects.get(pk=row.office_id)
    decision = Decision.objects.create(
        status=Decision.Status.SIGNED,  # published: a live version and published_at
        financial_year=row.financial_year,
        number=row.number,
        title=row.title,
        report_by="",
        decision_maker=office,
        executive_summary=row.summary,
        recommendation="",
        background="",
        priority_scope=row.scope,
        is_restricted=row.restricted,
        created_by=by,
        # Signed and declared in the previous system, as its notice shows: the portal records
        # the date and the office, and nobody signs it again here.
        signed_at=signed_at,
        declared_at=signed_at,
        decision_date=day,
        signatory_title=office.title,
        published_at=timezone.now(),
        published_on_time=None,
    )
    decision.priorities.set(row.priority_ids)
    if row.restricted:
        publishing.publish(obj=decision, by=by, note=note)  # its stub, as the register shows
    else:
        _notice_version(
            decision, row=row, pdf=notices[row.notice.lower()], by=by, note=note, today=today
        )
    now = timezone.now()
    ImportedRecord.objects.create(
        content_object=decision,
        source=ImportRun.Source.SPREADSHEET,
        source_id=f"decision:{decision.reference}",
        fingerprint=hashlib.sha256(json.dumps(row.as_dict(), sort_keys=True).encode()).hexdigest(),
        snapshot=row.as_dict(),
        first_run=run,
        last_run=run,
        imported_at=now,
        updated_at=now,
    )
    return decision


def apply_decision_import(*, decision_import, by, today=None):
    """Create every checked decision, published with its own number and signature date, and
    continue each financial year's numbering after its highest imported number; all or none.
    The rows are checked again first: a decision numbered in the meantime is named, and
    nothing is applied."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = _lock_to_apply(DecisionImport, decision_import)
        notices_data = _read_stored(locked.notices)
        result = _check(_read_stored(locked.table), locked.original_name, notices_data)
        if result.errors:
            return _rechecked_invalid(locked, result)
        notices = spreadsheets.read_zip(notices_data)
        run = _spreadsheet_run(location=f"Decisions: {locked.original_name}", by=by)
        note = f"Imported from the previous system on {today:%-d %B %Y}."
        decisions = [
            _import_decision(row, notices=notices, by=by, run=run, today=today, note=note)
            for row in result.rows
        ]
        for year in sorted({d.financial_year for d in decisions}):
            top = max(d.number for d in decisions if d.financial_year == year)
            sequence = DecisionSequence.objects.filter(financial_year=year).first()
            taken = Decision.objects.filter(financial_year=year).aggregate(top=Max("number"))
            last = max(top, taken["top"] or 0, sequence.last_number if sequence else 0)
            decision_services.continue_numbering(financial_year=year, last_number=last)
        run.created_count = len(decisions)
        run.changes = [
            {"record": f"Decision {d.reference}", "action": "created", "detail": d.title}
            for d in decisions
        ]
        run.finished_at = timezone.now()
        run.save()
        locked.status = DecisionImport.Status.APPLIED
        locked.run = run
        locked.save()
    return locked


# --- Register entries from a spreadsheet ------------------------------------------------------


def _read_entry_files(files_data):
    return spreadsheets.read_zip(files_data, field="files", label="ZIP of PDFs")


def _check_entries(register, table_data, table_name, files_data=b""):
    header, body = spreadsheets.read_rows(table_data, table_name)
    files = _read_entry_files(files_data)
    return registers.check_entries(register, header, body, files=files), files


@transaction.atomic
def upload_entry_import(*, register, table, by, files=None):
    """Keep a spreadsheet of ``register``'s entries, and the ZIP of the PDFs its rows name,
    privately and check every row and file; nothing is applied. Raises
    ``spreadsheets.UnreadableUpload`` when either file cannot be read at all."""
    if register not in registers.IMPORTABLE:
        raise ImportFailed(f"“{register}” is not a register entries can be imported into.")
    table_data = _read_upload(table)
    files_data = _read_upload(files) if files else b""
    result, _files = _check_entries(register, table_data, table.name, files_data)
    entry_import = _checked(
        EntryImport(register=register, original_name=table.name[:200], uploaded_by=by), result
    )
    return _kept(
        entry_import, table=table, table_data=table_data, archive="files", archive_data=files_data
    )


def _may(by, model, action):
    opts = model._meta
    return by.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


def _import_entry(register, row, *, files, by, run, release, note, reauthenticated_at):
    named = {file["field"]: file["name"] for file in row.files}
    form = registers.build_form(register, row.data, registers.uploads(named, files))
    if not form.is_valid():  # checked a moment ago in this transaction: cannot happen
        raise ImportFailed(f"Row {row.row} no longer passes its checks.")
    # The form's own save keeps only the cleaned copy of each PDF (in private storage).
    entry = form.save(commit=False)
    entry._history_user = by
    transparency_services.save_entry(entry=entry, by=by, reason=note[:100])
    if release:
        version = transparency_services.release_entry(entry=entry, by=by, note=note)
        # The entry's history says who released it and when they gave their password again,
        # as it does for an entry released from its own check page.
        record_release(
            entry,
            by=by,
            what=f"Released version {version.number}, imported",
            at=reauthenticated_at,
        )
    now = timezone.now()
    fields = {
        "content_type": ContentType.objects.get_for_model(entry),
        "object_id": entry.pk,
        "fingerprint": row.fingerprint,
        "snapshot": {"row": row.row, "data": row.data},
        "last_run": run,
        "updated_at": now,
    }
    # An entry deleted since it was imported leaves its record behind: it is reused.
    ImportedRecord.objects.update_or_create(
        source=ImportRun.Source.SPREADSHEET,
        source_id=registers.source_id(register, row.fingerprint),
        defaults=fields,
        create_defaults={**fields, "first_run": run, "imported_at": now},
    )
    return entry


def apply_entry_import(*, entry_import, by, release, reauthenticated_at=None, today=None):
    """Create the entries of every new row, all or none, each marked as imported; released at
    once through the one publishing mechanism (``release``), or kept as drafts to release one
    by one. Rows already in the register are left alone. The rows are checked again first: a
    problem found now is named, and nothing is applied."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = _lock_to_apply(EntryImport, entry_import)
        model = registers.model_of(locked.register)
        if not _may(by, model, "add"):
            raise ImportFailed(f"You may not add entries to the {locked.register_title}.")
        if release and not _may(by, model, "publish"):
            raise ImportFailed(
                f"You may not release entries of the {locked.register_title}: import them as "
                "drafts for someone who may to release."
            )
        result, files = _check_entries(
            locked.register,
            _read_stored(locked.table),
            locked.original_name,
            _read_stored(locked.files),
        )
        if result.errors:
            return _rechecked_invalid(locked, result)
        run = _spreadsheet_run(location=f"{locked.register_title}: {locked.original_name}", by=by)
        note = f"Imported from the previous system on {today:%-d %B %Y}."
        changes = []
        for row in result.rows:
            if row.action == "unchanged":
                changes.append({"record": row.label, "action": "unchanged", "detail": row.detail})
                continue
            _import_entry(
                locked.register,
                row,
                files=files,
                by=by,
                run=run,
                release=release,
                note=note,
                reauthenticated_at=reauthenticated_at,
            )
            kept = "released" if release else "kept as a draft"
            if row.files:
                kept += " with " + ", ".join(file["name"] for file in row.files)
            changes.append({"record": row.label, "action": "created", "detail": kept})
        run.changes = changes
        run.created_count = sum(1 for c in changes if c["action"] == "created")
        run.unchanged_count = len(changes) - run.created_count
        run.finished_at = timezone.now()
        run.save()
        _checked(locked, result)
        locked.status = EntryImport.Status.APPLIED
        locked.released = release
        locked.run = run
        locked.save()
    return locked
