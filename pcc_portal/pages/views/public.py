"""Public content pages, served from their latest published version."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from pcc_portal.publications.models import Version
from pcc_portal.publications.responses import version_pdf_response

from ..models import ContentPage


def _published(slug):
    page = get_object_or_404(ContentPage.objects.public(), slug=slug)
    return page, Version.objects.latest_ready_for(page)


class PageView(TemplateView):
    template_name = "pages/page.html"

    def get_context_data(self, **kwargs):
        page, version = _published(self.kwargs["slug"])
        return {**super().get_context_data(**kwargs), "page": page, "version": version}


def accessibility(request):
    """The accessibility statement: the published page if there is one, else the default text."""
    if ContentPage.objects.public().filter(slug="accessibility").exists():
        return PageView.as_view()(request, slug="accessibility")
    return render(request, "accessibility.html")


def page_pdf(request, slug):
    page, version = _published(slug)
    return version_pdf_response(version, filename=f"{page.slug}.pdf")


def page_version_pdf(request, slug, number):
    page = get_object_or_404(ContentPage.objects.public(), slug=slug)
    version = Version.objects.for_object(page).ready().filter(number=number).first()
    if version is None:
        raise Http404("No such published version.")
    return version_pdf_response(version, filename=f"{page.slug}-version-{number}.pdf")
