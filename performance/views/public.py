"""Public performance pages: the dashboard, each measure's history and CSV, quarterly reports and
notes of strategic scrutiny meetings. Everything goes through the public QuerySets."""

from types import SimpleNamespace

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from pcc_portal.caching import cached_fragment, lazy_context, may_use_cache
from pcc_portal.publications.models import Version
from pcc_portal.publications.public import (
    NOT_ON_PAGES,
    published_and_live_version,
    version_changes_response,
    version_pdf_or_gone,
)
from pcc_portal.publications.responses import version_pdf_response
from pcc_portal.tables import csv_response
from plans.selectors import published_measure

from .. import selectors
from ..models import QuarterlyReport, ScrutinyMeeting
from ..periods import PeriodError, parse_quarter_slug

DASHBOARD_CONTEXT = [
    "plan",
    "sections",
    "latest_report",
    "demonstration",
    "withdrawn_figures",
    "page",
]


def dashboard(request):
    # Computed only when the page's cached part is missing: it changes on release alone.
    number = request.GET.get("page", "1")
    number = number if number.isdigit() and int(number) <= 100 else "1"  # a bounded cache key
    context = lazy_context(DASHBOARD_CONTEXT, lambda: _dashboard(number))
    return render(request, "performance/dashboard.html", {**context, "page_number": number})


def _dashboard(number="1"):
    plan = selectors.current_public_plan()
    sections, page = _page_of(selectors.dashboard_sections(plan=plan) if plan else [], number)
    latest_report = QuarterlyReport.objects.public().order_by("-financial_year", "-quarter").first()
    return {
        "plan": plan,
        "sections": sections,
        "page": page,
        "latest_report": latest_report,
        "demonstration": any(
            point.demonstration
            for section in sections
            for row in section.rows
            for point in row.points
        ),
        "withdrawn_figures": selectors.withdrawn_figures(
            measure_ids=[row.measure.pk for section in sections for row in section.rows]
        ),
    }


# Measures on a page of the dashboard: each brings its chart and figures (about 7 KB), so a
# page stays near 100 KB of HTML however many measures the plan has.
DASHBOARD_PAGE_SIZE = 15


def _page_of(sections, number):
    """The dashboard's page ``number`` of the measures, still grouped by their sections."""
    rows = [(section, row) for section in sections for row in section.rows]
    page = Paginator(rows, DASHBOARD_PAGE_SIZE).get_page(number)
    shown = []
    for section, row in page.object_list:
        if not shown or shown[-1].title != section.title:
            shown.append(SimpleNamespace(title=section.title, rows=[]))
        shown[-1].rows.append(row)
    return shown, page


def _public_measure(pk, request=None):
    """The measure as its plan's live version published it. Building it from the plan's
    version is most of a measure page's work, so it is kept for the publication generation
    (a release or withdrawal moves that on; signed-in users always build it afresh)."""
    measure = cached_fragment(
        request, "published-measure", lambda: published_measure(pk=pk), vary=(pk,)
    )
    if measure is None:
        raise Http404("No such published measure.")
    return measure


MEASURE_CONTENT = ["row", "commentary", "demonstration", "withdrawn_figures"]


def _measure_content(measure):
    row = selectors.measure_row(measure=measure, figures=selectors.PUBLIC)
    return {
        "row": row,
        "commentary": selectors.measure_commentary(measure=measure),
        "demonstration": any(point.demonstration for point in row.points),
        "withdrawn_figures": selectors.withdrawn_figures(measure_ids=[measure.pk]),
    }


def measure_detail(request, pk):
    measure = _public_measure(pk, request)
    if may_use_cache(request):
        # Read only when the page's cached part is missing for this generation.
        content = lazy_context(MEASURE_CONTENT, lambda: _measure_content(measure))
    else:
        content = _measure_content(measure)
    return render(request, "performance/measure.html", {"measure": measure, **content})


def _plain(number):
    """A figure without trailing zeros or an exponent (24100, not 24100.0000 or 2.41E+4)."""
    return None if number is None else number.normalize()


def measure_csv(request, pk):
    measure = _public_measure(pk)
    heading = [
        "measure",
        "wording",
        "period",
        "period_start",
        "period_end",
        "value",
        "comparison",
        "target",
        "unit",
        "source",
        "note",
        "demonstration",
    ]
    rows = [heading]
    for point in selectors.public_measure_figures(measure=measure):
        period = point.period
        rows.append(
            [
                measure.pk,
                measure.wording,
                period.label,
                period.start.isoformat(),
                period.end.isoformat(),
                _plain(point.value),
                _plain(point.comparison_value),
                _plain(point.target),
                measure.unit,
                point.source,
                point.note,
                "yes" if point.demonstration else "no",
            ]
        )
    return csv_response(rows, filename=f"measure-{measure.pk}.csv")


def report_list(request):
    reports = (
        QuarterlyReport.objects.public()
        .select_related("plan")
        .order_by("-financial_year", "-quarter")
    )
    return render(request, "performance/report_list.html", {"reports": reports})


def _public_report(quarter, *, defer=()):
    try:
        period = parse_quarter_slug(quarter)
    except PeriodError as error:
        raise Http404("No such quarter.") from error
    return published_and_live_version(
        QuarterlyReport.objects,
        defer=defer,
        financial_year=period.financial_year,
        quarter=period.quarter_number,
    )


def _public_versions(report):
    return list(Version.objects.for_object(report).public().defer("html", *NOT_ON_PAGES))


def report_detail(request, quarter):
    # The report and its live version, without its page, are kept for the publication
    # generation, like the page's content (performance/report.html): only a release or a
    # withdrawal changes them; signed-in users always read them afresh.
    report, version = cached_fragment(
        request,
        "quarterly-report",
        lambda: _public_report(quarter, defer=("html", *NOT_ON_PAGES)),
        (quarter,),
    )
    versions = lazy_context(["versions"], lambda: {"versions": _public_versions(report)})
    return render(
        request,
        "performance/report.html",
        {"report": report, "version": version, **versions},
    )


def report_pdf(request, quarter):
    report, version = _public_report(quarter)
    return version_pdf_response(version, filename=f"performance-report-{report.slug}.pdf")


def report_version_pdf(request, quarter, number):
    report, _ = _public_report(quarter)
    return version_pdf_or_gone(
        report, number, filename=f"performance-report-{report.slug}-version-{number}.pdf"
    )


def report_version_changes(request, quarter, number):
    report, _ = _public_report(quarter)
    return version_changes_response(
        request,
        report,
        number,
        version_pdf=("performance:report_version_pdf", {"quarter": report.slug}),
    )


def meeting_list(request):
    meetings = ScrutinyMeeting.objects.public().order_by("-date")
    return render(request, "performance/meeting_list.html", {"meetings": meetings})


def _public_meeting(date):
    return published_and_live_version(ScrutinyMeeting.objects, date=date)


def meeting_detail(request, date):
    meeting, version = _public_meeting(date)
    versions = list(Version.objects.for_object(meeting).public())
    return render(
        request,
        "performance/meeting.html",
        {"meeting": meeting, "version": version, "versions": versions},
    )


def meeting_pdf(request, date):
    meeting, version = _public_meeting(date)
    return version_pdf_response(version, filename=f"scrutiny-meeting-{meeting.date}.pdf")


def meeting_version_changes(request, date, number):
    meeting, _ = _public_meeting(date)
    return version_changes_response(
        request, meeting, number, current_url=meeting.get_absolute_url()
    )
