"""The public figures about complaints against the Commissioner and the Deputy: counts only."""

import csv

from django.http import HttpResponse
from django.shortcuts import render

from ..statistics import complaint_figures

CSV_COLUMNS = ["period", "period_starts", "about", "received", "recorded", "referred", "resolved"]


def complaints(request):
    return render(request, "casework/complaints.html", {"figures": complaint_figures()})


def complaints_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="panel-complaints.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in complaint_figures():
        writer.writerow(
            [
                row.period,
                row.starts.isoformat(),
                row.subject_label,
                row.received,
                row.recorded,
                row.referred,
                row.resolved,
            ]
        )
    return response
