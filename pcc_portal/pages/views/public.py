"""Public content pages, served from their latest published version."""

from django.shortcuts import render
from django.views.generic import TemplateView

from pcc_portal.publications.models import Version
from pcc_portal.publications.public import (
    live_version,
    published_and_live_version,
    published_or_gone,
    version_changes_response,
    version_pdf_or_gone,
)
from pcc_portal.publications.responses import version_pdf_response

from .. import accessibility as accessibility_statement
from ..models import ContentPage


def _published(slug):
    return published_and_live_version(ContentPage.objects, slug=slug)


class PageView(TemplateView):
    template_name = "pages/page.html"

    def get_context_data(self, **kwargs):
        page, version = _published(self.kwargs["slug"])
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "version": version,
            "versions": list(Version.objects.for_object(page).public()),
        }


def accessibility(request):
    """The accessibility statement: the office's own words (its published page, else the
    default text) with what the regulations ask for that the portal knows itself: the
    compliance status, the documents that are not accessible, and when it was prepared and
    last reviewed."""
    page = ContentPage.objects.public().filter(slug="accessibility").first()
    version = live_version(page) if page is not None else None
    return render(
        request,
        "accessibility.html",
        {"page": page, "version": version, **accessibility_statement.statement(page)},
    )


def page_pdf(request, slug):
    page, version = _published(slug)
    return version_pdf_response(version, filename=f"{page.slug}.pdf")


def page_version_pdf(request, slug, number):
    page = published_or_gone(ContentPage.objects, slug=slug)
    return version_pdf_or_gone(page, number, filename=f"{page.slug}-version-{number}.pdf")


def page_version_changes(request, slug, number):
    page = published_or_gone(ContentPage.objects, slug=slug)
    return version_changes_response(
        request, page, number, version_pdf=("pages:version_pdf", {"slug": page.slug})
    )
