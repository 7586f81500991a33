"""Serving published PDFs."""

from django.http import FileResponse, Http404


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
    return response
