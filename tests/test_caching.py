"""Cached parts of public pages are keyed by the publication generation, which every release
and withdrawal moves on in its own transaction: a page is never stale after a release, a
withdrawal or a re-release (stale would be a leak of what was withdrawn).

Here: the generation itself, the performance dashboard and a measure's page, the home page, and
conditional GET and compression; test_caching_public_pages has the other public pages."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from pcc_portal import caching
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from performance import periods, services
from tests.caching_helpers import _ready, _without_nonce
from tests.performance.factories import DataPointFactory
from tests.plans.factories import MeasureFactory, PlanFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("performance:dashboard")


def _publish_plan(plan, by, number=1):
    return _ready(plan, by, number, "plan")


@pytest.fixture
def dashboard_plan(decision_maker):
    plan = PlanFactory(slug="police-and-crime-plan-2021-2025")
    for n in range(3):
        measure = MeasureFactory(priority__plan=plan, wording=f"Burglaries in district {n}")
        DataPointFactory(measure=measure, value=Decimal("1111"))
    _publish_plan(plan, decision_maker)
    return plan


def test_the_generation_moves_on_with_a_release_and_not_with_a_rolled_back_one(
    dashboard_plan, decision_maker
):
    before = caching.generation()
    publishing.withdraw(obj=dashboard_plan, by=decision_maker, reason="Published in error.")
    withdrawn = caching.generation()
    assert withdrawn != before
    with pytest.raises(RuntimeError), transaction.atomic():
        _publish_plan(dashboard_plan, decision_maker, number=2)
        assert caching.generation() != withdrawn  # seen inside the transaction that releases
        raise RuntimeError("the release fails")
    assert caching.generation() == withdrawn


def test_the_generation_time_moves_on_with_a_withdrawal(dashboard_plan, decision_maker):
    """Last-Modified of downloads and the API is the generation's time: a withdrawal must move
    it on, or a client asking If-Modified-Since would keep what was withdrawn."""
    from datetime import timedelta

    from pcc_portal.caching.models import Generation

    caching.bump()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Generation.objects.update(changed_at=an_hour_ago)

    publishing.withdraw(obj=dashboard_plan, by=decision_maker, reason="Published in error.")

    assert Generation.objects.get().changed_at > an_hour_ago + timedelta(minutes=59)


def test_the_generation_is_the_rows_number_and_the_moment_it_changed(dashboard_plan):
    """Read with a statement of its own on every request: the same instant as the row's, on
    SQLite (naive UTC text) as on PostgreSQL, or Last-Modified would be an hour out in summer."""
    from pcc_portal.caching.models import Generation

    caching.bump()
    row = Generation.objects.get()
    assert caching.generation() == f"{row.number}.{row.changed_at.timestamp():.6f}"
    request = RequestFactory().get("/")
    assert caching.request_generation(request) == caching.generation()


def test_the_dashboard_is_served_from_the_cache_until_a_release(
    client, dashboard_plan, decision_maker, django_assert_max_num_queries
):
    first = client.get(DASHBOARD)
    assert "1,111" in first.content.decode() or "1111" in first.content.decode()
    with django_assert_max_num_queries(3):  # the generation, and no content query
        cached = client.get(DASHBOARD)
    assert _without_nonce(cached) == _without_nonce(first)

    measure = dashboard_plan.measures.first()
    quarter = periods.Period.quarter(2021, 2)
    DataPointFactory(
        measure=measure, period_start=quarter.start, value=Decimal("2222"), released_at=None
    )
    assert "2,222" not in client.get(DASHBOARD).content.decode()  # a draft is not public
    services.release_figures(quarter=quarter, by=decision_maker)
    page = client.get(DASHBOARD).content.decode()
    assert "2,222" in page or "2222" in page


def test_a_withdrawal_and_a_re_release_show_at_once(client, dashboard_plan, decision_maker):
    assert "Burglaries in district 0" in client.get(DASHBOARD).content.decode()
    publishing.withdraw(obj=dashboard_plan, by=decision_maker, reason="Published in error.")
    assert "Burglaries in district 0" not in client.get(DASHBOARD).content.decode()
    _publish_plan(dashboard_plan, decision_maker, number=2)
    assert "Burglaries in district 0" in client.get(DASHBOARD).content.decode()


def test_a_measure_page_is_kept_until_its_figures_or_its_plan_change(
    client, dashboard_plan, decision_maker, django_assert_max_num_queries
):
    measure = dashboard_plan.measures.order_by("pk").first()
    url = reverse("performance:measure", args=[measure.pk])
    first = client.get(url)
    assert "1,111" in first.content.decode() or "1111" in first.content.decode()
    with django_assert_max_num_queries(1):  # the generation, and no content query
        cached = client.get(url)
    assert _without_nonce(cached) == _without_nonce(first)

    quarter = periods.Period.quarter(2021, 2)
    DataPointFactory(
        measure=measure, period_start=quarter.start, value=Decimal("2222"), released_at=None
    )
    assert "2222" not in client.get(url).content.decode().replace(",", "")  # a draft
    services.release_figures(quarter=quarter, by=decision_maker)
    assert "2222" in client.get(url).content.decode().replace(",", "")
    services.withdraw_figures(quarter=quarter, by=decision_maker, reason="Recorded twice.")
    assert "2222" not in client.get(url).content.decode().replace(",", "")

    publishing.withdraw(obj=dashboard_plan, by=decision_maker, reason="Published in error.")
    assert client.get(url).status_code == 404
    _publish_plan(dashboard_plan, decision_maker, number=2)
    assert client.get(url).status_code == 200


def test_signed_in_users_never_get_a_cached_part(
    client, dashboard_plan, editor, django_assert_num_queries
):
    client.get(DASHBOARD)  # cached for the public
    client.force_login(editor)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    assert any("performance_datapoint" in q["sql"] for q in queries.captured_queries)


def test_each_response_keeps_its_own_nonce(client, dashboard_plan):
    first, second = client.get(DASHBOARD), client.get(DASHBOARD)
    nonces = [_nonce(first), _nonce(second)]
    assert nonces[0] and nonces[1] and nonces[0] != nonces[1]
    for response, nonce in zip((first, second), nonces, strict=True):
        assert f'nonce="{nonce}"' in response.content.decode()
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_a_fragment_with_a_nonce_or_a_form_token_is_never_stored(db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    calls = []

    def render(text):
        def _render():
            calls.append(text)
            return text

        return _render

    for text in ['<script nonce="abc">', '<input name="csrfmiddlewaretoken" value="x">']:
        caching.cached_fragment(request, "t", render(text), [text])
        caching.cached_fragment(request, "t", render(text), [text])
    assert len(calls) == 4
    caching.cached_fragment(request, "t", render("<p>Public</p>"), ["p"])
    caching.cached_fragment(request, "t", render("<p>Public</p>"), ["p"])
    assert len(calls) == 5


def _generation_number():
    from pcc_portal.caching.models import Generation

    return Generation.objects.values_list("number", flat=True).first() or 0


@pytest.mark.parametrize("republish", [False, True], ids=["whole", "an-older-version"])
def test_a_release_and_a_withdrawal_each_move_the_generation_on_exactly_once(
    dashboard_plan, decision_maker, republish
):
    """One mechanism moves it on (the rows saved, pcc_portal.caching.signals), not the rows and
    the publishing listeners both."""
    before = _generation_number()
    if republish:
        _publish_plan(dashboard_plan, decision_maker, number=2)
        assert _generation_number() == before + 1
        before += 1
    publishing.withdraw(
        obj=dashboard_plan,
        by=decision_maker,
        reason="Published in error.",
        up_to_number=1 if republish else None,
    )
    assert _generation_number() == before + 1


def test_saving_a_row_public_pages_read_moves_the_generation_on(dashboard_plan):
    before = caching.generation()
    measure = dashboard_plan.measures.first()
    measure.wording = "Renamed"
    measure.save()
    assert caching.generation() != before


def _nonce(response):
    match = re.search(r'nonce="([^"]+)"', response.content.decode())
    return match.group(1) if match else None


# Conditional GET and compression ------------------------------------------------------------


@pytest.mark.parametrize("url", ["/decisions/feed/", "/decisions.csv", "/panel/meetings.ics"])
def test_feeds_and_exports_answer_304_until_a_release(
    client, url, dashboard_plan, decision_maker, django_assert_max_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert first["Last-Modified"]
    with django_assert_max_num_queries(1):  # the generation only
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    publishing.withdraw(obj=dashboard_plan, by=decision_maker, reason="Published in error.")
    after = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag


def test_signed_in_users_get_full_downloads(client, editor, dashboard_plan):
    etag = client.get("/decisions/feed/")["ETag"]
    client.force_login(editor)
    assert client.get("/decisions/feed/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_pdf_has_its_checksum_and_date_and_answers_304(decision_maker):
    from django.core.files.base import ContentFile
    from django.test import RequestFactory

    from pcc_portal.publications.responses import version_pdf_response

    version = Version(
        title="A notice", ready_at=timezone.now(), sha256="a" * 64, status=Version.Status.READY
    )
    version.pdf.save("caching-test.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    response = version_pdf_response(version, filename="notice.pdf")
    assert response["ETag"] == f'"{"a" * 64}"'
    assert response["Last-Modified"]
    from django.middleware.http import ConditionalGetMiddleware

    request = RequestFactory().get("/x.pdf", HTTP_IF_NONE_MATCH=response["ETag"])
    middleware = ConditionalGetMiddleware(lambda request: response)
    assert middleware(request).status_code == 304


def test_html_is_compressed_and_downloads_keep_working(client, dashboard_plan):
    page = client.get(DASHBOARD, HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["Vary"]


def test_the_home_page_is_cached_and_shows_a_meeting_arranged_or_moved_at_once(
    client, django_assert_max_num_queries
):
    import datetime

    from tests.panel.factories import MeetingFactory

    day = timezone.localdate() + datetime.timedelta(days=10)
    client.get("/")
    with django_assert_max_num_queries(2):
        assert client.get("/").status_code == 200
    meeting = MeetingFactory(date=day)
    page = client.get("/").content.decode()
    assert f"{day:%-d %B %Y}" in page
    meeting.status = "cancelled"
    meeting.status_reason = "The Commissioner is unwell."
    meeting.save()
    assert "cancelled" in client.get("/").content.decode()
