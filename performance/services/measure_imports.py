"""Spreadsheets of figures: uploaded and checked, then applied whole or discarded."""

from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pcc_portal import tables
from pcc_portal.errors import InvalidTransition
from plans.models import Measure

from .. import checks, imports
from ..models import DataPoint, MeasureImport


def _numeric_measures(plan):
    return {m.pk: m for m in Measure.objects.filter(plan=plan).exclude(unit="")}


def _check(measure_import):
    """The rows checked, and ``{row: warning}`` for those to confirm (when none has errors)."""
    measure_import.file.open("rb")
    try:
        header, body = imports.read_rows(measure_import.file, measure_import.original_name)
    finally:
        measure_import.file.close()
    measures = _numeric_measures(measure_import.plan)
    result = imports.check_rows(header, body, measures=measures)
    flags = {} if result.errors else checks.flag_rows(result.rows, measures=measures)
    return result, flags


def _existing(checked):
    """The figures already held for the periods in ``checked``, by key."""
    wanted = {(row.measure_id, row.period.kind, row.period.start) for row in checked}
    existing = {}
    # Whole rows: the history of a replaced figure copies every field.
    points = DataPoint.objects.filter(measure_id__in={key[0] for key in wanted})
    for point in points.iterator(chunk_size=5000):
        key = (point.measure_id, point.period_kind, point.period_start)
        if key in wanted:
            existing[key] = point
    return existing


UPDATED_FIELDS = ["value", "comparison_value", "target", "source", "note", "imported_by",
                  "entered_by", "flag", "pending_value", "pending_comparison_value",
                  "pending_target", "pending_source", "pending_note", "updated_at"]  # fmt: skip


def _update_figures(points):
    """Write replaced figures as one prepared UPDATE run for every row.

    QuerySet.bulk_update builds a CASE expression per field over each batch in Python, which
    costs seconds per thousand rows; a prepared statement costs milliseconds. The caller writes
    each row's history in the same transaction, so the audit trail is as complete as a save's.
    """
    fields = [DataPoint._meta.get_field(name) for name in UPDATED_FIELDS]
    table = connection.ops.quote_name(DataPoint._meta.db_table)
    columns = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in fields)
    sql = f"UPDATE {table} SET {columns} WHERE {connection.ops.quote_name('id')} = %s"  # noqa: S608
    params = [
        [field.get_db_prep_save(getattr(point, field.attname), connection) for field in fields]
        + [point.pk]
        for point in points
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 1000):
            cursor.executemany(sql, params[start : start + 1000])


def _flag_list(result, flags):
    """The flagged rows as stored on the import, the first MAX_ERROR_ROWS of them."""
    by_row = {row.row: row for row in result.rows}
    return [
        {
            "row": number,
            "measure": by_row[number].measure_id,
            "period": by_row[number].period.label,
            "value": str(by_row[number].value),
            "message": message,
        }
        for number, message in sorted(flags.items())[: tables.MAX_ERROR_ROWS]
    ]


def _record_check(measure_import, *, upload_error=None, result=None, flags=None, existing=None):
    measure_import.flags, measure_import.flag_count = [], 0
    if upload_error is not None:
        measure_import.errors = [tables.RowError(0, "", upload_error).as_dict()]
        measure_import.error_count = measure_import.error_row_count = 1
        measure_import.row_count = 0
        measure_import.new_count = measure_import.replaced_count = 0
    else:
        measure_import.flags = _flag_list(result, flags or {})
        measure_import.flag_count = len(flags or {})
        measure_import.errors = [error.as_dict() for error in result.errors]
        measure_import.error_count = result.error_count
        measure_import.error_row_count = result.error_row_count
        measure_import.row_count = result.row_count
        if existing is None and not result.errors:
            existing = _existing(result.rows)
        replaced = len(existing) if not result.errors else 0
        measure_import.replaced_count = replaced
        measure_import.new_count = len(result.rows) - replaced if not result.errors else 0
    measure_import.status = (
        MeasureImport.Status.INVALID if measure_import.errors else MeasureImport.Status.PREVIEWED
    )


@transaction.atomic
def upload_import(*, plan, upload, by):
    """Keep the uploaded file with who and when, and check every row. Nothing is applied."""
    measure_import = MeasureImport(
        plan=plan, original_name=upload.name[:255], uploaded_by=by, uploaded_at=timezone.now()
    )
    measure_import.file.save(upload.name, upload, save=False)
    try:
        result, flags = _check(measure_import)
    except imports.UnreadableFile as error:
        _record_check(measure_import, upload_error=str(error))
    else:
        _record_check(measure_import, result=result, flags=flags)
    measure_import._history_user = by
    measure_import.save()
    return measure_import


@transaction.atomic
def apply_import(*, measure_import, by, confirmed=False):
    """Apply every row or none. The stored file is checked again, since figures may have
    changed since the preview; any error leaves the database as it was. Rows flagged as far
    from their measure's recent figures need ``confirmed``, given on seeing those very rows:
    if the check now flags rows the preview did not, nothing is applied and the new flags are
    kept for the person to see. The figures wait for release, like typed ones."""
    measure_import = MeasureImport.objects.select_for_update().get(pk=measure_import.pk)
    if measure_import.status != MeasureImport.Status.PREVIEWED:
        raise InvalidTransition(tables.NOT_APPLICABLE[measure_import.status])
    previewed = {(flag["row"], flag["message"]) for flag in measure_import.flags}
    previewed_count = measure_import.flag_count
    flags = {}
    try:
        result, flags = _check(measure_import)
    except imports.UnreadableFile as error:
        _record_check(measure_import, upload_error=str(error))
    else:
        existing = _existing(result.rows) if not result.errors else {}
        _record_check(measure_import, result=result, flags=flags, existing=existing)
    flagged_as_previewed = (
        measure_import.flag_count == previewed_count
        and {(flag["row"], flag["message"]) for flag in measure_import.flags} == previewed
    )
    if measure_import.errors or (flags and not (confirmed and flagged_as_previewed)):
        measure_import._history_user = by
        measure_import.save()
        return measure_import
    creates, updates = [], []
    for row in result.rows:
        key = (row.measure_id, row.period.kind, row.period.start)
        point = existing.get(key) or DataPoint(
            measure_id=row.measure_id, period_kind=row.period.kind, period_start=row.period.start
        )
        point.enter(
            by=by,
            flag=flags.get(row.row, ""),
            value=row.value,
            comparison_value=row.comparison,
            target=row.target,
            source=row.source,
            note=row.note,
        )
        point.imported_by = measure_import
        point.updated_at = timezone.now()
        (updates if point.pk else creates).append(point)
    reason = f"Imported from {measure_import.original_name}"
    if creates:
        bulk_create_with_history(
            creates, DataPoint, batch_size=1000, default_user=by, default_change_reason=reason
        )
    if updates:
        _update_figures(updates)
        DataPoint.history.bulk_history_create(
            updates, batch_size=1000, update=True, default_user=by,
            default_change_reason=reason,
        )  # fmt: skip
    measure_import.status = MeasureImport.Status.APPLIED
    measure_import.applied_by = by
    measure_import.applied_at = timezone.now()
    measure_import.new_count = len(creates)
    measure_import.replaced_count = len(updates)
    measure_import._history_user = by
    measure_import.save()
    return measure_import


@transaction.atomic
def discard_import(*, measure_import, by):
    measure_import = MeasureImport.objects.select_for_update().get(pk=measure_import.pk)
    if measure_import.status == MeasureImport.Status.APPLIED:
        raise InvalidTransition("An applied import is part of the record: it cannot be discarded.")
    measure_import.status = MeasureImport.Status.DISCARDED
    measure_import._history_user = by
    measure_import.save()
    return measure_import
