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

from .minutes import RESOLVED, minutes_from_html
from .parsing import (
    DOCUMENT_FIELDS,
    ITEM_FIELDS,
    MEETING_FIELDS,
    TRUE_WORDS,
    Notes,
    parse_committees,
    parse_meeting,
    parse_meetings,
    parse_time,
    parse_xml,
)
from .records import Committee, Document, Item, MeetingListing, MeetingRecord, SourceError
from .sources import (
    MAX_RESPONSE_BYTES,
    PANEL_WORDS,
    USER_AGENT,
    FolderSource,
    WebSource,
    choose_committee,
    read_meetings,
)

__all__ = [
    "DOCUMENT_FIELDS",
    "ITEM_FIELDS",
    "MAX_RESPONSE_BYTES",
    "MEETING_FIELDS",
    "PANEL_WORDS",
    "RESOLVED",
    "TRUE_WORDS",
    "USER_AGENT",
    "Committee",
    "Document",
    "FolderSource",
    "Item",
    "MeetingListing",
    "MeetingRecord",
    "Notes",
    "SourceError",
    "WebSource",
    "choose_committee",
    "minutes_from_html",
    "parse_committees",
    "parse_meeting",
    "parse_meetings",
    "parse_time",
    "parse_xml",
    "read_meetings",
]
