"""Reading Modern.gov's XML leniently: tags in any case, namespaces ignored, optional elements
defaulted, and what is not read noted for the run's report."""

import datetime
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from pcc_portal.tables import YES, cell_day

from .records import Committee, Document, Item, MeetingListing, MeetingRecord, SourceError

TRUE_WORDS = YES | {"t"}

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
        date = cell_day(_text(element, "meetingdate"))
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
    date = cell_day(_text(element, "meetingdate"))
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
