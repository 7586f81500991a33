"""Serving published PDFs."""

from django.http import FileResponse, Http404
from django.utils.http import http_date


def version_pdf_response(version, *, filename):
    """The version's frozen PDF, inline, with a file name people can save."""
    if version is None or not version.pdf:
        raise Http404("No published PDF.")
    response = FileResponse(
        version.pdf.open("rb"), content_type="application/pdf", filename=filename
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    response["ETag"] = f'"{version.sha256}"'
    if version.ready_at:  # with the ETag, a client that has the file gets 304 Not Modified
        response["Last-Modified"] = http_date(version.ready_at.timestamp())
    return response
