"""Importing from a live Modern.gov installation: a local server stands in for it."""

import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from imports import moderngov
from imports.models import ImportRun
from panel.models import Meeting, Paper

pytestmark = pytest.mark.django_db


class FakeModernGov:
    """Serves a saved folder as an installation's web service and documents would."""

    def __init__(self, folder, *, failures=0):
        self.folder, self.failures, self.requests = folder, failures, []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library's name)
                fake.requests.append((self.path, self.headers.get("User-Agent", "")))
                if fake.failures:
                    fake.failures -= 1
                    self.send_error(503, "Busy")
                    return
                body = fake.answer(self.path)
                if body is None:
                    self.send_error(404, "Not found")
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def answer(self, path):
        parts = urllib.parse.urlsplit(path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        names = {
            "/mgWebService.asmx/GetCommittees": lambda: "GetCommittees.xml",
            "/mgWebService.asmx/GetMeetings": lambda: f"GetMeetings-{query['lCommitteeId']}.xml",
            "/mgWebService.asmx/GetMeeting": lambda: f"GetMeeting-{query['lMeetingId']}.xml",
        }
        if parts.path in names:
            file = self.folder / names[parts.path]()
        elif match := re.fullmatch(r"/documents/s(\d+)/.*\.pdf", parts.path):
            file = self.folder / "documents" / f"{match[1]}.pdf"
        else:
            return None
        return file.read_bytes() if file.is_file() else None

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_a_live_installation_is_imported_like_a_saved_folder(sample, run_import):
    with FakeModernGov(sample) as fake:
        source = moderngov.WebSource(fake.url, delay=0)
        run = run_import(source=source, committee_id="136")

    assert run.status == ImportRun.Status.SUCCEEDED, run.error
    assert run.created_count == 2
    assert Paper.objects.count() == 4
    paths = [path for path, _agent in fake.requests]
    assert "/mgWebService.asmx/GetMeetings?lCommitteeId=136&sFromDate=&sToDate=" in paths
    assert "/mgWebService.asmx/GetMeeting?lMeetingId=4790" in paths
    assert all(agent.startswith("pcc-portal-importer") for _path, agent in fake.requests)
    assert "(attachment 9204) was not in the source" in "\n".join(run.notes)


def test_requests_are_spaced_and_a_busy_server_is_asked_again(sample, run_import):
    pauses = []
    with FakeModernGov(sample, failures=2) as fake:
        source = moderngov.WebSource(fake.url, delay=0.5, retries=3, sleep=pauses.append)
        run = run_import(source=source, committee_id="136")

    assert run.status == ImportRun.Status.SUCCEEDED, run.error
    assert Meeting.objects.count() == 2
    # Two back-offs after the failures (0.5 s, then 1 s), and a pause before other requests.
    assert pauses[:2] == [0.5, 1.0]
    assert len(pauses) >= len(fake.requests) - 1


def test_a_server_that_keeps_failing_is_reported_and_nothing_is_imported(sample, run_import):
    with FakeModernGov(sample, failures=100) as fake:
        source = moderngov.WebSource(fake.url, delay=0, retries=2, sleep=lambda s: None)
        run = run_import(source=source, committee_id="136")

    assert run.status == ImportRun.Status.FAILED
    assert "failed after 3 attempts (503 Busy)" in run.error
    assert len(fake.requests) == 3
    assert not Meeting.objects.exists()


def test_only_web_addresses_are_read():
    with pytest.raises(moderngov.SourceError, match="not an http or https address"):
        moderngov.WebSource("file:///etc/")


def test_documents_are_read_only_from_the_installation_itself(sample, run_import):
    path = sample / "GetMeeting-4790.xml"
    path.write_text(
        path.read_text().replace(
            "<URL>/documents/s9201/Police%20and%20Crime%20Plan.pdf</URL>",
            "<URL>http://169.254.169.254/documents/s9201/plan.pdf</URL>",
        )
    )
    with FakeModernGov(sample) as fake:
        run = run_import(source=moderngov.WebSource(fake.url, delay=0), committee_id="136")

    assert run.status == ImportRun.Status.SUCCEEDED, run.error
    assert "(attachment 9201) was not in the source" in "\n".join(run.notes)
    assert Paper.objects.count() == 3
