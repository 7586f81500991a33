"""The registers and the Specified Information index in the public API."""

import datetime

import pytest

from tests.access import AccessRule
from tests.api.helpers import index_document, uploaded_item
from tests.transparency.factories import (
    ContractFactory,
    ForwardPlanEntryFactory,
    GiftFactory,
    GrantFactory,
)

pytestmark = pytest.mark.django_db


class TestListsAccess(AccessRule):
    url_names = ("api:registers", "api:specified_information")


class TestRegisterEntriesAccess(AccessRule):
    url_name = "api:register_entries"
    url_kwargs = {"register": "grants"}


def test_the_registers_are_listed_with_their_fields(client):
    listed = {r["slug"]: r for r in client.get("/api/v1/registers/").json()}

    assert {"interests", "gifts-and-hospitality", "spending", "grants", "contracts"} <= set(listed)
    assert "forward-plan" in listed
    gifts = listed["gifts-and-hospitality"]
    assert gifts["entries"] == "http://testserver/api/v1/registers/gifts-and-hospitality/"
    assert gifts["url"] == "http://testserver/transparency/gifts-and-hospitality/"
    assert {"key": "donor", "heading": "Offered by"} in gifts["columns"]


def test_a_register_entry_reads_as_released(client):
    gift = GiftFactory(donor="Lancashire Business Awards")

    (entry,) = client.get("/api/v1/registers/gifts-and-hospitality/").json()["results"]

    assert entry["id"] == gift.pk
    assert entry["version"] == 1
    assert entry["change_note"] == "First release"
    assert entry["url"] == f"http://testserver/transparency/gifts-and-hospitality/#entry-{gift.pk}"
    assert entry["record"]["donor"] == "Lancashire Business Awards"
    assert entry["record"]["estimated_value"] == "25.00"
    assert entry["record"]["outcome"] == "Accepted"


def test_register_entries_come_in_pages_with_the_pages_filters(client):
    for year in (2021, 2022, 2023):
        GrantFactory(awarded_on=datetime.date(year, 7, 1), recipient=f"Partnership {year}")

    body = client.get("/api/v1/registers/grants/?page_size=2").json()
    assert body["count"] == 3
    assert [e["record"]["recipient"] for e in body["results"]] == [
        "Partnership 2023",
        "Partnership 2022",
    ]
    assert body["next"].endswith("/api/v1/registers/grants/?page=2&page_size=2")

    def recipients(query):
        return [
            e["record"]["recipient"]
            for e in client.get(f"/api/v1/registers/grants/?{query}").json()["results"]
        ]

    assert recipients("year=2022") == ["Partnership 2022"]
    assert recipients("q=2021") == ["Partnership 2021"]
    assert recipients("year=nonsense") == [
        "Partnership 2023",
        "Partnership 2022",
        "Partnership 2021",
    ]


def test_the_forward_plan_is_a_register(client):
    ForwardPlanEntryFactory(title="Approve the estates strategy")

    (entry,) = client.get("/api/v1/registers/forward-plan/").json()["results"]

    assert entry["record"]["title"] == "Approve the estates strategy"


def test_an_unknown_register_is_404(client):
    assert client.get("/api/v1/registers/parking-fines/").status_code == 404


def test_a_register_answers_304_when_unchanged(client):
    ContractFactory()
    first = client.get("/api/v1/registers/contracts/")
    again = client.get("/api/v1/registers/contracts/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_registers_have_a_query_budget(client, django_assert_max_num_queries):
    for _ in range(30):
        ContractFactory()
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/registers/contracts/").json()["results"]) == 30


# The Specified Information index -----------------------------------------------------------


def _items(client, query=""):
    return client.get(f"/api/v1/specified-information/?page_size=200&{query}").json()


def test_the_index_lists_every_item_with_its_status(client):
    from transparency import selectors
    from transparency.models import SpecifiedItem

    body = _items(client)
    rows = selectors.index_rows()
    assert body["count"] == len(rows) == SpecifiedItem.objects.count() > 0
    assert [item["code"] for item in body["results"]] == [row.item.code for row in rows]
    for item, row in zip(body["results"], rows, strict=True):
        assert item["status"] == row.freshness.status
        assert item["paragraph"] == row.item.paragraph
        assert item["reference"] == getattr(row.item, "reference", "")


def test_the_index_links_the_latest_document_and_is_filtered(client, editor):
    item = uploaded_item()
    document = index_document(item, "Senior salaries 2025", editor)

    (listed,) = [i for i in _items(client)["results"] if i["code"] == item.code]
    assert listed["url"] == f"http://testserver{document.get_absolute_url()}"
    assert listed["last_published"] == datetime.date.today().isoformat()  # noqa: DTZ011
    missing = _items(client, "status=missing")["results"]
    assert missing and {i["status"] for i in missing} == {"missing"}
    assert item.code not in [i["code"] for i in missing]
    by_paragraph = _items(client, f"paragraph={item.paragraph}")["results"]
    assert {i["paragraph"] for i in by_paragraph} == {item.paragraph}


def test_the_schema_describes_the_transparency_endpoints(client):
    from drf_spectacular.validation import validate_schema

    schema = client.get("/api/v1/openapi.json").json()
    validate_schema(schema)
    assert {
        "/api/v1/registers/",
        "/api/v1/registers/{register}/",
        "/api/v1/specified-information/",
    } <= set(schema["paths"])
    page = client.get("/api/v1/").content.decode()
    assert "GET /api/v1/registers/{register}/" in page
    assert "GET /api/v1/specified-information/" in page
