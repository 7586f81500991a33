"""The sitemap is split into sections under the protocol's limits, listed by a sitemap index
at /sitemap.xml (which robots.txt names) once the site outgrows one section; every section
lists only what the public may open, and follows a withdrawal at once."""

import re
from decimal import Decimal

import pytest

from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.plans.factories import PlanFactory, PriorityFactory
from tests.publications.factories import ready_version
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
    version = ready_version(plan, by=decision_maker)
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


def test_a_section_longer_than_a_file_goes_on_over_pages(client, plan, small_sections):
    index = _locs(client.get("/sitemap.xml").content.decode())
    assert "/sitemaps/plans.xml" in index
    assert "/sitemaps/plans.xml?p=2" in index  # the plans, the plan and its four priorities
    first = _locs(client.get("/sitemaps/plans.xml").content.decode())
    second = _locs(client.get("/sitemaps/plans.xml?p=2").content.decode())
    assert len(first) == sitemap.SECTION_SIZE
    assert second and not set(first) & set(second)


def test_an_unknown_section_or_page_is_not_found(client, plan, small_sections):
    assert client.get("/sitemaps/nonsense.xml").status_code == 404
    assert client.get("/sitemaps/plans.xml?p=99").status_code == 404
    assert client.get("/sitemaps/plans.xml?p=two").status_code == 404


def test_the_sitemap_and_its_sections_are_kept_until_a_withdrawal_and_answer_304(
    client, plan, small_sections, decision_maker, django_assert_max_num_queries
):
    client.get("/sitemaps/plans.xml")
    with django_assert_max_num_queries(1):  # the generation
        kept = client.get("/sitemaps/plans.xml")
    assert "/plans/police-and-crime-plan-2021-2025/" in kept.content.decode()
    assert client.get("/sitemaps/plans.xml", HTTP_IF_NONE_MATCH=kept["ETag"]).status_code == 304
    publishing.withdraw(obj=plan, by=decision_maker, reason="Published in error.")
    fresh = client.get("/sitemaps/plans.xml", HTTP_IF_NONE_MATCH=kept["ETag"])
    assert fresh.status_code == 200  # a fresh copy, not 304
    assert "/plans/police-and-crime-plan-2021-2025/" not in fresh.content.decode()


class TestSitemapSectionAccess(AccessRule):
    url_name = "transparency:sitemap_section"
    url_kwargs = {"section": "pages"}  # the home page is always in it


def test_the_casework_cases_cost_the_same_queries_however_many_are_released(plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from casework import services
    from casework.models import Step
    from tests.casework.factories import CaseFactory, date, release

    def released(year):
        case = CaseFactory(year=year)
        services.record_step(
            step=Step(
                case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28, year), amount=Decimal("246.45")
            ),
            by=None,
        )
        release(case)
        return case

    def queries_for_urls():
        with CaptureQueriesContext(connection) as queries:
            urls = dict(sitemap.public_urls())
        return len(queries), urls

    first = released(2021)
    one, urls = queries_for_urls()
    assert urls[first.get_absolute_url()] == first.live_version().published_at
    for year in (2022, 2023, 2024, 2025):
        released(year)
    five, urls = queries_for_urls()
    assert five == one
    assert sum(url.startswith("/panel/precept/20") for url in urls) >= 5
