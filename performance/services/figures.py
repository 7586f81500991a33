"""Entering, releasing and withdrawing figures, and commentary on measures without them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from pcc_portal.approvals import services as approvals
from pcc_portal.errors import FiguresChanged, InvalidTransition
from pcc_portal.publications import services as publishing

from .. import checks, periods, selectors
from ..models import (
    DataPoint,
    FiguresRelease,
    FiguresWithdrawal,
    UnconfirmedFigure,
    review_key,
)


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
    they re-authenticated for it (``reauthenticated_at``). Releasing acts on the request made
    to release the quarter's figures, if any: refused, and nothing released, when ``by`` made
    it (NotPermitted); approved once none of the quarter's figures await release. Returns the
    figures released."""
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
    if released:
        _act_on_release_request(quarter, by=by)
    return released


def _act_on_release_request(quarter, *, by):
    # One request names a quarter's figures of every plan; a quarterly report releases its
    # plan's only, so the request stays pending while another plan's figures wait.
    figures_release = FiguresRelease.objects.filter(period_start=quarter.start).first()
    if figures_release is None:
        return
    if DataPoint.objects.awaiting_release().in_quarter(quarter).exists():
        approvals.check_approver(obj=figures_release, by=by)
    else:
        approvals.approve_pending(obj=figures_release, by=by)


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
    reports = selectors.reports_showing(points=points)
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
            obj=report,
            by=by,
            what=f"Withdrawn with the figures for {quarter.label}",
            at=reauthenticated_at,
        )
    return withdrawal, reports


@transaction.atomic
def add_commentary(*, measure, commentary, by):
    """Add commentary on a measure, written by ``by``."""
    commentary.measure = measure
    commentary.written_by = by
    commentary.save()
    return commentary
