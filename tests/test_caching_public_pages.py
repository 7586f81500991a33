"""Each public page beyond the dashboard is cached and never stale after a release, a withdrawal
or a re-release: the decisions register, a meeting page, the transparency index and its
registers, and a decision's, a plan's, a priority's and a quarterly report's own page."""

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from tests.caching_helpers import _ready, _without_nonce
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db


# The decisions register, a meeting page, the transparency index and its registers ----------


class _Decision:
    url = "/decisions/"
    marker = "Knife crime education fund"

    def release(self, by):
        from tests.decisions.factories import DecisionFactory

        self.obj = DecisionFactory(title=self.marker, financial_year=2024, number=7)
        _ready(self.obj, by, 1, "decision")

    def re_release(self, by):
        _ready(self.obj, by, 2, "decision")


class _Meeting:
    marker = "PCC Update Report"

    def release(self, by):
        from panel.models import AgendaPack
        from tests.panel.helpers import published_meeting

        self.meeting = published_meeting()
        self.obj = AgendaPack.objects.get(meeting=self.meeting)
        self.url = self.meeting.get_absolute_url()

    def re_release(self, by):
        from panel.services import packs

        version = packs.publish_pack(meeting=self.meeting, by=by, note="Republished")
        packs.start_build(build_id=version.pack_build.pk)


class _Register:
    url = "/transparency/interests/"
    marker = "Trustee of the Lancaster canal society"

    def release(self, by):
        from tests.transparency.factories import InterestFactory

        self.obj = InterestFactory(description=self.marker)

    def re_release(self, by):
        publishing.publish(obj=self.obj, by=by, note="Released again")


class _Index:
    url = "/transparency/"
    marker = "Tackling anti-social behaviour"

    def release(self, by):
        from tests.plans.factories import PriorityFactory

        self.obj = PlanFactory(slug="plan-2021-2025")
        PriorityFactory(plan=self.obj, number=1, title=self.marker)
        self.re_release(by, number=1)

    def re_release(self, by, number=2):
        from plans.services import freeze_parts

        freeze_parts(plan=self.obj, version=_ready(self.obj, by, number, "plan"))


class _DecisionPage:
    """A decision's own page: what it shows is kept whole, the decision found by its address
    included, so a cached page reads the generation alone; withdrawn, it answers 410."""

    marker = "The fund pays for knife crime lessons in schools."
    cached_queries = 1
    withdrawn_status = 410

    def release(self, by):
        from tests.decisions.factories import DecisionFactory

        self.obj = DecisionFactory(
            title="Knife crime education fund", financial_year=2024, number=8
        )
        self.url = self.obj.get_absolute_url()
        _ready(self.obj, by, 1, "decision", html=f"<p>{self.marker}</p>")

    def re_release(self, by):
        _ready(self.obj, by, 2, "decision", html=f"<p>{self.marker}</p>")


class _PlanPage:
    """A plan's page: the plan and its live version are kept, and the page's content."""

    marker = "The plan as the Commissioner issued it."
    cached_queries = 1
    withdrawn_status = 410

    def release(self, by):
        from tests.plans.factories import PriorityFactory

        self.obj = PlanFactory(slug="plan-2021-2025")
        PriorityFactory(plan=self.obj, number=1, title="Tackling anti-social behaviour")
        self.url = self.obj.get_absolute_url()
        self.re_release(by, number=1)

    def re_release(self, by, number=2):
        from plans.services import freeze_parts

        version = _ready(self.obj, by, number, "plan", html=f"<p>{_PlanPage.marker}</p>")
        freeze_parts(plan=self.obj, version=version)


class _PriorityPage(_PlanPage):
    """A priority's page: the priority as published and its golden thread are kept."""

    marker = "Tackling anti-social behaviour"

    def release(self, by):
        super().release(by)
        self.url = reverse("plans:priority", args=[self.obj.slug, 1])


class _ReportPage:
    """A quarterly report's page: the report and its live version are kept, and the page's
    content (the frozen report and its versions)."""

    marker = "Burglary fell by a tenth in the quarter."
    cached_queries = 1
    withdrawn_status = 410

    def release(self, by):
        from tests.performance.factories import QuarterlyReportFactory

        self.obj = QuarterlyReportFactory(financial_year=2021, quarter=2)
        self.url = self.obj.get_absolute_url()
        _ready(self.obj, by, 1, "performance", html=f"<p>{self.marker}</p>")

    def re_release(self, by):
        _ready(self.obj, by, 2, "performance", html=f"<p>{self.marker}</p>")


PAGES = [
    _Decision,
    _Meeting,
    _Register,
    _Index,
    _DecisionPage,
    _PlanPage,
    _PriorityPage,
    _ReportPage,
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.__name__.strip("_").lower())
def test_a_public_page_is_cached_and_never_stale_after_a_release_a_withdrawal_or_a_re_release(
    client, page, decision_maker, django_assert_max_num_queries
):
    page = page()
    page.release(decision_maker)
    first = client.get(page.url)
    assert first.status_code == 200
    assert page.marker in first.content.decode()
    # The generation and, for most pages, the address's object; no content.
    with django_assert_max_num_queries(getattr(page, "cached_queries", 4)):
        cached = client.get(page.url)
    assert _without_nonce(cached) == _without_nonce(first)

    publishing.withdraw(obj=page.obj, by=decision_maker, reason="Published in error.")
    withdrawn = client.get(page.url)
    assert withdrawn.status_code == getattr(page, "withdrawn_status", 200)
    assert page.marker not in withdrawn.content.decode()

    page.re_release(decision_maker)
    assert page.marker in client.get(page.url).content.decode()


@pytest.mark.parametrize(
    "page", [_DecisionPage, _PlanPage, _PriorityPage], ids=["decision", "plan", "priority"]
)
def test_signed_in_staff_read_an_objects_page_afresh(client, page, decision_maker, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = page()
    page.release(decision_maker)
    client.get(page.url)  # kept for the public
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    assert any("publications_version" in q["sql"] for q in queries.captured_queries)


def test_the_decisions_register_keeps_a_cached_part_for_each_filter_and_page(
    client, decision_maker
):
    page = _Decision()
    page.release(decision_maker)
    assert page.marker in client.get("/decisions/").content.decode()
    filtered = client.get("/decisions/", {"q": "nothing like it"}).content.decode()
    assert page.marker not in filtered
    assert 'value="nothing like it"' in filtered
    assert page.marker in client.get("/decisions/", {"q": "knife"}).content.decode()


def test_a_register_keeps_a_cached_part_for_each_filter(client, decision_maker):
    page = _Register()
    page.release(decision_maker)
    assert page.marker in client.get(page.url).content.decode()
    assert page.marker not in client.get(page.url, {"q": "nothing like it"}).content.decode()
    assert page.marker in client.get(page.url, {"q": "canal"}).content.decode()
