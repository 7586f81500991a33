"""The public registers mark what was imported from the previous system (#19): the entry's
live release says so in its change note, and the register shows that note beside the entry."""

import pytest

from pcc_portal.publications import services as publishing
from tests.decisions.factories import DecisionFactory
from tests.publications.factories import ready_version
from tests.transparency.factories import InterestFactory, register_publisher

pytestmark = pytest.mark.django_db

NOTE = "Imported from the previous system on 3 December 2026."
SHOWN = "Imported from the previous system on 3 December 2026</span>"


def test_a_register_marks_an_entry_imported_from_the_previous_system(client):
    imported = InterestFactory(description="Governor of a sample school", released=False)
    publishing.publish(obj=imported, by=register_publisher(), note=NOTE)
    InterestFactory(description="Member of a sample rowing club")

    page = client.get("/transparency/interests/").content.decode()

    row = page[page.index(f'id="entry-{imported.pk}"') :].split("</tr>")[0]
    assert SHOWN in row and "data-imported" in row
    assert page.count("data-imported") == 1  # the entry released here is not marked


def test_an_entry_edited_and_released_since_its_import_is_no_longer_marked(client):
    entry = InterestFactory(description="Governor of a sample school", released=False)
    publishing.publish(obj=entry, by=register_publisher(), note=NOTE)
    publishing.publish(obj=entry, by=register_publisher(), note="Corrected the school's name")

    assert "data-imported" not in client.get("/transparency/interests/").content.decode()


def _release(decision, by, note):
    ready_version(decision, by=by, document_type="decision", change_note=note)


def test_the_decisions_register_marks_decisions_imported_from_the_previous_system(
    client, decision_maker
):
    imported = DecisionFactory(title="Victims' services grant", financial_year=2019, number=4)
    _release(imported, decision_maker, NOTE)
    made_here = DecisionFactory(title="Road safety campaign", financial_year=2024, number=2)
    _release(made_here, decision_maker, "Published")

    page = client.get("/decisions/").content.decode()

    row = page[page.index("Victims&#x27; services grant") :].split("</tr>")[0]
    assert SHOWN in row
    assert page.count("data-imported") == 1
