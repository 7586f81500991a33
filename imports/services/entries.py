"""Register entries from a spreadsheet and a ZIP of the PDFs its rows name: checked on upload,
then created all or none, released at once or kept as drafts."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from pcc_portal.publications.services import record_release
from pcc_portal.visibility import model_permission
from transparency import services as transparency_services
from transparency.forms import MAX_UPLOAD

from .. import registers, spreadsheets
from ..models import EntryImport, ImportedRecord, ImportRun
from .base import (
    ImportFailed,
    _checked,
    _kept,
    _lock_to_apply,
    _read_stored,
    _read_upload,
    _rechecked_invalid,
    _spreadsheet_run,
)


def _read_entry_files(files_data):
    # A copy is as large as its entry's form takes it.
    return spreadsheets.read_zip(
        files_data, field="files", label="ZIP of PDFs", max_file_bytes=MAX_UPLOAD
    )


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
    return by.has_perm(model_permission(model, action))


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
            obj=entry,
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
