"""The public figures about complaints against the Commissioner and the Deputy: counts only."""

from django.shortcuts import render

from pcc_portal.tables import csv_response

from ..statistics import complaint_figures

CSV_COLUMNS = ["period", "period_starts", "about", "received", "recorded", "referred", "resolved"]


def complaints(request):
    return render(request, "casework/complaints.html", {"figures": complaint_figures()})


def complaints_csv(request):
    rows = [
        [
            row.period,
            row.starts.isoformat(),
            row.subject_label,
            row.received,
            row.recorded,
            row.referred,
            row.resolved,
        ]
        for row in complaint_figures()
    ]
    return csv_response([CSV_COLUMNS, *rows], filename="panel-complaints.csv")
