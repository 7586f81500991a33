"""Reading Modern.gov's XML leniently."""

import datetime

import pytest

from imports import moderngov


def test_tags_in_any_case_and_namespaces_read_the_same():
    notes = moderngov.Notes()
    record = moderngov.parse_meeting(
        b'<X:GetMeeting xmlns:X="urn:x"><X:MEETING><X:MeetingID>7</X:MeetingID>'
        b"<X:meetingDate>01/02/2022</X:meetingDate><AgendaItems><AGENDAITEM>"
        b"<AgendaItemTitle> Public   Questions </AgendaItemTitle></AGENDAITEM></AgendaItems>"
        b"</X:MEETING></X:GetMeeting>",
        "GetMeeting-7.xml",
        notes,
    )
    assert (record.id, record.date) == ("7", datetime.date(2022, 2, 1))
    assert [item.title for item in record.items] == ["Public Questions"]
    assert record.time is None


def test_items_are_put_in_agenda_order():
    notes = moderngov.Notes()
    items = "".join(
        f"<agendaitem><agendaitemnumber>{n}</agendaitemnumber>"
        f"<agendaitemtitle>Item {n}</agendaitemtitle></agendaitem>"
        for n in ("10", "2", "5a", "5")
    )
    record = moderngov.parse_meeting(
        f"<meeting><meetingid>1</meetingid><meetingdate>01/02/2022</meetingdate>"
        f"<agendaitems>{items}</agendaitems></meeting>".encode(),
        "x.xml",
        notes,
    )
    assert [item.number for item in record.items] == ["2", "5", "5a", "10"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("18:00", datetime.time(18, 0)),
        ("6.00 pm", datetime.time(18, 0)),
        ("10am", datetime.time(10, 0)),
        ("12:30 pm", datetime.time(12, 30)),
        ("10:00:00", datetime.time(10, 0)),
        ("noon", None),
        ("", None),
    ],
)
def test_times_are_read_as_councils_write_them(text, expected):
    assert moderngov.parse_time(text) == expected


def test_a_meeting_without_a_date_is_malformed():
    with pytest.raises(moderngov.SourceError, match="needs a <meetingid> and a <meetingdate>"):
        moderngov.parse_meeting(
            b"<meeting><meetingid>1</meetingid></meeting>", "GetMeeting-1.xml", moderngov.Notes()
        )


def test_minutes_keep_paragraphs_and_lists_and_lift_out_resolutions():
    text, resolutions = moderngov.minutes_from_html(
        "&lt;p&gt;The panel *discussed* the plan.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;"
        "&lt;/ul&gt;&lt;p&gt;&lt;b&gt;RESOLVED –&lt;/b&gt; That the plan be endorsed.&lt;/p&gt;"
    )
    assert text == "The panel \\*discussed\\* the plan.\n\n- One"
    assert resolutions == ["That the plan be endorsed."]


def test_the_minutes_cannot_smuggle_markup():
    text, _ = moderngov.minutes_from_html("<p><script>alert(1)</script>Hello</p>")
    assert "<script>" not in text


def test_unread_elements_are_counted_once_each():
    notes = moderngov.Notes()
    for _ in range(3):
        moderngov.parse_meeting(
            b"<meeting><meetingid>1</meetingid><meetingdate>01/02/2022</meetingdate>"
            b"<webcast>yes</webcast></meeting>",
            "x.xml",
            notes,
        )
    assert notes.as_list() == [
        "<webcast> in a meeting was not imported: the portal has no place (3 times)"
    ]
