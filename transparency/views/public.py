"""Public pages: the index, documents, registers and their open data, the forward plan, search,
golden thread, alerts and their feeds, the sitemap and robots.txt."""

from django.contrib.sitemaps import views as sitemaps_views
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from pcc_portal.caching import lazy_context
from pcc_portal.financial_year import financial_year_label
from pcc_portal.publications.public import published_or_gone, version_changes_response
from pcc_portal.publications.responses import pdf_response
from pcc_portal.querystring import refuse_nul_bytes, without_page
from pcc_portal.tables import csv_response

from .. import search as site_search
from .. import selectors, sitemap, thread
from ..documents import kind_of
from ..filters import month_param
from ..models import Contract, ContractCopy, ItemDocument, SpendingUpload

LIST_PAGE_SIZE = 50


def _index_content():
    rows = selectors.index_rows()
    return {
        "sections": selectors.index_sections(rows=rows),
        "counts": selectors.status_counts(rows=rows),
        "priorities": thread.public_priorities(),
    }


def index(request):
    # Read only when the page's cached part is not in the cache for this generation and day.
    content = lazy_context(["sections", "counts", "priorities"], _index_content)
    return render(request, "transparency/index.html", {**content, "today": timezone.localdate()})


def document(request, pk):
    item_document = published_or_gone(ItemDocument.objects, pk=pk)
    name = item_document.file.name.rsplit("/", 1)[-1]
    if kind_of(name) == "PDF":  # opens in the browser, as every PDF the portal serves
        return pdf_response(item_document.file.open("rb"), filename=name)
    # A spreadsheet, CSV or JSON file is saved.
    return FileResponse(item_document.file.open("rb"), filename=name, as_attachment=True)


def _register(slug, params):
    """The register ``slug``; for a month of spending whose release was withdrawn (and not
    replaced), the public notice instead, at the page and at its CSV and JSON."""
    register = selectors.REGISTERS.get(slug)
    if register is None:
        raise Http404("No such register.")
    month = month_param(params) if register.is_spending else None
    if month is not None:
        uploads = SpendingUpload.objects.filter(month=month)
        if params.get("source") in SpendingUpload.Source.values:
            uploads = uploads.filter(source=params["source"])
        if not uploads.public().exists() and uploads.withdrawn().exists():
            published_or_gone(uploads.order_by("-released_at"))
    return register


IMPORTED = "Imported from the previous system"


def _imported_note(row):
    """The release's change note when ``row`` (an entry's live record version) is the entry as
    it was imported from the previous system, else an empty string."""
    note = getattr(row, "change_note", "")
    return note.rstrip(".") if note.startswith(IMPORTED) else ""


def _register_content(spec, params):
    rows = spec.filtered(params)
    page = Paginator(rows, LIST_PAGE_SIZE).get_page(params.get("page"))
    records = list(page.object_list)
    total = selectors.register_total(rows=rows, register=spec)
    compared = (
        set() if spec.is_spending else selectors.compared_records(model=spec.model, records=records)
    )
    content = {
        "page": page,
        "rows": [
            (
                entry,
                [c.show(entry) for c in spec.columns],
                _imported_note(record),
                _changes_url(spec, record) if entry.pk in compared else "",
            )
            for record, entry in zip(records, spec.for_display(records), strict=True)
        ],
        "years": [(y, financial_year_label(y)) for y in spec.years()],
        "choice_filters": [
            (parameter, label, choices, params.get(parameter, ""))
            for parameter, label, _field, choices in spec.choice_filters
        ],
        "has_total": total is not None,
        "total": total,
        "months": [],
    }
    if spec.is_spending:
        # Each month once, though the Commissioner's and the Chief Constable's files are two.
        content["months"] = SpendingUpload.objects.public().dates("month", "month", order="DESC")[
            :24
        ]
    return content


def _changes_url(spec, record):
    return reverse(
        "transparency:entry_version_changes",
        kwargs={"register": spec.slug, "pk": record.object_id, "number": record.number},
    )


def entry_version_changes(request, register, pk, number):
    """What changed in a register entry's release against its release before: the entry as the
    register showed it then and shows it now, column by column (only what the register shows)."""
    spec = selectors.REGISTERS.get(register)
    if spec is None or spec.is_spending:
        raise Http404("No such register.")
    entry = published_or_gone(spec.model.objects, pk=pk)

    def page_html(version):
        (shown,) = spec.for_display([version])
        return render_to_string(
            "transparency/_entry_record.html",
            {"register": spec, "cells": [(c.heading, c.show(shown)) for c in spec.columns]},
        )

    return version_changes_response(
        request,
        entry,
        number,
        current_url=f"{spec.url()}#entry-{entry.pk}",
        page_html=page_html,
    )


REGISTER_CONTENT = ["page", "rows", "years", "choice_filters", "has_total", "total", "months"]


@refuse_nul_bytes
def register(request, register):
    spec = _register(register, request.GET)
    context = {
        "register": spec,
        # Read only when the page's cached part (keyed by the address) is not in the cache.
        **lazy_context(REGISTER_CONTENT, lambda: _register_content(spec, request.GET)),
        "params": request.GET,
        "query": without_page(request.GET),
        "filtered": any(
            request.GET.get(k) for k in ["q", "year", *[f[0] for f in spec.choice_filters]]
        ),
    }
    return render(request, "transparency/register.html", context)


def _entries_csv(spec, entries):
    """A register's entries as its CSV download: a row of its column headings, then a row for
    each entry."""

    def lines():
        yield [c.heading for c in spec.columns]
        for entry in entries:
            yield [c.value(entry) for c in spec.columns]

    return csv_response(lines(), filename=f"{spec.slug}.csv")


def _entries_json(request, spec, entries, *, description):
    """A register's entries as its JSON download, with what the register is and where."""
    return JsonResponse(
        {
            "register": spec.title,
            "description": description,
            "url": request.build_absolute_uri(spec.url()),
            "generated_at": timezone.now().isoformat(),
            "entries": [spec.record(entry) for entry in entries],
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


@refuse_nul_bytes
def register_csv(request, register):
    spec = _register(register, request.GET)
    return _entries_csv(spec, spec.for_display(spec.filtered(request.GET)))


@refuse_nul_bytes
def register_json(request, register):
    spec = _register(register, request.GET)
    entries = spec.for_display(spec.filtered(request.GET))
    return _entries_json(request, spec, entries, description=spec.description)


def contract_copy(request, pk, kind):
    """A copy of a contract, or of its invitation to tender, as the entry's release froze it:
    a copy uploaded since is not public until the entry is released again, and a withdrawn
    entry's copies answer 410 with its notice."""
    if kind not in ContractCopy.values:
        raise Http404("No such document.")
    published_or_gone(Contract.objects, pk=pk)
    record = selectors.published_records(model=Contract).filter(object_id=pk).first()
    entry = Contract.from_record(object_id=pk, data=record.data) if record else None
    if entry is None or not entry.copy_file(kind):
        raise Http404("No copy is published.")
    return pdf_response(
        entry.copy_file(kind).open("rb"),
        filename=f"contract-{slugify(entry.reference) or pk}-{kind}.pdf",
    )


def forward_plan(request):
    entries = list(selectors.forward_plan())
    return render(request, "transparency/forward_plan.html", {"entries": entries})


def forward_plan_csv(request):
    return _entries_csv(selectors.FORWARD_PLAN, selectors.forward_plan())


def forward_plan_json(request):
    return _entries_json(
        request,
        selectors.FORWARD_PLAN,
        selectors.forward_plan(),
        description="Decisions of significant public interest the Commissioner expects to make "
        "in the coming months.",
    )


def _search_results(query, kind, year, page_number):
    if not query:
        return {"results": None}
    year = int(year) if year.isdecimal() and len(year) == 4 else None
    return {
        "results": site_search.search(query=query, kind=kind, year=year, page_number=page_number)
    }


@refuse_nul_bytes
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("type", "")
    year = request.GET.get("year", "")
    page_number = request.GET.get("page", "")
    # Run only when the page's cached part (keyed by the query, its filters and the page) is
    # not in the cache for this generation: results change only on release.
    content = lazy_context(["results"], lambda: _search_results(query, kind, year, page_number))
    return render(
        request,
        "transparency/search.html",
        {
            **content,
            "query": query,
            "kind": kind,
            "year": year,
            "page_number": page_number,
            "querystring": without_page(request.GET),
        },
    )


def golden_thread(request, slug, number):
    """The thread's first home: it now lives on the plan's own page for the priority."""
    priority = thread.public_priority(slug=slug, number=number)
    if priority is None:
        raise Http404("No such published priority.")
    return redirect(f"{priority.get_absolute_url()}#golden-thread", permanent=True)


# Discoverability ----------------------------------------------------------------------------


SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8"


@require_GET
def sitemap_xml(request):
    """The sitemap: all public URLs in one file while they fit one section, else the sitemap
    index of its sections (``sitemap_section``), each under the protocol's limits."""
    urls = sitemap.cached_public_urls(request)
    sections = sitemap.sitemaps(urls)
    if len(urls) <= sitemap.SECTION_SIZE:
        response = sitemaps_views.sitemap(
            request, sitemaps=sections, content_type=SITEMAP_CONTENT_TYPE
        )
    else:
        response = sitemaps_views.index(
            request,
            sitemaps=sections,
            content_type=SITEMAP_CONTENT_TYPE,
            sitemap_url_name="transparency:sitemap_section",
        )
    return response.render()


@require_GET
def sitemap_section(request, section):
    sections = sitemap.sitemaps(sitemap.cached_public_urls(request))
    return sitemaps_views.sitemap(
        request, sitemaps=sections, section=section, content_type=SITEMAP_CONTENT_TYPE
    ).render()


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /manage/",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /alerts/confirm/",
        "Disallow: /alerts/unsubscribe/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('transparency:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
