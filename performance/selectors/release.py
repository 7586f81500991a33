"""Reads for releasing figures: the quarters and figures awaiting release, who may release
them, what publishing a report releases with it, and the reports withdrawing figures takes with
it."""

from django.db.models import Count

from pcc_portal.publications.selectors import Part

from .. import periods
from ..models import DataPoint, MeasureImport, QuarterlyReport, ScrutinyAction


def quarters_awaiting_release():
    """``[(quarter, number of figures)]`` for each quarter with figures awaiting release (its
    own or its months'), newest first."""
    counts = {}
    rows = (
        DataPoint.objects.awaiting_release()
        .values("period_start")
        .annotate(figures=Count("pk"))
        .values_list("period_start", "figures")
    )
    for start, figures in rows:
        quarter = periods.Period.quarter_containing(start)
        counts[quarter] = counts.get(quarter, 0) + figures
    return sorted(counts.items(), reverse=True)


def figures_awaiting_release(*, quarter):
    """The figures of ``quarter`` awaiting release, in plan and measure order, each with its
    measure, plan and who entered it."""
    return list(
        DataPoint.objects.awaiting_release()
        .in_quarter(quarter)
        .select_related("measure__plan", "measure__priority", "entered_by", "imported_by")
        .order_by(
            "-measure__plan__term_start",
            "measure__priority__number",
            "measure__theme",
            "measure__order",
            "measure_id",
            "period_start",
            "period_kind",
        )
    )


def who_may_release():
    """The active accounts that may release figures, by name."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.with_perm(
        "performance.release_figures",
        include_superusers=False,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    return sorted(users.filter(is_active=True), key=str)


def figures_released_with(*, report):
    """The figures of ``report``'s quarter for its plan awaiting release: publishing the report
    releases them (``services.publish_report``)."""
    return (
        DataPoint.objects.awaiting_release()
        .in_quarter(report.period)
        .filter(measure__plan=report.plan)
    )


def report_release_parts(*, report):
    """For the check page before publishing ``report``: the report, and the figures of its
    quarter for its plan that publishing it releases (the public sees them from then on)."""
    figures = figures_released_with(report=report).count()
    parts = [Part(title="The report's page and its PDF", tagged=True)]
    if figures:
        parts.append(
            Part(
                title=f"{figures} figure{'s' if figures != 1 else ''} for {report.period.label} "
                "awaiting release",
                detail="Released with the report: the performance pages, charts, CSVs and "
                "search show them from then on.",
                pdf=False,
            )
        )
    return parts


def reports_showing(*, points):
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


def _counted(user, permission, queryset):
    return queryset.count() if user.has_perm(permission) else 0


def dashboard_attention(*, user):
    """For the staff dashboard: imports checked and waiting to be applied, scrutiny actions
    overdue, and figures entered but not released, each counted only for someone who may open
    the list it links to, and of what they see there."""
    waiting = MeasureImport.objects.filter(status=MeasureImport.Status.PREVIEWED)
    overdue = ScrutinyAction.objects.visible_to(user).overdue()
    unreleased = DataPoint.objects.visible_to(user).awaiting_release()
    return {
        "imports_waiting": _counted(user, "performance.view_measureimport", waiting),
        "overdue_actions": _counted(user, "performance.view_scrutinymeeting", overdue),
        "figures_awaiting_release": _counted(user, "performance.view_datapoint", unreleased),
    }
