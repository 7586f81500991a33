"""Serving published PDFs."""

from django.http import FileResponse, Http404
from django.utils.http import http_date


def pdf_response(handle, *, filename, etag=None):
    """A PDF shown in the browser (``FileResponse`` names a file ``inline`` unless told it is
    an attachment), with a file name people can save and, where it is known, its ETag."""
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    if etag:
        response["ETag"] = f'"{etag}"'
    return response


def version_pdf_response(version, *, filename):
    """The version's frozen PDF, inline, with a file name people can save."""
    if version is None or not version.pdf:
        raise Http404("No published PDF.")
    response = pdf_response(version.pdf.open("rb"), filename=filename, etag=version.sha256)
    if version.ready_at:  # with the ETag, a client that has the file gets 304 Not Modified
        response["Last-Modified"] = http_date(version.ready_at.timestamp())
    return response
