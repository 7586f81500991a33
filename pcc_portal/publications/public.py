"""What public views call to find a published object or version. Something withdrawn answers
410 Gone with the public notice (``Withdrawn``, turned into the page by ``WithdrawnMiddleware``),
something never published 404, so every app treats withdrawn things the same way."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from .models import Version


class Withdrawn(Exception):
    """Raised by a public view asked for something withdrawn: the public gets the notice."""

    def __init__(self, *, title, withdrawal, current_url=""):
        super().__init__(title)
        self.title = title
        self.withdrawal = withdrawal
        self.current_url = current_url


def _public_title(obj, withdrawal):
    """The title as the public last saw it: the newest withdrawn version's, for something
    published in versions (a ``Withdrawal``); else the object's own."""
    if not hasattr(withdrawal, "up_to_number"):
        return str(obj)
    version = (
        Version.objects.for_object(obj)
        .ready()
        .filter(number__lte=withdrawal.up_to_number)
        .order_by("-number")
        .first()
    )
    return version.title if version else str(obj)


def published_or_gone(queryset, **lookup):
    """The public object ``queryset`` finds by ``lookup``: raises ``Withdrawn`` if it was
    published and has been withdrawn, ``Http404`` if it never was public. ``queryset`` has
    ``public()`` and ``withdrawn()``, and what it finds ``withdrawal()``, its notice."""
    obj = queryset.public().filter(**lookup).first()
    if obj is not None:
        return obj
    obj = queryset.withdrawn().filter(**lookup).first()
    if obj is not None:
        withdrawal = obj.withdrawal()
        raise Withdrawn(title=_public_title(obj, withdrawal), withdrawal=withdrawal)
    raise Http404("Nothing is published here.")


# What a page about a version does not show: the document its PDF was rendered from and the
# plain text search reads. Deferred, they are neither fetched nor kept in a cached page's context.
NOT_ON_PAGES = ("document_html", "text")


def live_version(obj, *, defer=()):
    """The version of a public object that the public sees (without the fields ``defer``
    names, loaded only if read)."""
    version = Version.objects.defer(*defer).latest_ready_for(obj)
    if version is None:
        raise Http404("Nothing is published here.")
    return version


def published_and_live_version(queryset, *, defer=(), **lookup):
    """The public object ``queryset`` finds by ``lookup`` (``published_or_gone``) and the
    version of it the public sees (``live_version``): what an object's public page shows."""
    obj = published_or_gone(queryset, **lookup)
    return obj, live_version(obj, defer=defer)


def version_or_gone(obj, number, *, current_url=""):
    """Ready version ``number`` of ``obj``: raises ``Withdrawn`` if it was withdrawn (even when
    a later version is public again), ``Http404`` if there is no such published version."""
    version = Version.objects.for_object(obj).ready().filter(number=number).first()
    if version is None:
        raise Http404("No such published version.")
    withdrawal = version.withdrawal()
    if withdrawal is not None:
        raise Withdrawn(title=version.title, withdrawal=withdrawal, current_url=current_url)
    return version


def version_pdf_or_gone(obj, number, *, filename, current_url=None):
    """The PDF of ready version ``number`` of ``obj`` (410 with the notice if it was withdrawn,
    404 if there is none); ``current_url`` is where the notice sends readers (the object's
    page by default)."""
    from .responses import version_pdf_response

    version = version_or_gone(obj, number, current_url=current_url or obj.get_absolute_url())
    return version_pdf_response(version, filename=filename)


def version_changes_response(
    request, obj, number, *, current_url=None, version_pdf=None, public_rows=None, page_html=None
):
    """The public comparison of version ``number`` of ``obj`` with the public version before
    it (text and tables, lines and rows removed and added marked), as legislation.gov.uk shows
    changes over time. ``current_url`` is the object's page (its own address by default);
    ``version_pdf``, if versions have PDFs of their own, is the URL name and arguments of a
    version's PDF (``"plans:version_pdf", {"slug": ...}``), its ``number`` added.
    ``public_rows``, if given, names the only summary list rows the public may read now (a
    restricted decision's register entry): nothing else of either version is compared,
    whatever an earlier version showed. ``page_html(version)``, if given, renders
    the page a version gave the public, for a record whose versions freeze fields rather than
    a page (a casework case). A withdrawn version answers 410 with the notice; the first
    version, or one with no public version before it, 404: there is nothing to compare."""
    from . import diff

    current_url = current_url or obj.get_absolute_url()
    version = version_or_gone(obj, number, current_url=current_url)
    previous = Version.objects.for_object(obj).public().filter(number__lt=version.number).first()
    if previous is None:
        raise Http404("The first published version has nothing to compare with.")
    if page_html is not None:
        before, after = page_html(previous), page_html(version)
    else:
        before, after = previous.html, version.html
    if public_rows is not None:
        changes = diff.summary_changes(before, after, keys=public_rows)
        table_changes = []
    else:
        changes = diff.page_changes(before, after)
        table_changes = diff.table_changes(before, after)
    return TemplateResponse(
        request,
        "publications/changes.html",
        {
            "object": obj,
            "version": version,
            "previous": previous,
            "changes": changes,
            "table_changes": table_changes,
            "current_url": current_url,
            "version_url": _version_pdf_url(version_pdf, version),
            "previous_url": _version_pdf_url(version_pdf, previous),
        },
    )


def _version_pdf_url(version_pdf, version):
    if version_pdf is None:
        return ""
    name, kwargs = version_pdf
    return reverse(name, kwargs={**kwargs, "number": version.number})


def withdrawn_response(request, *, title, withdrawal, current_url=""):
    """The public notice: what was withdrawn, when and why, with 410 Gone."""
    return TemplateResponse(
        request,
        "publications/withdrawn.html",
        {"title": title, "withdrawal": withdrawal, "current_url": current_url},
        status=410,
    )


class WithdrawnMiddleware:
    """Answer ``Withdrawn`` from any public view with the notice page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Withdrawn):
            response = withdrawn_response(
                request,
                title=exception.title,
                withdrawal=exception.withdrawal,
                current_url=exception.current_url,
            )
            return response.render()
        return None
