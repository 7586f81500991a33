"""The public read API: its schema, pages, filters, caching headers, CORS and rate limit."""

import datetime

import pytest
from drf_spectacular.validation import validate_schema

from tests.access import AccessRule

pytestmark = pytest.mark.django_db


class TestListsAccess(AccessRule):
    url_names = (
        "api:documentation",
        "api:schema",
        "api:plans",
        "api:decisions",
        "api:meetings",
    )


class TestPlanAccess(AccessRule):
    url_name = "api:plan"
    url_kwargs = {"slug": "police-and-crime-plan-2021-2025"}
    allowed_status = (404,)


class TestFiguresAccess(AccessRule):
    url_name = "api:figures"
    url_kwargs = {"measure": 1}
    allowed_status = (404,)


class TestDecisionAccess(AccessRule):
    url_name = "api:decision"
    url_kwargs = {"year": 2021, "number": 1}
    allowed_status = (404,)


class TestMeetingAccess(AccessRule):
    url_name = "api:meeting"
    url_kwargs = {"date": "2021-12-06"}
    allowed_status = (404,)


def test_the_schema_is_valid_openapi_3(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/decisions/", "/api/v1/meetings/{date}/"} <= set(schema["paths"])


def test_the_documentation_page_lists_the_endpoints(client):
    page = client.get("/api/v1/").content.decode()
    assert "GET /api/v1/decisions/" in page
    assert "Financial year it starts in" in page
    assert "<script>" not in page.split("</main>")[0].split("<main")[1]


def test_decisions_come_in_pages_newest_first(client, applied):
    body = client.get("/api/v1/decisions/?page_size=2").json()
    assert body["count"] == 3
    assert [d["reference"] for d in body["results"]] == ["03/2022", "27/2021"]
    assert body["next"].endswith("/api/v1/decisions/?page=2&page_size=2")
    second = client.get(body["next"]).json()
    assert [d["reference"] for d in second["results"]] == ["12/2021"]


def test_decisions_are_filtered_as_the_register_is(client, applied):
    def references(query):
        return [d["reference"] for d in client.get(f"/api/v1/decisions/?{query}").json()["results"]]

    assert references("year=2022") == ["03/2022"]
    assert references("q=plan") == ["27/2021"]
    assert references("q=Deputy+approves") == ["03/2022"]
    assert references("year=nonsense") == ["03/2022", "27/2021", "12/2021"]


def test_a_decision_reads_as_its_public_page(client, applied):
    decision = client.get("/api/v1/decisions/2021/27/").json()
    assert decision["title"] == "Police and Crime Plan 2021-2025"
    assert decision["decision_date"] == "2021-12-15"
    assert decision["decision_maker"] == "Police and Crime Commissioner"
    assert decision["priorities"] == ["All priorities"]
    assert decision["notice_pdf"] == "http://testserver/decisions/2021/27.pdf"


def test_an_unchanged_answer_is_304_to_a_conditional_request(client, applied):
    first = client.get("/api/v1/decisions/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v1/decisions/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    since = client.get("/api/v1/decisions/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_any_site_may_read_it(client):
    response = client.get("/api/v1/decisions/", HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    preflight = client.options("/api/v1/decisions/", HTTP_ORIGIN="https://data.example.org")
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/v1/decisions/", {}).status_code == 405


def test_each_address_is_limited(client, settings):
    from rest_framework.settings import api_settings

    from pcc_portal.api.views.base import AddressThrottle

    original = AddressThrottle.THROTTLE_RATES
    AddressThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "api": "3/minute"}
    try:
        statuses = [client.get("/api/v1/meetings/").status_code for _ in range(4)]
        other = client.get("/api/v1/meetings/", REMOTE_ADDR="192.0.2.7")
    finally:
        AddressThrottle.THROTTLE_RATES = original
    assert statuses == [200, 200, 200, 429]
    assert other.status_code == 200


def test_meetings_with_their_agenda_and_public_papers(client, meeting):
    body = client.get("/api/v1/meetings/").json()
    assert body["count"] == 1
    (listed,) = body["results"]
    assert listed["date"] == "2021-12-06"
    assert listed["pack_pdf"] == "http://testserver/panel/meetings/2021-12-06/pack.pdf"
    items = {item["title"]: item for item in listed["agenda"]}
    (paper,) = items["PCC Update Report"]["papers"]
    assert paper["title"] == "PCC update"
    assert client.get(paper["pdf"]).status_code == 200
    exempt = items["Victim Services Contract Award"]
    assert exempt["exempt"] and exempt["papers"] == []
    assert client.get("/api/v1/meetings/2021-12-06/").json()["agenda"] == listed["agenda"]


def test_meetings_are_filtered_by_date(client, meeting):
    def dates(query):
        return [m["date"] for m in client.get(f"/api/v1/meetings/?{query}").json()["results"]]

    assert dates("from=2021-12-06") == ["2021-12-06"]
    assert dates("from=2021-12-07") == []
    assert dates("to=2021-12-05") == []
    assert dates("to=2021-13-45") == ["2021-12-06"]  # not a date: ignored
    assert client.get("/api/v1/meetings/2021-13-45/").status_code == 404


def test_lists_have_a_query_budget(client, meeting, django_assert_max_num_queries):
    from tests.panel.helpers import published_meeting

    with django_assert_max_num_queries(12) as few:
        assert client.get("/api/v1/meetings/").json()["count"] == 1
    for day in (13, 20):
        published_meeting(datetime.date(2021, 12, day))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/api/v1/meetings/").json()["count"] == 3
