"""A meeting's published minutes list their versions, each with its PDF, and every version after
the first has a public comparison with the one before. A withdrawn version answers 410 with its
notice, a draft or unknown one 404; no withdrawn version, unpublished edit or exempt minute
reaches any of these pages."""

import datetime

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.accounts.factories import UserFactory
from tests.panel.helpers import arranged_meeting, exempt_item, publish_minutes

pytestmark = pytest.mark.django_db

FIRST = "No declarations were submitted."
SECOND = "Councillor Smith declared a personal interest in item 5."
MARKER = "Zqxminutes4417"


def _changes(meeting, number):
    return reverse("panel:minutes_version_changes", kwargs={"date": meeting.slug, "number": number})


def _pdf(meeting, number):
    return reverse("panel:minutes_version_pdf", kwargs={"date": meeting.slug, "number": number})


def _minute(meeting, text):
    item = meeting.items.get(kind="declarations")
    item.minutes = text
    item.save()


@pytest.fixture
def meeting():
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    _minute(meeting, FIRST)
    publish_minutes(meeting)
    return meeting


def test_the_version_list_links_each_pdf_and_what_changed_after_the_first(client, meeting):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'aria-label="Published versions of the minutes"' in page
    assert f'href="{_pdf(meeting, 1)}"' in page
    assert _changes(meeting, 1) not in page  # the first version has nothing before it

    _minute(meeting, SECOND)
    publish_minutes(meeting, note="Added a declaration of interest")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="{_changes(meeting, 2)}"' in page
    assert _changes(meeting, 1) not in page
    assert "Added a declaration of interest" in page
    for number in (1, 2):
        assert f'href="{_pdf(meeting, number)}"' in page
        assert client.get(_pdf(meeting, number))["Content-Type"] == "application/pdf"


def test_a_later_version_shows_what_changed_against_the_one_before(client, meeting):
    _minute(meeting, SECOND)
    publish_minutes(meeting, note="Added a declaration of interest")
    response = client.get(_changes(meeting, 2))
    assert response.status_code == 200
    html = response.content.decode()
    assert "What changed in version 2" in html and "Compared with version 1" in html
    assert f"<del>{FIRST}</del>" in html and f"<ins>{SECOND}</ins>" in html
    assert f'href="{_pdf(meeting, 1)}"' in html and f'href="{_pdf(meeting, 2)}"' in html


def test_the_first_an_unknown_a_rendering_and_a_draft_version_are_not_found(client, meeting):
    assert client.get(_changes(meeting, 1)).status_code == 404
    assert client.get(_changes(meeting, 9)).status_code == 404
    assert client.get(_pdf(meeting, 9)).status_code == 404
    _minute(meeting, SECOND)
    minutes = meeting.minutes_record
    publishing.publish(obj=minutes, by=UserFactory(), note="Still rendering")  # no PDF yet
    assert client.get(_changes(meeting, 2)).status_code == 404
    assert client.get(_pdf(meeting, 2)).status_code == 404
    unpublished = arranged_meeting(date=datetime.date(2021, 12, 6))
    assert client.get(_changes(unpublished, 1)).status_code == 404
    assert client.get(_pdf(unpublished, 1)).status_code == 404


def test_withdrawn_versions_exempt_minutes_and_edits_reach_none_of_these_pages(client, meeting):
    exempt = exempt_item(meeting)
    exempt.minutes = f"Exempt minute {MARKER}"
    exempt.save()
    _minute(meeting, f"Withdrawn minute {MARKER}")
    publish_minutes(meeting, note="Second")
    publishing.withdraw(
        obj=meeting.minutes_record, by=UserFactory(), reason="Named a member of the public"
    )
    for url in (_changes(meeting, 2), _pdf(meeting, 2), _changes(meeting, 1), _pdf(meeting, 1)):
        response = client.get(url)
        assert response.status_code == 410
        assert "Named a member of the public" in response.content.decode()

    _minute(meeting, SECOND)
    publish_minutes(meeting, note="Without the name")
    _minute(meeting, SECOND)
    publish_minutes(meeting, note="Corrected the attendance")
    _minute(meeting, f"Unpublished edit {MARKER}")
    urls = [meeting.get_absolute_url()]
    for number in (1, 2, 3, 4, 5):
        urls += [_changes(meeting, number), _pdf(meeting, number)]
    seen = {}
    for url in urls:
        response = client.get(url)
        seen[url] = response.status_code
        body = response.getvalue()
        assert MARKER.encode() not in body, f"{url} leaks the marker"
    assert [seen[_changes(meeting, n)] for n in (1, 2, 3, 4, 5)] == [410, 410, 404, 200, 404]
    assert [seen[_pdf(meeting, n)] for n in (1, 2, 3, 4, 5)] == [410, 410, 200, 200, 404]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _changes(meeting, 2) not in page and _changes(meeting, 3) not in page
    assert f'href="{_changes(meeting, 4)}"' in page


def _minutes_with_two_versions():
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    for text in (FIRST, SECOND):
        _minute(meeting, text)
        publish_minutes(meeting, note=text)
    return {"date": meeting.slug, "number": 2}


class TestMinutesVersionChangesAccess(AccessRule):
    url_name = "panel:minutes_version_changes"

    def make_url_kwargs(self):
        return _minutes_with_two_versions()


class TestMinutesVersionPdfAccess(TestMinutesVersionChangesAccess):
    url_name = "panel:minutes_version_pdf"
