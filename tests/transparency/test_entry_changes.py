"""A register entry released again shows the public what changed since its release before: the
register's row links to a comparison of the entry as the register showed it then and now,
column by column; a first release, a withdrawn release, a draft edit and spending have none."""

import pytest
from django.urls import reverse

from tests.access import AccessRule
from tests.transparency.factories import InterestFactory, register_publisher
from transparency import services

pytestmark = pytest.mark.django_db

REGISTER = reverse("transparency:register", kwargs={"register": "interests"})


def _changes(entry, number, register="interests"):
    return reverse(
        "transparency:entry_version_changes",
        kwargs={"register": register, "pk": entry.pk, "number": number},
    )


def _corrected(description="Trustee of a sample youth charity."):
    entry = InterestFactory(description="Member of a sample community association.")
    entry.description = description
    entry.save()
    services.release_entry(entry=entry, by=register_publisher(), note="Corrected")
    return entry


def test_a_corrected_entry_links_from_its_row_to_what_changed(client):
    entry = _corrected()
    unchanged = InterestFactory(holder="Another Sample Holder")
    page = client.get(REGISTER).content.decode()
    assert f'href="{_changes(entry, 2)}"' in page
    assert _changes(unchanged, 1) not in page  # a first release has nothing to compare with

    response = client.get(_changes(entry, 2))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Member of a sample community association." in body  # removed
    assert "Trustee of a sample youth charity." in body  # added


def test_the_comparison_marks_only_the_changed_column(client):
    entry = _corrected()
    response = client.get(_changes(entry, 2))
    changes = response.context["changes"]
    removed = [line.text for line in changes if line.kind == "removed"]
    added = [line.text for line in changes if line.kind == "added"]
    assert removed == ["Member of a sample community association."]
    assert added == ["Trustee of a sample youth charity."]


def test_a_first_release_an_unknown_release_and_spending_have_no_comparison(client):
    entry = _corrected()
    assert client.get(_changes(entry, 1)).status_code == 404
    assert client.get(_changes(entry, 3)).status_code == 404
    url = f"/transparency/spending/{entry.pk}/versions/2/changes/"
    assert client.get(url).status_code == 404


def test_a_draft_edit_is_never_compared(client):
    entry = _corrected()
    entry.description = "DRAFTINTERESTSECRET"
    entry.save()
    body = client.get(_changes(entry, 2)).content.decode()
    assert "DRAFTINTERESTSECRET" not in body
    unreleased = InterestFactory(released=False, description="UNRELEASEDSECRET")
    assert client.get(_changes(unreleased, 1)).status_code == 404


def test_a_withdrawn_entry_answers_gone_and_loses_its_link(client):
    entry = _corrected()
    services.withdraw_entry(entry=entry, by=register_publisher(), reason="Entered in error.")
    assert client.get(_changes(entry, 2)).status_code == 410
    assert _changes(entry, 2) not in client.get(REGISTER).content.decode()


def test_a_withdrawn_earlier_release_is_not_compared_with(client):
    entry = InterestFactory(description="WITHDRAWNFIRSTSECRET")
    services.withdraw_entry(entry=entry, by=register_publisher(), reason="Entered in error.")
    entry.description = "Released again, corrected."
    entry.save()
    services.release_entry(entry=entry, by=register_publisher(), note="Released again")
    assert _changes(entry, 2) not in client.get(REGISTER).content.decode()
    assert client.get(_changes(entry, 2)).status_code == 404


class TestEntryVersionChangesAccess(AccessRule):
    url_name = "transparency:entry_version_changes"
    allowed_status = (404,)  # a first release has nothing before it: the tests above

    def make_url_kwargs(self):
        entry = InterestFactory()
        return {"register": "interests", "pk": entry.pk, "number": 1}
