"""Actions on performance data and scrutiny: each runs in one transaction and is named for what
the user does."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pcc_portal import tables
from pcc_portal.approvals import services as approvals
from pcc_portal.errors import FiguresChanged, InvalidTransition
from pcc_portal.publications import services as publishing

from . import checks, imports, periods
from .models import (
    DataPoint,
    FiguresRelease,
    FiguresWithdrawal,
    MeasureImport,
    QuarterlyReport,
    ReportCommentary,
    ScrutinyAction,
    ScrutinyMeeting,
    UnconfirmedFigure,
    review_key,
)


def _numeric_measures(plan):
    from plans.models import Measure

    return {m.pk: m for m in Measure.objects.filter(plan=plan).exclude(unit="")}


@transaction.atomic
def record_figure(
    *,
    measure,
    period,
    value,
    comparison_value=None,
    target=None,
    source="",
    note="",
    by,
    confirmed=False,
):
    """Enter or correct one figure typed into the browser. A figure the measure cannot have is
    refused (ValidationError by field); one far from the recent figures needs ``confirmed``
    (UnconfirmedFigure). The figure waits for release: a correction to a released figure
    leaves the released one public until it is released in turn."""
    if not measure.is_numeric:
        raise ValidationError("This measure has no unit, so it takes commentary, not figures.")
    figure = {
        "value": value,
        "comparison_value": comparison_value,
        "target": target,
        "source": source,
        "note": note,
    }
    problems = checks.range_problems(measure, **figure)
    if problems:
        raise ValidationError(problems)
    flag = checks.flag_figure(measure, period, value)
    if flag and not confirmed:
        raise UnconfirmedFigure(flag)
    point, created = DataPoint.objects.select_for_update().get_or_create(
        measure=measure,
        period_kind=period.kind,
        period_start=period.start,
        defaults={"value": value},
    )
    point.enter(by=by, flag=flag, **figure)
    point._history_user = by
    point._change_reason = "Entered" if created else "Corrected"
    point.save()
    return point


@transaction.atomic
def release_figures(*, quarter, by, plan=None, reviewed=None, reauthenticated_at=None):
    """Release every figure of ``quarter`` (the quarter's own and its months') awaiting release,
    of every plan or of ``plan`` only: the public sees them from now on. With ``reviewed`` (the
    ``review_key`` of the figures the decision maker was shown), nothing is released if they
    have changed since (FiguresChanged). Each figure's history says who released it, and when
    they re-authenticated for it (``reauthenticated_at``). Returns the figures released."""
    if quarter.kind != periods.QUARTER:
        raise InvalidTransition(f"{quarter.label} is not a quarter: figures are released by one.")
    points = DataPoint.objects.select_for_update().awaiting_release().in_quarter(quarter)
    if plan is not None:
        points = points.filter(measure__plan=plan)
    points = list(points.order_by("pk"))
    if reviewed is not None and review_key(points) != reviewed:
        raise FiguresChanged(
            f"The figures for {quarter.label} awaiting release changed after you opened this "
            "page. Check them again below, then release them."
        )
    released_at = timezone.now()
    released = []
    for point in points:
        point.release(by=by, at=released_at)
        point._history_user = by
        point._change_reason = f"Released with {quarter.label}"
        if reauthenticated_at is not None:
            point._change_reason += (
                f"; re-authenticated at {timezone.localtime(reauthenticated_at):%H:%M:%S}"
            )
        point.save()
        released.append(point)
    return released


@transaction.atomic
def release_quarter_figures(*, quarter, by, reviewed=None, reauthenticated_at=None):
    """A decision maker releases a quarter's figures from its page: ``release_figures`` for
    every plan, which approves the request made for it, if any (refused, and nothing released,
    when the one releasing made that request). Returns the figures released."""
    released = release_figures(
        quarter=quarter, by=by, reviewed=reviewed, reauthenticated_at=reauthenticated_at
    )
    figures_release = FiguresRelease.objects.filter(period_start=quarter.start).first()
    if figures_release is not None:
        approvals.approve_pending(obj=figures_release, by=by)
    return released


def _as_released(point):
    """A released figure as the public read it, for the record of its withdrawal."""

    def number(value):
        return None if value is None else str(value.normalize())

    return {
        "measure": point.measure_id,
        "measure_wording": point.measure.wording,
        "period": point.period.label,
        "period_start": point.period_start.isoformat(),
        "period_kind": point.period_kind,
        "value": number(point.value),
        "comparison_value": number(point.comparison_value),
        "target": number(point.target),
        "source": point.source,
        "note": point.note,
        "released_at": point.released_at.isoformat(),
    }


def reports_showing(points):
    """The public quarterly reports whose frozen pages show any of ``points``: the reports of
    the plans concerned, of the figures' quarter or later, whose live version prints one of
    the figures' periods in its tables (a report shows the last two years of figures)."""
    if not points:
        return []
    plans = {point.measure.plan_id for point in points}
    first = min(point.period_start for point in points)
    labels = {point.period.label for point in points}
    reports = []
    for report in (
        QuarterlyReport.objects.public()
        .filter(plan_id__in=plans)
        .order_by("financial_year", "quarter")
    ):
        if report.period.end < first:
            continue
        version = report.live_version()
        if report.period.start <= first <= report.period.end or any(
            label in version.html for label in labels
        ):
            reports.append(report)
    return reports


@transaction.atomic
def withdraw_figures(*, quarter, by, reason, reauthenticated_at=None):
    """Take a quarter's released figures (its own and its months') off the public site, with
    the reason the public is told. They go back to being drafts awaiting release (a correction
    waiting for release becomes the draft), to be corrected and released again as a new
    release; the figures as released are kept on the ``FiguresWithdrawal``, and each figure's
    history records the withdrawal. The published quarterly reports that show them are
    withdrawn with them, with the same reason, and their history says so. Returns the
    withdrawal and those reports."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the figures are being withdrawn."})
    if quarter.kind != periods.QUARTER:
        raise InvalidTransition(f"{quarter.label} is not a quarter: figures are withdrawn by one.")
    points = list(
        DataPoint.objects.select_for_update()
        .released()
        .in_quarter(quarter)
        .select_related("measure")
        .order_by("measure_id", "period_start", "period_kind")
    )
    if not points:
        raise InvalidTransition(
            f"No figures for {quarter.label} are public, so there is nothing to withdraw."
        )
    reports = reports_showing(points)
    withdrawal = FiguresWithdrawal.objects.create(
        period_start=quarter.start,
        reason=reason,
        withdrawn_by=by,
        figures=[_as_released(point) for point in points],
        measure_ids=sorted({point.measure_id for point in points}),
    )
    why = f"Withdrawn: {reason}"
    if reauthenticated_at is not None:
        why += f"; re-authenticated at {timezone.localtime(reauthenticated_at):%H:%M:%S}"
    for point in points:
        point.withdraw()
        point._history_user = by
        point._change_reason = why[:100]
        point.save()
    for report in reports:
        publishing.withdraw(
            obj=report,
            by=by,
            reason=f"It showed the figures for {quarter.label}, withdrawn: {reason}",
        )
        publishing.record_release(
            report,
            by=by,
            what=f"Withdrawn with the figures for {quarter.label}",
            at=reauthenticated_at,
        )
    return withdrawal, reports


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
        raise InvalidTransition(
            f"This import is {measure_import.get_status_display().lower()}: it cannot be applied."
        )
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


@transaction.atomic
def save_report_commentary(*, report, texts, by):
    """Set the report's commentary for each priority: ``texts`` maps priority to Markdown."""
    existing = {
        entry.priority_id: entry for entry in ReportCommentary.objects.filter(report=report)
    }
    for priority, text in texts.items():
        entry = existing.get(priority.pk) or ReportCommentary(report=report, priority=priority)
        if entry.pk and entry.text == text:
            continue
        entry.text = text
        entry._history_user = by
        entry.save()


@transaction.atomic
def publish_report(*, report, by, note):
    """Publish the report, releasing first the figures of its quarter for its plan: the report
    is frozen with them, and publishing it is the decision to make them public."""
    if not QuarterlyReport.objects.filter(pk=report.pk).exists():
        raise InvalidTransition("The report no longer exists.")
    release_figures(quarter=report.period, by=by, plan=report.plan)
    return publishing.publish(obj=report, by=by, note=note)


@transaction.atomic
def update_action(*, action, status, update, closed_on, by, priorities=None):
    """Record progress on an action: started, closed on a date, or reopened; and which plan
    priorities it is about."""
    action = (
        ScrutinyAction.objects.select_for_update().select_related("raised_at").get(pk=action.pk)
    )
    if status != action.status:
        if status == ScrutinyAction.Status.CLOSED:
            action.close(on=closed_on or timezone.localdate())
        elif action.status == ScrutinyAction.Status.CLOSED:
            action.reopen()
            if status == ScrutinyAction.Status.IN_PROGRESS:
                action.start()
        elif status == ScrutinyAction.Status.IN_PROGRESS:
            action.start()
        else:
            raise InvalidTransition("An action in progress stays in progress until it is closed.")
    elif status == ScrutinyAction.Status.CLOSED and closed_on and closed_on != action.closed_on:
        if closed_on < action.raised_at.date:
            raise InvalidTransition("An action cannot be closed before the meeting that raised it.")
        action.closed_on = closed_on
    action.update = update
    action._history_user = by
    action.save()
    if priorities is not None:
        action.priorities.set(priorities)
    return action


@transaction.atomic
def add_commentary(*, measure, commentary, by):
    """Add commentary on a measure, written by ``by``."""
    commentary.measure = measure
    commentary.written_by = by
    commentary.save()
    return commentary


@transaction.atomic
def add_paper(*, meeting, paper, by):
    """Add a paper received to a meeting's record, after those it has."""
    ScrutinyMeeting.objects.select_for_update().get(pk=meeting.pk)
    paper.meeting = meeting
    paper.order = meeting.papers.count() + 1
    paper._history_user = by
    paper.save()
    return paper


@transaction.atomic
def add_action(*, meeting, action, priorities, by):
    """Add an action for the Chief Constable raised at a meeting, about these plan
    priorities; it is carried forward until closed."""
    action.raised_at = meeting
    action._history_user = by
    action.save()
    action.priorities.set(priorities)
    return action
