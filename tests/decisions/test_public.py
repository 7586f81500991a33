"""The public register, notices, open data and feed: what the public reads of decisions."""

import json

import pytest

from decisions import opendata
from pcc_portal.accounts import roles
from pcc_portal.accounts.models import Office
from tests.accounts.factories import UserFactory, hold
from tests.decisions.conftest import at
from tests.decisions.factories import DecisionPart2Factory
from tests.pdfs import pdf_text
from tests.plans.factories import PlanFactory, PriorityFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(sign, publish_decision):
    def _published(signed_at=None, **fields):
        decision = sign(signed_at=signed_at or at(2021, 11, 3), **fields)
        publish_decision(decision)
        decision.refresh_from_db()
        return decision

    return _published


@pytest.fixture
def restricted(sign, publish_decision):
    part2 = DecisionPart2Factory(
        decision__title="Victim Services Contract Award",
        decision__executive_summary="Award the victim services contract to the chosen bidder.",
        decision__priority_scope="governance",
    )
    sign(decision=part2.decision, signed_at=at(2021, 11, 3))
    publish_decision(part2.decision)
    return part2.decision


def test_the_register_lists_published_decisions_not_drafts(client, published, sign):
    decision = published(title="Community Safety Partnerships Funding")
    sign(title="Signed but not yet published")
    page = client.get("/decisions/").content.decode()
    assert "Community Safety Partnerships Funding" in page
    assert decision.reference in page
    assert "Signed but not yet published" not in page
    assert "1 decision" in page


def test_the_register_filters_by_year_priority_decision_maker_and_text(client, published):
    victims = PriorityFactory(
        plan=PlanFactory(previous_term=True),
        number=3,
        title="Supporting vulnerable people and victims",
    )
    a = published(
        title="Victim Services Contract",
        priority_scope="plan",
        priorities=[victims],
        signed_at=at(2021, 11, 3),
    )
    director = Office.objects.create(
        kind=Office.Kind.DELEGATED, title="Director of Resources", value_limit=50_000
    )
    b = published(
        title="Section 22 NPoCC",
        decision_maker=director,
        value=5_000,
        signed_at=at(2022, 5, 10),
        signed_by=hold(UserFactory(roles=[roles.DECISION_MAKER]), office=director),
    )
    c = published(
        title="Financial position", priority_scope="governance", signed_at=at(2021, 11, 4)
    )

    def titles(**query):
        html = client.get("/decisions/", query).content.decode()
        return {d.title for d in (a, b, c) if f">{d.title}<" in html or f">{d.title} " in html}

    assert titles() == {a.title, b.title, c.title}
    assert titles(year=2021) == {a.title, c.title}
    assert titles(year=2022) == {b.title}
    assert titles(priority=victims.pk) == {a.title}
    assert titles(priority="governance") == {c.title}
    assert titles(decision_maker=director.pk) == {b.title}
    assert titles(q="npocc") == {b.title}
    assert titles(q=a.reference) == {a.title}


def test_a_nul_byte_in_a_filter_is_a_bad_request(client, published):
    # PostgreSQL refuses NUL in text; the filter form ignored it and listed every decision.
    published(title="Section 22 NPoCC")
    client.raise_request_exception = False
    for params in ({"q": "a\x00b"}, {"decision_maker": "\x00"}, {"q\x00": "npocc"}):
        assert client.get("/decisions/", params).status_code == 400, params


def test_the_register_is_paginated_and_keeps_the_filters(client, published, fast_pdfs):
    from decisions.views import public

    for number in range(public.PER_PAGE + 2):
        published(title=f"Grant {number}", signed_at=at(2021, 11, 3))
    first = client.get("/decisions/", {"year": 2021}).content.decode()
    assert "page 1 of 2" in first
    assert "year=2021&amp;page=2" in first
    second = client.get("/decisions/", {"year": 2021, "page": 2}).content.decode()
    assert "page 2 of 2" in second


def test_the_register_stays_within_its_query_budget(
    client, published, fast_pdfs, django_assert_max_num_queries
):
    for number in range(10):
        published(
            title=f"Grant {number}",
            priority_scope="plan",
            priorities=[PriorityFactory(plan=PlanFactory(previous_term=True))],
        )
    with django_assert_max_num_queries(12):
        client.get("/decisions/")
    with django_assert_max_num_queries(8):
        client.get("/decisions.csv")
    with django_assert_max_num_queries(8):
        client.get("/decisions.json")
    with django_assert_max_num_queries(8):
        client.get("/decisions/feed/")


def test_a_decision_page_shows_part1(client, published):
    decision = published(title="Police and Crime Plan 2021-2025")
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Police and Crime Plan 2021-2025" in page
    assert "Executive summary" in page and decision.recommendation in page
    assert "Background and advice" in page and "Monitoring officer" in page


def test_a_restricted_decision_shows_only_its_stub_to_the_public(client, restricted):
    page = client.get(restricted.get_absolute_url()).content.decode()
    assert "Victim Services Contract Award (restricted)" in page
    assert restricted.reference in page and "Governance" in page
    assert "3 November 2021" in page
    assert "Award the victim services contract" not in page
    assert restricted.report_by not in page
    text = pdf_text(client.get(restricted.get_pdf_url()))
    assert "(restricted)" in text.lower() or "RESTRICTED" in text
    assert "Award the victim services contract" not in text


def test_a_search_for_a_restricted_decisions_withheld_words_finds_nothing(client, restricted):
    page = client.get("/decisions/", {"q": "chosen bidder"}).content.decode()
    assert "0 decisions" in page
    page = client.get("/decisions/", {"q": "Victim Services"}).content.decode()
    assert "1 decision" in page


def test_unpublished_decisions_answer_404(client, sign):
    decision = sign()
    assert client.get(f"/decisions/{decision.financial_year}/{decision.number}/").status_code == 404
    assert (
        client.get(f"/decisions/{decision.financial_year}/{decision.number}.pdf").status_code == 404
    )


def test_the_notice_pdf_reads_like_the_decision_form(client, published):
    decision = published(
        title="Police and Crime Plan 2021 - 2025",
        report_by="Ian Dickinson, Head of Governance",
        signed_at=at(2022, 1, 6),
    )
    response = client.get(f"/decisions/2021/{decision.number}.pdf")
    assert response["Content-Type"] == "application/pdf"
    flat = pdf_text(response)
    for expected in (
        f"DECISION {decision.reference}".lower(),
        "date",
        "report by",
        "ian dickinson, head of governance",
        "executive summary",
        "recommendation",
        "signature",
        "6/1/2022",
        "part i",
        "background and advice",
        "public access to information",
        "officer declaration",
        "monitoring officer",
    ):
        assert expected in flat.lower(), expected


def test_csv_and_json_carry_the_documented_fields(client, published, restricted):
    decision = published(title="Financial position as at 30 September 2021")
    response = client.get("/decisions.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert list(rows[0].keys()) == opendata.FIELD_NAMES
    by_reference = {row["reference"]: row for row in rows}
    assert by_reference[decision.reference]["executive_summary"]
    assert by_reference[decision.reference]["restricted"] == "false"
    stub = by_reference[restricted.reference]
    assert stub["restricted"] == "true" and stub["title"] == "Victim Services Contract Award"
    assert stub["executive_summary"] == "" and stub["decision_maker"] == ""

    data = json.loads(client.get("/decisions.json").content)
    assert [field["name"] for field in data["fields"]] == opendata.FIELD_NAMES
    assert {record["reference"] for record in data["decisions"]} == set(by_reference)
    assert data["documentation"].endswith("/decisions/data/")
    help_page = client.get("/decisions/data/").content.decode()
    for name in opendata.FIELD_NAMES:
        assert f"<code>{name}</code>" in help_page


def test_the_atom_feed_lists_published_decisions(client, published, restricted):
    decision = published(title="Section 22 - NPoCC")
    response = client.get("/decisions/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "<feed" in feed and f"{decision.reference}: Section 22 - NPoCC" in feed
    assert "Victim Services Contract Award (restricted)" in feed
    assert "chosen bidder" not in feed


def test_a_title_that_looks_like_a_formula_is_quoted_in_the_csv(client, published):
    published(title='=HYPERLINK("http://example.com")')
    rows = csv_rows(client.get("/decisions.csv"))
    assert rows[0]["title"].startswith("'=")
    data = json.loads(client.get("/decisions.json").content)
    assert data["decisions"][0]["title"].startswith("=")  # JSON is data, not a spreadsheet


def test_the_latest_decisions_partial_lists_only_published_ones(published, sign):
    from django.template import Context, Template

    decision = published(title="Section 22 - NPoCC")
    sign(title="Signed, awaiting publication")
    html = Template("{% load decisions_tags %}{% latest_decisions 5 %}").render(Context())
    assert "Section 22 - NPoCC" in html and decision.get_absolute_url() in html
    assert "awaiting publication" not in html


def test_a_decisions_address_follows_its_reference(client, published):
    from decisions import services

    services.continue_numbering(financial_year=2021, last_number=7)
    decision = published(title="Section 22 - NPoCC")
    assert decision.reference == "08/2021"
    assert decision.get_absolute_url() == "/decisions/2021/08/"
    assert decision.get_pdf_url() == "/decisions/2021/08.pdf"
    assert client.get("/decisions/2021/8/").status_code == 200  # the short form works too


def test_an_unrestricted_decision_says_it_has_a_part2_and_why_without_its_content(
    client, sign, publish_decision
):
    part2 = DecisionPart2Factory(
        decision__title="Estates Strategy",
        decision__is_restricted=False,
        grounds="commercial",
        exemption="The Hutton site's valuation by the district valuer",
        content="The valuation figures.",
    )
    decision = sign(decision=part2.decision, signed_at=at(2021, 11, 3))
    publish_decision(decision)
    note = (
        "This decision has a Part 2 that is not published because it contains commercially "
        "sensitive information (Freedom of Information Act 2000, section 43)."
    )
    page = " ".join(client.get(decision.get_absolute_url()).content.decode().split())
    assert note in page
    assert "Hutton" not in page and "valuation figures" not in page
    text = pdf_text(client.get(decision.get_pdf_url()))
    assert note in text
    assert "Hutton" not in text


def test_a_decision_without_part2_or_restricted_says_nothing_of_one(client, published, restricted):
    plain = published(title="Section 22 - NPoCC")
    assert "has a Part 2" not in client.get(plain.get_absolute_url()).content.decode()
    assert "has a Part 2" not in client.get(restricted.get_absolute_url()).content.decode()


def test_the_notice_shows_each_declaration_and_the_signature_with_name_office_and_date(
    client, published, decision_maker, monitoring_officer, finance_officer
):
    decision = published(title="Police and Crime Plan 2021 - 2025", signed_at=at(2022, 1, 6))
    text = pdf_text(client.get(decision.get_pdf_url()))
    assert (
        f"Signed electronically by {decision_maker.get_full_name()}, Police and Crime "
        "Commissioner" in text
    )
    assert f"{monitoring_officer.get_full_name()}, Monitoring Officer" in text
    assert f"{finance_officer.get_full_name()}, Chief Finance Officer" in text
    csv_row = client.get("/decisions.csv").getvalue().decode("utf-8-sig")
    assert "Police and Crime Commissioner" in csv_row
