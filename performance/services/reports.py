"""The quarterly report's commentary, and publishing it with its quarter's figures."""

from django.db import transaction

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing

from ..models import QuarterlyReport, ReportCommentary
from .figures import release_figures


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
def publish_report(*, report, by, note, reviewed=None):
    """Publish the report, releasing first the figures of its quarter for its plan: the report
    is frozen with them, and publishing it is the decision to make them public. With
    ``reviewed`` (the ``review_key`` of the figures its check page showed), nothing is published
    if they have changed since (``FiguresChanged``), as on the figures' own release page."""
    if not QuarterlyReport.objects.filter(pk=report.pk).exists():
        raise InvalidTransition("The report no longer exists.")
    release_figures(quarter=report.period, by=by, plan=report.plan, reviewed=reviewed)
    return publishing.publish(obj=report, by=by, note=note)
