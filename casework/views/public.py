"""Public pages of the Panel's casework: precepts, confirmation hearings and annual reports as
published, with their documents (only the cleaned copies)."""

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from pcc_portal.publications.models import Version
from pcc_portal.publications.public import (
    Withdrawn,
    live_version,
    published_or_gone,
    version_changes_response,
)
from pcc_portal.publications.responses import pdf_response

from .. import selectors
from ..models import Case, Step
from ..records import released_document

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
        {"title": title, "kind": kind, "cases": selectors.public_cases(kind=kind)},
    )


def _detail(request, **lookup):
    """A released case as its live version froze it, with the list of its releases; 410 with
    the notice once withdrawn."""
    case = published_or_gone(Case.objects, **lookup)
    title, list_url = KIND_PAGES[case.kind]
    return render(
        request,
        "casework/case.html",
        {
            **selectors.public_case_page(version=live_version(case)),
            "versions": list(Version.objects.for_object(case).public()),
            "section_title": title,
            "section_url": list_url,
        },
    )


def _version_changes(request, number, **lookup):
    """What release ``number`` of a case changed against the release before, compared as the
    public read each (a case's versions freeze its fields, so each is rendered as its page)."""
    case = published_or_gone(Case.objects, **lookup)
    return version_changes_response(
        request,
        case,
        number,
        current_url=case.get_absolute_url(),
        page_html=lambda version: render_to_string(
            "casework/_case_body.html", selectors.public_case_page(version=version)
        ),
    )


def precept(request, year):
    return _detail(request, kind=Case.Kind.PRECEPT, year=year)


def annual_report(request, year):
    return _detail(request, kind=Case.Kind.ANNUAL_REPORT, year=year)


def hearing(request, pk):
    return _detail(request, kind=Case.Kind.CONFIRMATION, pk=pk)


def precept_version_changes(request, year, number):
    return _version_changes(request, number, kind=Case.Kind.PRECEPT, year=year)


def annual_report_version_changes(request, year, number):
    return _version_changes(request, number, kind=Case.Kind.ANNUAL_REPORT, year=year)


def hearing_version_changes(request, pk, number):
    return _version_changes(request, number, kind=Case.Kind.CONFIRMATION, pk=pk)


def _gone(step):
    """The notice for a document a withdrawn release served, or None."""
    case = Case.objects.withdrawn().filter(pk=step.case_id).first()
    if case is None:
        return None
    withdrawal = case.withdrawal()
    served = [
        v
        for v in Version.objects.for_object(case).ready().order_by("-number")
        if released_document(v, step.pk)
    ]
    if withdrawal is None or not served:
        return None
    return Withdrawn(title=served[0].title, withdrawal=withdrawal)


def document(request, pk):
    """A step's document: the copy cleaned on upload, only while the case's live version
    released it, and only the file that version froze. Withdrawn: 410 with the notice."""
    step = Step.objects.filter(pk=pk).exclude(document="").first()
    if step is None:
        raise Http404("No such published document.")
    case = Case.objects.public().filter(pk=step.case_id).first()
    version = case.live_version() if case is not None else None
    row = released_document(version, step.pk) if version is not None else None
    if row is None or row["document"] != step.document.name:
        gone = _gone(step) if case is None else None
        if gone is not None:
            raise gone
        raise Http404("No such published document.")
    return pdf_response(
        step.document.open("rb"), filename=f"{case.kind}-{case.year or case.pk}-{step.kind}.pdf"
    )
