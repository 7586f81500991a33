"""The public figures about complaints against the Commissioner and the Deputy: counts per
financial year, never a record or anything personal. Every public page and the CSV use this."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear

from pcc_portal.financial_year import financial_year_bounds, financial_year_label, financial_year_of

from .models import Complaint


@dataclass(frozen=True)
class ComplaintFigures:
    year: int
    subject: str
    subject_label: str
    received: int
    recorded: int
    referred: int
    resolved: int

    @property
    def period(self):
        return financial_year_label(self.year)

    @property
    def starts(self):
        return financial_year_bounds(self.year)[0]


def complaint_figures():
    """Per financial year (of receipt) and subject: received, recorded, referred to the IOPC
    and resolved (informally or otherwise closed). Newest year first; both subjects every
    year, with zeros."""
    rows = (
        Complaint.objects.annotate(y=ExtractYear("received_on"), m=ExtractMonth("received_on"))
        .values("y", "m", "subject")
        .annotate(
            received=Count("pk"),
            recorded=Count("pk", filter=Q(recording=Complaint.Recording.RECORDED)),
            referred=Count("pk", filter=Q(referred_on__isnull=False)),
            resolved=Count("pk", filter=Q(outcome=Complaint.Outcome.RESOLVED)),
        )
    )
    totals = {}
    for row in rows:
        year = financial_year_of(datetime.date(row["y"], row["m"], 1))
        counts = totals.setdefault((year, row["subject"]), [0, 0, 0, 0])
        for i, name in enumerate(("received", "recorded", "referred", "resolved")):
            counts[i] += row[name]
    years = sorted({year for year, _subject in totals}, reverse=True)
    return [
        ComplaintFigures(year, subject, label, *totals.get((year, subject), [0, 0, 0, 0]))
        for year in years
        for subject, label in Complaint.Subject.choices
    ]


def latest_complaint_figures():
    """The figures of the latest financial year with any complaint, for the Panel's page (the
    full series is on the complaints page and in its CSV)."""
    figures = complaint_figures()
    if not figures:
        return []
    return [row for row in figures if row.year == figures[0].year]
