"""PDF rendering with WeasyPrint, hardened.

Documents are rendered as tagged PDF/UA-1 with their language and title. The URL fetcher serves
only the project's own static and media files and small ``data:`` URIs; every other URL (http,
https elsewhere, file, other schemes, path escapes) is refused, and the base URL points at a host
that resolves nowhere. After rendering, pikepdf adds the table header scopes WeasyPrint leaves out
of the structure tree and removes any embedded file.
"""

import gc
import io
import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pikepdf
import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Bump when the rendering changes, so documents can be re-rendered under a new job key.
RENDERER_VERSION = f"weasyprint-{weasyprint.__version__}-1"

# Relative URLs in documents resolve against this host, which the fetcher maps to our own files.
# `.invalid` is reserved: it can never resolve to a real host.
BASE_URL = "https://documents.pcc-portal.invalid/"
DATA_URI_LIMIT = 2 * 1024 * 1024
DOCUMENT_SIZE_LIMIT = 20 * 1024 * 1024


class RefusedURL(ValueError):
    """The document asked for something outside the project's own files."""


@dataclass(frozen=True)
class RenderedPDF:
    content: bytes
    page_count: int


def _contained(path, roots):
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(Path(root).resolve()) for root in roots)


def _relative_path(path, prefix):
    relative = PurePosixPath(unquote(path)[len(prefix) :])
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise RefusedURL(f"Refused path outside {prefix}: {path}")
    return str(relative)


def _static_roots():
    return [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]


class SafeURLFetcher(URLFetcher):
    """Fetches only our static and media files and small data: URIs; refuses the rest."""

    def __init__(self):
        super().__init__(allowed_protocols={"data", "https"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            if len(url) > DATA_URI_LIMIT:
                raise RefusedURL("Refused an oversized data: URI")
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != ("https", urlsplit(BASE_URL).netloc):
            raise RefusedURL(f"Refused a URL outside the portal's own files: {url[:200]}")
        if parts.path.startswith(settings.STATIC_URL):
            return self._static(_relative_path(parts.path, settings.STATIC_URL), url)
        if parts.path.startswith(settings.MEDIA_URL):
            return self._media(_relative_path(parts.path, settings.MEDIA_URL), url)
        raise RefusedURL(f"Refused a path that is neither static nor media: {parts.path[:200]}")

    def _static(self, relative, url):
        found = finders.find(relative)
        candidates = [found] if found else []
        candidates.append(Path(settings.STATIC_ROOT) / relative)
        for candidate in candidates:
            if candidate and Path(candidate).is_file() and _contained(candidate, _static_roots()):
                return self._response(url, Path(candidate).read_bytes(), relative)
        raise RefusedURL(f"No such static file: {relative}")

    def _media(self, relative, url):
        if not default_storage.exists(relative):
            raise RefusedURL(f"No such media file: {relative}")
        if hasattr(default_storage, "path") and not _contained(
            default_storage.path(relative), [settings.MEDIA_ROOT]
        ):
            raise RefusedURL(f"Refused media outside MEDIA_ROOT: {relative}")
        with default_storage.open(relative) as handle:
            return self._response(url, handle.read(), relative)

    @staticmethod
    def _response(url, body, name):
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def render_pdf(document_html):
    """Render a whole HTML document (with <html lang> and <title>) to a tagged PDF."""
    if len(document_html) > DOCUMENT_SIZE_LIMIT:
        raise ValueError("The document is too large to render.")
    # WeasyPrint makes many short-lived cycles; the cyclic collector costs 10-18 % of a render.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = weasyprint.HTML(
            string=document_html, base_url=BASE_URL, url_fetcher=SafeURLFetcher()
        )
        raw = document.write_pdf(pdf_variant="pdf/ua-1", attachments=[])
    finally:
        if collecting:
            gc.enable()
    return finish_pdf(raw)


def finish_pdf(raw):
    """Add table header scopes to the structure tree and drop any embedded files."""
    with pikepdf.open(io.BytesIO(raw)) as document:
        _add_table_header_scopes(document)
        _remove_embedded_files(document)
        page_count = len(document.pages)
        output = io.BytesIO()
        document.save(output)
    return RenderedPDF(content=output.getvalue(), page_count=page_count)


def _structure_children(element):
    kids = element.get("/K")
    if kids is None:
        return []
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


def _table_attributes(cell):
    """The cell's Table attribute dictionary, created when WeasyPrint wrote none."""
    attributes = cell.get("/A")
    candidates = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
    for candidate in candidates:
        if isinstance(candidate, pikepdf.Dictionary) and candidate.get("/O") == pikepdf.Name.Table:
            return candidate
    table = pikepdf.Dictionary(O=pikepdf.Name.Table)
    if attributes is None:
        cell.A = table
    elif isinstance(attributes, pikepdf.Array):
        attributes.append(table)
    else:
        cell.A = pikepdf.Array([attributes, table])
    return table


def _add_table_header_scopes(document):
    root = document.Root.get("/StructTreeRoot")
    if root is None:
        return
    stack = [(root, None)]
    while stack:
        element, parent_type = stack.pop()
        for child in _structure_children(element):
            kind = str(child.S)
            if kind == "/TR":
                for position, cell in enumerate(_structure_children(child)):
                    if str(cell.S) != "/TH":
                        continue
                    table = _table_attributes(cell)
                    if "/Scope" not in table:
                        # Headers in the head label columns; a body row's first header labels
                        # its row.
                        across_row = parent_type != "/THead" and position == 0
                        table.Scope = pikepdf.Name("/Row" if across_row else "/Column")
            stack.append((child, kind))


def _remove_embedded_files(document):
    names = document.Root.get("/Names")
    if names is not None and "/EmbeddedFiles" in names:
        del names["/EmbeddedFiles"]
    if "/AF" in document.Root:
        del document.Root["/AF"]
    for page in document.pages:
        annotations = page.get("/Annots")
        if annotations is None:
            continue
        kept = [a for a in annotations if a.get("/Subtype") != pikepdf.Name.FileAttachment]
        if len(kept) != len(annotations):
            page.Annots = pikepdf.Array(kept)
