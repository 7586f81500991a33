"""Sources for what is published for a period it covers: the plan, performance reports,
scrutiny meetings, decisions reports and spending."""

from dateutil.relativedelta import relativedelta

from decisions.models import DecisionsReport
from performance.models import QuarterlyReport, ScrutinyMeeting
from plans.models import Plan

from .latest import _ready_at
from .readings import Reading


def _plan(cache):
    """The plan the public reads, for the term it covers."""
    plan = Plan.objects.public().order_by("-term_start", "-pk").first()
    if plan is None:
        return None
    return Reading(
        published=_ready_at(plan),
        covered_from=plan.term_start,
        covered_to=plan.term_end,
        url=plan.get_absolute_url(),
    )


def _quarterly_report(*, national_statement=False):
    """The latest quarterly performance report the public reads, for the quarter it covers;
    with ``national_statement``, the latest that carries the statement on the national
    priorities for policing (para 7A(a))."""

    def read(cache):
        reports = QuarterlyReport.objects.public()
        if national_statement:
            reports = reports.exclude(national_statement="")
        report = reports.order_by("-financial_year", "-quarter").first()
        if report is None:
            return None
        return Reading(
            published=_ready_at(report),
            covered_from=report.period.start,
            covered_to=report.period.end,
            url=report.get_absolute_url(),
        )

    return read


def _scrutiny_meeting(cache):
    meeting = ScrutinyMeeting.objects.public().order_by("-date").first()
    if meeting is None:
        return None
    return Reading(published=_ready_at(meeting), covered_from=meeting.date, covered_to=meeting.date)


def _decisions_report(cache):
    report = DecisionsReport.objects.public().order_by("-period_end", "-pk").first()
    if report is None:
        return None
    return Reading(
        published=_ready_at(report),
        covered_from=report.period_start,
        covered_to=report.period_end,
    )


def _spending(cache):
    """The latest month of spending released, for that month."""
    from ..models import SpendingUpload

    upload = SpendingUpload.objects.public().order_by("-month").first()
    if upload is None:
        return None
    return Reading(
        published=upload.released_at or _ready_at(upload),
        covered_from=upload.month,
        covered_to=upload.month + relativedelta(day=31),  # the month's last day
    )
