"""Site search: only published, unrestricted content, inside PDFs too, titles ranked first."""

import datetime

import pytest
from django.urls import reverse

from decisions import services as decisions
from pcc_portal.pages.models import ContentPage
from pcc_portal.publications import services as publishing
from tests import searching
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.pages.factories import ContentPageFactory
from tests.transparency.factories import ContractFactory, GrantFactory
from transparency.models import SearchEntry
from transparency.search import indexing


def publish_decision(decision, *, editor, decision_maker, capture):
    """Take a decision from draft to published: written by ``editor``, declared by the
    monitoring officer and the chief finance officer, signed by ``decision_maker`` (who holds
    its office), published by ``editor``."""
    decisions.submit_decision(decision=decision, by=editor)
    declare(decision)
    decisions.sign_decision(decision=decision, by=decision_maker)
    with capture(execute=True):
        decisions.publish_decision(decision=decision, by=editor, note="First publication")
    decision.refresh_from_db()
    return decision


@pytest.mark.django_db
def test_search_finds_a_phrase_that_is_only_inside_a_published_pdf(monkeypatch, editor, publish):
    # The page's search text is its title alone, so the phrase can only come from the PDF.
    monkeypatch.setattr(ContentPage, "publication_text", lambda self: self.title)
    page = ContentPageFactory(
        title="Estates strategy",
        slug="estates",
        body="The headquarters at Hutton will keep its **custody suite refurbishment** plan.",
    )
    publish(page, editor)
    entry = SearchEntry.objects.get(object_id=page.pk, kind="page")
    assert "custody suite refurbishment" in entry.body
    assert searching.titles('"custody suite refurbishment"') == ["Estates strategy"]


@pytest.mark.django_db
def test_a_title_match_ranks_before_a_body_match(editor, publish):
    publish(
        ContentPageFactory(
            title="Budget overview",
            slug="budget",
            body="The precept pays for policing. The precept rises each year; the precept "
            "is set in February.",
        ),
        editor,
    )
    publish(
        ContentPageFactory(title="Precept 2026/27", slug="precept", body="Set in February."), editor
    )
    assert searching.titles("precept") == ["Precept 2026/27", "Budget overview"]


@pytest.mark.django_db
def test_search_never_returns_a_draft_or_a_withdrawn_page(editor, publish, client):
    ContentPageFactory(title="Draft about victims", slug="draft", body="Victims code draft.")
    withdrawn = ContentPageFactory(title="Old victims page", slug="old", body="Victims code.")
    publish(withdrawn, editor)
    assert searching.titles("victims") == ["Old victims page"]
    publishing.withdraw(obj=withdrawn, by=editor, reason="Out of date")
    assert searching.titles("victims") == []
    assert "Old victims page" not in client.get("/search/?q=victims").content.decode()


@pytest.mark.django_db
def test_search_never_returns_a_restricted_decision(
    editor, decision_maker, django_capture_on_commit_callbacks
):
    part2 = DecisionPart2Factory(decision__title="Estate disposal at Sample Road")
    publish_decision(
        part2.decision,
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    open_decision = publish_decision(
        DecisionFactory(title="Community safety partnership grants"),
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    assert searching.titles("estate disposal") == []
    assert searching.titles("bidders prices") == []
    assert searching.titles("partnership") == [open_decision.publication_title()]


@pytest.mark.django_db
def test_registers_are_searchable_once_published_and_gone_when_withdrawn(editor):
    from transparency import services

    grant = GrantFactory(released=False, recipient="Sample Women's Centre")
    assert searching.titles("women's centre") == []
    services.release_entry(entry=grant, by=editor, note="First release")
    assert searching.titles("women's centre") == ["Grant to Sample Women's Centre: £12,500.00"]
    services.withdraw_entry(entry=grant, by=editor, reason="Published in error")
    assert searching.titles("women's centre") == []


@pytest.mark.django_db
def test_results_filter_by_type_and_year_and_highlight_the_words(client, editor):
    from transparency import services

    for entry in (
        GrantFactory(
            released=False,
            purpose="Knife crime awareness in schools",
            awarded_on=datetime.date(2024, 5, 1),
        ),
        ContractFactory(released=False, title="Knife crime education programme"),
    ):
        services.release_entry(entry=entry, by=editor, note="First release")
    assert len(searching.titles("knife crime")) == 2
    assert len(searching.titles("knife crime", kind="grant")) == 1
    assert len(searching.titles("knife crime", year=2024)) == 1
    page = client.get(reverse("transparency:search"), {"q": "knife", "type": "contract"})
    html = page.content.decode()
    assert "<mark>Knife</mark>" in html
    assert "Contract OPCC" in html and "Grant to" not in html


@pytest.mark.django_db
def test_a_search_runs_a_fixed_number_of_queries(client, editor, django_assert_max_num_queries):
    from transparency import services

    for _ in range(30):
        services.release_entry(entry=GrantFactory(released=False), by=editor, note="First release")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("transparency:search"), {"q": "youth diversion"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_failure_to_index_leaves_the_object_out_of_search_but_still_published(
    monkeypatch, editor, publish
):
    page = ContentPageFactory(title="Victims code", slug="victims-code", body="Rights.")
    publish(page, editor)
    assert searching.titles("victims") == ["Victims code"]

    def broken(*args, **kwargs):
        raise RuntimeError("PDF reader crashed")

    # Indexing reads pdf_text from its own module.
    monkeypatch.setattr(indexing, "pdf_text", broken)
    version = publish(page, editor, note="Corrected a date")
    assert version.status == version.Status.READY  # the publication went ahead
    assert searching.titles("victims") == []  # and search shows nothing stale


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"q": "a\x00b"}, {"q": "fleet", "type": "grant\x00"}, {"q": "fleet", "year": "2025\x00"}],
)
def test_a_nul_byte_in_the_search_is_a_bad_request_not_a_crash(client, params):
    # PostgreSQL refuses NUL in text, so it would fail inside the query; it fails here first.
    client.raise_request_exception = False
    GrantFactory(recipient="Fleet charity")
    response = client.get(reverse("transparency:search"), params)
    assert response.status_code == 400
    assert "Sorry, there is a problem with your request" in response.content.decode()


@pytest.mark.django_db
def test_a_year_that_is_not_one_is_ignored_not_a_crash(client):
    response = client.get(reverse("transparency:search"), {"q": "fleet", "year": "\u00b2"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_results_are_kept_for_each_query_and_filter_until_a_release_or_withdrawal(
    client, editor, django_assert_max_num_queries
):
    from transparency import services

    url = reverse("transparency:search")
    grant = GrantFactory(released=False, purpose="Knife crime awareness in schools")
    services.release_entry(entry=grant, by=editor, note="First release")
    assert "awareness in schools" in client.get(url, {"q": "knife"}).content.decode()
    with django_assert_max_num_queries(1):  # the generation, and no search
        assert "awareness in schools" in client.get(url, {"q": "knife"}).content.decode()
    # Each query, filter and page is kept apart.
    assert "awareness in schools" not in client.get(url, {"q": "burglary"}).content.decode()
    assert (
        "awareness in schools"
        not in client.get(url, {"q": "knife", "type": "contract"}).content.decode()
    )

    contract = ContractFactory(released=False, title="Knife crime education programme")
    services.release_entry(entry=contract, by=editor, note="First release")
    assert "education programme" in client.get(url, {"q": "knife"}).content.decode()
    services.withdraw_entry(entry=grant, by=editor, reason="Published in error")
    assert "awareness in schools" not in client.get(url, {"q": "knife"}).content.decode()
    services.release_entry(entry=grant, by=editor, note="Released again")
    assert "awareness in schools" in client.get(url, {"q": "knife"}).content.decode()
