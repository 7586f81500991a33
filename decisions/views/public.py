"""The public decision register: list, notices, PDFs, open data, the Atom feed and the Panel's
decisions reports. Everything here reads through ``public()``; Part 2 is never imported."""

import json

from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from pcc_portal.caching import cached_fragment, lazy_context
from pcc_portal.publications.models import Version
from pcc_portal.publications.public import (
    NOT_ON_PAGES,
    live_version,
    published_and_live_version,
    published_or_gone,
    version_changes_response,
    version_pdf_or_gone,
)
from pcc_portal.publications.responses import pdf_response, version_pdf_response
from pcc_portal.querystring import refuse_nul_bytes, without_page
from pcc_portal.tables import csv_response

from .. import opendata
from ..filters import DecisionFilter
from ..models import Decision, DecisionsReport

PER_PAGE = 25


def _public_decisions():
    return Decision.objects.public().with_priorities().in_register_order()


def _published(year, number):
    return published_and_live_version(Decision.objects, financial_year=year, number=number)


IMPORTED = "Imported from the previous system"


def imported_notes(decisions):
    """For each of ``decisions`` whose live version is the one imported from the previous
    system, that release's change note ("Imported from the previous system on <date>"), by
    primary key: one query for a page of the register."""
    content_type = ContentType.objects.get_for_model(Decision, for_concrete_model=False)
    live = {}
    versions = (
        Version.objects.public()
        .filter(content_type=content_type, object_id__in=[d.pk for d in decisions])
        .order_by("object_id", "-number")
        .values_list("object_id", "change_note")
    )
    for object_id, note in versions:
        live.setdefault(object_id, note)
    return {pk: note.rstrip(".") for pk, note in live.items() if note.startswith(IMPORTED)}


def _register_content(params):
    filters = DecisionFilter(
        params or None, queryset=_public_decisions(), decisions=Decision.objects.public()
    )
    page = Paginator(filters.qs, PER_PAGE).get_page(params.get("page"))
    decisions = list(page.object_list)
    imported = imported_notes(decisions)
    for decision in decisions:
        decision.imported_note = imported.get(decision.pk, "")
    return {
        "form": filters.form,
        "page_obj": page,
        "decisions": decisions,
        "reports": list(DecisionsReport.objects.public()[:5]),
    }


@refuse_nul_bytes
def register(request):
    # Read only when the page's cached part (keyed by the address, filters and page included)
    # is not in the cache for this generation.
    content = lazy_context(
        ["form", "page_obj", "decisions", "reports"], lambda: _register_content(request.GET)
    )
    return render(
        request, "decisions/register.html", {**content, "query": without_page(request.GET)}
    )


def data_help(request):
    return render(request, "decisions/data.html", {"fields": opendata.FIELDS})


def _detail_context(year, number):
    decision = published_or_gone(Decision.objects, financial_year=year, number=number)
    return {
        "decision": decision,
        "version": live_version(decision, defer=NOT_ON_PAGES),
        "versions": list(
            Version.objects.for_object(decision).public().defer("html", *NOT_ON_PAGES)
        ),
    }


def detail(request, year, number):
    # A decision's page changes only with a release or a withdrawal of it: what it shows is
    # kept for the publication generation (signed-in users always read it afresh).
    context = cached_fragment(
        request, "decision-page", lambda: _detail_context(year, number), vary=(year, number)
    )
    return render(request, "decisions/detail.html", context)


# What the register shows of a restricted decision: a comparison of its versions shows no more,
# even of a version published before it was restricted.
REGISTER_ROWS = {"Reference", "Title", "Priority", "Date of decision"}


def version_changes(request, year, number, version):
    decision = published_or_gone(Decision.objects, financial_year=year, number=number)
    return version_changes_response(
        request,
        decision,
        version,
        current_url=decision.get_absolute_url(),
        public_rows=REGISTER_ROWS if decision.is_restricted else None,
    )


def notice_pdf(request, year, number):
    decision, version = _published(year, number)
    return version_pdf_response(version, filename=f"decision-{number:02d}-{year}.pdf")


def attachment(request, year, number, pk):
    decision, _ = _published(year, number)
    if decision.is_restricted:
        raise Http404("No such document.")
    document = get_object_or_404(decision.attachments, pk=pk)
    return pdf_response(
        document.file.open("rb"), filename=f"decision-{number:02d}-{year}-{document.pk}.pdf"
    )


def _records(request):
    """The register's records, filtered as the register page linking here was: the same filter
    form reads the same query string."""
    filters = DecisionFilter(
        request.GET or None, queryset=_public_decisions(), decisions=Decision.objects.public()
    )
    return [
        opendata.record(decision, build_url=request.build_absolute_uri) for decision in filters.qs
    ]


@refuse_nul_bytes
def register_csv(request):
    rows = [[record[name] for name in opendata.FIELD_NAMES] for record in _records(request)]
    return csv_response([opendata.FIELD_NAMES, *rows], filename="decisions.csv")


@refuse_nul_bytes
def register_json(request):
    body = {
        "title": "Decisions register",
        "generated_at": timezone.localtime().isoformat(),
        "licence": "Open Government Licence v3.0",
        "documentation": request.build_absolute_uri(reverse("decisions:data")),
        "fields": [{"name": name, "description": text} for name, text in opendata.FIELDS],
        "decisions": _records(request),
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json"
    )


class DecisionFeed(Feed):
    feed_type = Atom1Feed
    title = "Decisions of the Police and Crime Commissioner"
    subtitle = "Each decision as its notice is published."

    def link(self):
        return reverse("decisions:register")

    def items(self):
        return _public_decisions().order_by("-published_at")[:50]

    def item_title(self, item):
        return f"{item.reference}: {item.public_title}"

    def item_description(self, item):
        if item.is_restricted:
            return f"Restricted decision. Priority: {item.priority_text}."
        return item.executive_summary_html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return item.priority_labels()


def report(request, pk):
    report = published_or_gone(DecisionsReport.objects, pk=pk)
    return render(
        request,
        "decisions/report.html",
        {
            "report": report,
            "version": live_version(report),
            "versions": list(Version.objects.for_object(report).public()),
        },
    )


def report_pdf(request, pk):
    report = published_or_gone(DecisionsReport.objects, pk=pk)
    return version_pdf_response(live_version(report), filename=f"decisions-report-{report.pk}.pdf")


def report_version_pdf(request, pk, number):
    report = published_or_gone(DecisionsReport.objects, pk=pk)
    return version_pdf_or_gone(
        report, number, filename=f"decisions-report-{report.pk}-version-{number}.pdf"
    )


def report_version_changes(request, pk, number):
    report = published_or_gone(DecisionsReport.objects, pk=pk)
    return version_changes_response(
        request,
        report,
        number,
        version_pdf=("decisions:report_version_pdf", {"pk": report.pk}),
    )
