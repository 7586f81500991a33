"""Public pages of the Panel's casework: precepts, confirmation hearings and annual reports as
published, with their documents (only the cleaned copies)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from .. import selectors
from ..models import Case, Step

KIND_PAGES = {
    Case.Kind.PRECEPT: ("Precepts", "casework:precepts"),
    Case.Kind.CONFIRMATION: ("Confirmation hearings", "casework:hearings"),
    Case.Kind.ANNUAL_REPORT: ("Annual reports", "casework:annual_reports"),
}


def cases(request, kind):
    title, _url = KIND_PAGES[kind]
    return render(
        request,
        "casework/cases.html",
        {
            "title": title,
            "kind": kind,
            "cases": Case.objects.public().filter(kind=kind).select_related("meeting"),
        },
    )


def _detail(request, case):
    title, list_url = KIND_PAGES[case.kind]
    return render(
        request,
        "casework/case.html",
        {**selectors.case_page(case), "section_title": title, "section_url": list_url},
    )


def precept(request, year):
    return _detail(
        request, get_object_or_404(Case.objects.public(), kind=Case.Kind.PRECEPT, year=year)
    )


def annual_report(request, year):
    return _detail(
        request, get_object_or_404(Case.objects.public(), kind=Case.Kind.ANNUAL_REPORT, year=year)
    )


def hearing(request, pk):
    return _detail(
        request, get_object_or_404(Case.objects.public(), kind=Case.Kind.CONFIRMATION, pk=pk)
    )


def document(request, pk):
    """A step's document: the copy cleaned on upload, and only while its case is public."""
    step = (
        Step.objects.filter(case__in=Case.objects.public(), pk=pk)
        .exclude(document="")
        .select_related("case")
        .first()
    )
    if step is None:
        raise Http404("No such published document.")
    return FileResponse(
        step.document.open("rb"),
        content_type="application/pdf",
        filename=f"{step.case.kind}-{step.case.year or step.case.pk}-{step.kind}.pdf",
    )
