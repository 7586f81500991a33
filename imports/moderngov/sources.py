"""Where the responses come from, a folder saved from an installation or its live web service,
and reading a committee's meetings from either."""

import hashlib
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .parsing import parse_committees, parse_meeting, parse_meetings
from .records import SourceError

USER_AGENT = "pcc-portal-importer/1 (+https://github.com/; migration from Modern.gov)"
MAX_RESPONSE_BYTES = 50 * 1024 * 1024


class FolderSource:
    """A folder saved from an installation."""

    def __init__(self, folder):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise SourceError(f"{folder} is not a folder.")
        self.location = str(self.folder.resolve())

    def _read(self, name):
        path = self.folder / name
        if not path.is_file():
            raise SourceError(f"{name} is missing from {self.folder}.")
        return path.read_bytes(), name

    def committees(self):
        return self._read("GetCommittees.xml")

    def meetings(self, committee_id, date_from, date_to):
        return self._read(f"GetMeetings-{committee_id}.xml")

    def meeting(self, meeting_id):
        return self._read(f"GetMeeting-{meeting_id}.xml")

    def document(self, document):
        if not re.fullmatch(r"[A-Za-z0-9_-]+", document.attachment_id):
            return None
        path = self.folder / "documents" / f"{document.attachment_id}.pdf"
        return path.read_bytes() if path.is_file() else None


class WebSource:
    """A live installation's web service, asked politely: one request at a time, ``delay``
    seconds apart, each retried ``retries`` times with a growing pause when the server or the
    network fails (not when it answers that a thing does not exist)."""

    def __init__(self, url, *, delay=1.0, retries=3, timeout=30, sleep=time.sleep):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourceError(f"{url} is not an http or https address.")
        base = url.rstrip("/")
        if not base.lower().endswith("mgwebservice.asmx"):
            base += "/mgWebService.asmx"
        self.service = base
        self.netloc = parts.netloc
        self.location = url
        self.delay, self.retries, self.timeout, self.sleep = delay, retries, timeout, sleep
        self.last_request = None
        self.requests = 0

    def _get(self, url, *, missing_ok=False):
        for attempt in range(self.retries + 1):
            # A retry has just waited its back-off, longer than the spacing.
            if attempt == 0 and self.last_request is not None:
                wait = self.delay - (time.monotonic() - self.last_request)
                if wait > 0:
                    self.sleep(wait)
            self.last_request = time.monotonic()
            self.requests += 1
            # Only http and https: the constructor and document() refuse other schemes.
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    data = response.read(MAX_RESPONSE_BYTES + 1)
                if len(data) > MAX_RESPONSE_BYTES:
                    raise SourceError(f"{url} answered with more than 50 MB: not read.")
                return data
            except urllib.error.HTTPError as error:
                if error.code < 500 and error.code != 429:
                    if missing_ok and error.code in (403, 404, 410):
                        return None
                    raise SourceError(f"{url} answered {error.code} {error.reason}.") from error
                problem = f"{error.code} {error.reason}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                problem = str(getattr(error, "reason", error))
            if attempt < self.retries:
                self.sleep(self.delay * 2**attempt)
        raise SourceError(f"{url} failed after {self.retries + 1} attempts ({problem}).")

    def _service(self, method, **params):
        query = urllib.parse.urlencode(params)
        url = f"{self.service}/{method}" + (f"?{query}" if query else "")
        return self._get(url), f"{method}" + (f"?{query}" if query else "")

    def committees(self):
        return self._service("GetCommittees")

    def meetings(self, committee_id, date_from, date_to):
        return self._service(
            "GetMeetings",
            lCommitteeId=committee_id,
            sFromDate=f"{date_from:%d/%m/%Y}" if date_from else "",
            sToDate=f"{date_to:%d/%m/%Y}" if date_to else "",
        )

    def meeting(self, meeting_id):
        return self._service("GetMeeting", lMeetingId=meeting_id)

    def document(self, document):
        if not document.url:
            return None
        url = urllib.parse.urljoin(self.service, document.url)
        parts = urllib.parse.urlsplit(url)
        # Only the installation's own documents: a link elsewhere is not followed.
        if parts.scheme not in ("http", "https") or parts.netloc != self.netloc:
            return None
        return self._get(url, missing_ok=True)


# --- Reading a committee's meetings -----------------------------------------------------------


PANEL_WORDS = ("police and crime panel", "police & crime panel")


def choose_committee(source, committee_id, notes):
    """The committee to import: the one named, or the only one whose title says it is a Police
    and Crime Panel."""
    if committee_id:
        return committee_id
    data, name = source.committees()
    committees = parse_committees(data, name)
    panels = [c for c in committees if any(w in c.title.lower() for w in PANEL_WORDS)]
    if len(panels) == 1:
        notes.add(f"Committee {panels[0].id} (“{panels[0].title}”) is the panel")
        return panels[0].id
    listed = "; ".join(f"{c.id}: {c.title}" for c in committees[:30]) or "none"
    raise SourceError(
        "Say which committee is the Police and Crime Panel with --committee ID. "
        f"Committees in {name}: {listed}."
    )


def read_meetings(source, *, committee_id, date_from=None, date_to=None, notes):
    """Every meeting of the committee in the dates, with its documents' content."""
    data, name = source.meetings(committee_id, date_from, date_to)
    records = []
    for listing in parse_meetings(data, name, notes):
        if listing.committee_id and listing.committee_id != str(committee_id):
            continue
        if (date_from and listing.date < date_from) or (date_to and listing.date > date_to):
            continue
        meeting_data, meeting_name = source.meeting(listing.id)
        record = parse_meeting(meeting_data, meeting_name, notes)
        if not record.status:
            record.status = listing.status
        for item in record.items:
            for document in item.documents:
                document.content = source.document(document)
                if document.content is not None:
                    document.sha256 = hashlib.sha256(document.content).hexdigest()
        records.append(record)
    records.sort(key=lambda record: (record.date, record.id))
    return records
