"""What is read from Modern.gov: committees, meetings, their agenda items and documents, and the
error that says a response could not be read."""

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass, field


class SourceError(Exception):
    """A response could not be read: the source is unreachable or a file is malformed."""


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
