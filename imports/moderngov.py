"""Reading Modern.gov: its web service's responses, from a live installation or a saved folder.

Modern.gov (the committee system most English councils and panels use) answers
``mgWebService.asmx/GetCommittees``, ``GetMeetings`` and ``GetMeeting`` with XML. A folder saved
from one holds the same responses as ``GetCommittees.xml``, ``GetMeetings-<committeeid>.xml``,
``GetMeeting-<meetingid>.xml`` and ``documents/<attachmentid>.pdf``.

Installations differ a little, so the XML is read leniently: tags in any case, namespaces
ignored, optional elements defaulted, and every element the importer does not read is noted
for the run's report. A response that is not XML, declares a DTD or lacks what identifies a
meeting is malformed: ``SourceError`` says which file, and the importer changes nothing.
Nothing here touches the database.
"""

import datetime
import hashlib
import html
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

TRUE_WORDS = {"true", "1", "yes", "y", "t"}
USER_AGENT = "pcc-portal-importer/1 (+https://github.com/; migration from Modern.gov)"
MAX_RESPONSE_BYTES = 50 * 1024 * 1024

# What the importer reads of each element; anything else is noted as skipped.
MEETING_FIELDS = {
    "meetingid",
    "meetingdate",
    "meetingtime",
    "meetinglocation",
    "meetingstatus",
    "minutepublished",
    "committeeid",
    "agendaitems",
}
ITEM_FIELDS = {
    "agendaitemnumber",
    "agendaitemtitle",
    "agendaitemisrestricted",
    "agendaitemexempt",
    "agendaitemexemptreason",
    "isrestricted",
    "exemptreason",
    "minutesnonemptyhtmlbody",
    "linkeddocuments",
}
DOCUMENT_FIELDS = {"title", "url", "attachmentid", "isrestricted"}


class SourceError(Exception):
    """A response could not be read: the source is unreachable or a file is malformed."""


# --- Records ----------------------------------------------------------------------------------


@dataclass
class Committee:
    id: str
    title: str


@dataclass
class MeetingListing:
    id: str
    date: datetime.date
    status: str
    committee_id: str


@dataclass
class Document:
    attachment_id: str
    title: str
    url: str
    restricted: bool
    content: bytes | None = None  # None when the source did not have it
    sha256: str = ""


@dataclass
class Item:
    number: str
    title: str
    restricted: bool
    exempt_reason: str
    minutes_html: str
    documents: list = field(default_factory=list)


@dataclass
class MeetingRecord:
    id: str
    date: datetime.date
    time: datetime.time | None
    location: str
    status: str
    minutes_published: bool
    items: list = field(default_factory=list)
    file: str = ""

    def fingerprint(self):
        """A digest of everything imported from the meeting: the same source, the same digest."""

        def plain(value):
            if isinstance(value, bytes):
                return None  # documents count by their digest
            if isinstance(value, datetime.date | datetime.time):
                return value.isoformat()
            if isinstance(value, dict):
                return {key: plain(inner) for key, inner in value.items() if key != "file"}
            if isinstance(value, list):
                return [plain(inner) for inner in value]
            return value

        data = json.dumps(plain(asdict(self)), sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()


# --- Lenient XML ------------------------------------------------------------------------------


def parse_xml(data, name):
    """The document's root with every tag in lower case and without its namespace. A web
    service never sends a DTD, and one is how entity tricks get in: refused."""
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise SourceError(
            f"{name} declares a DTD or entities, which Modern.gov never sends."
        ) from error
    except ElementTree.ParseError as error:
        raise SourceError(f"{name} is not well-formed XML ({error}).") from error
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.rsplit("}", 1)[-1].lower()
    return root


def _text(element, tag):
    child = element.find(tag)
    if child is None or child.text is None:
        return ""
    return child.text.strip()


def _flag(element, *tags):
    return any(_text(element, tag).lower() in TRUE_WORDS for tag in tags)


def parse_date(text):
    """dd/mm/yyyy as Modern.gov writes it, with or without a time; ISO dates too."""
    text = (text or "").strip()
    for pattern in ("%d/%m/%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a day)
        except ValueError:
            pass
    try:
        return datetime.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def parse_time(text):
    """ "18:00", "18:00:00", "6.00 pm", "10am": None when there is no time to read."""
    match = re.fullmatch(
        r"(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*([ap]\.?m\.?)?", (text or "").strip().lower()
    )
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class Notes:
    """What was read leniently, counted so ten years of files make a short report."""

    def __init__(self):
        self.counts = Counter()

    def add(self, note):
        self.counts[note] += 1

    def unread(self, element, known, where):
        for child in element:
            if isinstance(child.tag, str) and child.tag not in known:
                self.add(f"<{child.tag}> in {where} was not imported: the portal has no place")

    def as_list(self):
        return [
            note if count == 1 else f"{note} ({count} times)"
            for note, count in sorted(self.counts.items())
        ]


def parse_committees(data, name):
    root = parse_xml(data, name)
    committees = []
    for element in root.iter("committee"):
        committee_id = _text(element, "committeeid")
        if committee_id:
            committees.append(Committee(committee_id, _text(element, "committeetitle")))
    return committees


def parse_meetings(data, name, notes):
    root = parse_xml(data, name)
    listings = []
    for element in root.iter("meeting"):
        meeting_id = _text(element, "meetingid")
        date = parse_date(_text(element, "meetingdate"))
        if not meeting_id or date is None:
            notes.add(f"A meeting in {name} without an id or a readable date was skipped")
            continue
        listings.append(
            MeetingListing(
                meeting_id, date, _text(element, "meetingstatus"), _text(element, "committeeid")
            )
        )
    return listings


def parse_meeting(data, name, notes):
    """The meeting in a GetMeeting response, its items in agenda order."""
    root = parse_xml(data, name)
    element = root if root.tag == "meeting" else root.find(".//meeting")
    if element is None:
        raise SourceError(f"{name} has no <meeting>.")
    meeting_id = _text(element, "meetingid")
    date = parse_date(_text(element, "meetingdate"))
    if not meeting_id or date is None:
        raise SourceError(
            f"{name}: a meeting needs a <meetingid> and a <meetingdate> (dd/mm/yyyy)."
        )
    notes.unread(element, MEETING_FIELDS, "a meeting")
    raw_time = _text(element, "meetingtime")
    start = parse_time(raw_time)
    if raw_time and start is None:
        notes.add(f"{name}: the time “{raw_time}” could not be read; the default time was kept")
    record = MeetingRecord(
        id=meeting_id,
        date=date,
        time=start,
        location=_text(element, "meetinglocation"),
        status=_text(element, "meetingstatus"),
        minutes_published=_flag(element, "minutepublished"),
        file=name,
    )
    items_element = element.find("agendaitems")
    for position, item_element in enumerate(
        [] if items_element is None else items_element.findall("agendaitem")
    ):
        notes.unread(item_element, ITEM_FIELDS, "an agenda item")
        title = _text(item_element, "agendaitemtitle")
        if not title:
            notes.add(f"{name}: an agenda item without a title was skipped")
            continue
        item = Item(
            number=_text(item_element, "agendaitemnumber") or str(position + 1),
            title=" ".join(title.split()),
            restricted=_flag(
                item_element, "agendaitemisrestricted", "agendaitemexempt", "isrestricted"
            ),
            exempt_reason=_text(item_element, "agendaitemexemptreason")
            or _text(item_element, "exemptreason"),
            minutes_html=_text(item_element, "minutesnonemptyhtmlbody"),
        )
        documents = item_element.find("linkeddocuments")
        for doc in [] if documents is None else documents.findall("linkeddoc"):
            notes.unread(doc, DOCUMENT_FIELDS, "a linked document")
            attachment_id = _text(doc, "attachmentid")
            if not attachment_id:
                notes.add(f"{name}: a linked document without an <attachmentid> was skipped")
                continue
            item.documents.append(
                Document(
                    attachment_id=attachment_id,
                    title=" ".join(_text(doc, "title").split()) or f"Document {attachment_id}",
                    url=_text(doc, "url"),
                    restricted=_flag(doc, "isrestricted"),
                )
            )
        record.items.append(item)
    record.items.sort(key=lambda item: _number_key(item.number))
    return record


def _number_key(number):
    """ "2", "10", "5a", "5.1": agenda order; text without a number keeps its place at the end."""
    parts = re.findall(r"\d+|[a-z]+", number.lower())
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts] or [
        (2, 0, "")
    ]


# --- Minutes ----------------------------------------------------------------------------------


class _Blocks(HTMLParser):
    """The paragraphs and list items of an HTML fragment, as plain text."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.in_list_item = [], [], False

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(("- " if self.in_list_item else "") + text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
            self.in_list_item = tag == "li"

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
            self.in_list_item = False

    def handle_data(self, data):
        self.current.append(data)

    def close(self):
        super().close()
        self._flush()


RESOLVED = re.compile(r"^resolved\s*[-–—:]?\s*", re.IGNORECASE)


def minutes_from_html(body):
    """(Markdown text, [resolutions]) from an item's minutes as Modern.gov holds them: escaped
    HTML. Paragraphs starting "RESOLVED" become the item's resolutions."""
    fragment = body
    if "<" not in fragment and "&lt;" in fragment:
        fragment = html.unescape(fragment)
    parser = _Blocks()
    parser.feed(fragment)
    parser.close()
    text, resolutions = [], []
    for block in parser.blocks:
        if RESOLVED.match(block):
            resolved = RESOLVED.sub("", block, count=1).strip()
            if resolved:
                resolutions.append(resolved)
        else:
            text.append(_escape_markdown(block))
    return "\n\n".join(text), resolutions


def _escape_markdown(block):
    """Keep a list item's dash; stop the rest being read as Markdown markup."""
    prefix = ""
    if block.startswith("- "):
        prefix, block = "- ", block[2:]
    return prefix + re.sub(r"([\\`*_#\[\]<>|])", r"\\\1", block)


# --- Sources ----------------------------------------------------------------------------------


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
