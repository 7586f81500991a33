"""The feed and the register's data downloads are kept whole between releases (they carry no
nonce), keyed by the publication generation: a release or a withdrawal shows at once."""

import pytest

from pcc_portal.publications import services as publishing
from tests.decisions.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_pdfs")]

DOWNLOADS = ("/decisions/feed/", "/decisions.json")


@pytest.fixture
def published(sign, publish_decision):
    def _published(title):
        decision = sign(signed_at=at(2021, 11, 3), title=title)
        publish_decision(decision)
        decision.refresh_from_db()
        return decision

    return _published


def test_a_kept_download_is_served_without_reading_the_decisions(
    client, published, django_assert_max_num_queries
):
    published("Victims' Services Commissioning")
    for url in DOWNLOADS:
        first = client.get(url)
        assert b"Services Commissioning" in first.content
        with django_assert_max_num_queries(1):  # the generation, and nothing else
            again = client.get(url)
        assert again.content == first.content
        assert again["Content-Type"] == first["Content-Type"]


def test_a_release_and_a_withdrawal_show_at_once(client, published, decision_maker):
    first = published("Road Safety Partnership Grant")
    for url in DOWNLOADS:
        client.get(url)
    second = published("Custody Visiting Scheme Renewal")
    for url in DOWNLOADS:
        assert b"Custody Visiting Scheme Renewal" in client.get(url).content, url
    publishing.withdraw(obj=first, by=decision_maker, reason="Published in error.")
    for url in DOWNLOADS:
        body = client.get(url).content
        assert b"Road Safety Partnership Grant" not in body, url
        assert b"Custody Visiting Scheme Renewal" in body, url
    assert second.pk


def test_each_address_is_kept_apart(client, published):
    published("Road Safety Partnership Grant")
    everything = client.get("/decisions.json").content
    filtered = client.get("/decisions.json?q=no-such-words").content
    assert b"Road Safety Partnership Grant" in everything
    assert b"Road Safety Partnership Grant" not in filtered


def test_signed_in_staff_get_a_fresh_download(client, published, editor, django_assert_num_queries):
    published("Road Safety Partnership Grant")
    client.force_login(editor)
    client.get("/decisions/feed/")
    response = client.get("/decisions/feed/")
    assert b"Road Safety Partnership Grant" in response.content
