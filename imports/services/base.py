"""What the imports share: the error that says nothing was applied, and the life of an uploaded
spreadsheet (kept privately, checked, locked to apply, or discarded)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from pcc_portal import tables
from pcc_portal.errors import DomainError, InvalidTransition

from ..models import ImportRun


class ImportFailed(DomainError):
    """The import could not be applied; nothing was changed."""


def _read_upload(upload):
    upload.seek(0)
    return upload.read()


def _checked(spreadsheet_import, result):
    """Record ``result`` (a ``pcc_portal.tables.CheckResult``) on an upload: its rows, or its
    problems and nothing to apply."""
    Status = type(spreadsheet_import).Status
    spreadsheet_import.status = Status.INVALID if result.errors else Status.CHECKED
    spreadsheet_import.row_count = result.row_count
    spreadsheet_import.rows = [row.as_dict() for row in result.rows]
    spreadsheet_import.errors = [error.as_dict() for error in result.errors]
    spreadsheet_import.error_count = result.error_count
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
        raise ImportFailed(tables.NOT_APPLICABLE[locked.status])
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
    is applied. An upload already discarded stays so; an applied one is refused, as an
    applied import of figures is."""
    model = type(spreadsheet_import)
    locked = model.objects.select_for_update().get(pk=spreadsheet_import.pk)
    if locked.status == model.Status.APPLIED:
        raise InvalidTransition("An applied import is part of the record: it cannot be discarded.")
    if locked.status != model.Status.DISCARDED:
        locked.status = model.Status.DISCARDED
        locked.save(update_fields=["status"])
    return locked
