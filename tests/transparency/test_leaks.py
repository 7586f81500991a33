"""Drafts, withdrawn entries and restricted decisions never reach a public response: search,
the sitemap, the registers' CSV and JSON, the feeds and the forward plan."""

import pytest

from decisions.models import Decision
from pcc_portal.publications import services as publishing
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.pages.factories import ContentPageFactory
from tests.transparency.factories import (
    ContractFactory,
    ForwardPlanEntryFactory,
    GiftFactory,
    GrantFactory,
    InterestFactory,
)
from tests.transparency.test_search import publish_decision
from transparency import services

SECRETS = [
    "DRAFTGRANTSECRET",
    "WITHDRAWNCONTRACTSECRET",
    "DRAFTINTERESTSECRET",
    "DRAFTGIFTSECRET",
    "DRAFTFORWARDSECRET",
    "DRAFTPAGESECRET",
    "WITHDRAWNPAGESECRET",
    "PARTTWOSECRET",
    "RESTRICTEDSUMMARYSECRET",
]

PUBLIC_URLS = [
    "/search/?q=secret",
    "/search/?q=DRAFTGRANTSECRET",
    "/search/?q=WITHDRAWNCONTRACTSECRET",
    "/search/?q=WITHDRAWNPAGESECRET",
    "/search/?q=RESTRICTEDSUMMARYSECRET",
    "/search/?q=PARTTWOSECRET",
    "/sitemap.xml",
    "/transparency/",
    "/decisions/forward-plan/",
    "/alerts/decisions/feed/",
    "/alerts/meetings/feed/",
    "/alerts/transparency/feed/",
] + [
    f"/transparency/{register}{suffix}"
    for register in ("interests", "gifts-and-hospitality", "spending", "grants", "contracts")
    for suffix in ("/", ".csv", ".json")
]


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def mixed_content(editor, decision_maker, publish, django_capture_on_commit_callbacks):
    GrantFactory(status="draft", recipient="DRAFTGRANTSECRET")
    InterestFactory(status="draft", description="DRAFTINTERESTSECRET")
    GiftFactory(status="draft", donor="DRAFTGIFTSECRET")
    ForwardPlanEntryFactory(status="draft", title="DRAFTFORWARDSECRET")
    contract = ContractFactory(status="draft", title="WITHDRAWNCONTRACTSECRET")
    services.publish_entry(entry=contract, by=editor)
    services.withdraw_entry(entry=contract, by=editor)
    ContentPageFactory(slug="draft-page", title="DRAFTPAGESECRET")
    withdrawn = ContentPageFactory(slug="withdrawn-page", title="WITHDRAWNPAGESECRET")
    publish(withdrawn, editor)
    publishing.withdraw(obj=withdrawn, by=editor, reason="Published in error")
    part2 = DecisionPart2Factory(
        content="PARTTWOSECRET", decision__executive_summary="RESTRICTEDSUMMARYSECRET"
    )
    restricted = publish_decision(
        part2.decision,
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    # Things that are public, so the pages are not empty.
    GrantFactory(recipient="Sample Youth Trust")
    publish(ContentPageFactory(slug="about", title="About the Commissioner"), editor)
    published = publish_decision(
        DecisionFactory(title="Community safety grants"),
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    return restricted, published


@pytest.mark.django_db
def test_nothing_unpublished_or_restricted_reaches_a_public_response(client, mixed_content):
    restricted, published = mixed_content
    assert Decision.objects.public().filter(pk=restricted.pk).exists()  # its stub is public
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        body = _body(response)
        if url.startswith("/search/"):
            # The page repeats what was searched for; what it found must not say it again.
            body = body.replace(url.split("q=")[1], "")
            assert "0 results" in body, url
        for secret in SECRETS:
            assert secret not in body, f"{secret} leaked at {url}"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in sitemap
    assert restricted.get_absolute_url() not in sitemap
    assert "/pages/about/" in sitemap
    assert "/pages/withdrawn-page/" not in sitemap
    assert "/manage/" not in sitemap


@pytest.mark.django_db
def test_restricted_decisions_are_left_out_of_the_decisions_feed(client, mixed_content):
    restricted, published = mixed_content
    feed = client.get("/alerts/decisions/feed/").content.decode()
    assert published.get_absolute_url() in feed
    assert restricted.get_absolute_url() not in feed


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_staff_pages_and_names_the_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /manage/" in robots
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
