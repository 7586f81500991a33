"""The sitemap is split into sections under the protocol's limits, listed by a sitemap index
at /sitemap.xml (which robots.txt names) once the site outgrows one section; every section
lists only what the public may open, and follows a withdrawal at once."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from tests.access import AccessRule
from tests.plans.factories import PlanFactory, PriorityFactory
from transparency import sitemap

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_sections(monkeypatch):
    monkeypatch.setattr(sitemap, "SECTION_SIZE", 3)


@pytest.fixture
def plan(decision_maker):
    plan = PlanFactory(slug="police-and-crime-plan-2021-2025")
    for number in (1, 2, 3, 4):
        PriorityFactory(plan=plan, number=number)
    version = Version.objects.create(
        content_type=ContentType.objects.get_for_model(plan),
        object_id=plan.pk,
        number=1,
        status=Version.Status.READY,
        document_type="plan",
        title=str(plan),
        html="<p>Published.</p>",
        document_html="<html></html>",
        change_note="Published",
        published_by=decision_maker,
        pdf="publications/test.pdf",
        sha256="0" * 64,
    )
    publishing.version_went_public(version=version)
    return plan


def _locs(text):
    return [loc.replace("http://testserver", "") for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


def _every_section(client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "<sitemapindex" in index.content.decode()
    urls = []
    for section in _locs(index.content.decode()):
        response = client.get(section)
        assert response.status_code == 200, section
        listed = _locs(response.content.decode())
        assert 1 <= len(listed) <= sitemap.SECTION_SIZE
        urls += listed
    return urls


def test_a_small_site_has_one_sitemap(client, plan):
    body = client.get("/sitemap.xml").content.decode()
    assert "<urlset" in body
    assert "/plans/police-and-crime-plan-2021-2025/" in body


def test_the_index_lists_sections_that_together_hold_every_public_url(client, plan, small_sections):
    urls = _every_section(client)
    assert sorted(urls) == sorted(url for url, _modified in sitemap.public_urls())
    assert len(urls) == len(set(urls))
    assert "/plans/police-and-crime-plan-2021-2025/priorities/4/" in urls
    sections = {sitemap.section_of(url) for url in urls}
    assert {"pages", "plans", "transparency"} <= sections
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_a_withdrawal_leaves_every_section_at_once(client, plan, small_sections, decision_maker):
    assert "/plans/police-and-crime-plan-2021-2025/" in _every_section(client)
    publishing.withdraw(obj=plan, by=decision_maker, reason="Published in error.")
    urls = _every_section(client)
    assert not [url for url in urls if url.startswith("/plans/police-and-crime-plan-2021-2025/")]


def test_an_unknown_section_or_page_is_not_found(client, plan, small_sections):
    assert client.get("/sitemaps/nonsense-1.xml").status_code == 404
    assert client.get("/sitemaps/plans-99.xml").status_code == 404


class TestSitemapSectionAccess(AccessRule):
    url_name = "transparency:sitemap_section"
    url_kwargs = {"section": "pages", "page": 1}  # the home page is always in it
