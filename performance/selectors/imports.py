"""Reads for the staff pages of a spreadsheet import of figures: the measures a spreadsheet can
give figures for, the rows it flags, and the first rows as they will be applied."""

from pcc_portal.tables import UnreadableTable
from plans.models import Measure

from ..imports import check_rows, read_rows
from ..models import MeasureImport


def import_measures(*, plans):
    """Each of ``plans`` with the measures a spreadsheet can give figures for (those with a
    unit), as staff see them (priority, wording) beside the number the spreadsheet names them
    by."""
    plans = list(plans)
    measures = (
        Measure.objects.filter(plan__in=plans)
        .exclude(unit="")
        .select_related("priority")
        .order_by("priority__number", "order", "pk")
    )
    by_plan = {}
    for measure in measures:
        by_plan.setdefault(measure.plan_id, []).append(measure)
    return [(plan, by_plan.get(plan.pk, [])) for plan in plans]


def flagged_rows(*, measure_import):
    """The rows flagged for confirmation, each with its measure."""
    if measure_import.errors or not measure_import.flags:
        return []
    ids = {flag["measure"] for flag in measure_import.flags}
    measures = Measure.objects.in_bulk(ids)
    return [{**flag, "measure": measures.get(flag["measure"])} for flag in measure_import.flags]


def preview_rows(*, measure_import, limit):
    """The first ``limit`` rows as they will be applied, with the figure each replaces."""
    if measure_import.errors or measure_import.status not in (
        MeasureImport.Status.PREVIEWED,
        MeasureImport.Status.APPLIED,
    ):
        return []
    try:
        with measure_import.file.open("rb") as upload:
            header, body = read_rows(upload, measure_import.original_name)
    except (OSError, UnreadableTable):  # the stored file is gone: the counts tell the story
        return []
    measures = {m.pk: m for m in Measure.objects.filter(plan=measure_import.plan).exclude(unit="")}
    result = check_rows(header, body[:limit], measures=measures)
    flagged = {flag["row"] for flag in measure_import.flags}
    return [
        {"row": row, "measure": measures[row.measure_id], "flagged": row.row in flagged}
        for row in result.rows
    ]
