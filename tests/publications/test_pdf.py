"""The PDF renderer reaches nothing outside the project's own files and tags what it makes."""

import http.server
import io
import threading

import pikepdf
import pytest
from django.conf import settings

from pcc_portal.publications import pdf


@pytest.fixture
def canary():
    """A loopback listener that records every request made to it."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()


def _document(body, head=""):
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Canary</title>'
        f"{head}</head><body><h1>Canary</h1>{body}</body></html>"
    )


def test_no_request_leaves_the_renderer(canary, tmp_path):
    base, requests = canary
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    head = (
        f'<link rel="stylesheet" href="{base}/linked.css">'
        f'<link rel="attachment" href="{base}/attached.txt">'
        f'<link rel="attachment" href="/static/pdf/base.css">'
        f"<style>@import url('{base}/imported.css');"
        f"@font-face {{ font-family: X; src: url('{base}/font.woff'); }}"
        f"body {{ background: url('{base}/background.png'); font-family: X; }}</style>"
    )
    body = (
        f'<img src="{base}/image.png" alt="">'
        '<img src="file:///etc/passwd" alt="">'
        f'<img src="file://{secret}" alt="">'
        '<img src="/static/../../../../etc/passwd" alt="">'
        '<img src="/media/../../etc/passwd" alt="">'
        '<img src="/static/%2e%2e/%2e%2e/etc/passwd" alt="">'
        '<img src="ftp://127.0.0.1/x" alt="">'
        f'<iframe src="{base}/frame"></iframe><object data="{base}/object"></object>'
        f'<a rel="attachment" href="{base}/a-attachment.txt">attachment</a>'
    )
    result = pdf.render_pdf(_document(body, head))
    assert requests == []
    with pikepdf.open(io.BytesIO(result.content)) as document:
        assert "/EmbeddedFiles" not in document.Root.get("/Names", {})
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                assert annotation.get("/Subtype") != pikepdf.Name.FileAttachment
        assert b"secret" not in result.content
        assert b"root:" not in result.content


def test_the_fetcher_serves_our_static_files_and_refuses_the_rest(tmp_path):
    fetcher = pdf.SafeURLFetcher()
    response = fetcher.fetch(f"{pdf.BASE_URL}static/pdf/base.css")
    assert b"@page" in response.read()
    for url in [
        "http://127.0.0.1/",
        "https://example.org/static/pdf/base.css",
        "file:///etc/passwd",
        f"{pdf.BASE_URL}static/../settings.py",
        f"{pdf.BASE_URL}static/%2E%2E/pcc_portal/settings.py",
        f"{pdf.BASE_URL}etc/passwd",
        f"{pdf.BASE_URL}media/../../etc/passwd",
        "data:text/plain;base64," + "A" * (pdf.DATA_URI_LIMIT + 1),
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_small_data_uris_are_allowed():
    response = pdf.SafeURLFetcher().fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"


def test_media_files_are_served_from_media_root_only(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    fetcher = pdf.SafeURLFetcher()
    assert b"<svg" in fetcher.fetch(f"{pdf.BASE_URL}media/logo.svg").read()
    with pytest.raises(ValueError):
        fetcher.fetch(f"{pdf.BASE_URL}media/missing.svg")


def test_the_base_url_names_a_host_that_cannot_resolve():
    assert pdf.BASE_URL.startswith("https://") and ".invalid/" in pdf.BASE_URL
    assert settings.STATIC_URL == "/static/"


def test_table_headers_carry_their_scope_in_the_structure_tree():
    table = (
        "<table><thead><tr><th>Year</th><th>Budget</th></tr></thead>"
        "<tbody><tr><th>2021/22</th><td>£318.6m</td></tr>"
        "<tr><th>2022/23</th><td>£330.1m</td></tr></tbody></table>"
    )
    result = pdf.render_pdf(_document(table))
    scopes = []
    with pikepdf.open(io.BytesIO(result.content)) as document:
        stack = [document.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            for child in pdf._structure_children(element):
                if str(child.S) == "/TH":
                    scopes.append(str(child.A.Scope))
                stack.append(child)
    assert sorted(scopes) == ["/Column", "/Column", "/Row", "/Row"]


def test_page_numbers_read_page_n_of_m():
    from pypdf import PdfReader

    body = "".join(f"<h2>Section {n}</h2><p>{'Words. ' * 400}</p>" for n in range(6))
    result = pdf.render_pdf(_document(body, '<link rel="stylesheet" href="/static/pdf/base.css">'))
    reader = PdfReader(io.BytesIO(result.content))
    assert result.page_count == len(reader.pages) > 1
    last = reader.pages[-1].extract_text()
    assert f"Page {result.page_count} of {result.page_count}" in last


def test_an_oversized_document_is_refused():
    with pytest.raises(ValueError):
        pdf.render_pdf("x" * (pdf.DOCUMENT_SIZE_LIMIT + 1))
